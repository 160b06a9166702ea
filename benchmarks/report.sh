#!/usr/bin/env bash
# `oncotrial report` against R survminer on the same data, in one run: the whole report (every table and figure as
# HTML, DOCX, RTF, CSV, SVG, PNG, ard.json, adam/) against R drawing only the two Kaplan-Meier figures, survminer
# ggsurvplot with a risk table for PFS and OS saved as PNG (benchmarks/r/report-survminer.R), from the ADTTE our
# run wrote. Prints both times, the ratio and the goals (ours < 3 s wall on 2 cores, at least 10x faster than R).
#
#   bash benchmarks/report.sh            5 repetitions of each, the median reported
#   REPS=3 bash benchmarks/report.sh
#
# Input: the built-in reference cohort when `oncotrial report` runs without --study; until then a study of 51
# enrolled subjects written by benchmarks/r/gen-report-study.R (17 renamed copies of the committed valid-minimal study).
# Needs the .NET 10 SDK and R with survival and survminer (Debian: r-cran-survminer, installed here when missing).
# Data and outputs go to benchmarks/data/report/ (git-ignored; ONCOTRIAL_BENCH_DATA overrides benchmarks/data).
# Timings are whole processes, wall clock (/usr/bin/time %e) with user + sys CPU beside them; the R line also gives
# the plots alone (after the packages are loaded), measured inside R.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${REPS:-5}"
data="${ONCOTRIAL_BENCH_DATA:-benchmarks/data}/report"
rm -rf "$data" && mkdir -p "$data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

if ! Rscript --vanilla -e 'library(survminer)' >/dev/null 2>&1; then
  echo "installing r-cran-survminer from Debian..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-survminer) >/dev/null 2>&1 || { echo "r-cran-survminer could not be installed; R's side cannot run." >&2; exit 1; }
fi

echo "oncotrial report vs R survminer, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores available, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(Rscript --vanilla -e 'cat(R.version.string, "| survival", format(packageVersion("survival")), "| survminer", format(packageVersion("survminer")), "| ggplot2", format(packageVersion("ggplot2")))') | .NET SDK $(dotnet --version)"

dotnet build src/OncoTrial.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build benchmarks/OncoTrial.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
bench=benchmarks/OncoTrial.Benchmarks/bin/Release/net10.0/oncotrial-bench
cli=src/OncoTrial.Cli/bin/Release/net10.0/oncotrial

# The study: the built-in cohort if `report` takes no --study, else the generated one.
study_args=()
if "$cli" report --out "$data/probe" >/dev/null 2>&1; then
  input="the built-in reference cohort"
else
  Rscript --vanilla benchmarks/r/gen-report-study.R tests/OncoTrial.Clinical.Tests/Study/studies/valid-minimal "$data/study" 17
  study_args=(--study "$data/study")
  input="$(($(wc -l <"$data/study/dm.csv") - 1)) subjects in DM ($data/study, benchmarks/r/gen-report-study.R)"
fi
rm -rf "$data/probe"
echo "input: $input"

# R's input: the ADTTE of our run (adam/adtte.csv), else `oncotrial derive --format csv`.
"$cli" report "${study_args[@]}" --out "$data/ours" >/dev/null 2>"$data/ours.err" || { cat "$data/ours.err" >&2; exit 1; }
adtte="$data/ours/adam/adtte.csv"
if [[ ! -f "$adtte" ]]; then
  "$cli" derive "${study_args[@]}" --out "$data/adam" --format csv >/dev/null 2>&1
  adtte="$data/adam/adtte.csv"
fi
echo "ADTTE: $adtte ($(grep -c ',PFS,' "$adtte") PFS and $(grep -c ',OS,' "$adtte") OS records)"

# The same two figures by OncoTrial: `oncotrial survival --plot` (Kaplan-Meier with CI band, censor marks, median
# lines and the numbers at risk, 300-dpi PNG) for PFS and OS from the same ADTTE, two whole processes.
same_figures() {
  for param in PFS OS; do
    "$cli" survival --input "$adtte" --time AVAL --censor CNSR --where "PARAMCD=$param" --times 365.25 --plot "$data/km/km-${param,,}.png" >/dev/null
  done
}
mkdir -p "$data/km"

ours=() theirs=() plots=() same=()
for ((i = 0; i < reps; i++)); do
  start=$(date +%s%N)
  same_figures
  same+=("$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')")
  rm -rf "$data/ours"
  /usr/bin/time -f "%e %U %S" -o "$data/time.txt" "$cli" report "${study_args[@]}" --out "$data/ours" >/dev/null 2>&1
  ours+=("$(cat "$data/time.txt")")
  plots+=("$(/usr/bin/time -f "%e %U %S" -o "$data/time.txt" Rscript --vanilla benchmarks/r/report-survminer.R "$adtte" "$data/r" 2>/dev/null | awk '/^plots/ { print $2 }')")
  theirs+=("$(cat "$data/time.txt")")
done
[[ -f "$data/r/km-pfs.png" && -f "$data/r/km-os.png" ]] || { echo "R wrote no PNG; run benchmarks/r/report-survminer.R by hand to see why." >&2; exit 1; }

median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'; }
ow=$(printf '%s\n' "${ours[@]}" | awk '{ print $1 }' | median)
oc=$(printf '%s\n' "${ours[@]}" | awk '{ print $2 + $3 }' | median)
rw=$(printf '%s\n' "${theirs[@]}" | awk '{ print $1 }' | median)
rc=$(printf '%s\n' "${theirs[@]}" | awk '{ print $2 + $3 }' | median)
rp=$(printf '%s\n' "${plots[@]}" | median)
files=$(find "$data/ours" -type f | wc -l)
echo
echo "oncotrial report: $files files ($(du -sh "$data/ours" | cut -f1)); R: 2 PNG files"
echo "each run, wall s: ours $(printf '%s\n' "${ours[@]}" | awk '{ printf "%s ", $1 }')| R $(printf '%s\n' "${theirs[@]}" | awk '{ printf "%s ", $1 }')| R plots alone ${plots[*]}"
echo
echo "| what | median wall s (CPU s) | ratio R / ours | goal | met |"
echo "|---|---:|---:|---|---|"
awk -v ow="$ow" -v oc="$oc" 'BEGIN { printf "| oncotrial report, whole process | %s (%s) | | < 3 s | %s |\n", ow, oc, (ow < 3 ? "met" : "**not met**") }'
awk -v rw="$rw" -v rc="$rc" -v ow="$ow" 'BEGIN { r = rw / ow; printf "| R survminer PFS + OS PNG, whole Rscript | %s (%s) | %.1fx | >= 10x | %s |\n", rw, rc, r, (r >= 10 ? "met" : "**not met**") }'
awk -v rp="$rp" -v ow="$ow" 'BEGIN { r = rp / ow; printf "| R survminer plots alone (packages loaded) | %s | %.1fx | | |\n", rp, r }'
sw=$(printf '%s\n' "${same[@]}" | median)
awk -v rw="$rw" -v sw="$sw" 'BEGIN { r = rw / sw; printf "| the same two figures by oncotrial survival --plot (2 processes) vs the whole Rscript | %s | %.1fx | >= 10x | %s |\n", sw, r, (r >= 10 ? "met" : "**not met**") }'
# The figures alone on both sides: ours in one process after a warm-up (KM analysis + 300-dpi PNG of PFS and OS,
# median of 5), R's after library(survminer) (the "plots alone" above).
fa=$("$bench" km-figures --adtte "$adtte" --out "$data/km-loaded" --reps 5 | awk '/^figures/ { print $2 }')
awk -v rp="$rp" -v fa="$fa" 'BEGIN { r = rp / fa; printf "| the same two figures, loaded (ours in-process after a warm-up) vs R plots alone | %s | %.1fx | >= 10x | %s |\n", fa, r, (r >= 10 ? "met" : "**not met**") }'
