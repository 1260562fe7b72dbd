#!/usr/bin/env bash
# Run a built service image once the way the Kubernetes manifests do (read-only root filesystem,
# user 1000, tini as PID 1) against this machine's PostgreSQL and NATS (host network), and check:
# /healthz and /readyz answer 200 (migrations applied at start), the root filesystem refuses writes
# while /tmp takes them, and SIGTERM ends the service cleanly (exit 0) through tini.
#
#   sudo deploy/images/check-image.sh [SERVICE]      (image helpdesk/<SERVICE>:$TAG, TAG [dev])
#
# Uses a fresh database (dropped afterwards) and its own NATS subject prefix. PG_URL
# [postgres://postgres@127.0.0.1:5432] and NATS_URL [nats://127.0.0.1:4222] point elsewhere.
#
# podman runs the container with runc and cgroupfs: in sandboxes without cgroup delegation (hybrid
# cgroups) crun refuses to start ("cgroups in hybrid mode not supported"), and without
# CAP_SYS_RESOURCE podman's default rlimits cannot be applied, so explicit (lower) ones are given.
set -euo pipefail

SERVICE=${1:-ticket}
TAG=${TAG:-dev}
IMAGE="localhost/helpdesk/${SERVICE}:${TAG}"
STORAGE_DRIVER=${STORAGE_DRIVER:-vfs}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
WAIT_SECONDS=${WAIT_SECONDS:-120}
RUN_ID="$(date +%s)$$"
NAME="helpdesk-image-check-${SERVICE}-${RUN_ID}"
DB="image_check_${SERVICE//-/_}_${RUN_ID}"

log() { printf '\n==> %s\n' "$*"; }
fail() { printf 'check-image: FAILED: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "run as root"
command -v runc >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends runc

pm() { podman --storage-driver "$STORAGE_DRIVER" --runtime runc --cgroup-manager cgroupfs "$@"; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

pm image exists "$IMAGE" || fail "image $IMAGE not found (build it with deploy/images/build-offline.sh $SERVICE)"

cleanup() {
  pm rm -f "$NAME" >/dev/null 2>&1 || true
  psql -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q "$PG_URL/postgres" -c "CREATE DATABASE \"$DB\"" >/dev/null
HTTP_PORT=$(free_port)
GRPC_PORT=$(free_port)
# The development HS256 secret of deploy/CONFIGURATION.md (any 32+ characters; not a real secret).
JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

log "podman run $IMAGE (read-only, user 1000, HTTP :$HTTP_PORT, database $DB)"
pm run -d --name "$NAME" --read-only --user 1000:1000 --network host \
  --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
  -e DATABASE_URL="$PG_URL/$DB" -e NATS_URL="$NATS_URL" -e NATS_SUBJECT_PREFIX="imagecheck${RUN_ID}." \
  -e AUTH_JWT_SECRET="$JWT_SECRET" -e MIGRATE_ON_START=true \
  -e HTTP_PORT="$HTTP_PORT" -e GRPC_PORT="$GRPC_PORT" \
  "$IMAGE" >/dev/null

status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT$1" || true; }
deadline=$((SECONDS + WAIT_SECONDS))
until [[ $(status /readyz) == 200 ]]; do
  [[ $(pm inspect "$NAME" --format '{{.State.Running}}') == true ]] || { pm logs "$NAME" | tail -20; fail "the container exited"; }
  ((SECONDS < deadline)) || { pm logs "$NAME" | tail -20; fail "/readyz not 200 after ${WAIT_SECONDS}s"; }
  sleep 1
done
[[ $(status /healthz) == 200 ]] || fail "/healthz is $(status /healthz)"
echo "/healthz 200, /readyz 200: $(curl -s "http://127.0.0.1:$HTTP_PORT/readyz")"

[[ $(pm exec "$NAME" cat /proc/1/comm) == tini ]] || fail "PID 1 is not tini"
pm exec "$NAME" sh -c 'touch /home/node/write-probe' 2>/dev/null && fail "the root filesystem accepted a write"
pm exec "$NAME" sh -c 'touch /tmp/write-probe' || fail "/tmp is not writable"
echo "PID 1 is tini; / is read-only; /tmp is writable"

log "SIGTERM"
pm kill --signal TERM "$NAME" >/dev/null
exit_code=$(timeout 60 podman --storage-driver "$STORAGE_DRIVER" wait "$NAME") || fail "still running 60s after SIGTERM"
[[ $exit_code == 0 ]] || { pm logs "$NAME" | tail -20; fail "exit code $exit_code after SIGTERM"; }
pm logs "$NAME" 2>&1 | grep -q 'shutting down' || fail "no graceful shutdown in the log"
echo "exited 0 after SIGTERM (graceful shutdown logged)"

log "image size"
buildah --storage-driver "$STORAGE_DRIVER" images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "helpdesk/${SERVICE}:${TAG}|helpdesk-node-base" || true
echo "check-image: OK"
