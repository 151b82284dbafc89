//! Field-level authenticated encryption for special-category data (the medical record, what
//! a family consented to share), with keys the database never holds.
//!
//! A stolen database file or backup then reveals no health data, and a database
//! administrator cannot read it either: the keys come from the server's configuration. Each
//! stored value names the key that sealed it, so keys can be rotated without downtime:
//!
//! 1. prepend a new key to the configured ring (`k2:…,k1:…`): new writes use `k2`, old rows
//!    still decrypt with `k1`;
//! 2. re-encrypt every row whose [`key_id_of`] is not [`Keyring::current_id`];
//! 3. drop `k1` from the ring.
//!
//! The cipher is XChaCha20-Poly1305: its 192-bit nonce can be drawn at random for every
//! write without any realistic risk of reuse, so no counter has to be kept in the database.

use std::fmt;

use base64ct::{Base64, Encoding};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::chain::{AUDIT_KEY_PREFIX, ChainKey};

/// Prefix and format version of every stored value. A new format gets a new version, so old
/// rows stay readable while they are rewritten.
const PREFIX: &str = "enc:v1:";
const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// Key ids are written into every row; a short limit keeps rows small and ids readable.
const MAX_ID_LEN: usize = 32;

/// Why a key ring could not be read or a stored value could not be decrypted.
///
/// Messages name the entry or key id at fault but never contain key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The configuration held no key at all; encryption cannot work without one.
    #[error("key ring is empty: expected `id:BASE64KEY[,id:BASE64KEY…]`")]
    Empty,
    /// One entry of the configuration string is unusable.
    #[error("key ring entry {position} ({id}): {reason}")]
    BadEntry {
        /// 1-based position of the entry in the configuration string.
        position: usize,
        /// The entry's id, quoted, or a placeholder when the entry has none that can be shown.
        id: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Two entries share an id, so a stored value could not say which one sealed it.
    #[error("key ring entry {position}: key id `{id}` is already used by an earlier entry")]
    DuplicateId {
        /// 1-based position of the second entry.
        position: usize,
        /// The repeated id.
        id: String,
    },
    /// The stored value was sealed with a key that is not in the ring, typically one dropped
    /// before every row was re-encrypted.
    #[error("no key `{0}` in the key ring; was it dropped before every row was re-encrypted?")]
    UnknownKey(String),
    /// The stored text is not an encrypted field value.
    #[error("stored value is not an encrypted field: {0}")]
    Malformed(String),
    /// Authentication failed: the value was altered, or it belongs to another record or field
    /// (a different context), or the key with its id was replaced by a different key.
    #[error(
        "encrypted field failed authentication: altered, or moved from another record or field"
    )]
    Tampered,
}

/// One named key. The bytes are wiped from memory when the key ring is dropped.
struct NamedKey {
    id: String,
    key: Zeroizing<[u8; KEY_LEN]>,
}

/// The keys that encrypt and decrypt special-category fields: one current key, used for
/// every new value, and older keys kept only so that existing rows can still be read.
pub struct Keyring {
    /// Never empty; the first entry is current.
    keys: Vec<NamedKey>,
}

impl Keyring {
    /// Reads a key ring from configuration: `id:BASE64KEY[,id:BASE64KEY…]`, each key 32 bytes
    /// in standard base64. The first entry is current; the rest only decrypt.
    ///
    /// Spaces around entries are ignored so the value can be wrapped in a config file.
    pub fn parse(s: &str) -> Result<Keyring, KeyError> {
        let mut keys: Vec<NamedKey> = Vec::new();
        for (index, entry) in s.split(',').enumerate() {
            let position = index + 1;
            let entry = entry.trim();
            if entry.is_empty() {
                if s.trim().is_empty() {
                    return Err(KeyError::Empty);
                }
                return Err(bad(position, "(empty)", "empty entry (stray comma?)"));
            }
            let Some((id, encoded)) = entry.split_once(':') else {
                // The entry may be a bare key pasted without its id: never echo it.
                return Err(bad(
                    position,
                    "(no id)",
                    "expected `id:BASE64KEY`, found no `:`",
                ));
            };
            let id = id.trim();
            if let Err(reason) = check_id(id) {
                return Err(bad(position, &display_id(id), &reason));
            }
            let key = decode_key(encoded.trim())
                .map_err(|reason| bad(position, &format!("`{id}`"), &reason))?;
            if keys.iter().any(|k| k.id == id) {
                return Err(KeyError::DuplicateId {
                    position,
                    id: id.to_owned(),
                });
            }
            keys.push(NamedKey {
                id: id.to_owned(),
                key,
            });
        }
        if keys[0].id.starts_with(AUDIT_KEY_PREFIX) {
            return Err(bad(
                1,
                &display_id(&keys[0].id),
                "an `audit-` entry only verifies the audit trail and cannot seal: put a data \
                 key first",
            ));
        }
        Ok(Keyring { keys })
    }

    /// The key that signs new audit entries: derived from the current data key.
    pub fn current_chain_key(&self) -> ChainKey {
        ChainKey::derive(&self.keys[0].id, &self.keys[0].key)
    }

    /// The chain key of the entries signed under data key `id`: derived from that data key
    /// while it is in the ring, or kept as `audit-<id>` once rotation retired it.
    pub fn chain_key(&self, id: &str) -> Option<ChainKey> {
        let retired = format!("{AUDIT_KEY_PREFIX}{id}");
        self.keys.iter().find_map(|k| {
            if k.id == id && !id.starts_with(AUDIT_KEY_PREFIX) {
                Some(ChainKey::derive(id, &k.key))
            } else if k.id == retired {
                Some(ChainKey::from_bytes(id, &k.key))
            } else {
                None
            }
        })
    }

    /// The ring's chain keys as `audit-<id>:BASE64` entries, for `resettle key rotate` to
    /// keep when it drops the data keys: the audit trail they signed stays verifiable.
    pub fn retired_chain_entries(&self) -> Result<Vec<String>, KeyError> {
        self.keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let id = k.id.strip_prefix(AUDIT_KEY_PREFIX).unwrap_or(&k.id);
                let retired = format!("{AUDIT_KEY_PREFIX}{id}");
                check_id(&retired).map_err(|reason| bad(i + 1, &display_id(&k.id), &reason))?;
                let key = self
                    .chain_key(id)
                    .expect("every key of the ring has a chain key");
                Ok(format!("{retired}:{}", Base64::encode_string(key.bytes())))
            })
            .collect()
    }

    /// A new configuration entry `id:BASE64KEY` with 32 bytes from the operating system's
    /// random source, to prepend to the configured ring when rotating keys.
    ///
    /// Refuses an id that [`Keyring::parse`] would refuse, so the entry always parses.
    ///
    /// # Panics
    /// If the operating system cannot supply random bytes: no key may be made without them.
    pub fn generate_key(id: &str) -> Result<String, KeyError> {
        check_id(id).map_err(|reason| bad(1, &display_id(id), &reason))?;
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        getrandom::fill(key.as_mut()).expect("the operating system's random source failed");
        Ok(format!("{id}:{}", Base64::encode_string(key.as_ref())))
    }

    /// The id of the key new values are encrypted with.
    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    /// Whether a stored value should be re-encrypted during a rotation: it is sealed with an
    /// older key, or it is not encrypted at all.
    pub fn needs_reencryption(&self, stored: &str) -> bool {
        key_id_of(stored) != Some(self.current_id())
    }

    /// Encrypts a field value under the current key, as text for a TEXT column:
    /// `enc:v1:<key id>:<base64(nonce || ciphertext || tag)>`.
    ///
    /// `context` is authenticated but not stored: pass what identifies the cell, such as
    /// `b"case:BE-2025-00042/field:medical_notes"`, so a value copied to another row or field
    /// fails to decrypt. Build it so that no two cells can give the same bytes (fixed field
    /// names and a separator that cannot occur in a case number).
    ///
    /// # Panics
    /// If the operating system cannot supply random bytes for the nonce.
    pub fn encrypt(&self, plaintext: &[u8], context: &[u8]) -> String {
        let current = &self.keys[0];
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random source failed");
        let ciphertext = cipher_for(current)
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: context,
                },
            )
            .expect("XChaCha20-Poly1305 accepts any field-sized message");
        let mut sealed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        format!("{PREFIX}{}:{}", current.id, Base64::encode_string(&sealed))
    }

    /// Decrypts a value written by [`Keyring::encrypt`] with the same `context`, using
    /// whichever key of the ring it names.
    pub fn decrypt(&self, stored: &str, context: &[u8]) -> Result<Vec<u8>, KeyError> {
        let (id, payload) = split_stored(stored)?;
        let named = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| KeyError::UnknownKey(id.to_owned()))?;
        let sealed = Base64::decode_vec(payload)
            .map_err(|_| KeyError::Malformed("payload is not valid base64".to_owned()))?;
        if sealed.len() < NONCE_LEN + TAG_LEN {
            return Err(KeyError::Malformed(format!(
                "payload is {} bytes, shorter than nonce and tag ({})",
                sealed.len(),
                NONCE_LEN + TAG_LEN
            )));
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().expect("split at NONCE_LEN");
        cipher_for(named)
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context,
                },
            )
            .map_err(|_| KeyError::Tampered)
    }
}

impl fmt::Debug for Keyring {
    /// Shows key ids only, so a ring can be logged or put in an error without leaking keys.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.keys[0].id)
            .field(
                "older",
                &self.keys[1..].iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The id of the key a stored value was sealed with, or `None` if the text is not an
/// encrypted field value; lets a rotation job find the rows still under an old key without
/// decrypting them.
pub fn key_id_of(stored: &str) -> Option<&str> {
    split_stored(stored).ok().map(|(id, _)| id)
}

/// Splits `enc:v1:<id>:<payload>` into id and payload.
fn split_stored(stored: &str) -> Result<(&str, &str), KeyError> {
    let Some(rest) = stored.strip_prefix("enc:") else {
        return Err(KeyError::Malformed("missing `enc:` prefix".to_owned()));
    };
    let Some(rest) = rest.strip_prefix("v1:") else {
        let version = rest.split(':').next().unwrap_or_default();
        return Err(KeyError::Malformed(format!(
            "unsupported format version `{}`",
            version.chars().take(8).collect::<String>()
        )));
    };
    let Some((id, payload)) = rest.split_once(':') else {
        return Err(KeyError::Malformed(
            "expected `enc:v1:<key id>:<payload>`".to_owned(),
        ));
    };
    if check_id(id).is_err() {
        return Err(KeyError::Malformed("invalid key id".to_owned()));
    }
    Ok((id, payload))
}

/// Ids appear in every stored value and in configuration, so they are kept to characters
/// that need no quoting in either.
fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("key id is empty".to_owned());
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!(
            "key id is {} characters, at most {MAX_ID_LEN} allowed",
            id.len()
        ));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "key id may hold only letters, digits, `-` and `_`, found {c:?}"
        ));
    }
    Ok(())
}

/// Quotes an id for an error message, without echoing anything that may be key material.
fn display_id(id: &str) -> String {
    if id.is_empty() {
        "(no id)".to_owned()
    } else if id.len() > MAX_ID_LEN {
        "(id too long to show)".to_owned()
    } else {
        format!("`{id}`")
    }
}

fn decode_key(encoded: &str) -> Result<Zeroizing<[u8; KEY_LEN]>, String> {
    if encoded.is_empty() {
        return Err("key is empty".to_owned());
    }
    // Room for a too-long key, so the error can say how long it was.
    let mut buffer = Zeroizing::new([0u8; 3 * KEY_LEN]);
    let decoded_len = match Base64::decode(encoded, buffer.as_mut()) {
        Ok(decoded) => decoded.len(),
        Err(base64ct::Error::InvalidLength)
            if Base64::decode_vec(encoded).map(Zeroizing::new).is_ok() =>
        {
            return Err(format!("key must be {KEY_LEN} bytes, got more"));
        }
        Err(_) => return Err("key is not valid standard base64".to_owned()),
    };
    if decoded_len != KEY_LEN {
        return Err(format!("key must be {KEY_LEN} bytes, got {decoded_len}"));
    }
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    key.copy_from_slice(&buffer[..KEY_LEN]);
    Ok(key)
}

fn cipher_for(named: &NamedKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new_from_slice(named.key.as_ref()).expect("key is 32 bytes")
}

fn bad(position: usize, id: &str, reason: &str) -> KeyError {
    KeyError::BadEntry {
        position,
        id: id.to_owned(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTEXT: &[u8] = b"case:BE-2025-00042/field:medical_notes";

    fn entry(id: &str, byte: u8) -> String {
        format!("{id}:{}", Base64::encode_string(&[byte; KEY_LEN]))
    }

    fn ring(s: &str) -> Keyring {
        Keyring::parse(s).expect("valid key ring")
    }

    #[test]
    fn round_trip() {
        let keys = ring(&entry("k1", 7));
        let stored = keys.encrypt("TB screening: negative".as_bytes(), CONTEXT);
        assert!(stored.starts_with("enc:v1:k1:"), "{stored}");
        assert_eq!(
            keys.decrypt(&stored, CONTEXT).unwrap(),
            b"TB screening: negative"
        );
        let empty = keys.encrypt(b"", CONTEXT);
        assert_eq!(keys.decrypt(&empty, CONTEXT).unwrap(), b"");
    }

    #[test]
    fn generated_key_parses_and_works() {
        let generated = Keyring::generate_key("2026-q1").unwrap();
        assert!(generated.starts_with("2026-q1:"));
        let keys = ring(&generated);
        assert_eq!(keys.current_id(), "2026-q1");
        let stored = keys.encrypt(b"x", CONTEXT);
        assert_eq!(keys.decrypt(&stored, CONTEXT).unwrap(), b"x");
        assert_ne!(generated, Keyring::generate_key("2026-q1").unwrap());
        assert!(matches!(
            Keyring::generate_key("bad id"),
            Err(KeyError::BadEntry { .. })
        ));
    }

    #[test]
    fn wrong_context_fails() {
        let keys = ring(&entry("k1", 7));
        let stored = keys.encrypt(b"diabetes", CONTEXT);
        assert_eq!(
            keys.decrypt(&stored, b"case:BE-2025-00043/field:medical_notes"),
            Err(KeyError::Tampered)
        );
    }

    #[test]
    fn every_flipped_byte_fails() {
        let keys = ring(&entry("k1", 7));
        let stored = keys.encrypt(b"pregnant, due in March", CONTEXT);
        let payload = stored.rsplit_once(':').unwrap().1;
        let sealed = Base64::decode_vec(payload).unwrap();
        for i in 0..sealed.len() {
            let mut altered = sealed.clone();
            altered[i] ^= 0x01;
            let altered = format!("enc:v1:k1:{}", Base64::encode_string(&altered));
            assert_eq!(
                keys.decrypt(&altered, CONTEXT),
                Err(KeyError::Tampered),
                "byte {i}"
            );
        }
    }

    #[test]
    fn same_key_id_with_other_key_fails() {
        let stored = ring(&entry("k1", 7)).encrypt(b"x", CONTEXT);
        assert_eq!(
            ring(&entry("k1", 8)).decrypt(&stored, CONTEXT),
            Err(KeyError::Tampered)
        );
    }

    #[test]
    fn rotation_keeps_old_values_readable() {
        let old = ring(&entry("k1", 1));
        let before = old.encrypt(b"asthma", CONTEXT);
        let rotated = ring(&format!("{}, {}", entry("k2", 2), entry("k1", 1)));
        assert_eq!(rotated.current_id(), "k2");
        assert_eq!(rotated.decrypt(&before, CONTEXT).unwrap(), b"asthma");
        assert!(rotated.needs_reencryption(&before));
        let after = rotated.encrypt(b"asthma", CONTEXT);
        assert_eq!(key_id_of(&after), Some("k2"));
        assert!(!rotated.needs_reencryption(&after));
        assert!(rotated.needs_reencryption("plain text"));
        // Once k1 is dropped, what it sealed can no longer be read, and the error says why.
        let dropped = ring(&entry("k2", 2));
        assert_eq!(
            dropped.decrypt(&before, CONTEXT),
            Err(KeyError::UnknownKey("k1".to_owned()))
        );
        assert!(
            dropped
                .decrypt(&before, CONTEXT)
                .unwrap_err()
                .to_string()
                .contains("`k1`")
        );
    }

    #[test]
    fn two_encryptions_differ() {
        let keys = ring(&entry("k1", 7));
        let a = keys.encrypt(b"same", CONTEXT);
        let b = keys.encrypt(b"same", CONTEXT);
        assert_ne!(a, b);
        assert_eq!(keys.decrypt(&a, CONTEXT), keys.decrypt(&b, CONTEXT));
    }

    #[test]
    fn key_id_of_reads_only_encrypted_values() {
        assert_eq!(key_id_of("enc:v1:k7:AAAA"), Some("k7"));
        assert_eq!(key_id_of("plain text"), None);
        assert_eq!(key_id_of("enc:v2:k7:AAAA"), None);
        assert_eq!(key_id_of("enc:v1:no-payload"), None);
        assert_eq!(key_id_of(""), None);
    }

    #[test]
    fn malformed_values_are_named() {
        let keys = ring(&entry("k1", 7));
        let cases = [
            ("hello", "missing `enc:` prefix"),
            ("enc:v9:k1:AAAA", "unsupported format version `v9`"),
            ("enc:v1:k1", "expected `enc:v1:<key id>:<payload>`"),
            ("enc:v1:k1:!!!!", "not valid base64"),
            ("enc:v1:k1:AAAA", "shorter than nonce and tag"),
        ];
        for (stored, reason) in cases {
            let err = keys.decrypt(stored, CONTEXT).unwrap_err();
            assert!(matches!(err, KeyError::Malformed(_)), "{stored}: {err:?}");
            assert!(err.to_string().contains(reason), "{stored}: {err}");
        }
    }

    #[test]
    fn parse_errors_name_entry_and_reason() {
        let good = entry("k1", 1);
        let short = format!("k2:{}", Base64::encode_string(&[0u8; 16]));
        let long = format!("k2:{}", Base64::encode_string(&[0u8; 48]));
        let very_long = format!("k2:{}", Base64::encode_string(&[0u8; 200]));
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "key ring is empty"),
            ("   ".to_owned(), "key ring is empty"),
            (format!("{good},"), "entry 2 ((empty)): empty entry"),
            (
                format!("{good},k2:not base64!"),
                "entry 2 (`k2`): key is not valid standard base64",
            ),
            (
                format!("{good},{short}"),
                "entry 2 (`k2`): key must be 32 bytes, got 16",
            ),
            (
                format!("{good},{long}"),
                "entry 2 (`k2`): key must be 32 bytes, got 48",
            ),
            (
                format!("{good},{very_long}"),
                "entry 2 (`k2`): key must be 32 bytes, got more",
            ),
            (format!("{good},k2:"), "entry 2 (`k2`): key is empty"),
            (
                format!("{good},{good}"),
                "entry 2: key id `k1` is already used",
            ),
            (
                format!("{good},:AAAA"),
                "entry 2 ((no id)): key id is empty",
            ),
            (
                format!("k 1:{}", &good[3..]),
                "entry 1 (`k 1`): key id may hold only",
            ),
        ];
        for (config, expected) in cases {
            let err = Keyring::parse(&config).unwrap_err().to_string();
            assert!(err.contains(expected), "{config:?}: {err}");
        }
    }

    #[test]
    fn bare_key_is_not_echoed_in_error() {
        let bare = Base64::encode_string(&[0x5a; KEY_LEN]);
        let err = Keyring::parse(&bare).unwrap_err().to_string();
        assert!(err.contains("entry 1 ((no id))"), "{err}");
        assert!(!err.contains(&bare[..8]), "{err}");
    }

    #[test]
    fn retired_chain_keys_verify_what_the_dropped_data_key_signed() {
        let old = ring(&entry("k1", 1));
        let signed = old.current_chain_key().mac(b"entry 1");
        assert_eq!(old.chain_key("k1").unwrap().mac(b"entry 1"), signed);
        let retired = old.retired_chain_entries().unwrap();
        assert!(retired[0].starts_with("audit-k1:"), "{retired:?}");
        let rotated = ring(&format!("{},{}", entry("k2", 2), retired.join(",")));
        assert_eq!(rotated.chain_key("k1").unwrap().mac(b"entry 1"), signed);
        assert_ne!(rotated.current_chain_key().mac(b"entry 1"), signed);
        assert_eq!(rotated.current_id(), "k2");
        assert!(rotated.chain_key("k3").is_none());
        // Retiring again keeps the retired entry as it is, not a key derived from it.
        let again = rotated.retired_chain_entries().unwrap();
        assert_eq!(again[1], retired[0]);
        // The retired key opens nothing: it is not the data key.
        let sealed = old.encrypt(b"asthma", CONTEXT);
        assert!(rotated.decrypt(&sealed, CONTEXT).is_err());
        // And it may never seal.
        let err = Keyring::parse(&retired[0]).unwrap_err().to_string();
        assert!(err.contains("cannot seal"), "{err}");
    }

    #[test]
    fn debug_shows_ids_not_keys() {
        let keys = ring(&format!("{},{}", entry("k2", 0x5a), entry("k1", 0x5a)));
        let debug = format!("{keys:?}");
        assert_eq!(debug, r#"Keyring { current: "k2", older: ["k1"] }"#);
        assert!(!debug.contains(&Base64::encode_string(&[0x5a; 6])));
    }
}
