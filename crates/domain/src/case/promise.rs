//! Dates promised to a family, and how often they slipped.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::word_enum;

/// What a promised date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromiseKind {
    /// The interview date given for a selection mission.
    Interview,
    /// The departure date told to the family. Families give up jobs and homes on it.
    Departure,
}
word_enum!(PromiseKind, "kind", { Interview => "interview", Departure => "departure" });

/// A date told to a family. A slip is a new promise that names the reason and when the
/// family was told, so nobody waits ten months without knowing why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// What the date is for.
    pub kind: PromiseKind,
    /// The date promised.
    pub promised_date: Date,
    /// When the promise was made.
    pub made_on: Date,
    /// Why the previous promise of this kind was not kept; `None` for a first promise.
    pub slip_reason: Option<String>,
    /// When the family was told of this date.
    pub family_notified_on: Option<Date>,
}

impl Promise {
    /// Whether this promise replaced an earlier one that was not kept.
    pub fn is_slip(&self) -> bool {
        self.slip_reason.is_some()
    }
}
