//! The host functions of spec §13 (module `env`) and safe wrappers around them.
//!
//! Pointers are `u32`, fat pointers (`ps`) `u64` = `len << 32 | ptr`. Buffers the host returns
//! were allocated with the host allocator; they are copied out and freed at once.

use crate::codec::{self, Input};
use alloc::vec::Vec;
use core::alloc::{GlobalAlloc, Layout};

mod sys {
    #[link(wasm_import_module = "env")]
    extern "C" {
        pub fn ext_allocator_malloc_version_1(size: u32) -> u32;
        pub fn ext_allocator_free_version_1(ptr: u32);
        pub fn ext_storage_get_version_1(key: u64) -> u64;
        pub fn ext_storage_set_version_1(key: u64, value: u64);
        pub fn ext_storage_clear_version_1(key: u64);
        pub fn ext_storage_exists_version_1(key: u64) -> u32;
        pub fn ext_storage_append_version_1(key: u64, value: u64);
        pub fn ext_storage_clear_prefix_version_2(prefix: u64, limit: u64) -> u64;
        pub fn ext_storage_root_version_2(version: u32) -> u64;
        pub fn ext_storage_start_transaction_version_1();
        pub fn ext_storage_commit_transaction_version_1();
        pub fn ext_storage_rollback_transaction_version_1();
        pub fn ext_hashing_blake2_128_version_1(data: u64) -> u32;
        pub fn ext_hashing_blake2_256_version_1(data: u64) -> u32;
        pub fn ext_hashing_twox_64_version_1(data: u64) -> u32;
        pub fn ext_crypto_ed25519_verify_version_1(sig: u32, msg: u64, public: u32) -> u32;
        pub fn ext_crypto_sr25519_verify_version_2(sig: u32, msg: u64, public: u32) -> u32;
        pub fn ext_crypto_secp256k1_ecdsa_recover_compressed_version_2(sig: u32, msg: u32) -> u64;
        pub fn ext_trie_blake2_256_ordered_root_version_2(data: u64, version: u32) -> u32;
        pub fn ext_misc_runtime_version_version_1(code: u64) -> u64;
        pub fn ext_logging_log_version_1(level: u32, target: u64, message: u64);
        pub fn ext_logging_max_level_version_1() -> u32;
        pub fn ext_offchain_local_storage_get_version_1(kind: u32, key: u64) -> u64;
        pub fn ext_offchain_local_storage_set_version_1(kind: u32, key: u64, value: u64);
        pub fn ext_offchain_index_set_version_1(key: u64, value: u64);
    }
}

/// The host's freeing-bump allocator as the global allocator (it aligns to 8 bytes).
pub struct HostAllocator;

unsafe impl GlobalAlloc for HostAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > 8 {
            crate::abort(b"allocation with an alignment above 8 requested");
        }
        sys::ext_allocator_malloc_version_1(layout.size() as u32) as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        sys::ext_allocator_free_version_1(ptr as u32)
    }
}

fn ps(data: &[u8]) -> u64 {
    ((data.len() as u64) << 32) | (data.as_ptr() as u32 as u64)
}

/// Copies out and frees a host-allocated buffer.
fn take(ptr: u32, len: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(len as usize);
    if len > 0 {
        // SAFETY: the host wrote `len` bytes at `ptr` inside linear memory.
        out.extend_from_slice(unsafe { core::slice::from_raw_parts(ptr as *const u8, len as usize) });
    }
    unsafe { sys::ext_allocator_free_version_1(ptr) };
    out
}

fn take_ps(fat: u64) -> Vec<u8> {
    take(fat as u32, (fat >> 32) as u32)
}

fn take_array<const N: usize>(ptr: u32) -> [u8; N] {
    let bytes = take(ptr, N as u32);
    let mut out = [0u8; N];
    out.copy_from_slice(&bytes);
    out
}

/// Decodes a host-returned SCALE `Option<Vec<u8>>`.
fn take_option_vec(fat: u64) -> Option<Vec<u8>> {
    let raw = take_ps(fat);
    let mut input = Input::new(&raw);
    let decoded = match input.option_tag() {
        Ok(false) => Ok(None),
        Ok(true) => input.vec_u8().map(|v| Some(v.to_vec())),
        Err(e) => Err(e),
    };
    match decoded {
        Ok(v) => v,
        Err(_) => crate::abort(b"the host returned a malformed Option<Vec<u8>>"),
    }
}

pub fn storage_get(key: &[u8]) -> Option<Vec<u8>> {
    take_option_vec(unsafe { sys::ext_storage_get_version_1(ps(key)) })
}

pub fn storage_set(key: &[u8], value: &[u8]) {
    unsafe { sys::ext_storage_set_version_1(ps(key), ps(value)) }
}

pub fn storage_clear(key: &[u8]) {
    unsafe { sys::ext_storage_clear_version_1(ps(key)) }
}

pub fn storage_exists(key: &[u8]) -> bool {
    unsafe { sys::ext_storage_exists_version_1(ps(key)) != 0 }
}

/// Appends one SCALE-encoded item to the SCALE `Vec` stored under `key`.
pub fn storage_append(key: &[u8], item: &[u8]) {
    unsafe { sys::ext_storage_append_version_1(ps(key), ps(item)) }
}

/// Clears keys starting with `prefix` (at most `limit` of them); the result is ignored.
pub fn storage_clear_prefix(prefix: &[u8], limit: Option<u32>) {
    let mut encoded = Vec::with_capacity(5);
    match limit {
        None => encoded.push(0),
        Some(n) => {
            encoded.push(1);
            codec::put_u32(&mut encoded, n);
        }
    }
    let result = unsafe { sys::ext_storage_clear_prefix_version_2(ps(prefix), ps(&encoded)) };
    take_ps(result);
}

/// The state root (trie layout V1).
pub fn storage_root_v1() -> [u8; 32] {
    let raw = take_ps(unsafe { sys::ext_storage_root_version_2(1) });
    if raw.len() != 32 {
        crate::abort(b"the host returned a storage root that is not 32 bytes");
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(&raw);
    out
}

pub fn start_transaction() {
    unsafe { sys::ext_storage_start_transaction_version_1() }
}

pub fn commit_transaction() {
    unsafe { sys::ext_storage_commit_transaction_version_1() }
}

pub fn rollback_transaction() {
    unsafe { sys::ext_storage_rollback_transaction_version_1() }
}

pub fn blake2_128(data: &[u8]) -> [u8; 16] {
    take_array(unsafe { sys::ext_hashing_blake2_128_version_1(ps(data)) })
}

pub fn blake2_256(data: &[u8]) -> [u8; 32] {
    take_array(unsafe { sys::ext_hashing_blake2_256_version_1(ps(data)) })
}

pub fn twox_64(data: &[u8]) -> [u8; 8] {
    take_array(unsafe { sys::ext_hashing_twox_64_version_1(ps(data)) })
}

pub fn ed25519_verify(signature: &[u8; 64], message: &[u8], public: &[u8; 32]) -> bool {
    unsafe {
        sys::ext_crypto_ed25519_verify_version_1(
            signature.as_ptr() as u32,
            ps(message),
            public.as_ptr() as u32,
        ) != 0
    }
}

pub fn sr25519_verify(signature: &[u8; 64], message: &[u8], public: &[u8; 32]) -> bool {
    unsafe {
        sys::ext_crypto_sr25519_verify_version_2(
            signature.as_ptr() as u32,
            ps(message),
            public.as_ptr() as u32,
        ) != 0
    }
}

/// The compressed public key that produced `signature` over the 32-byte `message_hash`.
pub fn secp256k1_recover_compressed(signature: &[u8; 65], message_hash: &[u8; 32]) -> Option<[u8; 33]> {
    let raw = take_ps(unsafe {
        sys::ext_crypto_secp256k1_ecdsa_recover_compressed_version_2(
            signature.as_ptr() as u32,
            message_hash.as_ptr() as u32,
        )
    });
    match raw.first() {
        Some(0) if raw.len() == 34 => {
            let mut key = [0u8; 33];
            key.copy_from_slice(&raw[1..]);
            Some(key)
        }
        Some(1) => None,
        _ => crate::abort(b"the host returned a malformed ecdsa recovery result"),
    }
}

/// Root of the ordered trie (keys `compact(i)`) over `items`, layout V0.
pub fn ordered_root_v0(items: &[Vec<u8>]) -> [u8; 32] {
    let mut encoded = Vec::new();
    codec::put_compact(&mut encoded, items.len() as u128);
    for item in items {
        codec::put_vec_u8(&mut encoded, item);
    }
    take_array(unsafe { sys::ext_trie_blake2_256_ordered_root_version_2(ps(&encoded), 0) })
}

/// The SCALE `RuntimeVersion` of some runtime code, if the host can read it.
pub fn runtime_version(code: &[u8]) -> Option<Vec<u8>> {
    take_option_vec(unsafe { sys::ext_misc_runtime_version_version_1(ps(code)) })
}

pub const LOG_ERROR: u32 = 0;
pub const LOG_INFO: u32 = 2;
pub const LOG_DEBUG: u32 = 3;

pub fn log(level: u32, target: &[u8], message: &[u8]) {
    unsafe { sys::ext_logging_log_version_1(level, ps(target), ps(message)) }
}

/// Whether messages of `level` (0 error .. 4 trace) would be shown.
pub fn log_enabled(level: u32) -> bool {
    unsafe { sys::ext_logging_max_level_version_1() > level }
}

const PERSISTENT: u32 = 1;

pub fn offchain_local_get(key: &[u8]) -> Option<Vec<u8>> {
    take_option_vec(unsafe { sys::ext_offchain_local_storage_get_version_1(PERSISTENT, ps(key)) })
}

pub fn offchain_local_set(key: &[u8], value: &[u8]) {
    unsafe { sys::ext_offchain_local_storage_set_version_1(PERSISTENT, ps(key), ps(value)) }
}

pub fn offchain_index_set(key: &[u8], value: &[u8]) {
    unsafe { sys::ext_offchain_index_set_version_1(ps(key), ps(value)) }
}
