//! Block lifecycle (spec §7), extrinsic application and validation with the signed extensions
//! (§3.2, §3.3, §5.5, §5.6), inherents (§7.5) and the offchain worker (§11).

use crate::codec::{self, Input};
use crate::dispatch::{self, DispatchResult, Origin, EXISTENTIAL_DEPOSIT};
use crate::host;
use crate::keys;
use crate::storage;
use crate::types::{
    self, AccountId, Address, Call, DigestItem, DispatchClass, Era, Extrinsic, Header, Signature,
    DIGEST_PRE_RUNTIME,
};
use crate::version::{MINIMUM_PERIOD, SPEC_NAME, SPEC_VERSION, TRANSACTION_VERSION};
use alloc::vec::Vec;

pub const BASE_EXTRINSIC: u64 = 100_000_000;
pub const BASE_BLOCK: u64 = 10_000_000;
const MAX_NORMAL_WEIGHT: u64 = 1_500_000_000_000;
const MAX_OPERATIONAL_WEIGHT: u64 = 2_000_000_000_000;
const MAX_NORMAL_LENGTH: u64 = 3_932_160;
const MAX_BLOCK_LENGTH: u64 = 5_242_880;
const BLOCK_HASH_COUNT: u32 = 2400;
const LENGTH_FEE: u128 = 1_000_000;
const MAX_TIMESTAMP_DRIFT: u64 = 30_000;

pub const TIMESTAMP_INHERENT: [u8; 8] = *b"timstap0";

/// `TransactionValidityError`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TxError {
    Invalid(u8),
    Unknown(u8),
}

pub const INVALID_PAYMENT: u8 = 1;
pub const INVALID_FUTURE: u8 = 2;
pub const INVALID_STALE: u8 = 3;
pub const INVALID_BAD_PROOF: u8 = 4;
pub const INVALID_ANCIENT_BIRTH_BLOCK: u8 = 5;
pub const INVALID_EXHAUSTS_RESOURCES: u8 = 6;
pub const INVALID_BAD_MANDATORY: u8 = 8;
pub const INVALID_MANDATORY_VALIDATION: u8 = 9;
pub const INVALID_BAD_SIGNER: u8 = 10;
pub const UNKNOWN_CANNOT_LOOKUP: u8 = 0;
pub const UNKNOWN_NO_UNSIGNED_VALIDATOR: u8 = 1;

const INVALID_NAMES: [&[u8]; 13] = [
    b"Call",
    b"Payment",
    b"Future",
    b"Stale",
    b"BadProof",
    b"AncientBirthBlock",
    b"ExhaustsResources",
    b"Custom",
    b"BadMandatory",
    b"MandatoryValidation",
    b"BadSigner",
    b"IndeterminateImplicit",
    b"UnknownOrigin",
];
const UNKNOWN_NAMES: [&[u8]; 3] = [b"CannotLookup", b"NoUnsignedValidator", b"Custom"];

impl TxError {
    pub fn encode_to(&self, out: &mut Vec<u8>) {
        match *self {
            TxError::Invalid(e) => out.extend_from_slice(&[0, e]),
            TxError::Unknown(e) => out.extend_from_slice(&[1, e]),
        }
    }

    /// Debug form, e.g. `Invalid(BadProof)`.
    fn describe(&self, out: &mut Vec<u8>) {
        let (outer, names, code): (&[u8], &[&[u8]], u8) = match *self {
            TxError::Invalid(e) => (b"Invalid(", &INVALID_NAMES, e),
            TxError::Unknown(e) => (b"Unknown(", &UNKNOWN_NAMES, e),
        };
        out.extend_from_slice(outer);
        out.extend_from_slice(names[code as usize]);
        out.push(b')');
    }
}

fn invalid(code: u8) -> TxError {
    TxError::Invalid(code)
}

fn encode_weight(out: &mut Vec<u8>, ref_time: u64, proof_size: u64) {
    codec::put_compact(out, ref_time as u128);
    codec::put_compact(out, proof_size as u128);
}

// ---------------------------------------------------------------------------------------------
// System.initialize and Core_initialize_block

/// `System.initialize` (spec §7.1 step 3).
pub fn initialize_system(number: u32, parent_hash: &[u8; 32], digest: &[DigestItem]) {
    host::storage_set(&keys::EXECUTION_PHASE, &[2]);
    storage::put_u32(keys::EXTRINSIC_INDEX, 0);
    let mut seed = Vec::with_capacity(56);
    seed.extend_from_slice(b"frame_system::initialize");
    seed.extend_from_slice(parent_hash);
    host::storage_set(keys::INTRABLOCK_ENTROPY, &host::blake2_256(&seed));
    storage::put_u32(&keys::NUMBER, number);
    host::storage_set(&keys::DIGEST, &types::encode_digest(digest));
    host::storage_set(&keys::PARENT_HASH, parent_hash);
    host::storage_set(&storage::block_hash_key(number.wrapping_sub(1)), parent_hash);
    host::storage_clear(&keys::INHERENTS_APPLIED);
    host::storage_clear(&keys::BLOCK_WEIGHT);
}

pub fn initialize_block(header: &Header) {
    if header.number == 0 {
        crate::abort(b"Block number must be at least 1");
    }
    host::storage_clear(&keys::EVENTS);
    host::storage_clear(&keys::EVENT_COUNT);
    host::storage_clear_prefix(&keys::EVENT_TOPICS, None);

    let last = storage::get(&keys::LAST_RUNTIME_UPGRADE, |i| {
        let version = i.compact_u32()?;
        let name = i.string()?;
        Ok((version, name == SPEC_NAME))
    });
    let upgraded = match last {
        None => true,
        Some((version, same_name)) => version < SPEC_VERSION || !same_name,
    };
    if upgraded {
        host::storage_set(&keys::LAST_RUNTIME_UPGRADE, &last_runtime_upgrade());
        dispatch::on_runtime_upgrade();
    }

    let pre_runtime: Vec<DigestItem> = header
        .digest
        .iter()
        .filter(|item| item.kind == DIGEST_PRE_RUNTIME)
        .cloned()
        .collect();
    initialize_system(header.number, &header.parent_hash, &pre_runtime);
    let mut weight = Vec::new();
    encode_weight(&mut weight, 0, 0);
    encode_weight(&mut weight, 0, 0);
    encode_weight(&mut weight, BASE_BLOCK, 0);
    host::storage_set(&keys::BLOCK_WEIGHT, &weight);
    set_phase_apply(0);
}

/// `LastRuntimeUpgradeInfo{compact(spec_version), "basalt-demo"}`.
pub fn last_runtime_upgrade() -> Vec<u8> {
    let mut out = Vec::new();
    codec::put_compact(&mut out, SPEC_VERSION as u128);
    codec::put_vec_u8(&mut out, SPEC_NAME);
    out
}

fn set_phase_apply(index: u32) {
    let mut phase = alloc::vec![0u8];
    codec::put_u32(&mut phase, index);
    host::storage_set(&keys::EXECUTION_PHASE, &phase);
}

// ---------------------------------------------------------------------------------------------
// Signed extensions

/// Resolves the signer, computes `additional_signed` and verifies the signature (spec §3.2).
fn check_signature(xt: &Extrinsic, signed: &types::SignedPart) -> Result<AccountId, TxError> {
    let who = match signed.address {
        Address::Id(who) => who,
        Address::Unresolvable => return Err(TxError::Unknown(UNKNOWN_CANNOT_LOOKUP)),
    };
    let current = storage::block_number() as u64;
    let birth = signed.era.birth(current) as u32;
    let birth_key = storage::block_hash_key(birth);
    if !host::storage_exists(&birth_key) {
        return Err(invalid(INVALID_ANCIENT_BIRTH_BLOCK));
    }
    let era_hash = storage::get_hash(&birth_key).unwrap_or_default();
    let genesis_hash = storage::get_hash(&storage::block_hash_key(0)).unwrap_or_default();

    let mut payload =
        Vec::with_capacity(xt.call_bytes.len() + signed.extra.len() + 8 + 64);
    payload.extend_from_slice(xt.call_bytes);
    payload.extend_from_slice(signed.extra);
    codec::put_u32(&mut payload, SPEC_VERSION);
    codec::put_u32(&mut payload, TRANSACTION_VERSION);
    payload.extend_from_slice(&genesis_hash);
    payload.extend_from_slice(&era_hash);
    let hashed;
    let message: &[u8] = if payload.len() > 256 {
        hashed = host::blake2_256(&payload);
        &hashed
    } else {
        &payload
    };
    let valid = match &signed.signature {
        Signature::Ed25519(sig) => host::ed25519_verify(sig, message, &who),
        Signature::Sr25519(sig) => host::sr25519_verify(sig, message, &who),
        Signature::Ecdsa(sig) => match host::secp256k1_recover_compressed(sig, &host::blake2_256(message)) {
            Some(key) => host::blake2_256(&key) == who,
            None => false,
        },
    };
    if valid {
        Ok(who)
    } else {
        Err(invalid(INVALID_BAD_PROOF))
    }
}

fn check_non_zero_sender(who: &AccountId) -> Result<(), TxError> {
    if who.iter().all(|b| *b == 0) {
        Err(invalid(INVALID_BAD_SIGNER))
    } else {
        Ok(())
    }
}

/// CheckNonce; on apply it also rejects future nonces and increments the account nonce.
fn check_nonce(who: &AccountId, nonce: u32, apply: bool) -> Result<u32, TxError> {
    let mut account = storage::account(who);
    if account.providers == 0 && account.sufficients == 0 {
        return Err(invalid(INVALID_PAYMENT));
    }
    if nonce < account.nonce {
        return Err(invalid(INVALID_STALE));
    }
    if apply {
        if nonce > account.nonce {
            return Err(invalid(INVALID_FUTURE));
        }
        account.nonce = account.nonce.wrapping_add(1);
        storage::put_account(who, &account);
    }
    Ok(account.nonce)
}

/// `System.BlockWeight` as `[(ref_time, proof_size); 3]`.
fn block_weight() -> [(u64, u64); 3] {
    storage::get(&keys::BLOCK_WEIGHT, |i| {
        let mut w = [(0u64, 0u64); 3];
        for slot in w.iter_mut() {
            *slot = (i.compact_u64()?, i.compact_u64()?);
        }
        Ok(w)
    })
    .unwrap_or_default()
}

/// CheckWeight (spec §5.5); on apply it records the weight and length.
fn check_weight(call_weight: u64, class: DispatchClass, len: u64, apply: bool) -> Result<(), TxError> {
    let ext = call_weight.saturating_add(BASE_EXTRINSIC);
    let all_len = storage::get_u32(&keys::ALL_EXTRINSICS_LEN).unwrap_or(0) as u64;
    let max_len = if class == DispatchClass::Normal {
        MAX_NORMAL_LENGTH
    } else {
        MAX_BLOCK_LENGTH
    };
    if all_len + len > max_len {
        return Err(invalid(INVALID_EXHAUSTS_RESOURCES));
    }
    let mut weights = block_weight();
    let slot = class as usize;
    let max = match class {
        DispatchClass::Normal => Some(MAX_NORMAL_WEIGHT),
        DispatchClass::Operational => Some(MAX_OPERATIONAL_WEIGHT),
        DispatchClass::Mandatory => None,
    };
    if let Some(max) = max {
        if ext > max || weights[slot].0.saturating_add(ext) > max {
            return Err(invalid(INVALID_EXHAUSTS_RESOURCES));
        }
    }
    if apply {
        weights[slot].0 = weights[slot].0.saturating_add(ext);
        let mut encoded = Vec::new();
        for (ref_time, proof_size) in weights.iter() {
            encode_weight(&mut encoded, *ref_time, *proof_size);
        }
        host::storage_set(&keys::BLOCK_WEIGHT, &encoded);
        storage::put_u32(&keys::ALL_EXTRINSICS_LEN, (all_len + len) as u32);
    }
    Ok(())
}

/// The inclusion fee (spec §5.6): base + length + call weight.
pub fn inclusion_fee(call_weight: u64, len: u64) -> (u128, u128, u128) {
    (BASE_EXTRINSIC as u128, len as u128 * LENGTH_FEE, call_weight as u128)
}

/// ChargeTransactionPayment; on apply it withdraws and burns the fee. Returns the total.
fn charge_fee(who: &AccountId, call_weight: u64, len: u64, tip: u128, apply: bool) -> Result<u128, TxError> {
    let (base, length, weight) = inclusion_fee(call_weight, len);
    let total = (base + length + weight)
        .checked_add(tip)
        .ok_or(invalid(INVALID_PAYMENT))?;
    let mut account = storage::account(who);
    if account.free < total || account.free - total < EXISTENTIAL_DEPOSIT {
        return Err(invalid(INVALID_PAYMENT));
    }
    if apply {
        account.free -= total;
        storage::put_account(who, &account);
        let issuance = storage::get_u128(&keys::TOTAL_ISSUANCE).unwrap_or(0);
        storage::put_u128(&keys::TOTAL_ISSUANCE, issuance.saturating_sub(total));
        let mut e = alloc::vec![dispatch::PALLET_BALANCES, 8];
        e.extend_from_slice(who);
        codec::put_u128(&mut e, total);
        storage::deposit_event(&e);
    }
    Ok(total)
}

// ---------------------------------------------------------------------------------------------
// BlockBuilder_apply_extrinsic

pub type ApplyResult = Result<DispatchResult, TxError>;

pub fn encode_apply_result(result: &ApplyResult) -> Vec<u8> {
    let mut out = Vec::new();
    match result {
        Ok(inner) => {
            out.push(0);
            dispatch::encode_result(inner, &mut out);
        }
        Err(e) => {
            out.push(1);
            e.encode_to(&mut out);
        }
    }
    out
}

/// Applies an extrinsic; an `Err` leaves storage exactly as it was.
pub fn apply_extrinsic(xt: &Extrinsic) -> ApplyResult {
    host::start_transaction();
    let result = apply_unchecked(xt);
    match result {
        Ok(_) => host::commit_transaction(),
        Err(_) => host::rollback_transaction(),
    }
    result
}

fn apply_unchecked(xt: &Extrinsic) -> ApplyResult {
    let len = xt.encoded.len() as u64;
    let (call_weight, class) = xt.call.info();
    let signer = match &xt.signed {
        Some(signed) => Some(check_signature(xt, signed)?),
        None => None,
    };
    let index = storage::get_u32(keys::EXTRINSIC_INDEX).unwrap_or(0);
    host::storage_set(&storage::extrinsic_data_key(index), &codec::vec_u8(xt.encoded));

    let mut fee = 0u128;
    match (&signer, &xt.signed) {
        (Some(who), Some(signed)) => {
            check_non_zero_sender(who)?;
            check_nonce(who, signed.nonce, true)?;
            check_weight(call_weight, class, len, true)?;
            fee = charge_fee(who, call_weight, len, signed.tip, true)?;
        }
        _ => {
            if !matches!(xt.call, Call::TimestampSet(_)) {
                return Err(TxError::Unknown(UNKNOWN_NO_UNSIGNED_VALIDATOR));
            }
            check_weight(call_weight, class, len, true)?;
        }
    }

    let origin = match signer {
        Some(who) => Origin::Signed(who),
        None => Origin::None,
    };
    let result = dispatch::dispatch(&xt.call, origin);
    if let (Some(who), Some(signed)) = (&signer, &xt.signed) {
        let mut e = alloc::vec![dispatch::PALLET_TRANSACTION_PAYMENT, 0];
        e.extend_from_slice(who);
        codec::put_u128(&mut e, fee);
        codec::put_u128(&mut e, signed.tip);
        storage::deposit_event(&e);
    }
    if class == DispatchClass::Mandatory && result.is_err() {
        return Err(invalid(INVALID_BAD_MANDATORY));
    }

    let mut e = match &result {
        Ok(()) => alloc::vec![dispatch::PALLET_SYSTEM, 0],
        Err(error) => {
            let mut e = alloc::vec![dispatch::PALLET_SYSTEM, 1];
            error.encode_to(&mut e);
            e
        }
    };
    encode_weight(&mut e, call_weight.saturating_add(BASE_EXTRINSIC), 0);
    e.push(class as u8);
    e.push(0); // Pays::Yes
    storage::deposit_event(&e);

    let next = index.wrapping_add(1);
    storage::put_u32(keys::EXTRINSIC_INDEX, next);
    set_phase_apply(next);
    Ok(result)
}

// ---------------------------------------------------------------------------------------------
// BlockBuilder_finalize_block and Core_execute_block

pub fn finalize_block() -> Vec<u8> {
    let count = storage::get_u32(keys::EXTRINSIC_INDEX).unwrap_or(0);
    host::storage_clear(keys::EXTRINSIC_INDEX);
    storage::put_u32(&keys::EXTRINSIC_COUNT, count);
    host::storage_set(&keys::EXECUTION_PHASE, &[1]);

    if storage::get_bool(&keys::TIMESTAMP_DID_UPDATE) != Some(true) {
        crate::abort(b"Timestamp must be updated once in the block");
    }
    host::storage_clear(&keys::TIMESTAMP_DID_UPDATE);

    let number = storage::block_number();
    let mut index_value = Vec::with_capacity(8);
    codec::put_u32(&mut index_value, number);
    codec::put_u32(&mut index_value, count);
    host::offchain_index_set(crate::OFFCHAIN_BLOCK_KEY, &index_value);

    host::storage_clear(&keys::EXECUTION_PHASE);
    host::storage_clear(&keys::ALL_EXTRINSICS_LEN);
    host::storage_clear(keys::INTRABLOCK_ENTROPY);
    host::storage_clear(&keys::INHERENTS_APPLIED);
    host::storage_clear(&keys::EXTRINSIC_COUNT);
    let mut extrinsics = Vec::with_capacity(count as usize);
    for i in 0..count {
        let key = storage::extrinsic_data_key(i);
        let data = storage::get(&key, |input| input.vec_u8().map(|v| v.to_vec())).unwrap_or_default();
        host::storage_clear(&key);
        extrinsics.push(data);
    }
    if number > BLOCK_HASH_COUNT + 1 {
        host::storage_clear(&storage::block_hash_key(number - BLOCK_HASH_COUNT - 1));
    }
    let extrinsics_root = host::ordered_root_v0(&extrinsics);
    let state_root = host::storage_root_v1();

    let parent_hash = storage::get_hash(&keys::PARENT_HASH).unwrap_or_default();
    let digest = host::storage_get(&keys::DIGEST).unwrap_or_default();
    let digest_items = {
        let mut input = Input::new(&digest);
        types::decode_digest(&mut input).unwrap_or_default()
    };
    let header = Header {
        parent_hash,
        number,
        state_root,
        extrinsics_root,
        digest: digest_items,
    };
    if host::log_enabled(host::LOG_DEBUG) {
        let mut message = Vec::new();
        message.extend_from_slice(b"finalized block #");
        codec::put_decimal(&mut message, number as u128);
        message.extend_from_slice(b" with ");
        codec::put_decimal(&mut message, count as u128);
        message.extend_from_slice(b" extrinsic(s)");
        host::log(host::LOG_DEBUG, crate::LOG_TARGET, &message);
    }
    header.encode()
}

pub fn execute_block(header: &Header, extrinsics: &[Extrinsic]) {
    initialize_block(header);
    let parent_key = storage::block_hash_key(header.number - 1);
    if storage::get_hash(&parent_key).unwrap_or_default() != header.parent_hash {
        crate::abort(b"Parent hash should be valid.");
    }
    let mut seen_non_inherent = false;
    for (i, xt) in extrinsics.iter().enumerate() {
        if xt.is_inherent() {
            if seen_non_inherent {
                let mut message = b"Invalid inherent position for extrinsic at index ".to_vec();
                codec::put_decimal(&mut message, i as u128);
                crate::abort(&message);
            }
        } else {
            seen_non_inherent = true;
        }
    }
    for (i, xt) in extrinsics.iter().enumerate() {
        if let Err(e) = apply_extrinsic(xt) {
            let mut message = b"Extrinsic at index ".to_vec();
            codec::put_decimal(&mut message, i as u128);
            message.extend_from_slice(b" is invalid: ");
            e.describe(&mut message);
            crate::abort(&message);
        }
    }
    let computed = finalize_block();
    let mut input = Input::new(&computed);
    let computed = match Header::decode(&mut input) {
        Ok(h) => h,
        Err(_) => crate::abort(b"finalize_block produced an undecodable header"),
    };
    if computed.digest.len() != header.digest.len() {
        crate::abort(b"Number of digest items must match that calculated.");
    }
    if computed.digest.iter().zip(header.digest.iter()).any(|(a, b)| a != b) {
        crate::abort(b"Digest item must match that calculated.");
    }
    if computed.state_root != header.state_root {
        crate::abort(b"Storage root must match that calculated.");
    }
    if computed.extrinsics_root != header.extrinsics_root {
        crate::abort(b"Transaction trie root must be valid.");
    }
}

// ---------------------------------------------------------------------------------------------
// Inherents

/// The value of `timstap0` in some `InherentData` (the last entry wins, as in a `BTreeMap`).
fn timestamp_data(data: &[([u8; 8], &[u8])]) -> Option<u64> {
    let value = data.iter().rev().find(|(id, _)| *id == TIMESTAMP_INHERENT)?.1;
    if value.len() != 8 {
        crate::abort(b"Timestamp inherent data not correctly encoded");
    }
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(value);
    Some(u64::from_le_bytes(bytes))
}

pub fn inherent_extrinsics(data: &[([u8; 8], &[u8])]) -> Vec<u8> {
    let t = match timestamp_data(data) {
        Some(t) => t,
        None => crate::abort(b"Timestamp inherent data must be provided"),
    };
    let now = storage::get_u64(&keys::TIMESTAMP_NOW).unwrap_or(0);
    let value = core::cmp::max(t, now.saturating_add(MINIMUM_PERIOD));
    let mut body = alloc::vec![0x04, 1, 0];
    codec::put_compact(&mut body, value as u128);
    let mut out = alloc::vec![4u8]; // one extrinsic
    codec::put_vec_u8(&mut out, &body);
    out
}

pub fn check_inherents(extrinsics: &[Extrinsic], data: &[([u8; 8], &[u8])]) -> Vec<u8> {
    let data_t = timestamp_data(data);
    let minimum = storage::get_u64(&keys::TIMESTAMP_NOW)
        .unwrap_or(0)
        .saturating_add(MINIMUM_PERIOD);
    let mut error: Option<u8> = None;
    let mut found = false;
    for xt in extrinsics {
        let t = match (&xt.signed, &xt.call) {
            (None, Call::TimestampSet(t)) => *t,
            _ => break,
        };
        found = true;
        if let Some(data_t) = data_t {
            if t > data_t.saturating_add(MAX_TIMESTAMP_DRIFT) {
                error = Some(1);
                break;
            }
            if t < minimum {
                error = Some(0);
                break;
            }
        }
    }
    if error.is_none() && !found {
        error = Some(2);
    }
    match error {
        None => alloc::vec![1, 0, 0],
        Some(code) => {
            let mut out = alloc::vec![0, 1, 4];
            out.extend_from_slice(&TIMESTAMP_INHERENT);
            out.extend_from_slice(&[4, code]);
            out
        }
    }
}

// ---------------------------------------------------------------------------------------------
// TaggedTransactionQueue_validate_transaction

pub fn validate_transaction(xt: &Extrinsic, block_hash: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::new();
    match validate(xt, block_hash) {
        Ok((priority, requires, provides, longevity)) => {
            out.push(0);
            codec::put_u64(&mut out, priority);
            for tags in [&requires, &provides] {
                codec::put_compact(&mut out, tags.len() as u128);
                for tag in tags.iter() {
                    codec::put_vec_u8(&mut out, tag);
                }
            }
            codec::put_u64(&mut out, longevity);
            out.push(1);
        }
        Err(e) => {
            out.push(1);
            e.encode_to(&mut out);
        }
    }
    out
}

type Validity = (u64, Vec<Vec<u8>>, Vec<Vec<u8>>, u64);

fn validate(xt: &Extrinsic, block_hash: &[u8; 32]) -> Result<Validity, TxError> {
    let number = storage::block_number().wrapping_add(1);
    initialize_system(number, block_hash, &[]);
    let (call_weight, class) = xt.call.info();
    let len = xt.encoded.len() as u64;
    let signer = match &xt.signed {
        Some(signed) => Some(check_signature(xt, signed)?),
        None => None,
    };
    if class == DispatchClass::Mandatory {
        return Err(invalid(INVALID_MANDATORY_VALIDATION));
    }
    let (who, signed) = match (signer, &xt.signed) {
        (Some(who), Some(signed)) => (who, signed),
        _ => return Err(TxError::Unknown(UNKNOWN_NO_UNSIGNED_VALIDATOR)),
    };
    check_non_zero_sender(&who)?;
    let account_nonce = check_nonce(&who, signed.nonce, false)?;
    check_weight(call_weight, class, len, false)?;
    charge_fee(&who, call_weight, len, signed.tip, false)?;

    let tag = |nonce: u32| {
        let mut tag = who.to_vec();
        codec::put_u32(&mut tag, nonce);
        tag
    };
    let provides = alloc::vec![tag(signed.nonce)];
    let requires = if signed.nonce > account_nonce {
        alloc::vec![tag(signed.nonce - 1)]
    } else {
        Vec::new()
    };
    let current = number as u64;
    let longevity = match signed.era {
        Era::Immortal => u64::MAX - current,
        era => era.death(current).saturating_sub(current),
    };
    let priority = core::cmp::min(signed.tip, u64::MAX as u128) as u64;
    Ok((priority, requires, provides, longevity))
}

// ---------------------------------------------------------------------------------------------
// OffchainWorkerApi_offchain_worker

pub fn offchain_worker(header: &Header, encoded_header: &[u8]) {
    initialize_system(header.number, &header.parent_hash, &header.digest);
    let hash = host::blake2_256(encoded_header);
    host::storage_set(&storage::block_hash_key(header.number), &hash);
    let indexed = host::offchain_local_get(crate::OFFCHAIN_BLOCK_KEY);
    let mut value = Vec::with_capacity(4 + 32 + 1 + 13);
    codec::put_u32(&mut value, header.number);
    value.extend_from_slice(&hash);
    match indexed {
        None => value.push(0),
        Some(idx) => {
            value.push(1);
            codec::put_vec_u8(&mut value, &idx);
        }
    }
    host::offchain_local_set(crate::OFFCHAIN_OCW_KEY, &value);
}
