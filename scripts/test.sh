#!/usr/bin/env bash
# `make test`: start the real services, run the whole suite, stop what this run started.
# Extra arguments go to pytest (e.g. `scripts/test.sh tests/home -x`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

already_running=false
scripts/services.sh status >/dev/null 2>&1 && already_running=true
scripts/services.sh start
if [ "$already_running" = false ]; then
  trap 'scripts/services.sh stop' EXIT
fi
eval "$(scripts/services.sh env)"
eval "$(scripts/browser.sh)"
mkdir -p test-results

.venv/bin/python -m pytest "$@"
