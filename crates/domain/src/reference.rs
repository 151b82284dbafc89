//! The code lists values are checked against: ISO 3166-1 countries and ISO 639 languages,
//! shipped in `data/` with their source (see `data/README.md`) and compiled in, so a code
//! nobody defined (`XX`, `klingon`) is refused wherever it comes in.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::ParseError;

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const LANGUAGES: &str = include_str!("../../../data/languages.tsv");

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
}
