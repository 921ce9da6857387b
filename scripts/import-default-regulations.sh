#!/bin/sh
# Re-imports the default regulations listed in scripts/default-regulations.txt from ../shared/corpus.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${LIANJIAN_SHARED_CORPUS:-$here/../shared/corpus}
grep -v '^#' "$here/scripts/default-regulations.txt" | grep . | while IFS= read -r f; do printf '%s\0' "$corpus/$f"; done |
  xargs -0 node "$here/bin/lianjian.mjs" import regulations --out "$here/content/regulations" "$@"
