#!/usr/bin/env bash
# Runs N Quorum instances on this machine (ports BASE_PORT+1..BASE_PORT+N, default 3001..300N) on one Postgres and one Redis, behind the tiny TCP proxy
# (infra/tcp-proxy.ts) on PROXY_PORT (default 3000), for local testing of the multi-instance setup.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/quorum REDIS_URL=redis://127.0.0.1:6379 infra/run-instances.sh 3
#   open http://localhost:3000            # through the proxy; or an instance directly: http://localhost:3002
#
# ORIGIN defaults to the proxy's address (what the browser shows). Ctrl-C stops everything (SIGTERM: each instance
# flushes its pending writes first). Kill one instance (`kill -9 <pid>` from the list printed) to watch its clients
# move to the others.
set -euo pipefail

count="${1:-3}"
: "${DATABASE_URL:?set DATABASE_URL (several instances need a real Postgres; PGlite admits one process)}"
: "${REDIS_URL:?set REDIS_URL (instances fan out through Redis)}"
proxy_port="${PROXY_PORT:-3000}"
base_port="${BASE_PORT:-3000}"
export ORIGIN="${ORIGIN:-http://localhost:${proxy_port}}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT

backends=()
for i in $(seq 1 "$count"); do
  port=$((base_port + i))
  PORT="$port" NODE_ENV=production node --import tsx apps/server/src/main.ts > >(sed -u "s/^/[quorum-$i] /") 2>&1 &
  pids+=("$!")
  backends+=("127.0.0.1:$port")
done

# Wait for every instance to answer /healthz before opening the proxy.
for i in $(seq 1 "$count"); do
  port=$((base_port + i))
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.5; done
  echo "[run-instances] instance $i is up on port $port: $(curl -fsS "http://127.0.0.1:$port/healthz")"
done

node --import tsx infra/tcp-proxy.ts --port "$proxy_port" "${backends[@]}" &
pids+=("$!")
echo "[run-instances] $count instances behind http://localhost:$proxy_port (ORIGIN=$ORIGIN); Ctrl-C stops them"
wait
