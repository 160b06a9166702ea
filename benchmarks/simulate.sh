#!/usr/bin/env bash
# OncoTrial's single-arm simulation against a plain vectorised R script, same machine, same run, same trial count:
# the paper's design (median 5.7 vs 9.8 months, accrual 12 + follow-up 12, 50 patients per trial, exponential dropout
# 20% by month 12, one analysis at month 24, exponential test on log hazard, two-sided alpha 0.05) simulated under H1.
# Prints trials per minute of each, the ratio and both powers (they must agree to Monte Carlo error).
#
#   bash benchmarks/simulate.sh [TRIALS]     default 2,000,000 trials
#
# OncoTrial uses every core (Parallel.For over chunks) and skips the Kaplan-Meier fit (--km-trials 0): the
# benchmark is "one analysis", the design's test. The R script is single-threaded, as plain R is.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-2000000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "OncoTrial simulate benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "$(Rscript --vanilla -e 'cat(R.version.string)') | .NET SDK $(dotnet --version)"
dotnet build src/OncoTrial.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
cli=src/OncoTrial.Cli/bin/Release/net10.0/oncotrial

args=(simulate single-arm --median0 5.7 --median1 9.8 --accrual 12 --follow-up 12 --n 50 --dropout 0.2
      --alpha 0.05 --seed 1 --km-trials 0 --format json)
"$cli" "${args[@]}" --trials 20000 >/dev/null   # warm the disk cache; JIT still counts below
start=$(date +%s.%N)
json=$("$cli" "${args[@]}" --trials "$trials")
end=$(date +%s.%N)
our_s=$(echo "$end - $start" | bc -l)
our_power=$(echo "$json" | grep -A6 '"exponential_test"' | grep '"rate_toward_h1"' | sed 's/.*: //; s/,//')

read -r _ r_s r_rate r_power < <(Rscript --vanilla benchmarks/r/simulate.R "$trials" 1)
our_rate=$(echo "$trials / $our_s * 60" | bc -l)
printf '%-12s %12s %10s %18s %8s\n' "" trials seconds "trials/minute" power
printf '%-12s %12d %10.3f %18.0f %8.4f\n' OncoTrial "$trials" "$our_s" "$our_rate" "$our_power"
printf '%-12s %12d %10.3f %18.0f %8.4f\n' "R (plain)" "$trials" "$r_s" "$r_rate" "$r_power"
printf 'ratio OncoTrial / R: %.1fx (target >= 50x); OncoTrial >= 1,000,000 trials/minute: %s\n' \
  "$(echo "$our_rate / $r_rate" | bc -l)" "$( (( $(echo "$our_rate >= 1000000" | bc -l) )) && echo yes || echo no)"
