//! Typed storage access (spec §4) and event deposit (§5.8).
//!
//! Reads follow FRAME's `unhashed::get`: a value that does not decode reads as absent, and bytes
//! after a decodable value are ignored.

use crate::codec::{self, Input, Res};
use crate::host;
use crate::keys;
use crate::types::AccountId;
use alloc::vec::Vec;

/// Decodes the prefix of a stored value; absent or undecodable gives `None`.
pub fn get<T>(key: &[u8], decode: impl FnOnce(&mut Input) -> Res<T>) -> Option<T> {
    let raw = host::storage_get(key)?;
    decode(&mut Input::new(&raw)).ok()
}

pub fn get_u32(key: &[u8]) -> Option<u32> {
    get(key, |i| i.u32())
}

pub fn get_u64(key: &[u8]) -> Option<u64> {
    get(key, |i| i.u64())
}

pub fn get_u128(key: &[u8]) -> Option<u128> {
    get(key, |i| i.u128())
}

pub fn get_bool(key: &[u8]) -> Option<bool> {
    get(key, |i| i.bool())
}

pub fn get_hash(key: &[u8]) -> Option<[u8; 32]> {
    get(key, |i| i.array())
}

pub fn put_u32(key: &[u8], v: u32) {
    host::storage_set(key, &v.to_le_bytes());
}

pub fn put_u64(key: &[u8], v: u64) {
    host::storage_set(key, &v.to_le_bytes());
}

pub fn put_u128(key: &[u8], v: u128) {
    host::storage_set(key, &v.to_le_bytes());
}

/// `prefix ‖ blake2_128(k) ‖ k`.
pub fn blake2_128_concat(prefix: &[u8], k: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(prefix.len() + 16 + k.len());
    key.extend_from_slice(prefix);
    key.extend_from_slice(&host::blake2_128(k));
    key.extend_from_slice(k);
    key
}

/// `prefix ‖ twox64(k) ‖ k`.
pub fn twox_64_concat(prefix: &[u8], k: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(prefix.len() + 8 + k.len());
    key.extend_from_slice(prefix);
    key.extend_from_slice(&host::twox_64(k));
    key.extend_from_slice(k);
    key
}

pub fn account_key(who: &AccountId) -> Vec<u8> {
    blake2_128_concat(&keys::ACCOUNT, who)
}

pub fn block_hash_key(n: u32) -> Vec<u8> {
    twox_64_concat(&keys::BLOCK_HASH, &n.to_le_bytes())
}

pub fn extrinsic_data_key(n: u32) -> Vec<u8> {
    twox_64_concat(&keys::EXTRINSIC_DATA, &n.to_le_bytes())
}

/// `frame_system::AccountInfo` with `pallet_balances::AccountData` (80 bytes).
#[derive(Clone, Copy, Default)]
pub struct AccountInfo {
    pub nonce: u32,
    pub consumers: u32,
    pub providers: u32,
    pub sufficients: u32,
    pub free: u128,
    pub reserved: u128,
    pub frozen: u128,
    pub flags: u128,
}

/// FRAME's "new logic" flag, set on every account basalt-demo creates.
pub const NEW_LOGIC_FLAG: u128 = 1 << 127;

impl AccountInfo {
    /// A fresh account holding `free`.
    pub fn new(free: u128) -> AccountInfo {
        AccountInfo {
            providers: 1,
            free,
            flags: NEW_LOGIC_FLAG,
            ..AccountInfo::default()
        }
    }

    fn decode(input: &mut Input) -> Res<AccountInfo> {
        Ok(AccountInfo {
            nonce: input.u32()?,
            consumers: input.u32()?,
            providers: input.u32()?,
            sufficients: input.u32()?,
            free: input.u128()?,
            reserved: input.u128()?,
            frozen: input.u128()?,
            flags: input.u128()?,
        })
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(80);
        codec::put_u32(&mut out, self.nonce);
        codec::put_u32(&mut out, self.consumers);
        codec::put_u32(&mut out, self.providers);
        codec::put_u32(&mut out, self.sufficients);
        codec::put_u128(&mut out, self.free);
        codec::put_u128(&mut out, self.reserved);
        codec::put_u128(&mut out, self.frozen);
        codec::put_u128(&mut out, self.flags);
        out
    }
}

/// Whether the account exists (its `System.Account` entry is present).
pub fn account_exists(who: &AccountId) -> bool {
    host::storage_exists(&account_key(who))
}

/// `System.Account[who]` with the `Default` query.
pub fn account(who: &AccountId) -> AccountInfo {
    get(&account_key(who), AccountInfo::decode).unwrap_or_default()
}

pub fn put_account(who: &AccountId, info: &AccountInfo) {
    host::storage_set(&account_key(who), &info.encode());
}

pub fn kill_account(who: &AccountId) {
    host::storage_clear(&account_key(who));
}

pub fn block_number() -> u32 {
    get_u32(&keys::NUMBER).unwrap_or(0)
}

/// `System.ExecutionPhase` encoded; absent or undecodable is `Initialization` (`02`).
fn phase() -> Vec<u8> {
    let decoded = get(&keys::EXECUTION_PHASE, |i| match i.byte()? {
        0 => {
            let mut out = alloc::vec![0u8];
            codec::put_u32(&mut out, i.u32()?);
            Ok(out)
        }
        1 => Ok(alloc::vec![1u8]),
        2 => Ok(alloc::vec![2u8]),
        _ => Err("invalid Phase"),
    });
    decoded.unwrap_or_else(|| alloc::vec![2u8])
}

/// Deposits `event` (`pallet ‖ variant ‖ fields`) unless the block number is 0.
pub fn deposit_event(event: &[u8]) {
    if block_number() == 0 {
        return;
    }
    let count = get_u32(&keys::EVENT_COUNT).unwrap_or(0);
    let new_count = match count.checked_add(1) {
        Some(c) => c,
        None => return,
    };
    let mut record = phase();
    record.extend_from_slice(event);
    record.push(0); // no topics
    put_u32(&keys::EVENT_COUNT, new_count);
    host::storage_append(&keys::EVENTS, &record);
}

/// Appends a digest item (pre-encoded) to `System.Digest`.
pub fn deposit_log(item: &[u8]) {
    host::storage_append(&keys::DIGEST, item);
}
