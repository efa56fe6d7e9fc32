#!/usr/bin/env bash
# Starts the node image built by docker/build-node-image.sh with podman (no daemon) and checks it:
#   1. the container runs as the non-root user basalt, with the data on the /data volume;
#   2. the image's HEALTHCHECK (system_health over HTTP JSON-RPC, run by `podman healthcheck run`)
#      passes, and system_health and the Prometheus metrics answer on the published ports;
#   3. `podman stop` (SIGTERM, the image's STOPSIGNAL) ends it with exit code 0 after the node's
#      "Shutting down: closing the database" line;
#   4. started again on the same volume, it continues from the best block it had stored.
# Prints what it checked; exits nonzero at the first check that fails. Needs root.
#   sudo docker/run-node-image.sh
# Environment: IMAGE (default localhost/basalt/node:dev), RPC_PORT / PROMETHEUS_PORT (host ports
# published on 127.0.0.1, default 19944 / 19615), WORK (as for the build), KEEP=1 keeps the
# container and its volume afterwards.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IMAGE=${IMAGE:-localhost/basalt/node:dev}
WORK=${WORK:-/var/tmp/basalt-image}
RPC_PORT=${RPC_PORT:-19944}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-19615}
name=basalt-node-check
volume=basalt-node-check-data

if [ "$(id -u)" != 0 ]; then
  echo "Error: run as root (podman's root storage holds the image)" >&2
  exit 1
fi
mkdir -p "$WORK"
# shellcheck source=container-env.sh
. "$here/container-env.sh"
basalt_container_tools
basalt_container_conf "$WORK"

step() { echo "== $*" >&2; }
fail() {
  echo "FAILED: $*" >&2
  podman logs --tail 30 "$name" >&2 || true
  exit 1
}
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    podman rm -f -t 0 "$name" >/dev/null 2>&1 || true
    podman volume rm -f "$volume" >/dev/null 2>&1 || true
  fi
}
rpc() {
  curl -sf --max-time 5 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":[]}" "http://127.0.0.1:$RPC_PORT/"
}
best_number() { rpc chain_getHeader | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p'; }
wait_healthy() {
  local deadline=$(( $(date +%s) + 120 )) out
  until out=$(podman healthcheck run "$name" 2>&1); do
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "the container stopped"
    [ "$(date +%s)" -lt "$deadline" ] || fail "not healthy after 120 s: $out"
    sleep 2
  done
  echo "podman healthcheck run: ${out:-healthy}"
}
stop_and_check() {
  local started=$(date +%s) code
  step "podman stop $name (SIGTERM, up to 70 s before SIGKILL)"
  podman stop --time 70 "$name" >/dev/null
  code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
  echo "stopped after $(( $(date +%s) - started )) s, exit code $code"
  podman logs "$name" 2>&1 | grep -q 'Shutting down: closing the database' ||
    fail "no 'Shutting down: closing the database' line in the log"
  podman logs "$name" 2>&1 | grep 'Shutting down' | tail -n 1
  [ "$code" = 0 ] || fail "exit code $code, not 0"
}

cleanup
trap cleanup EXIT
podman image exists "$IMAGE" || fail "no image $IMAGE: run docker/build-node-image.sh first"

step "podman run -d $IMAGE (RPC on 127.0.0.1:$RPC_PORT, Prometheus on 127.0.0.1:$PROMETHEUS_PORT, volume $volume at /data)"
podman run -d --name "$name" -p "127.0.0.1:$RPC_PORT:9944" -p "127.0.0.1:$PROMETHEUS_PORT:9615" \
  -v "$volume:/data" "$IMAGE" >/dev/null
wait_healthy
step "user, volume"
echo "id: $(podman exec "$name" id)"
podman exec "$name" id -u | grep -qx 10001 || fail "not running as uid 10001"
echo "/data: $(podman exec "$name" sh -c 'ls -d /data/*/*/* 2>/dev/null | head -n 3 | tr "\n" " "')"
step "system_health and metrics on the published ports"
health=$(rpc system_health) || fail "system_health did not answer on 127.0.0.1:$RPC_PORT"
echo "system_health: $health"
metrics=$(curl -sf --max-time 5 "http://127.0.0.1:$PROMETHEUS_PORT/metrics" | grep -c '^basalt_') ||
  fail "no Prometheus metrics on 127.0.0.1:$PROMETHEUS_PORT"
echo "metrics: $metrics basalt_* samples"
sleep 7 # a few dev blocks
before=$(best_number)
echo "best block: $before"
stop_and_check

step "podman start $name: the same volume again"
podman start "$name" >/dev/null
wait_healthy
after=$(best_number)
echo "best block after the restart: $after"
[ -n "$before" ] && [ -n "$after" ] && [ $(( after )) -ge $(( before )) ] ||
  fail "the restarted node's best block $after is below $before"
stop_and_check
echo "OK: $IMAGE started, answered system_health, stopped cleanly on SIGTERM, restarted from its volume"
