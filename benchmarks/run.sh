#!/usr/bin/env bash
# OncoTrial against R survival on the same data, in one run: generate the seeded data set(s) once (R), time R
# (benchmarks/r/bench.R) and OncoTrial (benchmarks/OncoTrial.Benchmarks), check that the numbers agree to 1e-9
# relative, and print a table of R seconds, OncoTrial seconds, ratio and target.
#
#   bash benchmarks/run.sh            n = 1e6 (all workloads) and n = 1e7 (Kaplan-Meier and log-rank); several minutes
#   bash benchmarks/run.sh --quick    n = 1e6 only, fewer repetitions; about a minute
#
# Needs the .NET 10 SDK and R with survival. Data go to benchmarks/data/ (git-ignored; override with
# ONCOTRIAL_BENCH_DATA). Exit code 1 when a number disagrees with R.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [[ "${1:-}" == "--quick" ]]; then quick=1; fi
data="${ONCOTRIAL_BENCH_DATA:-benchmarks/data}"
all="km_day,km_cont,logrank_day,logrank_cont,cox,coxfit,small"
large="km_day,km_cont,logrank_day,logrank_cont"

# Single-threaded comparison: workstation, non-concurrent GC; R is single-threaded.
export DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

echo "OncoTrial benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores available ($(grep -c ^processor /proc/cpuinfo) in /proc/cpuinfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "$(Rscript --vanilla -e 'cat(R.version.string, "| survival", format(packageVersion("survival")))') | .NET SDK $(dotnet --version)"

dotnet build benchmarks/OncoTrial.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
bench=benchmarks/OncoTrial.Benchmarks/bin/Release/net10.0/oncotrial-bench.dll

# run N LABEL WORKLOADS R_REPS OUR_REPS R_SMALL_CALLS OUR_SMALL_CALLS
run() {
  local n=$1 label=$2 workloads=$3
  local dir="$data/n$label"
  if [[ ! -f "$dir/n.txt" ]] || [[ "$(cat "$dir/n.txt")" != "$(printf '%.0f' "$n")" ]]; then
    Rscript --vanilla benchmarks/r/gen.R "$n" "$dir"
  fi
  echo
  echo "== n = $label: R (reps $4) =="
  Rscript --vanilla benchmarks/r/bench.R "$dir" "$dir/r.tsv" "$4" "$6" "$workloads"
  echo "== n = $label: OncoTrial (warm-up + reps $5) =="
  dotnet "$bench" --data "$dir" --reps "$5" --small-calls "$7" --workloads "$workloads" \
    --json "$dir/oncotrial.json" --r "$dir/r.tsv" --label "n = $label"
}

status=0
if [[ $quick == 1 ]]; then
  run 1e6 1e6 "$all" 1 3 50 2000 || status=1
else
  run 1e6 1e6 "$all" 3 5 200 10000 || status=1
  run 1e7 1e7 "$large" 1 3 0 0 || status=1
fi
exit $status
