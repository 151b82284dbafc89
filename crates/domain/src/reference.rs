//! The code lists values are checked against: ISO 3166-1 countries and ISO 639 languages,
//! shipped in `data/` with their source (see `data/README.md`) and compiled in, so a code
//! nobody defined (`XX`, `klingon`) is refused wherever it comes in.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::ParseError;

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const LANGUAGES: &str = include_str!("../../../data/languages.tsv");
const REGIONS: &str = include_str!("../../../data/regions.tsv");
const NEEDS: &str = include_str!("../../../data/resettlement-needs.tsv");

/// The `code<TAB>name` rows of a shipped list, without its `#` comment lines.
fn rows(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('\t'))
}

/// The English name of an assigned ISO 3166-1 alpha-2 code (upper case), or `None`.
pub fn country_name(code: &str) -> Option<&'static str> {
    static BY_CODE: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    BY_CODE
        .get_or_init(|| rows(COUNTRIES).collect())
        .get(code)
        .copied()
}

/// The language a code or English name stands for, as its one code (ISO 639-1 where the
/// language has one, else ISO 639-3): `ar`, `AR` and `Arabic` all give `ar`, `Dinka`
/// gives `din`. Refused, naming `field`, when the list has no such language.
pub fn language(field: &'static str, given: &str) -> Result<&'static str, ParseError> {
    // Codes first: some names are also another language's code ("En" is enc).
    static BY_WORD: OnceLock<[BTreeMap<String, &'static str>; 2]> = OnceLock::new();
    let [by_code, by_name] = BY_WORD.get_or_init(|| {
        [
            rows(LANGUAGES).map(|(c, _)| (c.to_string(), c)).collect(),
            rows(LANGUAGES)
                .map(|(c, n)| (n.to_lowercase(), c))
                .collect(),
        ]
    });
    let word = given.trim().to_lowercase();
    by_code
        .get(&word)
        .or_else(|| by_name.get(&word))
        .copied()
        .ok_or_else(|| {
            ParseError::of(
                field,
                crate::RefusalKind::NotALanguage {
                    given: given.to_string(),
                },
            )
        })
}

/// UNHCR's projected resettlement needs by situation (`data/resettlement-needs.tsv`),
/// which a year's quota is split over. The file is checked by a test, so reading it here
/// cannot fail in a build that passed.
pub fn resettlement_needs() -> &'static crate::quota::Needs {
    static NEEDS_TABLE: OnceLock<crate::quota::Needs> = OnceLock::new();
    NEEDS_TABLE.get_or_init(|| {
        crate::quota::Needs::parse(NEEDS).expect("data/resettlement-needs.tsv reads (tested)")
    })
}

/// What the default placement model weighs about the region a place lies in.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFacts {
    /// The region's official languages (ISO 639-1); empty when only the country is known.
    pub languages: Vec<&'static str>,
    /// The ILO unemployment rate, a fraction of the labour force.
    pub unemployment_rate: f64,
}

/// The facts `data/regions.tsv` holds for `region` (any spelling it lists, in any case) of
/// `country`: the region's row, else the country's national rate with no languages, else
/// `None` when the country has no figures at all. Programmes in other countries add their
/// regions there, with the source, rather than inheriting another country's figures.
pub fn region_facts(country: &str, region: &str) -> Option<RegionFacts> {
    type Row = (&'static str, String, RegionFacts);
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        REGIONS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (country, region, languages, rate) =
                    (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
                Some((
                    country,
                    region.to_lowercase(),
                    RegionFacts {
                        languages: languages.split_whitespace().collect(),
                        unemployment_rate: rate.parse().ok()?,
                    },
                ))
            })
            .collect()
    });
    let wanted = region.trim().to_lowercase();
    let find = |r: &str| {
        rows.iter()
            .find(|(c, name, _)| c.eq_ignore_ascii_case(country) && name == r)
            .map(|(_, _, facts)| facts.clone())
    };
    find(&wanted).or_else(|| find("*"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_hold_what_programmes_meet() {
        assert_eq!(country_name("SY"), Some("Syria"));
        assert_eq!(country_name("XK"), Some("Kosovo"));
        assert_eq!(country_name("XX"), None);
        assert_eq!(
            country_name("sy"),
            None,
            "codes are matched as stored, upper case"
        );
        assert_eq!(rows(COUNTRIES).count(), 250);
    }

    #[test]
    fn a_language_is_named_by_its_one_code() {
        for given in ["ar", "AR", " Arabic "] {
            assert_eq!(language("languages", given), Ok("ar"));
        }
        assert_eq!(
            language("languages", "en"),
            Ok("en"),
            "a code before a name"
        );
        assert_eq!(language("languages", "En"), Ok("en"));
        assert_eq!(language("languages", "Dinka"), Ok("din"));
        assert_eq!(language("languages", "prs"), Ok("prs"));
        let e = language("languages", "klingonese").unwrap_err();
        assert_eq!(e.field, "languages");
        assert!(e.reason().contains("klingonese"), "{e}");
    }

    #[test]
    fn every_code_is_lower_case_and_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, name) in rows(LANGUAGES) {
            assert!((2..=3).contains(&code.len()), "{code}");
            assert!(code.bytes().all(|b| b.is_ascii_lowercase()), "{code}");
            assert!(!name.is_empty() && seen.insert(code), "{code}");
        }
    }

    #[test]
    fn a_region_is_found_by_any_of_its_spellings_and_an_unknown_one_by_its_country() {
        let brussels = region_facts("BE", "Brussels-Capital").unwrap();
        assert_eq!(brussels.languages, ["fr", "nl"]);
        assert_eq!(region_facts("be", " bruxelles "), Some(brussels));
        let liege = region_facts("BE", "Liège").unwrap();
        assert_eq!(liege.languages, ["fr", "de"]);
        assert!(
            liege.unemployment_rate > region_facts("BE", "Antwerpen").unwrap().unemployment_rate
        );
        let nowhere = region_facts("BE", "Atlantis").unwrap();
        assert!(nowhere.languages.is_empty());
        assert_eq!(nowhere.unemployment_rate, 0.056);
        assert_eq!(
            region_facts("NL", "Utrecht"),
            None,
            "no figures borrowed across borders"
        );
    }

    #[test]
    fn every_region_row_reads_whole() {
        let rows = REGIONS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        for line in rows {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{line:?}");
            let rate: f64 = cols[3].parse().unwrap();
            assert!((0.0..1.0).contains(&rate), "{line:?}");
            for l in cols[2].split_whitespace() {
                assert_eq!(language("languages", l), Ok(l), "{line:?}");
            }
            assert!(country_name(cols[0]).is_some(), "{line:?}");
        }
    }
}
