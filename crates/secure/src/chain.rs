//! Keys for the audit trail's chain: each entry's hash is an HMAC-SHA256 under a key the
//! database does not hold, so someone who can write to the database cannot recompute the
//! chain after rewriting or removing an entry.
//!
//! A chain key is never a data key itself: it is derived from one (HMAC-SHA256 of a fixed
//! label under the data key), so the MACs written into every row reveal nothing about the
//! key that seals medical records. When `resettle key rotate` retires a data key it keeps
//! the derived chain key in the key file as `audit-<id>:BASE64`: old entries stay
//! verifiable, while the retired data key itself (which could open old backups) is gone.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

/// Prefix of a key ring entry holding a retired data key's chain key: such an entry
/// verifies old audit entries and never seals anything.
pub const AUDIT_KEY_PREFIX: &str = "audit-";

/// What a chain key is derived from a data key with; changing it would orphan every entry.
const LABEL: &[u8] = b"resettle audit chain v1";

/// The key behind one stretch of the audit chain, named by the data key it comes from.
pub struct ChainKey {
    id: String,
    key: Zeroizing<[u8; 32]>,
}

impl ChainKey {
    /// The chain key of the data key `id`.
    pub(crate) fn derive(id: &str, data_key: &[u8; 32]) -> ChainKey {
        ChainKey::from_bytes(id, &mac(data_key, LABEL))
    }

    /// A chain key kept as it is (a retired data key's `audit-<id>` entry).
    pub(crate) fn from_bytes(id: &str, key: &[u8; 32]) -> ChainKey {
        ChainKey {
            id: id.to_owned(),
            key: Zeroizing::new(*key),
        }
    }

    /// The id written into every entry this key signs: the data key's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// HMAC-SHA256 of `message` under this key.
    pub fn mac(&self, message: &[u8]) -> [u8; 32] {
        mac(self.key.as_ref(), message)
    }

    /// The key's bytes, for the key ring to write it out as a retired entry.
    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.key
    }
}

impl std::fmt::Debug for ChainKey {
    /// Shows the id only, never the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainKey").field("id", &self.id).finish()
    }
}

fn mac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(message);
    m.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_rfc_4231_case_2() {
        let out = mac(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            out.iter().map(|b| format!("{b:02x}")).collect::<String>(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_chain_key_is_not_its_data_key_and_depends_on_it() {
        let a = ChainKey::derive("k1", &[1; 32]);
        let b = ChainKey::derive("k1", &[2; 32]);
        assert_ne!(a.bytes(), &[1; 32]);
        assert_ne!(a.mac(b"entry"), b.mac(b"entry"));
        assert_eq!(format!("{a:?}"), r#"ChainKey { id: "k1" }"#);
    }
}
