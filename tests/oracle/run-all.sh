#!/usr/bin/env bash
# Re-runs every oracle script (tests/oracle/*.R) and writes its fixture into OUTDIR
# (default: tests/oracle/fixtures, i.e. regenerates the committed fixtures).
# Run from anywhere; the scripts are run from the repository root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/tests/oracle/fixtures}"
mkdir -p "$out"
cd "$root"
for script in tests/oracle/*.R; do
  echo "oracle: $script -> $out"
  Rscript --vanilla "$script" "$out"
done
