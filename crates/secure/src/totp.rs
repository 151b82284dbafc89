//! Time-based one-time passwords (RFC 6238) as a second sign-in factor, built on HOTP
//! (RFC 4226).
//!
//! The parameters are the ones every authenticator app assumes when a QR code says nothing
//! else: HMAC-SHA1, 6 digits, 30-second steps. SHA-1's weaknesses as a hash do not touch
//! HMAC-SHA1, and other choices are ignored by several popular apps, so users would be
//! locked out.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// Seconds per step: what authenticator apps assume.
pub const STEP_SECONDS: u64 = 30;
/// Digits per code: what authenticator apps assume.
pub const DIGITS: u32 = 6;
/// Bytes of a new secret: 160 bits, the length RFC 4226 recommends for HMAC-SHA1.
pub const SECRET_LEN: usize = 20;

const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Why a secret typed or pasted by a person could not be read as base32.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// A character that is not in the RFC 4648 base32 alphabet.
    #[error("secret: {found:?} at position {position} is not a base32 character (A-Z, 2-7)")]
    InvalidCharacter {
        /// 1-based position among the characters given, spaces included.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// A length that no whole number of bytes encodes to (1, 3 or 6 characters left over).
    #[error("secret: {0} base32 characters do not make whole bytes")]
    InvalidLength(usize),
    /// Nothing but spaces or padding.
    #[error("secret is empty")]
    Empty,
}

/// A new random secret for one user's authenticator, from the operating system's random
/// source.
///
/// # Panics
/// If the operating system cannot supply random bytes: no secret may be made without them.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_LEN];
    getrandom::fill(&mut secret).expect("the operating system's random source failed");
    secret
}

/// The secret as authenticator apps expect it typed in or put in a QR code: RFC 4648 base32,
/// uppercase, without `=` padding.
pub fn base32(secret: &[u8]) -> String {
    let mut out = String::with_capacity(secret.len().div_ceil(5) * 8);
    let mut buffer: u64 = 0;
    let mut bits = 0u32;
    for &byte in secret {
        buffer = (buffer << 8) | u64::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(
                BASE32_ALPHABET[((buffer >> bits) & 31) as usize],
            ));
        }
    }
    if bits > 0 {
        out.push(char::from(
            BASE32_ALPHABET[((buffer << (5 - bits)) & 31) as usize],
        ));
    }
    out
}

/// Reads a base32 secret as a person may type it: lowercase, grouped with spaces or hyphens,
/// with or without `=` padding.
pub fn from_base32(s: &str) -> Result<Vec<u8>, SecretError> {
    let mut out = Vec::with_capacity(s.len() * 5 / 8);
    let mut buffer: u64 = 0;
    let mut bits = 0u32;
    let mut count = 0usize;
    for (index, c) in s.trim_end_matches(['=', ' ']).chars().enumerate() {
        if c == ' ' || c == '-' || c == '\t' {
            continue;
        }
        let value = match c.to_ascii_uppercase() {
            upper @ 'A'..='Z' => upper as u64 - 'A' as u64,
            digit @ '2'..='7' => digit as u64 - '2' as u64 + 26,
            _ => {
                return Err(SecretError::InvalidCharacter {
                    position: index + 1,
                    found: c,
                });
            }
        };
        count += 1;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    if count == 0 {
        return Err(SecretError::Empty);
    }
    if matches!(count % 8, 1 | 3 | 6) {
        return Err(SecretError::InvalidLength(count));
    }
    Ok(out)
}

/// HOTP (RFC 4226): the 31-bit value dynamically truncated from HMAC-SHA1 of the counter,
/// before it is reduced to digits.
fn hotp_value(secret: &[u8], counter: u64) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ])
}

fn hotp_digits(secret: &[u8], counter: u64, digits: u32) -> String {
    let value = hotp_value(secret, counter) % 10u32.pow(digits);
    format!("{value:0width$}", width = digits as usize)
}

/// The 6-digit HOTP code for a counter (RFC 4226), zero-padded.
pub fn hotp(secret: &[u8], counter: u64) -> String {
    hotp_digits(secret, counter, DIGITS)
}

/// The time step a moment falls in; what [`verify`] returns and the caller stores.
pub fn step_at(unix_seconds: u64) -> u64 {
    unix_seconds / STEP_SECONDS
}

/// The 6-digit code an authenticator app shows at `unix_seconds`, zero-padded.
pub fn code(secret: &[u8], unix_seconds: u64) -> String {
    hotp(secret, step_at(unix_seconds))
}

/// Checks a code typed at sign-in and returns the step it matched, which the caller stores
/// as the user's `last_used_step` so that the same code cannot be used twice.
///
/// Accepts the current step and one step either side, since phone clocks drift and people
/// type slowly; refuses any step at or before `last_used_step`, so an observed code cannot be
/// replayed within its window. Spaces in the code are ignored (apps show `123 456`). Every
/// candidate is compared in constant time, so response timing reveals nothing of the code.
pub fn verify(
    secret: &[u8],
    code: &str,
    unix_seconds: u64,
    last_used_step: Option<u64>,
) -> Option<u64> {
    let typed: Vec<u8> = code.bytes().filter(|b| *b != b' ').collect();
    if typed.len() != DIGITS as usize || !typed.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let current = step_at(unix_seconds);
    let mut matched = None;
    for step in [
        current.checked_sub(1),
        Some(current),
        current.checked_add(1),
    ]
    .into_iter()
    .flatten()
    {
        let fresh = last_used_step.is_none_or(|last| step > last);
        let equal = constant_time_eq(hotp(secret, step).as_bytes(), &typed);
        if fresh && equal && matched.is_none() {
            matched = Some(step);
        }
    }
    matched
}

/// The `otpauth://` URI that authenticator apps read from a QR code.
///
/// The issuer appears both in the label and as a parameter, as Google Authenticator's key-URI
/// format recommends, so every app shows whose account it is.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let issuer = percent_encode(issuer);
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}\
         &algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        account = percent_encode(account),
        secret = base32(secret),
    )
}

/// Percent-encodes all but RFC 3986's unreserved characters, so a `:` or `&` in a name
/// cannot change the URI's structure.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Compares without stopping at the first difference. The length is not secret (always six).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc4226_appendix_d() {
        let truncated = [
            1284755224, 1094287082, 137359152, 1726969429, 1640338314, 868254676, 1918287922,
            82162583, 673399871, 645520489,
        ];
        let codes = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for counter in 0..10u64 {
            let i = counter as usize;
            assert_eq!(hotp_value(RFC_SECRET, counter), truncated[i], "{counter}");
            assert_eq!(hotp(RFC_SECRET, counter), codes[i], "{counter}");
        }
    }

    #[test]
    fn rfc6238_appendix_b_sha1() {
        let vectors = [
            (59, 0x1, "94287082"),
            (1111111109, 0x23523EC, "07081804"),
            (1111111111, 0x23523ED, "14050471"),
            (1234567890, 0x273EF07, "89005924"),
            (2000000000, 0x3F940AA, "69279037"),
            (20000000000, 0x27BC86AA, "65353130"),
        ];
        for (time, step, eight_digits) in vectors {
            assert_eq!(step_at(time), step, "{time}");
            assert_eq!(hotp_digits(RFC_SECRET, step, 8), eight_digits, "{time}");
            assert_eq!(code(RFC_SECRET, time), eight_digits[2..], "{time}");
        }
    }

    #[test]
    fn codes_are_zero_padded() {
        // 1111111109 gives 07081804: the 6-digit code is 081804.
        assert_eq!(code(RFC_SECRET, 1111111109), "081804");
    }

    #[test]
    fn accepts_one_step_of_drift_either_way() {
        let now = 1_700_000_000;
        let step = step_at(now);
        for (offset, expected) in [
            (-2i64, None),
            (-1, Some(step - 1)),
            (0, Some(step)),
            (1, Some(step + 1)),
            (2, None),
        ] {
            let at = now
                .checked_add_signed(offset * STEP_SECONDS as i64)
                .unwrap();
            let typed = code(RFC_SECRET, at);
            assert_eq!(
                verify(RFC_SECRET, &typed, now, None),
                expected,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn refuses_replay_and_older_steps() {
        let now = 1_700_000_000;
        let typed = code(RFC_SECRET, now);
        let used = verify(RFC_SECRET, &typed, now, None).unwrap();
        assert_eq!(verify(RFC_SECRET, &typed, now, Some(used)), None);
        assert_eq!(verify(RFC_SECRET, &typed, now + 20, Some(used)), None);
        let previous = code(RFC_SECRET, now - STEP_SECONDS);
        assert_eq!(verify(RFC_SECRET, &previous, now, Some(used)), None);
        let next = code(RFC_SECRET, now + STEP_SECONDS);
        assert_eq!(verify(RFC_SECRET, &next, now, Some(used)), Some(used + 1));
        // Having used the step ahead (fast phone clock), the current one is spent too.
        assert_eq!(verify(RFC_SECRET, &typed, now, Some(used + 1)), None);
    }

    #[test]
    fn refuses_malformed_or_wrong_codes() {
        let now = 59;
        assert_eq!(verify(RFC_SECRET, "287082", now, None), Some(1));
        assert_eq!(verify(RFC_SECRET, "287 082", now, None), Some(1));
        assert_eq!(verify(RFC_SECRET, "287083", now, None), None);
        assert_eq!(verify(RFC_SECRET, "94287082", now, None), None);
        assert_eq!(verify(RFC_SECRET, "28708", now, None), None);
        assert_eq!(verify(RFC_SECRET, "28708x", now, None), None);
        assert_eq!(verify(RFC_SECRET, "", now, None), None);
        assert_eq!(verify(RFC_SECRET, "２８７０８２", now, None), None);
        assert_eq!(verify(b"another secret", "287082", now, None), None);
    }

    #[test]
    fn verify_at_time_zero_does_not_underflow() {
        assert_eq!(verify(RFC_SECRET, &hotp(RFC_SECRET, 0), 0, None), Some(0));
        assert_eq!(verify(RFC_SECRET, &hotp(RFC_SECRET, 1), 0, None), Some(1));
        assert_eq!(verify(RFC_SECRET, &hotp(RFC_SECRET, 0), 0, Some(0)), None);
    }

    #[test]
    fn base32_known_values() {
        // RFC 4648 section 10, without padding.
        let vectors = [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base32(plain.as_bytes()), encoded);
        }
        assert_eq!(base32(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(from_base32("mzxw 6ytb-oi").unwrap(), b"foobar");
        assert_eq!(from_base32("MZXW6YQ=").unwrap(), b"foob");
    }

    #[test]
    fn from_base32_names_errors() {
        assert_eq!(
            from_base32("MZ1W"),
            Err(SecretError::InvalidCharacter {
                position: 3,
                found: '1'
            })
        );
        assert_eq!(from_base32("MZXW6Y"), Err(SecretError::InvalidLength(6)));
        assert_eq!(from_base32("  =="), Err(SecretError::Empty));
        assert!(
            from_base32("MZ1W")
                .unwrap_err()
                .to_string()
                .contains("'1' at position 3")
        );
    }

    #[test]
    fn new_secrets_are_random_and_full_length() {
        let a = new_secret();
        assert_eq!(a.len(), SECRET_LEN);
        assert_ne!(a, new_secret());
        assert_eq!(from_base32(&base32(&a)).unwrap(), a);
    }

    #[test]
    fn otpauth_uri_is_percent_encoded() {
        let uri = otpauth_uri("Fedasil Resettlement", "anna.peeters@fedasil.be", b"foobar");
        assert_eq!(
            uri,
            "otpauth://totp/Fedasil%20Resettlement:anna.peeters%40fedasil.be\
             ?secret=MZXW6YTBOI&issuer=Fedasil%20Resettlement\
             &algorithm=SHA1&digits=6&period=30"
        );
        let tricky = otpauth_uri("A&B:C", "x?y=é", b"f");
        assert!(tricky.starts_with("otpauth://totp/A%26B%3AC:x%3Fy%3D%C3%A9?secret=MY&"));
    }

    proptest! {
        #[test]
        fn base32_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let encoded = base32(&bytes);
            prop_assert!(!encoded.contains('='));
            prop_assert_eq!(encoded.len(), (bytes.len() * 8).div_ceil(5));
            if bytes.is_empty() {
                prop_assert_eq!(from_base32(&encoded), Err(SecretError::Empty));
            } else {
                prop_assert_eq!(from_base32(&encoded.to_lowercase()).unwrap(), bytes);
            }
        }

        #[test]
        fn current_code_always_verifies(secret in proptest::collection::vec(any::<u8>(), 1..40), now in 30u64..4_000_000_000) {
            let typed = code(&secret, now);
            prop_assert_eq!(typed.len(), 6);
            prop_assert_eq!(verify(&secret, &typed, now, None), Some(step_at(now)));
            prop_assert_eq!(verify(&secret, &typed, now, Some(step_at(now))), None);
        }
    }
}
