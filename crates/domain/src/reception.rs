//! Where families live after arrival: centres, local reception initiatives, municipalities.
use serde::{Deserialize, Serialize};

use crate::word_enum;

/// The kind of a reception place. Belgium uses a centre then an LOI; the Netherlands
/// places directly in a municipality with a home ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A (specialised) reception centre, e.g. Fedasil Sint-Truiden.
    Centre,
    /// A local reception initiative run by a municipality's social service (BE: ≤ 6 months).
    Loi,
    /// A municipality that houses the family directly.
    Municipality,
}
word_enum!(PlaceKind, "kind", { Centre => "centre", Loi => "loi", Municipality => "municipality" });

/// A place that can receive families, with its declared capacity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceptionPlace {
    /// A short code, unique in the programme.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Centre, LOI or municipality.
    pub kind: PlaceKind,
    /// The municipality it lies in.
    pub municipality: String,
    /// Region or province, for regional distribution.
    pub region: String,
    /// Persons it can house at once.
    pub capacity_persons: u32,
}
