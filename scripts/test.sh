#!/usr/bin/env bash
# `make test`: start the real services, run the whole suite, stop what this run started.
# Extra arguments go to pytest (e.g. `scripts/test.sh tests/home -x`; `-n 0`: in one process).
# The tests run in APOP_TEST_WORKERS pytest-xdist workers (default 3: on 2 cores, the browser and
# database tests wait on I/O much of the time; README.md gives the figures).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The services already running (a `make services` before, for other work) are left running at the
# end: only those this run starts are stopped.
started=()
for service in $(scripts/services.sh list); do
  scripts/services.sh status "$service" >/dev/null 2>&1 || started+=("$service")
done

# The services and the browser tools (on a fresh machine: downloads and Go builds) come up in the
# background while the Python dependencies install: neither needs the other.
tools_env=$(mktemp)
(scripts/services.sh start && scripts/browser.sh >"$tools_env") &
tools=$!
cleanup() {
  wait "$tools" 2>/dev/null || true
  [ ${#started[@]} -eq 0 ] || scripts/services.sh stop "${started[@]}"
  rm -f "$tools_env"
}
trap cleanup EXIT
make --no-print-directory messages-compile
wait "$tools"   # with CI=true, a service or tool that could not start ends the run here
eval "$(scripts/services.sh env)"
eval "$(cat "$tools_env")"
mkdir -p test-results

.venv/bin/python -m pytest -n "${APOP_TEST_WORKERS:-3}" "$@"
