#!/usr/bin/env bash
# Wall time of `oncotrial reproduce` on the built-in reference cohort (issue 12: under 2 s on a 2-core machine): the
# whole process, start to exit (runtime start, JIT, reading the cohort from the assembly, validate, RECIST,
# endpoints, exposure, CTCAE/safety, disposition, statistics, the comparison, text output), Release build.
# Usage: bash benchmarks/reproduce.sh [RUNS]   (default 7; prints each run and the median)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/OncoTrial.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
cli=src/OncoTrial.Cli/bin/Release/net10.0/oncotrial.dll
rc=0
dotnet "$cli" reproduce >/dev/null || rc=$?  # warms the disk cache; exit 1 means a count differs (timed all the same)
times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  dotnet "$cli" reproduce >/dev/null || true
  end=$(date +%s%N)
  t=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  times+=("$t")
  echo "run $i: $t s"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "reproduce on the built-in cohort: median $median s of $runs runs on $(nproc) cores (target < 2 s); exit code $rc"
