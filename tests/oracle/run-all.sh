#!/usr/bin/env bash
# Re-runs every oracle script (tests/oracle/*.R) and writes its fixture into OUTDIR
# (default: tests/oracle/fixtures, i.e. regenerates the committed fixtures).
# A script that needs the real data in ../shared/data exits with status 3 when it is absent: it is reported as
# skipped and its name is appended to OUTDIR/.skipped. Any other failure stops the run with a non-zero status.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/tests/oracle/fixtures}"
mkdir -p "$out"
cd "$root"
: > "$out/.skipped"
for script in tests/oracle/*.R; do
  echo "oracle: $script -> $out"
  Rscript --vanilla "$script" "$out"
  rc=$?
  if [ "$rc" -eq 3 ]; then
    echo "oracle: skipped $script (its real data is not here)"
    basename "$script" .R >> "$out/.skipped"
  elif [ "$rc" -ne 0 ]; then
    echo "oracle: $script failed with status $rc" >&2
    exit "$rc"
  fi
done
[ -s "$out/.skipped" ] || rm -f "$out/.skipped"
exit 0
