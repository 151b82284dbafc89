//! Community sponsor groups of the Belgian pilot: citizens in a municipality who receive
//! one family in a home they found, instead of a reception centre.
use resettle_domain::sponsor::SponsorGroup;

use crate::names;
use crate::rng::Rng;

/// `(group name, municipality)`: fictional groups in real municipalities.
const GROUPS: &[(&str, &str)] = &[
    ("Samen Thuis Leuven", "Leuven"),
    ("Welkom in Gent", "Gent"),
    ("Buren van Berchem", "Antwerpen"),
    ("Mechelen Verwelkomt", "Mechelen"),
    ("Brugse Gastvrijheid", "Brugge"),
    ("Hasselt Open Huis", "Hasselt"),
    ("Kortrijk Heet Welkom", "Kortrijk"),
    ("Aalst Samen", "Aalst"),
    ("Accueil Namur", "Namur"),
    ("Liège Terre d'Accueil", "Liège"),
    ("Bienvenue à Ottignies-LLN", "Ottignies-Louvain-la-Neuve"),
    ("Mons Solidaire", "Mons"),
    ("Voisins d'Ixelles", "Ixelles"),
    ("Arlon Accueille", "Arlon"),
    ("Tournai Ensemble", "Tournai"),
];

/// The groups, each with a contact, 5–14 members who signed the support agreement, and
/// room for 4–8 persons.
pub(crate) fn generate(rng: &mut Rng) -> Vec<SponsorGroup> {
    GROUPS
        .iter()
        .map(|&(name, municipality)| SponsorGroup {
            name: name.into(),
            municipality: municipality.into(),
            contact: names::belgian(rng),
            members: rng.range(5, 14) as u32,
            capacity_persons: rng.range(4, 8) as u32,
        })
        .collect()
}
