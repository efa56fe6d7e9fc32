//! Identity (spec §1): the `RuntimeVersion`, the custom sections that embed it, and the committed
//! metadata blobs. `--cfg spec101` selects spec version 101; the default is 100.

pub const SPEC_NAME: &[u8] = b"basalt-demo";

#[cfg(not(spec101))]
pub const SPEC_VERSION: u32 = 100;
#[cfg(spec101)]
pub const SPEC_VERSION: u32 = 101;

pub const TRANSACTION_VERSION: u32 = 1;
pub const MINIMUM_PERIOD: u64 = 1;

pub const CORE_API_ID: [u8; 8] = crate::keys::hex("df6acb689907609b");

/// `(blake2b-64(trait name), version)` in the normative order.
const APIS: [([u8; 8], u32); 9] = [
    (CORE_API_ID, 4),
    (crate::keys::hex("37e397fc7c91f5e4"), 2),
    (crate::keys::hex("40fe3ad401f8959a"), 6),
    (crate::keys::hex("d2bc9897eed08f15"), 3),
    (crate::keys::hex("f78b278be53f454c"), 2),
    (crate::keys::hex("bc9d89904f5b923f"), 1),
    (crate::keys::hex("37c8bb1350a9a2a8"), 4),
    (crate::keys::hex("fbc577b9d747efd6"), 1),
    (crate::keys::hex("ab3c0572291feb8b"), 1),
];

/// A fixed-size byte buffer filled front to back at compile time.
struct Buf<const N: usize> {
    out: [u8; N],
    at: usize,
}

impl<const N: usize> Buf<N> {
    const fn new() -> Self {
        Buf { out: [0u8; N], at: 0 }
    }

    const fn put(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            self.out[self.at + i] = bytes[i];
            i += 1;
        }
        self.at += bytes.len();
        self
    }

    const fn apis(mut self) -> Self {
        let mut i = 0;
        while i < APIS.len() {
            self = self.put(&APIS[i].0).put(&APIS[i].1.to_le_bytes());
            i += 1;
        }
        self
    }

    const fn done(self) -> [u8; N] {
        if self.at != N {
            panic!("buffer length mismatch");
        }
        self.out
    }
}

/// The SCALE `RuntimeVersion`, with or without its `apis` list.
const fn runtime_version<const N: usize>(with_apis: bool) -> [u8; N] {
    let mut b = Buf::<N>::new()
        .put(&[(SPEC_NAME.len() as u8) << 2])
        .put(SPEC_NAME)
        .put(&[(SPEC_NAME.len() as u8) << 2])
        .put(SPEC_NAME)
        .put(&1u32.to_le_bytes()) // authoring_version
        .put(&SPEC_VERSION.to_le_bytes())
        .put(&0u32.to_le_bytes()); // impl_version
    b = if with_apis {
        b.put(&[(APIS.len() as u8) << 2]).apis()
    } else {
        b.put(&[0])
    };
    b.put(&TRANSACTION_VERSION.to_le_bytes())
        .put(&[1]) // system_version
        .done()
}

const fn runtime_apis_section() -> [u8; 108] {
    Buf::<108>::new().apis().done()
}

/// What `Core_version` returns.
pub const CORE_VERSION: [u8; 150] = runtime_version(true);

/// Read by hosts without running the runtime (host-api.md §2).
#[link_section = "runtime_version"]
#[used]
static RUNTIME_VERSION_SECTION: [u8; 42] = runtime_version(false);

#[link_section = "runtime_apis"]
#[used]
static RUNTIME_APIS_SECTION: [u8; 108] = runtime_apis_section();

#[cfg(not(spec101))]
pub static METADATA_V14: &[u8] = include_bytes!(
    "../../runtime-native/src/main/resources/io/basalt/runtime/metadata/v100-v14.scale"
);
#[cfg(not(spec101))]
pub static METADATA_V15: &[u8] = include_bytes!(
    "../../runtime-native/src/main/resources/io/basalt/runtime/metadata/v100-v15.scale"
);
#[cfg(spec101)]
pub static METADATA_V14: &[u8] = include_bytes!(
    "../../runtime-native/src/main/resources/io/basalt/runtime/metadata/v101-v14.scale"
);
#[cfg(spec101)]
pub static METADATA_V15: &[u8] = include_bytes!(
    "../../runtime-native/src/main/resources/io/basalt/runtime/metadata/v101-v15.scale"
);
