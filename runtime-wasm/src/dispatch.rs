//! Call dispatch and the pallets (spec §5, §6, §8.1): System, Timestamp, Balances, Sudo, Template.
//!
//! Every dispatch runs in its own storage transaction; a failing call leaves nothing behind.

use crate::codec::{self, Input, Res};
use crate::host;
use crate::keys;
use crate::storage::{self, AccountInfo};
use crate::types::{Address, AccountId, Call, DIGEST_RUNTIME_ENVIRONMENT_UPDATED};
use crate::version::{SPEC_NAME, SPEC_VERSION};
use alloc::vec::Vec;

pub const EXISTENTIAL_DEPOSIT: u128 = crate::genesis_config::EXISTENTIAL_DEPOSIT;

pub const PALLET_SYSTEM: u8 = 0;
pub const PALLET_BALANCES: u8 = 2;
pub const PALLET_TRANSACTION_PAYMENT: u8 = 3;
pub const PALLET_SUDO: u8 = 4;
pub const PALLET_TEMPLATE: u8 = 5;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Root,
    Signed(AccountId),
    None,
}

/// `sp_runtime::DispatchError`, the variants basalt-demo returns.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DispatchError {
    CannotLookup,
    BadOrigin,
    Module { index: u8, error: u8 },
    Token(u8),
    Arithmetic(u8),
}

pub const TOKEN_FUNDS_UNAVAILABLE: u8 = 0;
pub const TOKEN_BELOW_MINIMUM: u8 = 2;
pub const TOKEN_NOT_EXPENDABLE: u8 = 8;
pub const ARITHMETIC_OVERFLOW: u8 = 1;

const SYSTEM_INVALID_SPEC_NAME: u8 = 0;
const SYSTEM_SPEC_VERSION_NEEDS_TO_INCREASE: u8 = 1;
const SYSTEM_FAILED_TO_EXTRACT_RUNTIME_VERSION: u8 = 2;
const SUDO_REQUIRE_SUDO: u8 = 0;

impl DispatchError {
    pub fn encode_to(&self, out: &mut Vec<u8>) {
        match *self {
            DispatchError::CannotLookup => out.push(1),
            DispatchError::BadOrigin => out.push(2),
            DispatchError::Module { index, error } => out.extend_from_slice(&[3, index, error, 0, 0, 0]),
            DispatchError::Token(e) => out.extend_from_slice(&[7, e]),
            DispatchError::Arithmetic(e) => out.extend_from_slice(&[8, e]),
        }
    }
}

pub type DispatchResult = Result<(), DispatchError>;

/// `Result<(), DispatchError>` as events and `ApplyExtrinsicResult` carry it.
pub fn encode_result(result: &DispatchResult, out: &mut Vec<u8>) {
    match result {
        Ok(()) => out.push(0),
        Err(e) => {
            out.push(1);
            e.encode_to(out);
        }
    }
}

fn event(pallet: u8, variant: u8) -> Vec<u8> {
    alloc::vec![pallet, variant]
}

/// Dispatches `call` as `origin` in its own storage transaction.
pub fn dispatch(call: &Call, origin: Origin) -> DispatchResult {
    host::start_transaction();
    let result = dispatch_call(call, origin);
    match result {
        Ok(()) => host::commit_transaction(),
        Err(_) => host::rollback_transaction(),
    }
    result
}

fn ensure_root(origin: Origin) -> DispatchResult {
    match origin {
        Origin::Root => Ok(()),
        _ => Err(DispatchError::BadOrigin),
    }
}

fn ensure_signed(origin: Origin) -> Result<AccountId, DispatchError> {
    match origin {
        Origin::Signed(who) => Ok(who),
        _ => Err(DispatchError::BadOrigin),
    }
}

fn lookup(address: &Address) -> Result<AccountId, DispatchError> {
    match address {
        Address::Id(who) => Ok(*who),
        Address::Unresolvable => Err(DispatchError::CannotLookup),
    }
}

/// The sudo key if `origin` is signed by it.
fn ensure_sudo(origin: Origin) -> Result<AccountId, DispatchError> {
    let who = ensure_signed(origin)?;
    match storage::get_hash(&keys::SUDO_KEY) {
        Some(key) if key == who => Ok(key),
        _ => Err(DispatchError::Module {
            index: PALLET_SUDO,
            error: SUDO_REQUIRE_SUDO,
        }),
    }
}

fn is_environment_key(key: &[u8]) -> bool {
    key == keys::CODE || key == keys::HEAP_PAGES
}

fn note_environment_updated() {
    storage::deposit_log(&[DIGEST_RUNTIME_ENVIRONMENT_UPDATED]);
}

fn dispatch_call(call: &Call, origin: Origin) -> DispatchResult {
    match call {
        Call::Remark(_) => match origin {
            Origin::None => Err(DispatchError::BadOrigin),
            _ => Ok(()),
        },
        Call::SetHeapPages(pages) => {
            ensure_root(origin)?;
            host::storage_set(keys::HEAP_PAGES, &pages.to_le_bytes());
            note_environment_updated();
            Ok(())
        }
        Call::SetCode(code) => {
            ensure_root(origin)?;
            can_set_code(code)?;
            update_code(code);
            Ok(())
        }
        Call::SetCodeWithoutChecks(code) => {
            ensure_root(origin)?;
            update_code(code);
            Ok(())
        }
        Call::SetStorage(items) => {
            ensure_root(origin)?;
            for (key, value) in items {
                host::storage_set(key, value);
            }
            if items.iter().any(|(key, _)| is_environment_key(key)) {
                note_environment_updated();
            }
            Ok(())
        }
        Call::KillStorage(keys) => {
            ensure_root(origin)?;
            for key in keys {
                host::storage_clear(key);
            }
            if keys.iter().any(|key| is_environment_key(key)) {
                note_environment_updated();
            }
            Ok(())
        }
        Call::KillPrefix(prefix, subkeys) => {
            ensure_root(origin)?;
            host::storage_clear_prefix(prefix, Some(*subkeys));
            if keys::CODE.starts_with(prefix) || keys::HEAP_PAGES.starts_with(prefix) {
                note_environment_updated();
            }
            Ok(())
        }
        Call::RemarkWithEvent(remark) => {
            let who = ensure_signed(origin)?;
            let mut e = event(PALLET_SYSTEM, 5);
            e.extend_from_slice(&who);
            e.extend_from_slice(&host::blake2_256(remark));
            storage::deposit_event(&e);
            Ok(())
        }
        Call::TimestampSet(now) => timestamp_set(origin, *now),
        Call::TransferAllowDeath(dest, value) => {
            let who = ensure_signed(origin)?;
            let dest = lookup(dest)?;
            transfer(&who, &dest, *value, false)
        }
        Call::ForceTransfer(source, dest, value) => {
            ensure_root(origin)?;
            let source = lookup(source)?;
            let dest = lookup(dest)?;
            transfer(&source, &dest, *value, false)
        }
        Call::TransferKeepAlive(dest, value) => {
            let who = ensure_signed(origin)?;
            let dest = lookup(dest)?;
            transfer(&who, &dest, *value, true)
        }
        Call::TransferAll(dest, keep_alive) => {
            let who = ensure_signed(origin)?;
            let dest = lookup(dest)?;
            let free = storage::account(&who).free;
            let value = if *keep_alive {
                free.saturating_sub(EXISTENTIAL_DEPOSIT)
            } else {
                free
            };
            transfer(&who, &dest, value, *keep_alive)
        }
        Call::Sudo(inner) | Call::SudoUncheckedWeight(inner, _) => {
            ensure_sudo(origin)?;
            let result = dispatch(inner, Origin::Root);
            let mut e = event(PALLET_SUDO, 0);
            encode_result(&result, &mut e);
            storage::deposit_event(&e);
            Ok(())
        }
        Call::SetKey(new) => {
            let old = ensure_sudo(origin)?;
            let new = lookup(new)?;
            host::storage_set(&keys::SUDO_KEY, &new);
            let mut e = event(PALLET_SUDO, 1);
            e.push(1);
            e.extend_from_slice(&old);
            e.extend_from_slice(&new);
            storage::deposit_event(&e);
            Ok(())
        }
        Call::SudoAs(who, inner) => {
            ensure_sudo(origin)?;
            let who = lookup(who)?;
            let result = dispatch(inner, Origin::Signed(who));
            let mut e = event(PALLET_SUDO, 3);
            encode_result(&result, &mut e);
            storage::deposit_event(&e);
            Ok(())
        }
        Call::RemoveKey => {
            ensure_sudo(origin)?;
            host::storage_clear(&keys::SUDO_KEY);
            storage::deposit_event(&event(PALLET_SUDO, 2));
            Ok(())
        }
        Call::SetValue(value) => {
            let who = ensure_signed(origin)?;
            host::storage_set(&keys::TEMPLATE_VALUE, &template_value(*value, storage::block_number()));
            let mut e = event(PALLET_TEMPLATE, 0);
            codec::put_u32(&mut e, *value);
            e.extend_from_slice(&who);
            storage::deposit_event(&e);
            Ok(())
        }
    }
}

/// The stored form of `Template.Value`: `u32` (spec 100) or `ValueRecord{value, set_at}` (101).
pub fn template_value(value: u32, set_at: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(8);
    codec::put_u32(&mut out, value);
    if SPEC_VERSION >= 101 {
        codec::put_u32(&mut out, set_at);
    }
    out
}

fn timestamp_set(origin: Origin, now: u64) -> DispatchResult {
    if origin != Origin::None {
        return Err(DispatchError::BadOrigin);
    }
    if storage::get_bool(&keys::TIMESTAMP_DID_UPDATE) == Some(true) {
        crate::abort(b"Timestamp must be updated only once in the block");
    }
    let previous = storage::get_u64(&keys::TIMESTAMP_NOW).unwrap_or(0);
    if previous != 0 && now < previous.saturating_add(crate::version::MINIMUM_PERIOD) {
        crate::abort(b"Timestamp must increment by at least <MinimumPeriod> between sequential blocks");
    }
    storage::put_u64(&keys::TIMESTAMP_NOW, now);
    host::storage_set(&keys::TIMESTAMP_DID_UPDATE, &[1]);
    Ok(())
}

/// `set_code` checks (spec §8.1): the new code's version, read by the host.
fn can_set_code(code: &[u8]) -> DispatchResult {
    let failed = DispatchError::Module {
        index: PALLET_SYSTEM,
        error: SYSTEM_FAILED_TO_EXTRACT_RUNTIME_VERSION,
    };
    let raw = host::runtime_version(code).ok_or(failed)?;
    let (name, spec_version) = decode_runtime_version(&raw).map_err(|_| failed)?;
    if name != SPEC_NAME {
        return Err(DispatchError::Module {
            index: PALLET_SYSTEM,
            error: SYSTEM_INVALID_SPEC_NAME,
        });
    }
    if spec_version <= SPEC_VERSION {
        return Err(DispatchError::Module {
            index: PALLET_SYSTEM,
            error: SYSTEM_SPEC_VERSION_NEEDS_TO_INCREASE,
        });
    }
    Ok(())
}

/// `(spec_name, spec_version)` of a SCALE `RuntimeVersion` (sp-version's decoder: the tail
/// fields depend on the Core API version; trailing bytes are ignored).
fn decode_runtime_version(raw: &[u8]) -> Res<(&[u8], u32)> {
    let mut input = Input::new(raw);
    let name = input.string()?;
    input.string()?;
    input.u32()?;
    let spec_version = input.u32()?;
    input.u32()?;
    let n = input.length()?;
    let mut core = None;
    for _ in 0..n {
        let id: [u8; 8] = input.array()?;
        let version = input.u32()?;
        if core.is_none() && id == crate::version::CORE_API_ID {
            core = Some(version);
        }
    }
    let core = core.unwrap_or(0);
    if core >= 3 {
        input.u32()?;
    }
    if core >= 4 {
        input.byte()?;
    }
    Ok((name, spec_version))
}

fn update_code(code: &[u8]) {
    host::storage_set(keys::CODE, code);
    note_environment_updated();
    storage::deposit_event(&event(PALLET_SYSTEM, 2));
}

fn account_event(pallet: u8, variant: u8, who: &AccountId) -> Vec<u8> {
    let mut e = event(pallet, variant);
    e.extend_from_slice(who);
    e
}

/// A balance transfer with the checks and events of spec §5.7.
fn transfer(source: &AccountId, dest: &AccountId, value: u128, keep_alive: bool) -> DispatchResult {
    if value == 0 || source == dest {
        return Ok(());
    }
    let mut from = storage::account(source);
    if from.free < value {
        return Err(DispatchError::Token(TOKEN_FUNDS_UNAVAILABLE));
    }
    let remaining = from.free - value;
    if keep_alive && remaining < EXISTENTIAL_DEPOSIT {
        return Err(DispatchError::Token(TOKEN_NOT_EXPENDABLE));
    }
    let dest_exists = storage::account_exists(dest);
    if !dest_exists && value < EXISTENTIAL_DEPOSIT {
        return Err(DispatchError::Token(TOKEN_BELOW_MINIMUM));
    }
    let mut to = if dest_exists {
        storage::account(dest)
    } else {
        AccountInfo::new(0)
    };
    to.free = to
        .free
        .checked_add(value)
        .ok_or(DispatchError::Arithmetic(ARITHMETIC_OVERFLOW))?;

    storage::put_account(dest, &to);
    if !dest_exists {
        storage::deposit_event(&account_event(PALLET_SYSTEM, 3, dest));
        let mut e = account_event(PALLET_BALANCES, 0, dest);
        codec::put_u128(&mut e, value);
        storage::deposit_event(&e);
    }

    if remaining < EXISTENTIAL_DEPOSIT {
        storage::kill_account(source);
        if remaining > 0 {
            let issuance = storage::get_u128(&keys::TOTAL_ISSUANCE).unwrap_or(0);
            storage::put_u128(&keys::TOTAL_ISSUANCE, issuance.saturating_sub(remaining));
            let mut e = account_event(PALLET_BALANCES, 1, source);
            codec::put_u128(&mut e, remaining);
            storage::deposit_event(&e);
        }
        storage::deposit_event(&account_event(PALLET_SYSTEM, 4, source));
    } else {
        from.free = remaining;
        storage::put_account(source, &from);
    }

    let mut e = account_event(PALLET_BALANCES, 2, source);
    e.extend_from_slice(dest);
    codec::put_u128(&mut e, value);
    storage::deposit_event(&e);
    Ok(())
}

/// Spec 101's Template migration (spec §8.2); spec 100 has none.
pub fn on_runtime_upgrade() {
    if SPEC_VERSION < 101 {
        return;
    }
    let version = storage::get(&keys::TEMPLATE_STORAGE_VERSION, |i| i.u16()).unwrap_or(0);
    if version >= 1 {
        return;
    }
    let translated: u32 = match host::storage_get(&keys::TEMPLATE_VALUE) {
        Some(raw) if raw.len() == 4 => {
            let value = u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]);
            host::storage_set(&keys::TEMPLATE_VALUE, &template_value(value, storage::block_number()));
            1
        }
        Some(_) => {
            host::storage_clear(&keys::TEMPLATE_VALUE);
            0
        }
        None => 0,
    };
    host::storage_set(&keys::TEMPLATE_STORAGE_VERSION, &1u16.to_le_bytes());
    let mut e = event(PALLET_TEMPLATE, 1);
    codec::put_u16(&mut e, 0);
    codec::put_u16(&mut e, 1);
    codec::put_u32(&mut e, translated);
    storage::deposit_event(&e);
    let mut message = Vec::new();
    message.extend_from_slice(b"upgraded to basalt-demo/101; template migration translated ");
    codec::put_decimal(&mut message, translated as u128);
    message.extend_from_slice(b" value(s)");
    host::log(host::LOG_INFO, crate::LOG_TARGET, &message);
}
