//! Who may do what, and the record of what they did.
//!
//! Every use case that touches personal data takes the [`Caller`] and asks
//! [`Caller::require`] first, so the web pages, the API and the CLI apply one set of rules
//! (`docs/security.md` holds the table; a test compares the two). What a caller may see of
//! a case is decided here too ([`visibility`]), and every read of personal data, every
//! write and every refusal goes to the hash-chained audit trail ([`audit`]).
pub mod audit;
pub mod limits;
pub mod permission;
pub mod session;
pub(crate) mod users;
pub mod visibility;

pub use permission::Permission;
pub(crate) use users::random_hex;
pub use users::{Organisation, UserSummary};

use resettle_domain::access::Role;
use serde::Serialize;

/// Who is calling: the user behind a session or token, or the operator at the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    /// Login name (or `cli:<os user>` for the operator), the actor of every change.
    pub username: String,
    /// Roles held (for a token: the roles it is limited to).
    pub roles: Vec<Role>,
    /// Organisation, which limits the cases of liaisons, municipalities and sponsors.
    pub organisation: Option<String>,
    /// Where the request came from (client address), or `cli`.
    pub source: String,
}

impl Caller {
    /// Someone not (yet) identified, known only by the address they call from.
    pub fn anonymous(source: &str) -> Caller {
        Caller {
            username: "anonymous".into(),
            roles: Vec::new(),
            organisation: None,
            source: source.to_string(),
        }
    }

    /// The person at the command line. Whoever can run the CLI against the database
    /// holds its credentials and could read it directly, so the CLI acts with every role;
    /// what it does is still audited under the operating-system user's name.
    pub fn operator() -> Caller {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "unknown".into());
        Caller {
            username: format!("cli:{user}"),
            roles: Role::ALL.to_vec(),
            organisation: None,
            source: "cli".into(),
        }
    }

    /// A family signed in to its status page with its access code: no role (it reads
    /// its own case through the family's own use case, never through staff's), and the
    /// trail names it `family:CASE`.
    pub fn family(case_number: &str, source: &str) -> Caller {
        Caller {
            username: format!("family:{case_number}"),
            roles: Vec::new(),
            organisation: None,
            source: source.to_string(),
        }
    }

    /// Whether the caller holds a role.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
