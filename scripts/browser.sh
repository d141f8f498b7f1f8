#!/usr/bin/env bash
# Makes the browser-test tools available and prints `export …` lines for them:
#   - Debian's Chromium (never Playwright's own download, which cannot work here),
#   - axe-core from the npm registry, cached under ~/.cache/apop/npm.
# With CI=true a missing tool fails this script; otherwise the browser tests skip with a reason.
set -euo pipefail

CACHE_DIR=${APOP_CACHE_DIR:-$HOME/.cache/apop}
AXE_VERSION=4.14.1
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
AXE_JS="$CACHE_DIR/npm/axe-core-$AXE_VERSION/node_modules/axe-core/axe.min.js"

log() { printf '[browser] %s\n' "$*" >&2; }
problem() {
  if [ "${CI:-}" = "true" ]; then log "ERROR: $*"; exit 1; fi
  log "WARNING: $* — the browser tests will be SKIPPED."
}

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
  fi
  [ -x "$CHROMIUM" ] || problem "Chromium is not installed ($CHROMIUM)"
fi

if [ ! -f "$AXE_JS" ]; then
  if command -v npm >/dev/null; then
    log "installing axe-core $AXE_VERSION from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$CACHE_DIR/npm/axe-core-$AXE_VERSION" \
      "axe-core@$AXE_VERSION" >&2 || true
  fi
  [ -f "$AXE_JS" ] || problem "axe-core is not available (npm install axe-core@$AXE_VERSION failed)"
fi

[ -x "$CHROMIUM" ] && echo "export CHROMIUM_PATH=$CHROMIUM"
[ -f "$AXE_JS" ] && echo "export AXE_CORE_PATH=$AXE_JS"
exit 0
