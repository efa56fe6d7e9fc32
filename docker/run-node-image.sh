#!/usr/bin/env bash
# Starts the node image built by docker/build-node-image.sh with podman (no daemon) and checks it:
#   1. the container runs as the non-root user basalt, with the data on the /data volume;
#   2. the image's HEALTHCHECK (system_health over HTTP JSON-RPC, run by `podman healthcheck run`)
#      passes, and system_health and the Prometheus metrics answer on the published ports;
#   3. `podman stop` (SIGTERM, the image's STOPSIGNAL) ends it with exit code 0 after the node's
#      "Shutting down: closing the database" line;
#   4. started again on the same volume, it still has the best block it had stored.
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
# Podman without systemd reports, at every start and stop, that it cannot set up the health check
# timers; the check itself is run with `podman healthcheck run`. Those lines are left out.
pm() { podman "$@" 2> >(grep -v 'unable to get systemd connection' >&2); }
rpc() { # METHOD [PARAMS_JSON]
  curl -sf --max-time 5 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$RPC_PORT/"
}
json_field() { sed -n "s/.*\"$1\":\"\(0x[0-9a-f]*\)\".*/\1/p"; }
wait_healthy() {
  local started deadline out
  started=$(date +%s)
  deadline=$(( started + 120 ))
  until out=$(pm healthcheck run "$name" 2>&1); do
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "the container stopped"
    [ "$(date +%s)" -lt "$deadline" ] || fail "not healthy after 120 s: $out"
    sleep 2
  done
  echo "podman healthcheck run: ${out:-healthy} after $(( $(date +%s) - started )) s (state: $(podman inspect --format '{{.State.Health.Status}}' "$name"))"
}
stop_and_check() { # EXPECTED_SHUTDOWN_LINES: the log keeps every run's lines
  local started code lines=0 tries=0
  started=$(date +%s)
  step "podman stop $name (SIGTERM, up to 70 s before SIGKILL)"
  pm stop --time 70 "$name" >/dev/null
  code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
  echo "stopped after $(( $(date +%s) - started )) s, exit code $code"
  # conmon may still be writing the last lines when stop returns.
  while lines=$(podman logs "$name" 2>&1 | grep -c 'Shutting down: closing the database'); \
      [ "$lines" -lt "$1" ] && [ $(( tries += 1 )) -le 10 ]; do
    sleep 0.5
  done
  [ "$lines" -ge "$1" ] || fail "no 'Shutting down: closing the database' line in this run's log"
  podman logs "$name" 2>&1 | grep 'Shutting down' | tail -n 1
  [ "$code" = 0 ] || fail "exit code $code, not 0"
}

cleanup
trap cleanup EXIT
podman image exists "$IMAGE" || fail "no image $IMAGE: run docker/build-node-image.sh first"

step "podman run -d $IMAGE (RPC on 127.0.0.1:$RPC_PORT, Prometheus on 127.0.0.1:$PROMETHEUS_PORT, volume $volume at /data)"
pm run -d --name "$name" -p "127.0.0.1:$RPC_PORT:9944" -p "127.0.0.1:$PROMETHEUS_PORT:9615" \
  -v "$volume:/data" "$IMAGE" >/dev/null
wait_healthy
step "user, volume"
echo "id: $(podman exec "$name" id)"
echo "java: $(podman exec "$name" java -version 2>&1 | head -n 1)"
podman exec "$name" id | grep -q "^uid=10001(basalt) gid=10001(basalt)" || fail "not running as basalt (10001:10001)"
echo "/data: $(podman exec "$name" sh -c 'ls -d /data/*/*/* 2>/dev/null | head -n 3 | tr "\n" " "')"
step "the health check fails where no node answers"
if out=$(podman exec -e BASALT_HEALTH_URL=http://127.0.0.1:1/ "$name" \
    java -cp /opt/basalt/healthcheck HealthCheck 2>&1); then
  fail "HealthCheck passed against a closed port: $out"
fi
echo "HealthCheck against 127.0.0.1:1: exit 1, $out"
step "system_health and metrics on the published ports"
health=$(rpc system_health) || fail "system_health did not answer on 127.0.0.1:$RPC_PORT"
echo "system_health: $health"
metrics=$(curl -sf --max-time 5 "http://127.0.0.1:$PROMETHEUS_PORT/metrics" | grep -c '^basalt_') ||
  fail "no Prometheus metrics on 127.0.0.1:$PROMETHEUS_PORT"
echo "metrics: $metrics basalt_* samples"
sleep 7 # a few dev blocks
best=$(rpc chain_getHeader) || fail "chain_getHeader did not answer"
number=$(json_field number <<<"$best")
hash=$(rpc chain_getBlockHash "[\"$number\"]" | json_field result)
[ $(( number )) -ge 1 ] || fail "no block authored in 10 s"
echo "best block: #$(( number )) $hash"
stop_and_check 1

step "podman start $name: the same volume again"
pm start "$name" >/dev/null
wait_healthy
again=$(rpc chain_getBlockHash "[\"$number\"]" | json_field result)
echo "block #$(( number )) after the restart: $again"
[ "$again" = "$hash" ] || fail "the restarted node does not have the block #$(( number )) it had stored"
stop_and_check 2
echo "OK: $IMAGE started, answered system_health, stopped cleanly on SIGTERM, restarted from its volume"
