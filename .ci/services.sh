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

start_services() {
  start_redis
}

stop_services() {
  stop_redis
}
