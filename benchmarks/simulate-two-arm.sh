#!/usr/bin/env bash
# OncoTrial's two-arm group-sequential survival simulation against rpact's C++ getSimulationSurvival, same machine, same
# run, same trial count: HR 0.7, control median 12, uniform accrual over 24 months (follow-up 12 to size the design),
# 600 patients, one-sided alpha 0.025, power 0.8, three analyses with Lan-DeMets O'Brien-Fleming spending at events
# 84, 167, 250 (ceiling of rpact's eventsPerStage; OncoTrial's design gives the same), simulated under H1.
# Prints trials per second of each, the ratio and both powers with Monte Carlo SE (they must agree to MC error).
#
#   bash benchmarks/simulate-two-arm.sh [TRIALS]     default 10,000 trials (rpact's maxNumberOfIterations)
#
# rpact is timed around getSimulationSurvival only (R start-up and package loading excluded). OncoTrial is timed twice:
# the whole CLI process (start-up, JIT, design computation, output: the conservative number the ratio uses) and the
# simulation alone as the CLI reports it (JSON trials_per_second). OncoTrial uses every core; rpact one.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-10000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "OncoTrial two-arm simulate benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "$(Rscript --vanilla -e 'cat(R.version.string, "| rpact", as.character(packageVersion("rpact")))') | .NET SDK $(dotnet --version)"
dotnet build src/OncoTrial.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
cli=src/OncoTrial.Cli/bin/Release/net10.0/oncotrial

args=(simulate two-arm --hr 0.7 --median-control 12 --accrual 24 --follow-up 12 --n 600 --alpha 0.025 --power 0.8
      --stages 3 --spending obf --seed 1 --format json)
"$cli" "${args[@]}" --trials 1000 >/dev/null   # warm the disk cache; JIT still counts below
start=$(date +%s.%N)
json=$("$cli" "${args[@]}" --trials "$trials")
end=$(date +%s.%N)
our_s=$(echo "$end - $start" | bc -l)
field() { echo "$json" | grep "\"$1\"" | head -1 | sed 's/.*: //; s/,//'; }
our_power=$(field rejection_rate); our_se=$(field rejection_rate_mc_se); our_inproc=$(field trials_per_second)
our_events=$(field expected_events); our_patients=$(field expected_patients); our_duration=$(field expected_duration)
planned=$(echo "$json" | tr -d ' \n' | sed 's/.*"planned_events":\[\([0-9,]*\)\].*/\1/')

read -r _ r_s r_rate r_power r_se r_planned r_events r_patients r_duration < <(Rscript --vanilla benchmarks/r/simulate-two-arm.R "$trials" 1)
our_rate=$(echo "$trials / $our_s" | bc -l)
printf '%-22s %8s %9s %10s %8s %7s %10s %9s %9s %9s\n' "" trials seconds "trials/s" power "MC SE" events E[events] E[n] E[dur]
printf '%-22s %8d %9.3f %10.0f %8.4f %7.4f %10s %9.1f %9.1f %9.2f\n' "OncoTrial (process)" "$trials" "$our_s" "$our_rate" "$our_power" "$our_se" "$planned" "$our_events" "$our_patients" "$our_duration"
printf '%-22s %8d %9s %10.0f\n' "OncoTrial (simulation)" "$trials" "" "$our_inproc"
printf '%-22s %8d %9.3f %10.0f %8.4f %7.4f %10s %9.1f %9.1f %9.2f\n' "rpact C++" "$trials" "$r_s" "$r_rate" "$r_power" "$r_se" "$r_planned" "$r_events" "$r_patients" "$r_duration"
diff=$(echo "$our_power - $r_power" | bc -l); se=$(echo "sqrt($our_se^2 + $r_se^2)" | bc -l)
printf 'ratio OncoTrial / rpact: %.1fx whole process, %.1fx simulation alone (target >= 5x)\n' \
  "$(echo "$our_rate / $r_rate" | bc -l)" "$(echo "$our_inproc / $r_rate" | bc -l)"
printf 'power difference %.4f = %.1f SE of the difference (same power within MC error if |z| < 2: %s)\n' \
  "$diff" "$(echo "$diff / $se" | bc -l)" "$( (( $(echo "($diff / $se)^2 < 4" | bc -l) )) && echo yes || echo no)"
