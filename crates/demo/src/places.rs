//! Reception places: Fedasil's four specialised centres and a few hundred local reception
//! initiatives (LOI/ILA) run by municipalities' social services.
use resettle_domain::reception::{PlaceKind, ReceptionPlace};

use crate::municipalities::{MUNICIPALITIES, Region, region_of, slug};
use crate::rng::Rng;

/// How many municipalities run a local reception initiative in the demo.
const LOI_COUNT: usize = 250;

/// The four centres that receive resettled refugees for about six weeks (DOMAIN.md,
/// "Actors"). The capacities are the demo's: places kept for resettled families.
const CENTRES: [(&str, &str, &str, u32); 4] = [
    ("Sint-Truiden", "Sint-Truiden", "Limburg", 140),
    ("Pondrôme", "Beauraing", "Namur", 90),
    ("Florennes", "Florennes", "Namur", 120),
    ("Kapellen", "Kapellen", "Antwerp", 80),
];

/// All reception places, with what is needed to pick one in proportion to its capacity
/// (so larger places receive more families, as they would).
pub(crate) struct Places {
    /// Centres first, then LOIs.
    pub(crate) list: Vec<ReceptionPlace>,
    /// Running capacity totals of the centres, for weighted picks.
    centre_totals: Vec<u64>,
    /// Running capacity totals of the LOIs (which follow the centres in `list`).
    loi_totals: Vec<u64>,
}

/// Running totals of the capacities, so a weighted pick is a binary search.
fn running_totals(places: &[ReceptionPlace]) -> Vec<u64> {
    places
        .iter()
        .scan(0u64, |sum, p| {
            *sum += u64::from(p.capacity_persons);
            Some(*sum)
        })
        .collect()
}

impl Places {
    /// The centres and [`LOI_COUNT`] LOIs in municipalities drawn from the list.
    pub(crate) fn generate(rng: &mut Rng) -> Self {
        let mut list: Vec<ReceptionPlace> = CENTRES
            .iter()
            .map(|&(site, municipality, province, capacity)| ReceptionPlace {
                code: format!("CENTRE-{}", slug(site)),
                name: format!("Fedasil reception centre {site}"),
                kind: PlaceKind::Centre,
                municipality: municipality.into(),
                region: province.into(),
                capacity_persons: capacity,
            })
            .collect();
        let mut order: Vec<usize> = (0..MUNICIPALITIES.len()).collect();
        for i in 0..LOI_COUNT.min(order.len()) {
            let j = i + rng.below((order.len() - i) as u64) as usize;
            order.swap(i, j);
        }
        order.truncate(LOI_COUNT);
        order.sort_unstable();
        for i in order {
            let (municipality, province) = MUNICIPALITIES[i];
            let name = match region_of(province) {
                Region::Flanders => format!("LOI {municipality} (OCMW)"),
                Region::Wallonia | Region::Brussels => format!("ILA {municipality} (CPAS)"),
            };
            let capacity = rng.weighted(&[((4, 8), 45), ((9, 15), 35), ((16, 30), 20)]);
            list.push(ReceptionPlace {
                code: format!("LOI-{}", slug(municipality)),
                name,
                kind: PlaceKind::Loi,
                municipality: municipality.into(),
                region: province.into(),
                capacity_persons: rng.range(capacity.0, capacity.1) as u32,
            });
        }
        let centre_totals = running_totals(&list[..CENTRES.len()]);
        let loi_totals = running_totals(&list[CENTRES.len()..]);
        Self {
            list,
            centre_totals,
            loi_totals,
        }
    }

    /// A centre, in proportion to capacity.
    pub(crate) fn pick_centre(&self, rng: &mut Rng) -> &ReceptionPlace {
        &self.list[weighted_index(rng, &self.centre_totals)]
    }

    /// An LOI, in proportion to capacity, preferring one large enough for the family.
    pub(crate) fn pick_loi(&self, rng: &mut Rng, persons: u32) -> &ReceptionPlace {
        let lois = &self.list[CENTRES.len()..];
        let mut best = &lois[weighted_index(rng, &self.loi_totals)];
        for _ in 0..8 {
            if best.capacity_persons >= persons {
                break;
            }
            let other = &lois[weighted_index(rng, &self.loi_totals)];
            if other.capacity_persons > best.capacity_persons {
                best = other;
            }
        }
        best
    }
}

/// An index drawn in proportion to the widths between running totals.
fn weighted_index(rng: &mut Rng, totals: &[u64]) -> usize {
    let x = rng.below(*totals.last().expect("places exist"));
    totals.partition_point(|&t| t <= x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_capacities_in_range() {
        let places = Places::generate(&mut Rng::stream(1, &[]));
        let mut codes: Vec<&str> = places.list.iter().map(|p| p.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 4 + LOI_COUNT);
        for p in places.list.iter().filter(|p| p.kind == PlaceKind::Loi) {
            assert!((4..=30).contains(&p.capacity_persons), "{p:?}");
        }
    }

    #[test]
    fn picks_follow_the_kind() {
        let places = Places::generate(&mut Rng::stream(1, &[]));
        let mut rng = Rng::stream(2, &[]);
        for _ in 0..100 {
            assert_eq!(places.pick_centre(&mut rng).kind, PlaceKind::Centre);
            assert_eq!(places.pick_loi(&mut rng, 6).kind, PlaceKind::Loi);
        }
    }
}
