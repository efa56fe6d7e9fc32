//! Storage keys (spec §4): `twox128(pallet) ‖ twox128(item)`, precomputed.

const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => panic!("invalid hex digit"),
    }
}

/// Lower-case hex to bytes, at compile time.
pub const fn hex<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    if b.len() != 2 * N {
        panic!("hex literal has the wrong length");
    }
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = (nibble(b[2 * i]) << 4) | nibble(b[2 * i + 1]);
        i += 1;
    }
    out
}

type Key = [u8; 32];

pub const ACCOUNT: Key = hex("26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
pub const EXTRINSIC_COUNT: Key = hex("26aa394eea5630e07c48ae0c9558cef7bdc0bd303e9855813aa8a30d4efc5112");
pub const INHERENTS_APPLIED: Key = hex("26aa394eea5630e07c48ae0c9558cef7156afe25323c70e43eb722ed7c886297");
pub const BLOCK_WEIGHT: Key = hex("26aa394eea5630e07c48ae0c9558cef734abf5cb34d6244378cddbf18e849d96");
pub const ALL_EXTRINSICS_LEN: Key = hex("26aa394eea5630e07c48ae0c9558cef7a86da5a932684f199539836fcb8c886f");
pub const BLOCK_HASH: Key = hex("26aa394eea5630e07c48ae0c9558cef7a44704b568d21667356a5a050c118746");
pub const EXTRINSIC_DATA: Key = hex("26aa394eea5630e07c48ae0c9558cef7df1daeb8986837f21cc5d17596bb78d1");
pub const NUMBER: Key = hex("26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac");
pub const PARENT_HASH: Key = hex("26aa394eea5630e07c48ae0c9558cef78a42f33323cb5ced3b44dd825fda9fcc");
pub const DIGEST: Key = hex("26aa394eea5630e07c48ae0c9558cef799e7f93fc6a98f0874fd057f111c4d2d");
pub const EVENTS: Key = hex("26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7");
pub const EVENT_COUNT: Key = hex("26aa394eea5630e07c48ae0c9558cef70a98fdbe9ce6c55837576c60c7af3850");
pub const EVENT_TOPICS: Key = hex("26aa394eea5630e07c48ae0c9558cef7bb94e1c21adab714983cf06622e1de76");
pub const LAST_RUNTIME_UPGRADE: Key =
    hex("26aa394eea5630e07c48ae0c9558cef7f9cce9c888469bb1a0dceaa129672ef8");
pub const UPGRADED_TO_U32_REF_COUNT: Key =
    hex("26aa394eea5630e07c48ae0c9558cef75684a022a34dd8bfa2baaf44f172b710");
pub const UPGRADED_TO_TRIPLE_REF_COUNT: Key =
    hex("26aa394eea5630e07c48ae0c9558cef7a7fd6c28836b9a28522dc924110cf439");
pub const EXECUTION_PHASE: Key = hex("26aa394eea5630e07c48ae0c9558cef7ff553b5a9862a516939d82b3d3d8661a");
pub const TIMESTAMP_NOW: Key = hex("f0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb");
pub const TIMESTAMP_DID_UPDATE: Key =
    hex("f0c365c3cf59d671eb72da0e7a4113c4bbd108c4899964f707fdaffb82636065");
pub const TOTAL_ISSUANCE: Key = hex("c2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80");
pub const SUDO_KEY: Key = hex("5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b");
pub const TEMPLATE_VALUE: Key = hex("726b3c277093e8f802a921b5d3ef011b6b2f21989c43cc4e06ac1ad3e2027000");
pub const TEMPLATE_STORAGE_VERSION: Key =
    hex("726b3c277093e8f802a921b5d3ef011b4e7b9012096b41c4eb3aaf947f6ea429");

pub const CODE: &[u8] = b":code";
pub const HEAP_PAGES: &[u8] = b":heappages";
pub const EXTRINSIC_INDEX: &[u8] = b":extrinsic_index";
pub const INTRABLOCK_ENTROPY: &[u8] = b":intrablock_entropy";
