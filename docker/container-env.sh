# Sourced by docker/build-node-image.sh and docker/run-node-image.sh: installs the daemonless
# container tools from Debian's apt when missing and writes the containers.conf they run with.

basalt_container_tools() {
  local missing=()
  command -v buildah >/dev/null || missing+=(buildah)
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} from apt" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Writes $1/containers.conf and points CONTAINERS_CONF at it; sets BASALT_BUILDAH_FLAGS.
# Why each setting (found on a VM with a hybrid cgroup v1 hierarchy and
# without CAP_SYS_RESOURCE, the machines this project runs on):
#  - runtime runc: crun 1.8 refuses hybrid cgroups ("cgroups in hybrid mode not supported");
#  - ulimits: podman and buildah give containers RLIMIT_NOFILE/NPROC of 1048576 by default, and
#    raising a hard limit needs CAP_SYS_RESOURCE ("setrlimit RLIMIT_NOFILE: Operation not
#    permitted"), so the containers get this shell's open-files limit and a process limit below
#    the one conmon runs with.
basalt_container_conf() {
  local dir=$1 nofile nproc
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=1048576
  nproc=$(ulimit -Hu)
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt 16384 ]; then nproc=16384; fi
  cat >"$dir/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  export CONTAINERS_CONF="$dir/containers.conf"
  BASALT_BUILDAH_FLAGS=(--runtime runc --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
}
