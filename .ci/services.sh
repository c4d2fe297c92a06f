# Services the tests need, started on loopback for the duration of a CI run. Sourced by .ci/run.
# Each start_* exports the address the tests read; each is idempotent and cleans up in stop_services.

_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# redis-server from the OS packages, on 127.0.0.1 and a free port, no persistence. Exports SPAPI_TEST_REDIS_URL.
start_redis() {
  if [ -n "${SPAPI_REDIS_CI_PID:-}" ]; then return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing the OS package"
    if command -v apt-get >/dev/null 2>&1; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
    fi
    command -v redis-server >/dev/null 2>&1 || { echo "could not install redis-server" >&2; return 1; }
  fi
  SPAPI_REDIS_CI_DIR=$(mktemp -d)
  local port
  port=$(_free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$SPAPI_REDIS_CI_DIR" \
    --logfile "$SPAPI_REDIS_CI_DIR/redis.log" --daemonize no &
  SPAPI_REDIS_CI_PID=$!
  export SPAPI_REDIS_CI_PID SPAPI_REDIS_CI_DIR
  local i
  for i in $(seq 1 100); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      export SPAPI_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
      echo "redis-server $(redis-server --version | awk '{print $3}') on $SPAPI_TEST_REDIS_URL (pid $SPAPI_REDIS_CI_PID)"
      return 0
    fi
    sleep 0.1
  done
  echo "redis-server did not answer PING on port $port" >&2
  cat "$SPAPI_REDIS_CI_DIR/redis.log" >&2 || true
  return 1
}

stop_redis() {
  if [ -n "${SPAPI_REDIS_CI_PID:-}" ]; then
    kill "$SPAPI_REDIS_CI_PID" 2>/dev/null || true
    wait "$SPAPI_REDIS_CI_PID" 2>/dev/null || true
    unset SPAPI_REDIS_CI_PID
  fi
  if [ -n "${SPAPI_REDIS_CI_DIR:-}" ]; then
    rm -rf "$SPAPI_REDIS_CI_DIR"
    unset SPAPI_REDIS_CI_DIR
  fi
}

# A 3-node Redis Cluster (three masters, no replicas) from the same redis-server, created with redis-cli.
# Exports SPAPI_TEST_REDIS_CLUSTER_URL=redis+cluster://127.0.0.1:<port of the first node>.
_cluster_port() {
  # a free port p with p + 10000 (the cluster bus) free too; p <= 55535
  python3 -c '
import random, socket
for _ in range(200):
    p = random.randrange(20000, 45000)
    try:
        a = socket.socket(); a.bind(("127.0.0.1", p)); b = socket.socket(); b.bind(("127.0.0.1", p + 10000))
    except OSError:
        continue
    a.close(); b.close(); print(p); break'
}

start_redis_cluster() {
  if [ -n "${SPAPI_REDIS_CLUSTER_CI_PIDS:-}" ]; then return 0; fi
  command -v redis-server >/dev/null 2>&1 || start_redis || return 1
  SPAPI_REDIS_CLUSTER_CI_DIR=$(mktemp -d)
  local ports="" pids="" port dir i
  for i in 1 2 3; do
    port=$(_cluster_port)
    dir="$SPAPI_REDIS_CLUSTER_CI_DIR/node$i"
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 1000 --cluster-require-full-coverage no --save '' --appendonly no --dir "$dir" \
      --logfile "$dir/redis.log" --daemonize no &
    pids="$pids $!"
    ports="$ports $port"
  done
  SPAPI_REDIS_CLUSTER_CI_PIDS=$pids
  export SPAPI_REDIS_CLUSTER_CI_PIDS SPAPI_REDIS_CLUSTER_CI_DIR
  for port in $ports; do
    for i in $(seq 1 100); do
      redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
  done
  local nodes=""
  for port in $ports; do nodes="$nodes 127.0.0.1:$port"; done
  # shellcheck disable=SC2086
  if ! redis-cli --cluster create $nodes --cluster-replicas 0 --cluster-yes >/dev/null; then
    echo "redis-cli --cluster create failed" >&2
    return 1
  fi
  for i in $(seq 1 200); do
    local ok=1
    for port in $ports; do
      redis-cli -h 127.0.0.1 -p "$port" cluster info 2>/dev/null | grep -q 'cluster_state:ok' || ok=0
    done
    if [ "$ok" = 1 ]; then
      set -- $ports
      export SPAPI_TEST_REDIS_CLUSTER_URL="redis+cluster://127.0.0.1:$1"
      echo "redis cluster (3 masters) on$ports: $SPAPI_TEST_REDIS_CLUSTER_URL"
      return 0
    fi
    sleep 0.1
  done
  echo "the redis cluster did not reach cluster_state:ok" >&2
  return 1
}

stop_redis_cluster() {
  if [ -n "${SPAPI_REDIS_CLUSTER_CI_PIDS:-}" ]; then
    local pid
    for pid in $SPAPI_REDIS_CLUSTER_CI_PIDS; do
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
    unset SPAPI_REDIS_CLUSTER_CI_PIDS
  fi
  if [ -n "${SPAPI_REDIS_CLUSTER_CI_DIR:-}" ]; then
    rm -rf "$SPAPI_REDIS_CLUSTER_CI_DIR"
    unset SPAPI_REDIS_CLUSTER_CI_DIR
  fi
}

start_services() {
  start_redis
  start_redis_cluster
}

stop_services() {
  stop_redis_cluster
  stop_redis
}
