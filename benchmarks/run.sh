#!/usr/bin/env bash
# OncoTrial against R survival on the same data, in one run: generate the seeded data set(s) once (R), time R
# (benchmarks/r/bench.R) and OncoTrial (benchmarks/OncoTrial.Benchmarks), check that the numbers agree to 1e-9
# relative, and print a table of R seconds, OncoTrial seconds, ratio and target.
#
#   bash benchmarks/run.sh            n = 1e6 (all workloads) and n = 1e7 (Kaplan-Meier and log-rank); several minutes
#   bash benchmarks/run.sh --quick    n = 1e6 only, fewer repetitions; about a minute
#
# Both end with the whole-process CSV workload (2e6 rows, benchmarks/r/gen-csv.R): `oncotrial survival` on the CSV
# against Rscript doing read.csv + survfit + survdiff + coxph on it, and the CSV read alone in MB/s.
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

# Whole process on a CSV: the median of REPS wall-clock runs of each (start-up, JIT, read, analyses, output), the
# CPU seconds (user + sys) of the same runs, and a check that both found the same log-rank chi-square and Cox
# coefficient (1e-9 relative). Usage: csv_process REPS
csv_process() {
  local reps=$1 rows=2000000 file="$data/csv/big.csv"
  if [[ ! -f "$file" ]] || [[ "$(cat "$data/csv/n.txt" 2>/dev/null)" != "$rows" ]]; then
    Rscript --vanilla benchmarks/r/gen-csv.R "$rows" "$file"
    echo "$rows" >"$data/csv/n.txt"
  fi
  dotnet build src/OncoTrial.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
  local cli=src/OncoTrial.Cli/bin/Release/net10.0/oncotrial
  local args=(survival --input "$file" --time time --event status --group group --format json)
  echo
  echo "== whole process on a CSV of $rows rows ($(du -m "$file" | cut -f1) MB), $reps repetitions each; load average $(cut -d' ' -f1-3 /proc/loadavg) =="
  dotnet "$bench" csv --file "$file" --reps 3
  local ours=() theirs=() r_out
  for ((i = 0; i < reps; i++)); do
    /usr/bin/time -f "%e %U %S" -o "$data/csv/time.txt" "$cli" "${args[@]}" >/dev/null
    ours+=("$(cat "$data/csv/time.txt")")
    r_out=$(/usr/bin/time -f "%e %U %S" -o "$data/csv/time.txt" Rscript --vanilla benchmarks/r/survival-csv.R "$file")
    theirs+=("$(cat "$data/csv/time.txt")")
  done
  "$cli" "${args[@]}" >"$data/csv/oncotrial.json"
  median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'; }
  local ow oc rw rc rn rchisq rcoef ochisq ocoef
  ow=$(printf '%s\n' "${ours[@]}" | awk '{ print $1 }' | median)
  oc=$(printf '%s\n' "${ours[@]}" | awk '{ print $2 + $3 }' | median)
  rw=$(printf '%s\n' "${theirs[@]}" | awk '{ print $1 }' | median)
  rc=$(printf '%s\n' "${theirs[@]}" | awk '{ print $2 + $3 }' | median)
  read -r rn rchisq rcoef <<<"$r_out"
  ochisq=$(grep -o -m1 '"chisq": *[-0-9.eE+]*' "$data/csv/oncotrial.json" | head -1 | sed 's/.*: *//')
  ocoef=$(grep -o -m1 '"coef": *[-0-9.eE+]*' "$data/csv/oncotrial.json" | head -1 | sed 's/.*: *//')
  local agree
  agree=$(awk -v a="$ochisq" -v b="$rchisq" -v c="$ocoef" -v d="$rcoef" 'function rel(x, y) { return (x > y ? x - y : y - x) / (y < 0 ? -y : y) } BEGIN { print (rel(a, b) <= 1e-9 && rel(c, d) <= 1e-9) ? "yes" : "NO" }')
  echo "R: n = $rn, log-rank chi-square $rchisq, Cox coef $rcoef; OncoTrial: chi-square $ochisq, coef $ocoef; agree to 1e-9: $agree"
  echo
  echo "| workload | rows | R s (CPU s) | OncoTrial s (CPU s) | ratio | target | met |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  awk -v rw="$rw" -v rc="$rc" -v ow="$ow" -v oc="$oc" -v n="$rows" 'BEGIN { r = rw / ow; printf "| survival on a CSV, whole process | %d | %s (%s) | %s (%s) | %.1fx | 10x | %s |\n", n, rw, rc, ow, oc, r, (r >= 10 ? "met" : "**not met**") }'
  [[ $agree == yes ]]
}

status=0
if [[ $quick == 1 ]]; then
  run 1e6 1e6 "$all" 1 3 50 2000 || status=1
  csv_process 1 || status=1
else
  run 1e6 1e6 "$all" 3 5 200 10000 || status=1
  run 1e7 1e7 "$large" 1 3 0 0 || status=1
  csv_process 3 || status=1
fi
exit $status
