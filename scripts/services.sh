#!/usr/bin/env bash
# Starts and stops the real services the test suite talks to, on 127.0.0.1 only.
#
#   scripts/services.sh start [SERVICE…]   start (idempotent: a running service is left alone)
#   scripts/services.sh stop  [SERVICE…]   stop  (idempotent)
#   scripts/services.sh status             exit 0 when every service runs
#   scripts/services.sh env                print `export VAR=…` lines for the running services
#
# Services: postgres (later issues add the search engine, stripe-mock and the S3 server).
# Downloads are cached under ~/.cache/apop (APOP_CACHE_DIR), never in the repository; runtime state
# (data, logs, ports) lives in a throwaway folder under /tmp, one per checkout.
# With CI=true a service that cannot start fails this script; otherwise it warns loudly and the
# tests that need the service skip with a reason.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${APOP_CACHE_DIR:-$HOME/.cache/apop}
STATE_DIR=${APOP_STATE_DIR:-/tmp/apop-services-$(printf %s "$REPO" | sha1sum | cut -c1-10)}
SERVICE_USER=${APOP_SERVICE_USER:-apop}   # PostgreSQL and search engines refuse to run as root
ALL_SERVICES=(postgres)
PG_VERSION=15

log() { printf '[services] %s\n' "$*" >&2; }

problem() {
  # A service could not start: fatal on CI, a loud warning elsewhere.
  if [ "${CI:-}" = "true" ]; then
    log "ERROR: $*"
    exit 1
  fi
  log "################################################################################"
  log "WARNING: $* — the tests that need it will be SKIPPED."
  log "################################################################################"
  return 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

ensure_service_user() {
  is_root || return 0
  id "$SERVICE_USER" >/dev/null 2>&1 || useradd --system --create-home --shell /bin/bash "$SERVICE_USER"
}

as_service_user() {
  if is_root; then runuser -u "$SERVICE_USER" -- "$@"; else "$@"; fi
}

apt_install() {
  # Debian packages, installed only when missing; needs root (CI runs as root).
  is_root || { log "cannot install $* without root"; return 1; }
  command -v apt-get >/dev/null || { log "no apt-get to install $*"; return 1; }
  log "installing Debian packages: $*"
  if [ ! -f "$STATE_DIR/.apt-updated" ]; then
    apt-get update -qq >&2 && touch "$STATE_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

prepare_state_dir() {
  mkdir -p "$STATE_DIR/env.d"
  chmod 755 "$STATE_DIR"
}

# --- PostgreSQL --------------------------------------------------------------------------------
PG_DIR="$STATE_DIR/postgres"
pg_bin() { echo "/usr/lib/postgresql/$PG_VERSION/bin"; }

postgres_running() {
  [ -f "$PG_DIR/port" ] && [ -x "$(pg_bin)/pg_isready" ] \
    && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$(cat "$PG_DIR/port")"
}

postgres_start() {
  if postgres_running; then
    log "postgres already running on port $(cat "$PG_DIR/port")"
    return 0
  fi
  if [ ! -x "$(pg_bin)/postgres" ]; then
    apt_install "postgresql-$PG_VERSION" || { problem "PostgreSQL $PG_VERSION is not installed"; return 1; }
  fi
  ensure_service_user
  mkdir -p "$PG_DIR"
  is_root && chown "$SERVICE_USER" "$PG_DIR"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    as_service_user "$(pg_bin)/initdb" -D "$PG_DIR/data" -U apop --auth=trust -E UTF8 \
      --no-locale >"$PG_DIR/initdb.log" 2>&1 || { problem "initdb failed (see $PG_DIR/initdb.log)"; return 1; }
  fi
  local port
  port=$(free_port)
  # A throwaway cluster: durability settings off, which makes the suite several times faster.
  if ! as_service_user "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null; then
    problem "PostgreSQL did not start (see $PG_DIR/postgres.log)"
    return 1
  fi
  echo "$port" >"$PG_DIR/port"
  for _ in $(seq 1 30); do postgres_running && break; sleep 0.5; done
  postgres_running || { problem "PostgreSQL does not answer on port $port"; return 1; }
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U apop -d postgres -tAq \
    -c "SELECT 1 FROM pg_database WHERE datname = 'apop'" | grep -q 1 \
    || "$(pg_bin)/createdb" -h 127.0.0.1 -p "$port" -U apop apop
  echo "export DATABASE_URL=postgres://apop@127.0.0.1:$port/apop" >"$STATE_DIR/env.d/postgres"
  log "postgres ready on 127.0.0.1:$port"
}

postgres_stop() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_service_user "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    log "postgres stopped"
  fi
  # The cluster is throwaway: the next start makes a fresh one.
  rm -rf "$PG_DIR" "$STATE_DIR/env.d/postgres"
}

# --- Commands ----------------------------------------------------------------------------------
cmd=${1:-}
shift || true
services=("$@")
[ ${#services[@]} -gt 0 ] || services=("${ALL_SERVICES[@]}")

case "$cmd" in
  start)
    prepare_state_dir
    mkdir -p "$CACHE_DIR"
    status=0
    for s in "${services[@]}"; do "${s}_start" || status=1; done
    # Locally a missing service is a warning: the suite still runs and skips what needs it.
    [ "${CI:-}" = "true" ] && exit $status
    exit 0
    ;;
  stop)
    for s in "${services[@]}"; do "${s}_stop"; done
    ;;
  status)
    status=0
    for s in "${services[@]}"; do
      if "${s}_running"; then log "$s: running"; else log "$s: stopped"; status=1; fi
    done
    exit $status
    ;;
  env)
    cat "$STATE_DIR"/env.d/* 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop|status|env [${ALL_SERVICES[*]}]" >&2
    exit 2
    ;;
esac
