//! Decoded forms of what the runtime receives: extrinsics (format v4, spec §3), calls (§6),
//! headers and digests, plus the static dispatch info of each call (§5.5).

use crate::codec::{self, Input, Res};
use alloc::boxed::Box;
use alloc::vec::Vec;

pub type AccountId = [u8; 32];

/// How deep calls may nest (FRAME's `MAX_EXTRINSIC_DEPTH`, counted on calls).
pub const MAX_CALL_DEPTH: u32 = 256;

/// `MultiAddress`; only `Id` resolves to an account.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Address {
    Id(AccountId),
    Unresolvable,
}

impl Address {
    pub fn decode(input: &mut Input) -> Res<Address> {
        match input.byte()? {
            0 => Ok(Address::Id(input.array()?)),
            1 => Ok(Address::Unresolvable), // Index(Compact<()>): no bytes
            2 => {
                input.vec_u8()?;
                Ok(Address::Unresolvable)
            }
            3 => {
                input.bytes(32)?;
                Ok(Address::Unresolvable)
            }
            4 => {
                input.bytes(20)?;
                Ok(Address::Unresolvable)
            }
            _ => Err("invalid MultiAddress variant"),
        }
    }
}

#[derive(Clone, Copy)]
pub enum Signature {
    Ed25519([u8; 64]),
    Sr25519([u8; 64]),
    Ecdsa([u8; 65]),
}

impl Signature {
    fn decode(input: &mut Input) -> Res<Signature> {
        match input.byte()? {
            0 => Ok(Signature::Ed25519(input.array()?)),
            1 => Ok(Signature::Sr25519(input.array()?)),
            2 => Ok(Signature::Ecdsa(input.array()?)),
            _ => Err("invalid MultiSignature variant"),
        }
    }
}

/// Transaction era (spec §2).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Immortal,
    Mortal { period: u64, phase: u64 },
}

impl Era {
    pub fn decode(input: &mut Input) -> Res<Era> {
        let b0 = input.byte()?;
        if b0 == 0 {
            return Ok(Era::Immortal);
        }
        let encoded = b0 as u64 | (input.byte()? as u64) << 8;
        let period = 2u64 << (encoded % 16);
        let quantize = core::cmp::max(period >> 12, 1);
        let phase = (encoded >> 4) * quantize;
        if period >= 4 && phase < period {
            Ok(Era::Mortal { period, phase })
        } else {
            Err("invalid era")
        }
    }

    pub fn birth(&self, current: u64) -> u64 {
        match *self {
            Era::Immortal => 0,
            Era::Mortal { period, phase } => {
                (core::cmp::max(current, phase) - phase) / period * period + phase
            }
        }
    }

    pub fn death(&self, current: u64) -> u64 {
        match *self {
            Era::Immortal => u64::MAX,
            Era::Mortal { period, .. } => self.birth(current) + period,
        }
    }
}

/// The signed part of an extrinsic: address, signature and the extra of §3.3.
pub struct SignedPart<'a> {
    pub address: Address,
    pub signature: Signature,
    pub era: Era,
    pub nonce: u32,
    pub tip: u128,
    /// `era ‖ compact(nonce) ‖ compact(tip)` as received (canonical, so equal to re-encoding).
    pub extra: &'a [u8],
}

pub struct Extrinsic<'a> {
    /// The full encoding, compact length prefix included.
    pub encoded: &'a [u8],
    pub signed: Option<SignedPart<'a>>,
    pub call: Call<'a>,
    /// The call's bytes as received.
    pub call_bytes: &'a [u8],
}

impl<'a> Extrinsic<'a> {
    /// Decodes one `UncheckedExtrinsic` (`compact(L) ‖ body`), consuming exactly its bytes.
    pub fn decode(input: &mut Input<'a>) -> Res<Extrinsic<'a>> {
        let start = input.position();
        let length = input.length()?;
        let body_bytes = input.bytes(length)?;
        let encoded = input.slice(start, input.position());
        let mut body = Input::new(body_bytes);
        let signed = match body.byte()? {
            0x04 => None,
            0x84 => {
                let address = Address::decode(&mut body)?;
                let signature = Signature::decode(&mut body)?;
                let extra_start = body.position();
                let era = Era::decode(&mut body)?;
                let nonce = body.compact_u32()?;
                let tip = body.compact_u128()?;
                let extra = body.slice(extra_start, body.position());
                Some(SignedPart {
                    address,
                    signature,
                    era,
                    nonce,
                    tip,
                    extra,
                })
            }
            _ => return Err("unsupported extrinsic version"),
        };
        let call_start = body.position();
        let call = Call::decode(&mut body, 1)?;
        let call_bytes = body.slice(call_start, body.position());
        body.finish().map_err(|_| "extrinsic length prefix does not match its contents")?;
        Ok(Extrinsic {
            encoded,
            signed,
            call,
            call_bytes,
        })
    }

    /// An inherent: an unsigned `Timestamp.set`.
    pub fn is_inherent(&self) -> bool {
        self.signed.is_none() && matches!(self.call, Call::TimestampSet(_))
    }
}

/// `Vec<UncheckedExtrinsic>`.
pub fn decode_extrinsics<'a>(input: &mut Input<'a>) -> Res<Vec<Extrinsic<'a>>> {
    let n = input.length()?;
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(Extrinsic::decode(input)?);
    }
    Ok(out)
}

/// `RuntimeCall`, arguments borrowed from the input.
pub enum Call<'a> {
    Remark(&'a [u8]),
    SetHeapPages(u64),
    SetCode(&'a [u8]),
    SetCodeWithoutChecks(&'a [u8]),
    SetStorage(Vec<(&'a [u8], &'a [u8])>),
    KillStorage(Vec<&'a [u8]>),
    KillPrefix(&'a [u8], u32),
    RemarkWithEvent(&'a [u8]),
    TimestampSet(u64),
    TransferAllowDeath(Address, u128),
    ForceTransfer(Address, Address, u128),
    TransferKeepAlive(Address, u128),
    TransferAll(Address, bool),
    Sudo(Box<Call<'a>>),
    SudoUncheckedWeight(Box<Call<'a>>, u64),
    SetKey(Address),
    SudoAs(Address, Box<Call<'a>>),
    RemoveKey,
    SetValue(u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DispatchClass {
    Normal = 0,
    Operational = 1,
    Mandatory = 2,
}

impl<'a> Call<'a> {
    /// Decodes a call; `depth` is 1 for the outermost call.
    pub fn decode(input: &mut Input<'a>, depth: u32) -> Res<Call<'a>> {
        if depth > MAX_CALL_DEPTH {
            return Err("calls nested too deeply");
        }
        let pallet = input.byte()?;
        let index = input.byte()?;
        let call = match (pallet, index) {
            (0, 0) => Call::Remark(input.vec_u8()?),
            (0, 1) => Call::SetHeapPages(input.u64()?),
            (0, 2) => Call::SetCode(input.vec_u8()?),
            (0, 3) => Call::SetCodeWithoutChecks(input.vec_u8()?),
            (0, 4) => {
                let n = input.length()?;
                let mut items = Vec::new();
                for _ in 0..n {
                    let key = input.vec_u8()?;
                    let value = input.vec_u8()?;
                    items.push((key, value));
                }
                Call::SetStorage(items)
            }
            (0, 5) => {
                let n = input.length()?;
                let mut keys = Vec::new();
                for _ in 0..n {
                    keys.push(input.vec_u8()?);
                }
                Call::KillStorage(keys)
            }
            (0, 6) => Call::KillPrefix(input.vec_u8()?, input.u32()?),
            (0, 7) => Call::RemarkWithEvent(input.vec_u8()?),
            (1, 0) => Call::TimestampSet(input.compact_u64()?),
            (2, 0) => Call::TransferAllowDeath(Address::decode(input)?, input.compact_u128()?),
            (2, 2) => Call::ForceTransfer(
                Address::decode(input)?,
                Address::decode(input)?,
                input.compact_u128()?,
            ),
            (2, 3) => Call::TransferKeepAlive(Address::decode(input)?, input.compact_u128()?),
            (2, 4) => Call::TransferAll(Address::decode(input)?, input.bool()?),
            (4, 0) => Call::Sudo(Box::new(Call::decode(input, depth + 1)?)),
            (4, 1) => {
                let inner = Call::decode(input, depth + 1)?;
                let ref_time = input.compact_u64()?;
                let _proof_size = input.compact_u64()?;
                Call::SudoUncheckedWeight(Box::new(inner), ref_time)
            }
            (4, 2) => Call::SetKey(Address::decode(input)?),
            (4, 3) => {
                let who = Address::decode(input)?;
                Call::SudoAs(who, Box::new(Call::decode(input, depth + 1)?))
            }
            (4, 4) => Call::RemoveKey,
            (5, 0) => Call::SetValue(input.u32()?),
            _ => return Err("unknown call"),
        };
        Ok(call)
    }

    /// The call's weight (ref_time; proof size is always 0) and class (spec §5.5).
    pub fn info(&self) -> (u64, DispatchClass) {
        use DispatchClass::*;
        match self {
            Call::Remark(_) => (10_000_000, Normal),
            Call::SetHeapPages(_) => (20_000_000, Operational),
            Call::SetCode(_) | Call::SetCodeWithoutChecks(_) => (1_000_000_000, Operational),
            Call::SetStorage(items) => (10_000_000u64.saturating_mul(items.len() as u64), Operational),
            Call::KillStorage(keys) => (10_000_000u64.saturating_mul(keys.len() as u64), Operational),
            Call::KillPrefix(_, subkeys) => (10_000_000u64.saturating_mul(*subkeys as u64), Operational),
            Call::RemarkWithEvent(_) => (20_000_000, Normal),
            Call::TimestampSet(_) => (10_000_000, Mandatory),
            Call::TransferAllowDeath(..)
            | Call::ForceTransfer(..)
            | Call::TransferKeepAlive(..)
            | Call::TransferAll(..) => (100_000_000, Normal),
            Call::Sudo(inner) | Call::SudoAs(_, inner) => {
                let (w, c) = inner.info();
                (w.saturating_add(10_000_000), c)
            }
            Call::SudoUncheckedWeight(inner, w) => (*w, inner.info().1),
            Call::SetKey(_) | Call::RemoveKey => (10_000_000, Normal),
            Call::SetValue(_) => (20_000_000, Normal),
        }
    }
}

/// A digest item; `PreRuntime`, `Consensus`, `Seal` and `Other` keep their payload.
#[derive(Clone, PartialEq, Eq)]
pub struct DigestItem<'a> {
    pub kind: u8,
    pub engine: [u8; 4],
    pub data: &'a [u8],
}

pub const DIGEST_PRE_RUNTIME: u8 = 6;
pub const DIGEST_RUNTIME_ENVIRONMENT_UPDATED: u8 = 8;

impl<'a> DigestItem<'a> {
    pub fn decode(input: &mut Input<'a>) -> Res<DigestItem<'a>> {
        let kind = input.byte()?;
        match kind {
            4 | 5 | 6 => Ok(DigestItem {
                kind,
                engine: input.array()?,
                data: input.vec_u8()?,
            }),
            0 => Ok(DigestItem {
                kind,
                engine: [0; 4],
                data: input.vec_u8()?,
            }),
            8 => Ok(DigestItem {
                kind,
                engine: [0; 4],
                data: &[],
            }),
            _ => Err("invalid DigestItem variant"),
        }
    }

    pub fn encode_to(&self, out: &mut Vec<u8>) {
        out.push(self.kind);
        match self.kind {
            4 | 5 | 6 => {
                out.extend_from_slice(&self.engine);
                codec::put_vec_u8(out, self.data);
            }
            0 => codec::put_vec_u8(out, self.data),
            _ => {}
        }
    }
}

pub fn decode_digest<'a>(input: &mut Input<'a>) -> Res<Vec<DigestItem<'a>>> {
    let n = input.length()?;
    let mut items = Vec::new();
    for _ in 0..n {
        items.push(DigestItem::decode(input)?);
    }
    Ok(items)
}

pub fn encode_digest(items: &[DigestItem]) -> Vec<u8> {
    let mut out = Vec::new();
    codec::put_compact(&mut out, items.len() as u128);
    for item in items {
        item.encode_to(&mut out);
    }
    out
}

pub struct Header<'a> {
    pub parent_hash: [u8; 32],
    pub number: u32,
    pub state_root: [u8; 32],
    pub extrinsics_root: [u8; 32],
    pub digest: Vec<DigestItem<'a>>,
}

impl<'a> Header<'a> {
    pub fn decode(input: &mut Input<'a>) -> Res<Header<'a>> {
        Ok(Header {
            parent_hash: input.array()?,
            number: input.compact_u32()?,
            state_root: input.array()?,
            extrinsics_root: input.array()?,
            digest: decode_digest(input)?,
        })
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&self.parent_hash);
        codec::put_compact(&mut out, self.number as u128);
        out.extend_from_slice(&self.state_root);
        out.extend_from_slice(&self.extrinsics_root);
        out.extend_from_slice(&encode_digest(&self.digest));
        out
    }
}
