#!/usr/bin/env bash
# Build a service's image from deploy/images/Dockerfile on a machine without a Docker daemon and
# without a container registry (only Debian's apt mirror and the npm registry reachable), then
# optionally run it once against local PostgreSQL/NATS and check its health endpoints.
#
#   sudo deploy/images/build-offline.sh [SERVICE] [--check]
#
# 1. installs buildah/podman/runc/debootstrap with apt when missing;
# 2. builds the base image $BASE_IMAGE (equivalent of node:20.20-bookworm-slim) only when it is
#    missing: debootstrap minbase bookworm + this machine's Node.js 20 and npm laid out like the
#    official image (/usr/local/bin/node, /usr/local/lib/node_modules/npm) + user node (1000:1000);
# 3. `buildah bud` with NODE_IMAGE=$BASE_IMAGE → helpdesk/<SERVICE>:$TAG;
# 4. with --check: deploy/images/check-image.sh (read-only root fs, user 1000, host network).
#
# Everything is idempotent; BASE_REBUILD=1 forces a new base image. Runs as root (buildah's
# chroot isolation and debootstrap need it). Environment (defaults in brackets):
#   TAG [dev]  BASE_IMAGE [localhost/helpdesk-node-base:20]  STORAGE_DRIVER [vfs]
#   DEBIAN_MIRROR [the first deb.debian.org-style mirror of this machine's apt sources]
#   EXTRA_CA_DIR [/usr/local/share/ca-certificates]: local CA certificates the base image trusts,
#     needed when this machine reaches the registries through a TLS-intercepting proxy. An image
#     built this way trusts them too: build release images on a machine without such CAs (or set
#     EXTRA_CA_DIR= to an empty value).
#   NPM_REGISTRY [this machine's `npm config get registry`]: passed to npm in the build.
set -euo pipefail

SERVICE=ticket
CHECK=false
for arg in "$@"; do
  case $arg in
    --check) CHECK=true ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "build-offline: unknown option $arg" >&2; exit 2 ;;
    *) SERVICE=$arg ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TAG=${TAG:-dev}
IMAGE="helpdesk/${SERVICE}:${TAG}"
BASE_IMAGE=${BASE_IMAGE:-localhost/helpdesk-node-base:20}
STORAGE_DRIVER=${STORAGE_DRIVER:-vfs}
EXTRA_CA_DIR=${EXTRA_CA_DIR-/usr/local/share/ca-certificates}
export STORAGE_DRIVER

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'build-offline: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (buildah --isolation chroot and debootstrap need it)"
[[ -f "$ROOT/services/$SERVICE/package.json" ]] || die "SERVICE '$SERVICE' is not a folder under services/"

install_tools() {
  local missing=()
  command -v buildah >/dev/null || missing+=(buildah)
  command -v podman >/dev/null || missing+=(podman)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  # podman's default crun cannot start containers without cgroup delegation; check-image.sh uses runc.
  command -v runc >/dev/null || missing+=(runc)
  if ((${#missing[@]})); then
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

bah() { buildah --storage-driver "$STORAGE_DRIVER" "$@"; }

debian_mirror() {
  if [[ -n ${DEBIAN_MIRROR:-} ]]; then echo "$DEBIAN_MIRROR"; return; fi
  # The machine's own apt mirror for the main archive (deb822 "URIs:" or one-line "deb" form).
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

build_base_image() {
  local node npm_dir version mirror rootfs ctr mnt
  node=$(readlink -f "$(command -v node)")
  version=$("$node" --version)
  [[ $version == v20.* ]] || die "this machine's node is $version, the images need Node.js 20"
  npm_dir="$(npm root -g 2>/dev/null)/npm"
  [[ -f "$npm_dir/bin/npm-cli.js" ]] || die "npm not found at $npm_dir"
  mirror=$(debian_mirror)
  rootfs=$(mktemp -d /var/tmp/helpdesk-base-rootfs.XXXXXX)
  # shellcheck disable=SC2064  # expand now: the trap must remove this very directory
  trap "rm -rf '$rootfs'" EXIT

  log "debootstrap minbase bookworm from $mirror"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$mirror" >/dev/null
  # Same apt sources as the official image (updates and security as well).
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian*}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

  log "Node.js $version and npm $(node "$npm_dir/bin/npm-cli.js" --version 2>/dev/null) as in node:20-bookworm-slim"
  install -D -m 0755 "$node" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  chroot "$rootfs" /usr/local/bin/node --version >/dev/null || die "node does not start in the Debian rootfs (missing library?)"

  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

  if [[ -n $EXTRA_CA_DIR ]] && compgen -G "$EXTRA_CA_DIR/*.crt" >/dev/null; then
    log "trusting local CAs from $EXTRA_CA_DIR"
    cp "$EXTRA_CA_DIR"/*.crt "$rootfs/usr/local/share/ca-certificates/"
    chroot "$rootfs" update-ca-certificates >/dev/null
  fi
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

  log "commit $BASE_IMAGE"
  ctr=$(bah from scratch)
  mnt=$(bah mount "$ctr")
  # tar keeps owners, modes, links and device nodes exactly (buildah copy would chown to root).
  tar -C "$rootfs" -cf - . | tar -C "$mnt" -xpf -
  bah umount "$ctr" >/dev/null
  bah config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="${version#v}" \
    --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    --cmd node --os linux --arch amd64 \
    --label org.opencontainers.image.description="local equivalent of node:20-bookworm-slim (deploy/images/build-offline.sh)" \
    "$ctr"
  bah commit --rm "$ctr" "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
}

install_tools

if [[ ${BASE_REBUILD:-0} == 1 ]] || ! bah inspect --type image "$BASE_IMAGE" >/dev/null 2>&1; then
  build_base_image
else
  log "base image $BASE_IMAGE exists (BASE_REBUILD=1 rebuilds it)"
fi

registry=${NPM_REGISTRY:-$(cd "$ROOT" && npm config get registry 2>/dev/null)}
log "buildah bud $IMAGE (npm registry $registry)"
cd "$ROOT"
# No --layers: with the vfs driver every cached step is a full copy of the tree (12 GB after two
# builds); one commit per build keeps the store small, and a rebuild costs about three minutes.
bah bud --isolation chroot \
  --build-arg NODE_IMAGE="$BASE_IMAGE" \
  --build-arg SERVICE="$SERVICE" \
  --build-arg NPM_CONFIG_REGISTRY="$registry" \
  --ignorefile deploy/images/Dockerfile.dockerignore \
  -f deploy/images/Dockerfile -t "$IMAGE" .

# Stage images of earlier builds that no tag refers to any more.
bah rmi --prune >/dev/null 2>&1 || true
bah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "(helpdesk/$SERVICE:$TAG|helpdesk-node-base)" || true

if $CHECK; then
  TAG=$TAG "$ROOT/deploy/images/check-image.sh" "$SERVICE"
fi
