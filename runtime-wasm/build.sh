#!/usr/bin/env bash
# Builds the basalt-demo Wasm runtime, spec 100 and 101, reproducibly into OUTDIR:
#   basalt_demo_v<spec>.wasm                      plain Wasm
#   basalt_demo_v<spec>.compact.compressed.wasm   52bc537646db8e05 ++ zstd frame
#   basalt_demo_v<spec>.digest.json, SHA256SUMS, BLAKE2_256SUMS   (digest.py)
# Toolchain (Debian 12): rustc 1.63.0 with libstd-rust-dev-wasm32 and lld-14, zstd 1.5.4,
# python3. Usage: runtime-wasm/build.sh OUTDIR [--git] [--as DIR]
#   --git: record commit and time; --as DIR: name the blobs DIR/<file> in the digest JSON
#   (default: OUTDIR relative to the checkout, see digest.py)
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 OUTDIR [--git] [--as DIR]" >&2
  exit 2
fi
out=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
rustc=${RUSTC:-/usr/bin/rustc}
zstd=${ZSTD:-/usr/bin/zstd}

want_rustc="rustc 1.63.0"
want_zstd="v1.5.4"
have_rustc=$("$rustc" --version 2>/dev/null || true)
have_zstd=$("$zstd" --version 2>/dev/null || true)
if [ "$have_rustc" != "$want_rustc" ] || [[ "$have_zstd" != *"$want_zstd"* ]]; then
  echo "build.sh: needs $want_rustc at $rustc and zstd $want_zstd at $zstd (found: '$have_rustc', '$have_zstd')." >&2
  echo "Install: apt-get install rustc cargo libstd-rust-dev-wasm32 lld-14 zstd (Debian 12)" >&2
  exit 1
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for spec in 100 101; do
  cfg=()
  if [ "$spec" = 101 ]; then cfg=(--cfg spec101); fi
  # A clean environment: no RUSTFLAGS or similar from the caller can leak into the build.
  (cd "$here" && env -i PATH=/usr/bin:/bin RUSTC_BOOTSTRAP=1 "$rustc" \
    --edition 2021 --crate-type cdylib --crate-name basalt_demo_runtime \
    --target wasm32-unknown-unknown --remap-path-prefix "$here=/build" "${cfg[@]}" \
    -C opt-level=z -C lto=fat -C codegen-units=1 -C panic=abort -C strip=symbols \
    -C link-arg=--import-memory \
    src/lib.rs -o "$work/basalt_demo_v$spec.wasm")
  cat "$work/basalt_demo_v$spec.wasm" >"$out/basalt_demo_v$spec.wasm"
  compressed="$out/basalt_demo_v$spec.compact.compressed.wasm"
  printf '\x52\xbc\x53\x76\x46\xdb\x8e\x05' >"$compressed"
  env -i "$zstd" -19 --single-thread --no-check -q -c "$work/basalt_demo_v$spec.wasm" >>"$compressed"
done

python3 "$here/digest.py" "$out" "$@"
echo "built into $out:"
cat "$out/SHA256SUMS"
