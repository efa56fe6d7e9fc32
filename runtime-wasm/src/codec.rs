//! SCALE by hand: a strict reader over a byte slice and writers appending to a `Vec<u8>`.
//!
//! The reader follows parity-scale-codec: compact integers must be canonical, `bool` and `Option`
//! tags must be 0 or 1, strings must be UTF-8, and lengths never allocate before the bytes exist.

use alloc::vec::Vec;

/// Why a decode failed (not normative; shown after `Bad input data provided to <method>: `).
pub type Error = &'static str;
pub type Res<T> = Result<T, Error>;

/// A cursor over SCALE-encoded bytes.
pub struct Input<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Input { data, pos: 0 }
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// The bytes between two positions of this input.
    pub fn slice(&self, from: usize, to: usize) -> &'a [u8] {
        &self.data[from..to]
    }

    /// Fails unless every byte was consumed.
    pub fn finish(&self) -> Res<()> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err("trailing bytes")
        }
    }

    pub fn byte(&mut self) -> Res<u8> {
        if self.pos >= self.data.len() {
            return Err("unexpected end of input");
        }
        let b = self.data[self.pos];
        self.pos += 1;
        Ok(b)
    }

    pub fn bytes(&mut self, n: usize) -> Res<&'a [u8]> {
        if n > self.remaining() {
            return Err("unexpected end of input");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub fn array<const N: usize>(&mut self) -> Res<[u8; N]> {
        let s = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(s);
        Ok(out)
    }

    pub fn u16(&mut self) -> Res<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Res<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Res<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn u128(&mut self) -> Res<u128> {
        Ok(u128::from_le_bytes(self.array()?))
    }

    pub fn bool(&mut self) -> Res<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("invalid bool"),
        }
    }

    /// An `Option` tag: `false` for `None`, `true` for `Some`.
    pub fn option_tag(&mut self) -> Res<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("invalid Option tag"),
        }
    }

    /// A canonical compact integer of at most `max_bytes` bytes in big-integer mode.
    fn compact(&mut self, max_bytes: usize) -> Res<u128> {
        let b0 = self.byte()?;
        match b0 & 3 {
            0 => Ok((b0 >> 2) as u128),
            1 => {
                let v = (u16::from_le_bytes([b0, self.byte()?]) >> 2) as u128;
                if v < 64 {
                    Err("non-canonical compact")
                } else {
                    Ok(v)
                }
            }
            2 => {
                let rest = self.array::<3>()?;
                let v = (u32::from_le_bytes([b0, rest[0], rest[1], rest[2]]) >> 2) as u128;
                if v < 1 << 14 {
                    Err("non-canonical compact")
                } else {
                    Ok(v)
                }
            }
            _ => {
                let n = (b0 >> 2) as usize + 4;
                if n > max_bytes {
                    return Err("compact out of range");
                }
                let raw = self.bytes(n)?;
                let mut v: u128 = 0;
                for (i, b) in raw.iter().enumerate() {
                    v |= (*b as u128) << (8 * i);
                }
                let canonical = if n == 4 { v >= 1 << 30 } else { raw[n - 1] != 0 };
                if canonical {
                    Ok(v)
                } else {
                    Err("non-canonical compact")
                }
            }
        }
    }

    pub fn compact_u32(&mut self) -> Res<u32> {
        Ok(self.compact(4)? as u32)
    }

    pub fn compact_u64(&mut self) -> Res<u64> {
        Ok(self.compact(8)? as u64)
    }

    pub fn compact_u128(&mut self) -> Res<u128> {
        self.compact(16)
    }

    /// A collection length (`Compact<u32>`).
    pub fn length(&mut self) -> Res<usize> {
        Ok(self.compact_u32()? as usize)
    }

    /// `Vec<u8>`: the bytes, borrowed.
    pub fn vec_u8(&mut self) -> Res<&'a [u8]> {
        let n = self.length()?;
        self.bytes(n)
    }

    /// `String`: the UTF-8 bytes, borrowed.
    pub fn string(&mut self) -> Res<&'a [u8]> {
        let s = self.vec_u8()?;
        if is_utf8(s) {
            Ok(s)
        } else {
            Err("invalid UTF-8")
        }
    }
}

/// Strict UTF-8 validation (no overlong forms, no surrogates, at most U+10FFFF).
pub fn is_utf8(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let (n, min) = if b < 0x80 {
            (0, 0)
        } else if b & 0xe0 == 0xc0 {
            (1, 0x80)
        } else if b & 0xf0 == 0xe0 {
            (2, 0x800)
        } else if b & 0xf8 == 0xf0 {
            (3, 0x10000)
        } else {
            return false;
        };
        if i + n >= s.len() {
            return false;
        }
        let mut cp = if n == 0 { b as u32 } else { (b as u32) & (0x3f >> n) };
        for k in 1..=n {
            let c = s[i + k];
            if c & 0xc0 != 0x80 {
                return false;
            }
            cp = (cp << 6) | (c & 0x3f) as u32;
        }
        if cp < min || cp > 0x10ffff || (0xd800..=0xdfff).contains(&cp) {
            return false;
        }
        i += n + 1;
    }
    true
}

pub fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub fn put_u128(out: &mut Vec<u8>, v: u128) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub fn put_compact(out: &mut Vec<u8>, v: u128) {
    if v < 1 << 6 {
        out.push((v as u8) << 2);
    } else if v < 1 << 14 {
        put_u16(out, ((v as u16) << 2) | 1);
    } else if v < 1 << 30 {
        put_u32(out, ((v as u32) << 2) | 2);
    } else {
        let bytes = v.to_le_bytes();
        let mut n = 16;
        while bytes[n - 1] == 0 {
            n -= 1;
        }
        if n < 4 {
            n = 4;
        }
        out.push((((n - 4) as u8) << 2) | 3);
        out.extend_from_slice(&bytes[..n]);
    }
}

/// `Vec<u8>` / `String`: compact length, then the bytes.
pub fn put_vec_u8(out: &mut Vec<u8>, bytes: &[u8]) {
    put_compact(out, bytes.len() as u128);
    out.extend_from_slice(bytes);
}

/// The SCALE encoding of a `Vec<u8>` as a new vector.
pub fn vec_u8(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 5);
    put_vec_u8(&mut out, bytes);
    out
}

/// Decimal digits of a number, for messages.
pub fn put_decimal(out: &mut Vec<u8>, mut v: u128) {
    let mut digits = [0u8; 40];
    let mut n = 0;
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while n > 0 {
        n -= 1;
        out.push(digits[n]);
    }
}
