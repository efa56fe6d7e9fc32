#!/usr/bin/env python3
"""Digests of the built basalt-demo blobs, srtool-style (Python 3 standard library only).

    digest.py OUTDIR [--git] [--as DIR]

For each spec version writes OUTDIR/basalt_demo_v<spec>.digest.json with srtool's fields, and
OUTDIR/SHA256SUMS and OUTDIR/BLAKE2_256SUMS over every blob. Without --git the output is
deterministic: commit, tag, branch and timestamps are null (a committed file cannot name the
commit that contains it). With --git they are filled from the working tree and the clock.
The "wasm" fields name the blobs where they are: OUTDIR relative to the checkout (e.g.
runtime-wasm/target/srtool/... for the Docker build), or absolute when OUTDIR lies outside it;
--as DIR names them DIR/<file> instead (e.g. to compare a build elsewhere with the committed
runtime-wasm/blobs digests).
Not computed: authorize_upgrade_prop / parachain_authorize_upgrade_hash (basalt-demo has no
parachain pallet).
"""

import hashlib
import json
import os
import subprocess
import sys
import time

SPECS = (100, 101)
ZSTD_MAGIC = bytes.fromhex("52bc537646db8e05")
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
SYSTEM_PALLET, SET_CODE_CALL = 0x00, 0x02
HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = os.path.dirname(HERE)
METADATA_DIR = os.path.join(
    HERE, "..", "runtime-native", "src", "main", "resources", "io", "basalt", "runtime", "metadata")


def blake2_256(data):
    return hashlib.blake2b(data, digest_size=32).digest()


def compact(n):
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return ((n << 2) | 1).to_bytes(2, "little")
    if n < 1 << 30:
        return ((n << 2) | 2).to_bytes(4, "little")
    raw = n.to_bytes((n.bit_length() + 7) // 8, "little")
    raw = raw + bytes(max(0, 4 - len(raw)))
    return bytes([((len(raw) - 4) << 2) | 3]) + raw


def proposal_hash(code):
    """blake2-256 of the SCALE call System.set_code(code) of basalt-demo."""
    return blake2_256(bytes([SYSTEM_PALLET, SET_CODE_CALL]) + compact(len(code)) + code)


def varint(n):
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def base58(data):
    n, s = int.from_bytes(data, "big"), ""
    while n:
        n, r = divmod(n, 58)
        s = B58[r] + s
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + s


def ipfs_cid_v0(data):
    """CIDv0 of `ipfs add` with default settings, for files that fit one 256 KiB chunk."""
    if len(data) > 262144:
        raise SystemExit("digest.py: IPFS CIDs of files above 256 KiB (several chunks) are not implemented")
    unixfs = b"\x08\x02" + (b"\x12" + varint(len(data)) + data if data else b"") + b"\x18" + varint(len(data))
    node = b"\x0a" + varint(len(unixfs)) + unixfs
    return base58(b"\x12\x20" + hashlib.sha256(node).digest())


def custom_section(wasm, name):
    """The first custom section called `name` of a Wasm module."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        raise SystemExit("digest.py: not a Wasm module")
    pos = 8
    while pos < len(wasm):
        sid = wasm[pos]
        pos += 1
        size, shift = 0, 0
        while True:
            b = wasm[pos]
            pos += 1
            size |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        end = pos + size
        if sid == 0:
            name_len, shift, p = 0, 0, pos
            while True:
                b = wasm[p]
                p += 1
                name_len |= (b & 0x7F) << shift
                shift += 7
                if not b & 0x80:
                    break
            if wasm[p:p + name_len] == name.encode():
                return wasm[p + name_len:end]
        pos = end
    raise SystemExit("digest.py: custom section %s missing" % name)


def core_version(wasm):
    """subwasm's `core_version` string from the runtime_version custom section."""
    data = custom_section(wasm, "runtime_version")
    pos = 0

    def string():
        nonlocal pos
        n = data[pos] >> 2  # short names only (< 64 bytes)
        s = data[pos + 1:pos + 1 + n].decode()
        pos += 1 + n
        return s

    def u32():
        nonlocal pos
        v = int.from_bytes(data[pos:pos + 4], "little")
        pos += 4
        return v

    spec_name, impl_name = string(), string()
    authoring, spec, impl = u32(), u32(), u32()
    pos += 1  # empty apis list
    tx = u32()
    return "%s-%d (%s-%d.tx%d.au%d)" % (spec_name, spec, impl_name, impl, tx, authoring)


def hex0x(data):
    return "0x" + data.hex()


def git(*args):
    try:
        return subprocess.run(["git", "-C", HERE] + list(args), check=True,
                              capture_output=True, text=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def runtime_entry(path, blob, wasm, spec, tmsp):
    meta = open(os.path.join(METADATA_DIR, "v%d-v14.scale" % spec), "rb").read()
    return {
        "tmsp": tmsp,
        "size": str(len(blob)),
        "prop": hex0x(proposal_hash(blob)),
        "blake2_256": hex0x(blake2_256(blob)),
        "ipfs": ipfs_cid_v0(blob),
        "sha256": hex0x(hashlib.sha256(blob).digest()),
        "wasm": path,
        "subwasm": {
            "size": len(wasm),
            "compression": {
                "size_compressed": len(blob),
                "size_decompressed": len(wasm),
                "compressed": blob is not wasm,
            },
            "reserved_meta": list(meta[:4]),
            "reserved_meta_valid": meta[:4] == b"meta",
            "metadata_version": meta[4],
            "core_version": core_version(wasm),
            "proposal_hash": hex0x(proposal_hash(blob)),
            "ipfs_hash": ipfs_cid_v0(blob),
            "blake2_256": hex0x(blake2_256(blob)),
        },
    }


def recorded_dir(out, as_dir):
    """How the "wasm" fields name OUTDIR: --as DIR, else relative to the checkout if inside it."""
    if as_dir is not None:
        return as_dir.rstrip("/")
    out = os.path.abspath(out)
    rel = os.path.relpath(out, CHECKOUT)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return out.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def parse_args(argv):
    with_git, as_dir, rest = False, None, []
    i = 0
    while i < len(argv):
        if argv[i] == "--git":
            with_git = True
        elif argv[i] == "--as" and i + 1 < len(argv):
            as_dir = argv[i + 1]
            i += 1
        else:
            rest.append(argv[i])
        i += 1
    if len(rest) != 1 or rest[0].startswith("--"):
        raise SystemExit("usage: digest.py OUTDIR [--git] [--as DIR]")
    return rest[0], with_git, as_dir


def main():
    out, with_git, as_dir = parse_args(sys.argv[1:])
    where = recorded_dir(out, as_dir)
    rustc = os.environ.get("BASALT_RUSTC_VERSION", "rustc 1.63.0")
    commit = git("rev-parse", "HEAD") if with_git else None
    tag = git("describe", "--tags", "--exact-match") if with_git else None
    branch = git("rev-parse", "--abbrev-ref", "HEAD") if with_git else None
    tmsp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) if with_git else None
    sums = []
    for spec in SPECS:
        compact_name = "basalt_demo_v%d.wasm" % spec
        compressed_name = "basalt_demo_v%d.compact.compressed.wasm" % spec
        wasm = open(os.path.join(out, compact_name), "rb").read()
        compressed = open(os.path.join(out, compressed_name), "rb").read()
        if not compressed.startswith(ZSTD_MAGIC):
            raise SystemExit("digest.py: %s lacks the zstd magic" % compressed_name)
        runtimes = {
            "compact": runtime_entry(where + "/" + compact_name, wasm, wasm, spec, tmsp),
            "compressed": runtime_entry(
                where + "/" + compressed_name, compressed, wasm, spec, tmsp),
        }
        top = runtimes["compressed"]
        digest = {
            "gen": "basalt-runtime-builder v1",
            "src": "git",
            "version": "0.1.0",
            "commit": commit,
            "tag": tag,
            "branch": branch,
            "rustc": rustc,
            "pkg": "basalt-demo-runtime",
            "tmsp": tmsp,
            "size": top["size"],
            "prop": top["prop"],
            "ipfs": top["ipfs"],
            "sha256": top["sha256"],
            "wasm": top["wasm"],
            "info": {
                "generator": {"name": "basalt-runtime-builder", "version": "1"},
                "src": "git",
                "version": "0.1.0",
                "git": {"commit": commit, "tag": tag, "branch": branch},
                "rustc": rustc,
                "pkg": "basalt-demo-runtime",
                "profile": "release (opt-level=z, lto=fat, codegen-units=1, panic=abort, strip)",
            },
            "context": {
                "package": "basalt-demo-runtime",
                "runtime_dir": "runtime-wasm",
                "docker": {"image": "basalt/runtime-builder", "tag": "bookworm-rustc-1.63.0"},
                "profile": "release",
                "spec_version": spec,
                "compression": "52bc537646db8e05 ++ zstd 1.5.4 -19 --single-thread --no-check",
            },
            "runtimes": runtimes,
        }
        with open(os.path.join(out, "basalt_demo_v%d.digest.json" % spec), "w", newline="\n") as f:
            json.dump(digest, f, indent=2)
            f.write("\n")
        sums += [(compact_name, wasm), (compressed_name, compressed)]
    with open(os.path.join(out, "SHA256SUMS"), "w", newline="\n") as f:
        for name, data in sums:
            f.write("%s  %s\n" % (hashlib.sha256(data).hexdigest(), name))
    with open(os.path.join(out, "BLAKE2_256SUMS"), "w", newline="\n") as f:
        for name, data in sums:
            f.write("%s  %s\n" % (blake2_256(data).hex(), name))


if __name__ == "__main__":
    main()
