//! The genesis config of `GenesisBuilder_build_state` (spec §10): a small, strict JSON reader that
//! accepts exactly the documented schema, and the built-in presets.
//!
//! The reader is schema-driven: it never parses a value it would not accept, so it needs no
//! generic JSON tree and no recursion. Errors are reasons only; just `Ok`/`Err` is normative.

use crate::codec::is_utf8;
use crate::ss58;
use alloc::vec::Vec;

/// The existential deposit; no genesis balance may be below it.
pub const EXISTENTIAL_DEPOSIT: u128 = 1_000_000_000;

/// A full genesis config, validated.
pub struct GenesisConfig {
    pub balances: Vec<([u8; 32], u128)>,
    pub sudo_key: Option<[u8; 32]>,
    pub template_value: Option<u32>,
}

type Res<T> = Result<T, &'static str>;

/// Parses and validates a full config (§10): unknown keys, wrong types, bad addresses, amounts
/// below the existential deposit, duplicate accounts and an overflowing total are errors.
pub fn parse(json: &[u8]) -> Res<GenesisConfig> {
    let mut config = GenesisConfig {
        balances: Vec::new(),
        sudo_key: None,
        template_value: None,
    };
    let mut p = Parser { s: json, i: 0 };
    p.object(|p, key| match key {
        b"system" => p.object(|_, _| Err("system config must be empty")),
        b"balances" => p.object(|p, key| match key {
            b"balances" => p.array(|p| {
                let mut account = None;
                let mut amount = None;
                p.array(|p| {
                    if account.is_none() {
                        account = Some(p.account()?);
                    } else if amount.is_none() {
                        amount = Some(p.amount()?);
                    } else {
                        return Err("a balance entry has more than two elements");
                    }
                    Ok(())
                })?;
                match (account, amount) {
                    (Some(a), Some(v)) => {
                        config.balances.push((a, v));
                        Ok(())
                    }
                    _ => Err("a balance entry needs an account and an amount"),
                }
            }),
            _ => Err("unknown key in balances"),
        }),
        b"sudo" => p.object(|p, key| match key {
            b"key" => {
                config.sudo_key = if p.null()? { None } else { Some(p.account()?) };
                Ok(())
            }
            _ => Err("unknown key in sudo"),
        }),
        b"template" => p.object(|p, key| match key {
            b"value" => {
                config.template_value = if p.null()? {
                    None
                } else {
                    Some(p.integer(u32::MAX as u128)? as u32)
                };
                Ok(())
            }
            _ => Err("unknown key in template"),
        }),
        _ => Err("unknown top-level key"),
    })?;
    p.ws();
    if p.i != json.len() {
        return Err("trailing characters after the JSON value");
    }
    let mut total: u128 = 0;
    for (i, (account, amount)) in config.balances.iter().enumerate() {
        if *amount < EXISTENTIAL_DEPOSIT {
            return Err("balance below the existential deposit");
        }
        if config.balances[..i].iter().any(|(a, _)| a == account) {
            return Err("duplicate account in balances");
        }
        total = total.checked_add(*amount).ok_or("total issuance overflows u128")?;
    }
    Ok(config)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Res<()> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err("unexpected character")
        }
    }

    /// Consumes `null` if it is next.
    fn null(&mut self) -> Res<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        if self.s[self.i..].starts_with(b"null") {
            self.i += 4;
            Ok(true)
        } else {
            Err("invalid literal")
        }
    }

    /// An object; `field` is called with each (unescaped) key and must consume its value.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &[u8]) -> Res<()>) -> Res<()> {
        self.eat(b'{')?;
        let mut seen: Vec<Vec<u8>> = Vec::new();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err("expected a key");
            }
            let key = self.string()?;
            if seen.contains(&key) {
                return Err("duplicate key");
            }
            self.eat(b':')?;
            field(self, &key)?;
            seen.push(key);
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err("expected ',' or '}'"),
            }
        }
    }

    /// An array; `item` is called for each element and must consume it.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Res<()>) -> Res<()> {
        self.eat(b'[')?;
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err("expected ',' or ']'"),
            }
        }
    }

    /// A string, unescaped; must be valid UTF-8 without lone surrogates.
    fn string(&mut self) -> Res<Vec<u8>> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let c = *self.s.get(self.i).ok_or("unterminated string")?;
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = *self.s.get(self.i).ok_or("unterminated escape")?;
                    self.i += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xdc00..0xe000).contains(&cp) {
                                return Err("lone low surrogate");
                            }
                            if (0xd800..0xdc00).contains(&cp) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err("lone high surrogate");
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err("lone high surrogate");
                                }
                                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                            }
                            push_utf8(&mut out, cp);
                        }
                        _ => return Err("invalid escape"),
                    }
                }
                0..=0x1f => return Err("control character in string"),
                _ => out.push(c),
            }
        }
        if is_utf8(&out) {
            Ok(out)
        } else {
            Err("string is not UTF-8")
        }
    }

    fn hex4(&mut self) -> Res<u32> {
        let digits = self.s.get(self.i..self.i + 4).ok_or("short \\u escape")?;
        self.i += 4;
        let mut v = 0u32;
        for &d in digits {
            let n = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err("invalid \\u escape"),
            };
            v = (v << 4) | n as u32;
        }
        Ok(v)
    }

    /// A JSON number that is a non-negative integer (no sign, fraction or exponent) up to `max`.
    fn integer(&mut self, max: u128) -> Res<u128> {
        match self.peek() {
            Some(b'0'..=b'9') => {}
            Some(b'-') => return Err("negative number"),
            _ => return Err("expected a number"),
        }
        let start = self.i;
        let mut v: u128 = 0;
        while let Some(d @ b'0'..=b'9') = self.s.get(self.i).copied() {
            if self.i > start && self.s[start] == b'0' {
                return Err("leading zero in number");
            }
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add((d - b'0') as u128))
                .ok_or("number out of range")?;
            self.i += 1;
        }
        if matches!(self.s.get(self.i), Some(b'.' | b'e' | b'E')) {
            return Err("number is not an integer");
        }
        if v > max {
            return Err("number out of range");
        }
        Ok(v)
    }

    /// A balance: a JSON integer or a string of decimal digits, in u128 range.
    fn amount(&mut self) -> Res<u128> {
        if self.peek() != Some(b'"') {
            return self.integer(u128::MAX);
        }
        let text = self.string()?;
        if text.is_empty() {
            return Err("empty amount");
        }
        let mut v: u128 = 0;
        for d in text {
            if !d.is_ascii_digit() {
                return Err("amount string is not decimal digits");
            }
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add((d - b'0') as u128))
                .ok_or("amount out of range")?;
        }
        Ok(v)
    }

    fn account(&mut self) -> Res<[u8; 32]> {
        if self.peek() != Some(b'"') {
            return Err("expected an SS58 address string");
        }
        let text = self.string()?;
        ss58::decode_account(&text)
    }
}

fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xc0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3f) as u8);
    } else if cp < 0x10000 {
        out.push(0xe0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3f) as u8);
        out.push(0x80 | (cp & 0x3f) as u8);
    } else {
        out.push(0xf0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3f) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3f) as u8);
        out.push(0x80 | (cp & 0x3f) as u8);
    }
}

/// `GenesisBuilder_preset_names`.
pub const PRESET_NAMES: [&str; 2] = ["development", "local_testnet"];

/// The default config (`get_preset(None)`).
pub const DEFAULT_CONFIG: &str =
    r#"{"system":{},"balances":{"balances":[]},"sudo":{"key":null},"template":{"value":null}}"#;

/// The `development` and `local_testnet` presets: the six dev accounts endowed with 2^60 planck,
/// Alice as sudo.
pub const DEV_PRESET: &str = concat!(
    r#"{"balances":{"balances":["#,
    r#"["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",1152921504606846976],"#,
    r#"["5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",1152921504606846976],"#,
    r#"["5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",1152921504606846976],"#,
    r#"["5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",1152921504606846976],"#,
    r#"["5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw",1152921504606846976],"#,
    r#"["5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",1152921504606846976]]},"#,
    r#""sudo":{"key":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"}}"#
);
