#!/usr/bin/env bash
# Reproducibility check of the committed Wasm blobs (runtime-wasm/blobs):
#  1. runs the native Rust unit tests of the host-independent modules (tests/native.rs);
#  2. copies the sources to two different temporary directories (different paths and depths),
#     builds each with build.sh, and requires both outputs to be byte-identical to each other
#     and to every committed file (blobs, digest JSON, SHA256SUMS, BLAKE2_256SUMS); the digests
#     name the blobs as runtime-wasm/blobs/<file>, as a build into runtime-wasm/blobs does.
# Needs the Debian 12 toolchain of build.sh. Exit 0 = reproducible; takes about 20 seconds.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
metadata=runtime-native/src/main/resources/io/basalt/runtime/metadata
rustc=${RUSTC:-/usr/bin/rustc}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== native unit tests"
"$rustc" --edition 2021 --test "$here/tests/native.rs" -o "$work/native-tests"
"$work/native-tests" -q

copy_sources() {
  local dest=$1
  mkdir -p "$dest/runtime-wasm" "$dest/$metadata"
  cp -R "$here/src" "$here/build.sh" "$here/digest.py" "$dest/runtime-wasm/"
  cp "$repo/$metadata"/*.scale "$dest/$metadata/"
}

copy_sources "$work/a/src"
copy_sources "$work/b/some/deeper/checkout"
echo "== build 1 in $work/a/src"
"$work/a/src/runtime-wasm/build.sh" "$work/a/out" --as runtime-wasm/blobs >/dev/null
echo "== build 2 in $work/b/some/deeper/checkout"
"$work/b/some/deeper/checkout/runtime-wasm/build.sh" "$work/b/out" --as runtime-wasm/blobs >/dev/null

status=0
for committed in "$here/blobs"/*; do
  name=$(basename "$committed")
  for out in "$work/a/out" "$work/b/out"; do
    if ! cmp -s "$committed" "$out/$name"; then
      echo "MISMATCH: $name (committed) differs from $out/$name" >&2
      status=1
    fi
  done
done
for built in "$work/a/out"/*; do
  if [ ! -e "$here/blobs/$(basename "$built")" ]; then
    echo "MISSING: build produced $(basename "$built"), which is not committed" >&2
    status=1
  fi
done
if [ $status -ne 0 ]; then
  echo "Not reproducible, or the committed blobs are stale: rebuild with runtime-wasm/build.sh runtime-wasm/blobs" >&2
  exit $status
fi
echo "== reproducible: both builds equal the committed blobs"
cat "$here/blobs/SHA256SUMS"
