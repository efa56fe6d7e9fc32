//! basalt-demo, the Wasm runtime (docs/runtime-spec.md is normative).
//!
//! `no_std`, no dependencies: SCALE by hand, storage/hashing/crypto through host functions, the
//! host allocator as the global allocator. Every runtime API is an export
//! `<Api>_<method>(ptr, len) -> ptr | len << 32` that decodes its whole input strictly.

#![no_std]
#![feature(alloc_error_handler)]
#![allow(non_snake_case)]

extern crate alloc;

mod blake2b;
mod codec;
mod dispatch;
mod executive;
mod genesis_config;
mod host;
mod keys;
mod ss58;
mod storage;
mod types;
mod version;

use alloc::vec::Vec;
use codec::{Input, Res};
use types::{Extrinsic, Header};

#[global_allocator]
static ALLOCATOR: host::HostAllocator = host::HostAllocator;

/// Target of the runtime's own (non-panic) log lines.
pub const LOG_TARGET: &[u8] = b"runtime::basalt-demo";
/// Offchain-index key written at finalization (spec §7.3) and read by the offchain worker.
pub const OFFCHAIN_BLOCK_KEY: &[u8] = b"basalt-demo/block";
/// Offchain local-storage key the offchain worker writes (spec §11).
pub const OFFCHAIN_OCW_KEY: &[u8] = b"basalt-demo/ocw";

/// Reports `message` as an error log, then traps (spec §12).
pub fn abort(message: &[u8]) -> ! {
    host::log(host::LOG_ERROR, b"runtime", message);
    core::arch::wasm32::unreachable()
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    abort(b"basalt-demo runtime panicked (internal error)")
}

#[alloc_error_handler]
fn out_of_memory(_layout: core::alloc::Layout) -> ! {
    abort(b"basalt-demo runtime ran out of memory")
}

// ---------------------------------------------------------------------------------------------
// Calling convention

fn input<'a>(ptr: u32, len: u32) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: the host copied `len` input bytes to `ptr` in linear memory for this call.
    unsafe { core::slice::from_raw_parts(ptr as *const u8, len as usize) }
}

fn ret(output: Vec<u8>) -> u64 {
    let fat = ((output.len() as u64) << 32) | (output.as_ptr() as u32 as u64);
    core::mem::forget(output);
    fat
}

/// Decodes the whole input with `f`; anything undecodable or left over is a panic.
fn decode<'a, T>(method: &[u8], data: &'a [u8], f: impl FnOnce(&mut Input<'a>) -> Res<T>) -> T {
    let mut input = Input::new(data);
    match f(&mut input).and_then(|v| input.finish().map(|_| v)) {
        Ok(v) => v,
        Err(reason) => {
            let mut message = b"Bad input data provided to ".to_vec();
            message.extend_from_slice(method);
            message.extend_from_slice(b": ");
            message.extend_from_slice(reason.as_bytes());
            abort(&message)
        }
    }
}

fn no_input(method: &[u8], data: &[u8]) {
    decode(method, data, |_| Ok(()))
}

fn decode_inherent_data<'a>(input: &mut Input<'a>) -> Res<Vec<([u8; 8], &'a [u8])>> {
    let n = input.length()?;
    let mut data = Vec::new();
    for _ in 0..n {
        let id = input.array()?;
        data.push((id, input.vec_u8()?));
    }
    Ok(data)
}

fn decode_block<'a>(input: &mut Input<'a>) -> Res<(Header<'a>, Vec<Extrinsic<'a>>)> {
    let header = Header::decode(input)?;
    let extrinsics = types::decode_extrinsics(input)?;
    Ok((header, extrinsics))
}

// ---------------------------------------------------------------------------------------------
// Core

#[no_mangle]
pub extern "C" fn Core_version(ptr: u32, len: u32) -> u64 {
    no_input(b"version", input(ptr, len));
    ret(version::CORE_VERSION.to_vec())
}

#[no_mangle]
pub extern "C" fn Core_execute_block(ptr: u32, len: u32) -> u64 {
    let (header, extrinsics) = decode(b"execute_block", input(ptr, len), decode_block);
    executive::execute_block(&header, &extrinsics);
    ret(Vec::new())
}

#[no_mangle]
pub extern "C" fn Core_initialize_block(ptr: u32, len: u32) -> u64 {
    let header = decode(b"initialize_block", input(ptr, len), Header::decode);
    executive::initialize_block(&header);
    ret(Vec::new())
}

// ---------------------------------------------------------------------------------------------
// Metadata

#[no_mangle]
pub extern "C" fn Metadata_metadata(ptr: u32, len: u32) -> u64 {
    no_input(b"metadata", input(ptr, len));
    ret(codec::vec_u8(version::METADATA_V14))
}

#[no_mangle]
pub extern "C" fn Metadata_metadata_at_version(ptr: u32, len: u32) -> u64 {
    let requested = decode(b"metadata_at_version", input(ptr, len), |i| i.u32());
    let blob = match requested {
        14 => version::METADATA_V14,
        15 => version::METADATA_V15,
        _ => return ret(alloc::vec![0]),
    };
    let mut out = alloc::vec![1u8];
    codec::put_vec_u8(&mut out, blob);
    ret(out)
}

#[no_mangle]
pub extern "C" fn Metadata_metadata_versions(ptr: u32, len: u32) -> u64 {
    no_input(b"metadata_versions", input(ptr, len));
    let mut out = alloc::vec![8u8];
    codec::put_u32(&mut out, 14);
    codec::put_u32(&mut out, 15);
    ret(out)
}

// ---------------------------------------------------------------------------------------------
// BlockBuilder

#[no_mangle]
pub extern "C" fn BlockBuilder_apply_extrinsic(ptr: u32, len: u32) -> u64 {
    let xt = decode(b"apply_extrinsic", input(ptr, len), Extrinsic::decode);
    ret(executive::encode_apply_result(&executive::apply_extrinsic(&xt)))
}

#[no_mangle]
pub extern "C" fn BlockBuilder_finalize_block(ptr: u32, len: u32) -> u64 {
    no_input(b"finalize_block", input(ptr, len));
    ret(executive::finalize_block())
}

#[no_mangle]
pub extern "C" fn BlockBuilder_inherent_extrinsics(ptr: u32, len: u32) -> u64 {
    let data = decode(b"inherent_extrinsics", input(ptr, len), decode_inherent_data);
    ret(executive::inherent_extrinsics(&data))
}

#[no_mangle]
pub extern "C" fn BlockBuilder_check_inherents(ptr: u32, len: u32) -> u64 {
    let ((_, extrinsics), data) = decode(b"check_inherents", input(ptr, len), |i| {
        let block = decode_block(i)?;
        Ok((block, decode_inherent_data(i)?))
    });
    ret(executive::check_inherents(&extrinsics, &data))
}

// ---------------------------------------------------------------------------------------------
// TaggedTransactionQueue, OffchainWorkerApi, AccountNonceApi

#[no_mangle]
pub extern "C" fn TaggedTransactionQueue_validate_transaction(ptr: u32, len: u32) -> u64 {
    let (xt, block_hash) = decode(b"validate_transaction", input(ptr, len), |i| {
        if i.byte()? > 2 {
            return Err("invalid TransactionSource");
        }
        let xt = Extrinsic::decode(i)?;
        Ok((xt, i.array::<32>()?))
    });
    ret(executive::validate_transaction(&xt, &block_hash))
}

#[no_mangle]
pub extern "C" fn OffchainWorkerApi_offchain_worker(ptr: u32, len: u32) -> u64 {
    let data = input(ptr, len);
    let header = decode(b"offchain_worker", data, Header::decode);
    executive::offchain_worker(&header, data);
    ret(Vec::new())
}

#[no_mangle]
pub extern "C" fn AccountNonceApi_account_nonce(ptr: u32, len: u32) -> u64 {
    let who = decode(b"account_nonce", input(ptr, len), |i| i.array::<32>());
    ret(storage::account(&who).nonce.to_le_bytes().to_vec())
}

// ---------------------------------------------------------------------------------------------
// TransactionPaymentApi

fn decode_query<'a>(i: &mut Input<'a>) -> Res<(Extrinsic<'a>, u32)> {
    let xt = Extrinsic::decode(i)?;
    Ok((xt, i.u32()?))
}

#[no_mangle]
pub extern "C" fn TransactionPaymentApi_query_info(ptr: u32, len: u32) -> u64 {
    let (xt, length) = decode(b"query_info", input(ptr, len), decode_query);
    let (weight, class) = xt.call.info();
    let mut out = Vec::new();
    codec::put_compact(&mut out, weight as u128);
    out.push(0);
    out.push(class as u8);
    let fee = if xt.signed.is_some() {
        let (base, length_fee, weight_fee) = executive::inclusion_fee(weight, length as u64);
        base + length_fee + weight_fee
    } else {
        0
    };
    codec::put_u128(&mut out, fee);
    ret(out)
}

#[no_mangle]
pub extern "C" fn TransactionPaymentApi_query_fee_details(ptr: u32, len: u32) -> u64 {
    let (xt, length) = decode(b"query_fee_details", input(ptr, len), decode_query);
    let mut out = Vec::new();
    if xt.signed.is_some() {
        let (base, length_fee, weight_fee) = executive::inclusion_fee(xt.call.info().0, length as u64);
        out.push(1);
        codec::put_u128(&mut out, base);
        codec::put_u128(&mut out, length_fee);
        codec::put_u128(&mut out, weight_fee);
    } else {
        out.push(0);
    }
    codec::put_u128(&mut out, 0); // tip
    ret(out)
}

#[no_mangle]
pub extern "C" fn TransactionPaymentApi_query_weight_to_fee(ptr: u32, len: u32) -> u64 {
    let ref_time = decode(b"query_weight_to_fee", input(ptr, len), |i| {
        let ref_time = i.compact_u64()?;
        i.compact_u64()?;
        Ok(ref_time)
    });
    ret((ref_time as u128).to_le_bytes().to_vec())
}

#[no_mangle]
pub extern "C" fn TransactionPaymentApi_query_length_to_fee(ptr: u32, len: u32) -> u64 {
    let length = decode(b"query_length_to_fee", input(ptr, len), |i| i.u32());
    ret(executive::inclusion_fee(0, length as u64).1.to_le_bytes().to_vec())
}

// ---------------------------------------------------------------------------------------------
// GenesisBuilder

#[no_mangle]
pub extern "C" fn GenesisBuilder_build_state(ptr: u32, len: u32) -> u64 {
    let json = decode(b"build_state", input(ptr, len), |i| i.vec_u8());
    match genesis_config::parse(json) {
        Ok(config) => {
            build_genesis(&config);
            ret(alloc::vec![0])
        }
        Err(reason) => {
            let mut out = alloc::vec![1u8];
            codec::put_vec_u8(&mut out, reason.as_bytes());
            ret(out)
        }
    }
}

/// The genesis storage of spec §10.
fn build_genesis(config: &genesis_config::GenesisConfig) {
    let genesis_hash = [0x45u8; 32];
    host::storage_set(&storage::block_hash_key(0), &genesis_hash);
    host::storage_set(&keys::PARENT_HASH, &genesis_hash);
    host::storage_set(&keys::LAST_RUNTIME_UPGRADE, &executive::last_runtime_upgrade());
    host::storage_set(&keys::UPGRADED_TO_U32_REF_COUNT, &[1]);
    host::storage_set(&keys::UPGRADED_TO_TRIPLE_REF_COUNT, &[1]);
    storage::put_u32(keys::EXTRINSIC_INDEX, 0);
    let mut total: u128 = 0;
    for (account, amount) in config.balances.iter() {
        storage::put_account(account, &storage::AccountInfo::new(*amount));
        total += *amount;
    }
    storage::put_u128(&keys::TOTAL_ISSUANCE, total);
    if let Some(key) = config.sudo_key {
        host::storage_set(&keys::SUDO_KEY, &key);
    }
    if let Some(value) = config.template_value {
        host::storage_set(&keys::TEMPLATE_VALUE, &dispatch::template_value(value, 0));
    }
    if version::SPEC_VERSION >= 101 {
        host::storage_set(&keys::TEMPLATE_STORAGE_VERSION, &1u16.to_le_bytes());
    }
}

#[no_mangle]
pub extern "C" fn GenesisBuilder_get_preset(ptr: u32, len: u32) -> u64 {
    // A `PresetId` is a `Vec<u8>`: compared as bytes, so a non-UTF-8 id is just unknown.
    let id = decode(b"get_preset", input(ptr, len), |i| {
        if i.option_tag()? {
            Ok(Some(i.vec_u8()?))
        } else {
            Ok(None)
        }
    });
    let json = match id {
        None => genesis_config::DEFAULT_CONFIG,
        Some(b"development") | Some(b"local_testnet") => genesis_config::DEV_PRESET,
        Some(_) => return ret(alloc::vec![0]),
    };
    let mut out = alloc::vec![1u8];
    codec::put_vec_u8(&mut out, json.as_bytes());
    ret(out)
}

#[no_mangle]
pub extern "C" fn GenesisBuilder_preset_names(ptr: u32, len: u32) -> u64 {
    no_input(b"preset_names", input(ptr, len));
    let mut out = Vec::new();
    codec::put_compact(&mut out, genesis_config::PRESET_NAMES.len() as u128);
    for name in genesis_config::PRESET_NAMES {
        codec::put_vec_u8(&mut out, name.as_bytes());
    }
    ret(out)
}

// ---------------------------------------------------------------------------------------------
// SessionKeys

#[no_mangle]
pub extern "C" fn SessionKeys_generate_session_keys(ptr: u32, len: u32) -> u64 {
    decode(b"generate_session_keys", input(ptr, len), |i| {
        if i.option_tag()? {
            i.vec_u8()?;
        }
        Ok(())
    });
    ret(alloc::vec![0])
}

#[no_mangle]
pub extern "C" fn SessionKeys_decode_session_keys(ptr: u32, len: u32) -> u64 {
    let encoded = decode(b"decode_session_keys", input(ptr, len), |i| i.vec_u8());
    ret(if encoded.is_empty() {
        alloc::vec![1, 0]
    } else {
        alloc::vec![0]
    })
}
