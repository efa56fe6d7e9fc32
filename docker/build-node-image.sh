#!/usr/bin/env bash
# Builds the node image (docker/node/Dockerfile) without a container engine daemon: buildah from
# Debian's apt, on a Debian 13 base filesystem made by mmdebstrap from Debian's packages (no
# registry needed), then saves it as a docker-archive tarball.
#
#   sudo docker/build-node-image.sh            # -> localhost/basalt/node:dev + $WORK/basalt-node.tar
#
# Needs root (buildah's storage, mmdebstrap, apt) and network access to the Debian mirror and
# Maven Central (the build stage runs with the host's network). Environment:
#   IMAGE      image name (default localhost/basalt/node:dev)
#   WORK       where the base tarball, the containers.conf and the archive go
#              (default /var/tmp/basalt-image)
#   MIRROR     Debian mirror for the base (default http://deb.debian.org/debian)
#   JDK_MAJOR  Debian's openjdk-<N> to build and run with (default: the Dockerfile's, 25)
#   REBUILD_BASE=1  make the base filesystem again even if the base image exists
#   LAYERS=1   keep the build's layer cache (fast rebuilds, 1.5 GB per build)
# docker/run-node-image.sh starts the result and checks it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
here="$root/docker"
IMAGE=${IMAGE:-localhost/basalt/node:dev}
WORK=${WORK:-/var/tmp/basalt-image}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE_IMAGE=localhost/basalt/debian-base:trixie

if [ "$(id -u)" != 0 ]; then
  echo "Error: run as root (buildah's storage, mmdebstrap and apt need it)" >&2
  exit 1
fi
mkdir -p "$WORK"

# shellcheck source=container-env.sh
. "$here/container-env.sh"
basalt_container_tools
basalt_container_conf "$WORK"

step() { echo "== $*" >&2; }

if [ "${REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$BASE_IMAGE"; then
  step "base filesystem: mmdebstrap --variant=minbase trixie from $MIRROR"
  rm -f "$WORK/debian-trixie-minbase.tar"
  # Like Debian's -slim images: no manual pages, translations or documentation but the copyrights.
  mmdebstrap --variant=minbase --include=ca-certificates --aptopt='Acquire::Retries "3"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-include=/usr/share/locale/locale.alias' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    trixie "$WORK/debian-trixie-minbase.tar" "$MIRROR"
  step "importing it as $BASE_IMAGE"
  podman import --change 'CMD ["/bin/bash"]' "$WORK/debian-trixie-minbase.tar" "$BASE_IMAGE" >/dev/null
fi

step "buildah bud -f docker/node/Dockerfile -t $IMAGE (network: host)"
build_args=(--build-arg "BASE=$BASE_IMAGE")
[ -z "${JDK_MAJOR:-}" ] || build_args+=(--build-arg "JDK_MAJOR=$JDK_MAJOR")
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
build_args+=(--build-arg "VERSION=$version")
# The host's locally added CA certificates (a TLS-intercepting egress proxy's, here) go to the
# build stage as the secret "extra-ca", so that Maven and curl there reach Maven Central as the
# host does. EXTRA_CA_CERTS=FILE names another PEM file; EXTRA_CA_CERTS=none passes none.
extra_ca=${EXTRA_CA_CERTS:-}
if [ -z "$extra_ca" ] && compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  extra_ca="$WORK/extra-ca.pem"
  cat /usr/local/share/ca-certificates/*.crt >"$extra_ca"
fi
if [ -n "$extra_ca" ] && [ "$extra_ca" != none ]; then
  build_args+=(--secret "id=extra-ca,src=$extra_ca")
fi
start=$(date +%s)
# No --layers by default: each build's cached stage images take 1.5 GB of the machine-wide storage
# (LAYERS=1 keeps them, for quick rebuilds). Maven's repository is a cache mount either way.
layers=()
[ "${LAYERS:-0}" != 1 ] || layers=(--layers)
# A failed build leaves its working containers behind (buildah removes them only on success).
before=$(buildah containers -q | sort)
remove_new_containers() {
  comm -13 <(echo "$before") <(buildah containers -q | sort) | xargs -r buildah rm >/dev/null || true
}
trap remove_new_containers EXIT
buildah bud "${BASALT_BUILDAH_FLAGS[@]}" --network host --format docker "${layers[@]}" \
  "${build_args[@]}" -f "$here/node/Dockerfile" -t "$IMAGE" "$root"
trap - EXIT
step "built $IMAGE in $(( $(date +%s) - start ))s"

step "saving it as $WORK/basalt-node.tar (docker-archive)"
rm -f "$WORK/basalt-node.tar"
podman save --format docker-archive -o "$WORK/basalt-node.tar" "$IMAGE"
podman image inspect --format 'image {{.Id}}  size {{.Size}} bytes  user {{.Config.User}}  healthcheck {{.HealthCheck.Test}}' "$IMAGE"
ls -l "$WORK/basalt-node.tar"
