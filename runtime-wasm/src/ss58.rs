//! SS58 addresses with the basalt-demo prefix 42: base58, then `prefix ‖ account ‖ checksum` where
//! the checksum is the first two bytes of BLAKE2b-512(`SS58PRE` ‖ prefix ‖ account).

use crate::blake2b::blake2b_512;
use alloc::vec::Vec;

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The SS58 prefix every address in a basalt-demo genesis config must carry.
pub const PREFIX: u8 = 42;

/// Base58 (Bitcoin alphabet) to bytes; leading `1`s are leading zero bytes.
pub fn base58_decode(text: &[u8]) -> Result<Vec<u8>, &'static str> {
    if text.is_empty() {
        return Err("empty address");
    }
    if text.len() > 64 {
        return Err("address too long");
    }
    // Big-endian base-256 digits of the number, built digit by digit.
    let mut number: Vec<u8> = Vec::new();
    for &c in text {
        let mut carry = match ALPHABET.iter().position(|&a| a == c) {
            Some(v) => v as u32,
            None => return Err("address is not base58"),
        };
        for digit in number.iter_mut().rev() {
            carry += (*digit as u32) * 58;
            *digit = carry as u8;
            carry >>= 8;
        }
        while carry > 0 {
            number.insert(0, carry as u8);
            carry >>= 8;
        }
    }
    let zeros = text.iter().take_while(|&&c| c == b'1').count();
    let mut out = Vec::with_capacity(zeros + number.len());
    out.resize(zeros, 0);
    out.extend_from_slice(&number);
    Ok(out)
}

/// The account of an SS58 address with prefix 42 and a valid checksum.
pub fn decode_account(text: &[u8]) -> Result<[u8; 32], &'static str> {
    let raw = base58_decode(text)?;
    if raw.len() != 35 {
        return Err("address is not 35 bytes (prefix, account, checksum)");
    }
    if raw[0] != PREFIX {
        return Err("address prefix is not 42");
    }
    let hash = blake2b_512(&[b"SS58PRE", &raw[..33]]);
    if hash[..2] != raw[33..] {
        return Err("address checksum mismatch");
    }
    let mut account = [0u8; 32];
    account.copy_from_slice(&raw[1..33]);
    Ok(account)
}
