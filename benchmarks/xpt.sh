#!/usr/bin/env bash
# XPT read speed: OncoTrial's XptFile.Read against R foreign::read.xport on the same file (1e6 rows x 10 columns
# by default), with a checksum both must agree on. Usage: bash benchmarks/xpt.sh [ROWS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-1000000}"
data="${ONCOTRIAL_BENCH_DATA:-benchmarks/data}/xpt"
export DOTNET_gcServer=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/OncoTrial.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
ours=$(dotnet benchmarks/OncoTrial.Benchmarks/bin/Release/net10.0/oncotrial-bench.dll xpt --rows "$rows" --out "$data/adtte.xpt")
theirs=$(Rscript --vanilla benchmarks/r/xpt.R "$data/adtte.xpt" 3)
echo "$ours"
echo "$theirs"
read -r _ n1 c1 s1 t1 w1 bytes <<<"$ours"
read -r _ n2 c2 s2 t2 <<<"$theirs"
if [[ "$n1" != "$n2" || "$c1" != "$c2" ]] || ! awk -v a="$s1" -v b="$s2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 1e-9 * (b < 0 ? -b : b)) }'; then
  echo "XPT benchmark: OncoTrial and R disagree on the file ($n1x$c1, sum $s1 vs $n2x$c2, sum $s2)"; exit 1
fi
ratio=$(awk -v r="$t2" -v o="$t1" 'BEGIN { printf "%.1f", r / o }')
echo
echo "| workload | rows | file MB | R read.xport s | OncoTrial s | ratio | OncoTrial write s |"
echo "|---|---:|---:|---:|---:|---:|---:|"
echo "| XPT read, 10 columns | $n1 | $(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }') | $t2 | $t1 | ${ratio}x | $w1 |"
