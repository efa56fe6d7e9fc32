//! Unit tests of the host-independent modules, compiled natively:
//! `rustc --edition 2021 --test tests/native.rs -o native-tests && ./native-tests`
//! (check-reproducible.sh runs them). Everything touching host functions is tested from Java.

#![allow(dead_code)]

extern crate alloc;

#[path = "../src/blake2b.rs"]
mod blake2b;
#[path = "../src/codec.rs"]
mod codec;
#[path = "../src/genesis_config.rs"]
mod genesis_config;
#[path = "../src/keys.rs"]
#[allow(dead_code)]
mod keys;
#[path = "../src/ss58.rs"]
mod ss58;
#[path = "../src/types.rs"]
#[allow(dead_code)]
mod types;

use codec::Input;
use keys::hex;

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn tohex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

// BLAKE2b-512 ------------------------------------------------------------------------------

/// Vectors from Python's hashlib.blake2b(digest_size=64); input = bytes(i % 251), or "abc".
#[test]
fn blake2b_512_matches_known_answers() {
    let vectors: [(usize, &str); 9] = [
        (0, "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"),
        (3, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
        (111, "bf23c0c25c8060e4f6995f1623a3bebecaa96e308680000a8aa3cd56bb1a6da099e10d9231b37f4519b2efd2c24de72f31a5f19535241b4a59fa3c03ceb790e7"),
        (127, "b6292669ccd38d5f01caae96ba272c76a879a45743afa0725d83b9ebb26665b731f1848c52f11972b6644f554c064fa90780dbbbf3a89d4fc31f67df3e5857ef"),
        (128, "2319e3789c47e2daa5fe807f61bec2a1a6537fa03f19ff32e87eecbfd64b7e0e8ccff439ac333b040f19b0c4ddd11a61e24ac1fe0f10a039806c5dcc0da3d115"),
        (129, "f59711d44a031d5f97a9413c065d1e614c417ede998590325f49bad2fd444d3e4418be19aec4e11449ac1a57207898bc57d76a1bcf3566292c20c683a5c4648f"),
        (255, "fe2c02da499516b0e9fb2dd70c49eb3629039f632e20a880946fb7bc97a7ab09deb7d48774d7f0648141c9d9ede19ae6e0dbf07863a128cf4b00195f0f179f74"),
        (256, "93463ac058b6163eb43be3f5bb32b28541498f4e3366f1effe253ad44e1e076e41c3616046027c82a7124f8f4746668ad10b12e8e25a95ac8f3151df01cd5a93"),
        (1000, "c11e1c0340bd7e5a1b275f1230c962fad215ecb1391486e74e31b960a2f2996381a5fad092da06841d5f26e38f6ecfeaf441acbcd1c2de61aef121e7927175f5"),
    ];
    for (n, expected) in vectors {
        let data: Vec<u8> = if n == 3 { b"abc".to_vec() } else { (0..n).map(|i| (i % 251) as u8).collect() };
        assert_eq!(tohex(&blake2b::blake2b_512(&[&data])), expected, "length {}", n);
        // Split inputs hash like the concatenation, whatever the split point.
        for split in [0, 1, n / 2, n].into_iter().filter(|s| *s <= n) {
            let (a, b) = data.split_at(split);
            assert_eq!(tohex(&blake2b::blake2b_512(&[a, b])), expected, "length {} split {}", n, split);
        }
    }
}

// SS58 -------------------------------------------------------------------------------------

const DEV_ACCOUNTS: [(&str, &str); 6] = [
    ("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
    ("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"),
    ("5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y", "90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22"),
    ("5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy", "306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20"),
    ("5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw", "e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e"),
    ("5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL", "1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c"),
];

#[test]
fn ss58_decodes_the_dev_accounts() {
    for (address, public) in DEV_ACCOUNTS {
        assert_eq!(tohex(&ss58::decode_account(address.as_bytes()).unwrap()), public, "{}", address);
    }
}

#[test]
fn ss58_rejects_bad_checksums_prefixes_and_characters() {
    let alice = DEV_ACCOUNTS[0].0;
    // Every single-character change breaks the checksum (or the length/prefix).
    for i in 0..alice.len() {
        let mut changed = alice.as_bytes().to_vec();
        changed[i] = if changed[i] == b'a' { b'b' } else { b'a' };
        assert!(ss58::decode_account(&changed).is_err(), "changed position {}", i);
    }
    // Alice with the Polkadot prefix 0.
    assert_eq!(
        ss58::decode_account(b"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"),
        Err("address prefix is not 42")
    );
    assert_eq!(ss58::decode_account(b"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0"), Err("address is not base58"));
    assert!(ss58::decode_account(b"").is_err());
    assert!(ss58::decode_account(&alice.as_bytes()[1..]).is_err());
}

#[test]
fn base58_keeps_leading_zero_bytes() {
    assert_eq!(ss58::base58_decode(b"1").unwrap(), vec![0]);
    assert_eq!(ss58::base58_decode(b"11z").unwrap(), vec![0, 0, 57]);
    assert_eq!(ss58::base58_decode(b"5R").unwrap(), vec![1, 0]);
}

// SCALE ------------------------------------------------------------------------------------

#[test]
fn compact_round_trips_at_every_boundary() {
    let values: [u128; 14] = [
        0, 1, 63, 64, 16383, 16384, (1 << 30) - 1, 1 << 30, u32::MAX as u128, 1 << 32,
        u64::MAX as u128, (u64::MAX as u128) + 1, u128::MAX - 1, u128::MAX,
    ];
    for v in values {
        let mut out = Vec::new();
        codec::put_compact(&mut out, v);
        let decoded = Input::new(&out).compact_u128().unwrap();
        assert_eq!(decoded, v, "{}", v);
        if v <= u32::MAX as u128 {
            assert_eq!(Input::new(&out).compact_u32().unwrap() as u128, v);
        } else {
            assert!(Input::new(&out).compact_u32().is_err(), "{} is not a Compact<u32>", v);
        }
    }
    let mut out = Vec::new();
    codec::put_compact(&mut out, 1_000_000_000_000);
    assert_eq!(tohex(&out), "070010a5d4e8");
}

#[test]
fn compact_rejects_non_canonical_encodings() {
    for bad in ["0100", "02000000", "fe000000", "03ffffff3f", "070000000100", "07ffffffff00"] {
        assert!(Input::new(&unhex(bad)).compact_u128().is_err(), "{}", bad);
    }
    assert_eq!(Input::new(&unhex("0300000040")).compact_u128(), Ok(1 << 30));
}

#[test]
fn bool_and_option_tags_are_strict() {
    assert!(Input::new(&[2]).bool().is_err());
    assert!(Input::new(&[2]).option_tag().is_err());
    assert_eq!(Input::new(&[1]).bool(), Ok(true));
}

#[test]
fn utf8_validation_is_strict() {
    assert!(codec::is_utf8("héllo ✓ 𝄞".as_bytes()));
    for bad in [&[0xc0u8, 0x80][..], &[0xed, 0xa0, 0x80], &[0xf4, 0x90, 0x80, 0x80], &[0xe2, 0x82], &[0x80], &[0xff]] {
        assert!(!codec::is_utf8(bad), "{:?}", bad);
    }
}

// Extrinsics and calls ---------------------------------------------------------------------

#[test]
fn era_examples_of_the_spec() {
    let era = types::Era::decode(&mut Input::new(&unhex("a502"))).unwrap();
    assert!(era == types::Era::Mortal { period: 64, phase: 42 });
    assert_eq!(era.birth(42), 42);
    assert_eq!(era.death(42), 106);
    let era = types::Era::decode(&mut Input::new(&unhex("8b38"))).unwrap();
    assert!(era == types::Era::Mortal { period: 4096, phase: 904 });
    // period 2 (< 4) is invalid; phase >= period is invalid
    assert!(types::Era::decode(&mut Input::new(&unhex("0000")[..1])).is_ok());
    assert!(types::Era::decode(&mut Input::new(&unhex("1000"))).is_err());
    assert!(types::Era::decode(&mut Input::new(&unhex("f10f"))).is_err());
}

const SPEC_EXTRINSIC: &str = concat!(
    "3d02", "84", "00", "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
    "00", "57039248d6ef271367246b71faae7665c0a65e3341c55cc8c7638fce2f4008a4",
    "32d55ebe82e9e369cf53c45e5ff33f8b5ef6c9fbbafc32ac856b33652a9dce08",
    "000000", "0203", "00", "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48", "070010a5d4e8"
);

#[test]
fn decodes_the_signed_extrinsic_of_the_spec() {
    let bytes = unhex(SPEC_EXTRINSIC);
    let mut input = Input::new(&bytes);
    let xt = types::Extrinsic::decode(&mut input).unwrap();
    input.finish().unwrap();
    assert_eq!(xt.encoded.len(), 145);
    let signed = xt.signed.as_ref().unwrap();
    assert!(signed.era == types::Era::Immortal);
    assert_eq!((signed.nonce, signed.tip), (0, 0));
    assert_eq!(tohex(signed.extra), "000000");
    assert_eq!(tohex(xt.call_bytes), &SPEC_EXTRINSIC[SPEC_EXTRINSIC.len() - 82..]);
    match xt.call {
        types::Call::TransferKeepAlive(types::Address::Id(dest), value) => {
            assert_eq!(tohex(&dest), DEV_ACCOUNTS[1].1);
            assert_eq!(value, 1_000_000_000_000);
        }
        _ => panic!("not transfer_keep_alive"),
    }
    assert_eq!(xt.call.info(), (100_000_000, types::DispatchClass::Normal));
}

#[test]
fn rejects_extrinsics_with_wrong_length_or_trailing_bytes() {
    let mut bytes = unhex(SPEC_EXTRINSIC);
    bytes[0] = 0x41; // compact(144): one byte short of the body
    assert!(types::Extrinsic::decode(&mut Input::new(&bytes)).is_err());
    let mut longer = unhex("4102");
    longer.extend_from_slice(&unhex(SPEC_EXTRINSIC)[2..]);
    longer.push(0);
    assert!(types::Extrinsic::decode(&mut Input::new(&longer)).is_err());
    // version byte 0x85 and an unsigned body with an unknown call
    assert!(types::Extrinsic::decode(&mut Input::new(&unhex("0c850000"))).is_err());
    assert!(types::Extrinsic::decode(&mut Input::new(&unhex("0c040300"))).is_err());
}

#[test]
fn sudo_weight_and_class_follow_the_inner_call() {
    let bytes = unhex("04000002080102");
    let call = types::Call::decode(&mut Input::new(&bytes), 1).unwrap();
    assert_eq!(call.info(), (1_010_000_000, types::DispatchClass::Operational));
    let unchecked = unhex("040100020013ffffffffffffffff00");
    let mut input = Input::new(&unchecked);
    let call = types::Call::decode(&mut input, 1).unwrap();
    input.finish().unwrap();
    assert_eq!(call.info(), (u64::MAX, types::DispatchClass::Operational));
}

#[test]
fn calls_nest_at_most_256_deep() {
    let nested = |depth: usize| {
        let mut b = Vec::new();
        for _ in 1..depth {
            b.extend_from_slice(&[4, 0]);
        }
        b.extend_from_slice(&[4, 4]); // remove_key
        b
    };
    assert!(types::Call::decode(&mut Input::new(&nested(256)), 1).is_ok());
    assert_eq!(types::Call::decode(&mut Input::new(&nested(257)), 1).err(), Some("calls nested too deeply"));
}

#[test]
fn storage_key_constants_are_hex() {
    assert_eq!(tohex(&keys::NUMBER), "26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac");
    assert_eq!(hex::<2>("0aff"), [10, 255]);
}

// Genesis config ---------------------------------------------------------------------------

fn parse(json: &str) -> Result<genesis_config::GenesisConfig, &'static str> {
    genesis_config::parse(json.as_bytes())
}

#[test]
fn parses_the_default_config_and_the_dev_preset() {
    let config = parse(genesis_config::DEFAULT_CONFIG).unwrap();
    assert!(config.balances.is_empty() && config.sudo_key.is_none() && config.template_value.is_none());
    let config = parse(genesis_config::DEV_PRESET).unwrap();
    assert_eq!(config.balances.len(), 6);
    for ((account, amount), (_, public)) in config.balances.iter().zip(DEV_ACCOUNTS.iter()) {
        assert_eq!(tohex(account), *public);
        assert_eq!(*amount, 1 << 60);
    }
    assert_eq!(tohex(&config.sudo_key.unwrap()), DEV_ACCOUNTS[0].1);
    assert!(parse("{}").unwrap().balances.is_empty());
}

#[test]
fn accepts_whitespace_escapes_string_amounts_and_template_values() {
    let json = concat!(
        " {\n\t\"balances\" : { \"balances\" : [ [ \"5Grw\\u0076aEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\" , ",
        "\"340282366920938463463374607431768211455\" ] ] } ,\r\n \"te\\u006dplate\":{\"value\":4294967295}, ",
        "\"sudo\":{\"key\":null},\"system\":{ } } "
    );
    let config = parse(json).unwrap();
    assert_eq!(config.balances[0].1, u128::MAX);
    assert_eq!(config.template_value, Some(u32::MAX));
    assert!(config.sudo_key.is_none());
    assert_eq!(parse(r#"{"balances":{"balances":[["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","0001000000000"]]}}"#).unwrap().balances[0].1, 1_000_000_000);
    assert_eq!(parse(r#"{"template":{"value":0}}"#).unwrap().template_value, Some(0));
}

#[test]
fn rejects_every_documented_error() {
    let alice = DEV_ACCOUNTS[0].0;
    let bob = DEV_ACCOUNTS[1].0;
    let bad = [
        String::from(""),
        String::from("[]"),
        String::from("{"),
        String::from("{} {}"),
        String::from(r#"{"system":{"x":1}}"#),
        String::from(r#"{"system":[]}"#),
        String::from(r#"{"unknown":{}}"#),
        String::from(r#"{"sudo":{"key":null},"sudo":{"key":null}}"#),
        String::from(r#"{"balances":null}"#),
        String::from(r#"{"balances":{"balances":[["x",1000000000]]}}"#),
        format!(r#"{{"balances":{{"balances":[["{}",999999999]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",1000000000],["{}",1000000000]]}}}}"#, alice, alice),
        format!(r#"{{"balances":{{"balances":[["{}","340282366920938463463374607431768211455"],["{}",1000000000]]}}}}"#, alice, bob),
        format!(r#"{{"balances":{{"balances":[["{}","340282366920938463463374607431768211456"]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",1e12]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",1000000000.0]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",-1000000000]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",01000000000]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}"]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}",1000000000,1]]}}}}"#, alice),
        format!(r#"{{"balances":{{"balances":[["{}","12a"]]}}}}"#, alice),
        String::from(r#"{"template":{"value":4294967296}}"#),
        String::from(r#"{"template":{"value":"1"}}"#),
        String::from(r#"{"template":{"value":nul}}"#),
        String::from(r#"{"sudo":{"key":1}}"#),
        String::from(r#"{"sudo":{"key":"\ud800"}}"#),
        String::from("{\"sudo\":{\"key\":\"a\u{1}\"}}"),
        String::from(r#"{"sudo":{"key":null,}}"#),
        String::from(r#"{"sudo":{"key":null}"#),
    ];
    for json in bad.iter() {
        assert!(parse(json).is_err(), "accepted {}", json);
    }
    assert!(genesis_config::parse(&[b'{', b'"', 0xff, b'"', b':', b'1', b'}']).is_err());
}
