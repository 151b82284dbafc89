//! How a name is found: folded so that what someone types matches what was written, in
//! any script. `Ahmed`, `AHMED` and `Ahméd` are one word; Arabic written with or without
//! its vowel marks (harakat) is one word; `أحمد` and `احمد` (alef with or without hamza)
//! are one word, since the marks decompose into the letter and a combining mark.
//!
//! The folding is done here, once, rather than by each database's `LOWER`, which folds
//! only ASCII on SQLite and all of Unicode on PostgreSQL: the two backends then answered
//! one search differently.
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, with accents and other combining marks removed (canonical decomposition,
/// then the marks dropped).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of a text, split at anything that is not a letter or digit
/// (`Al-Hassan` gives `al` and `hassan`), each once, in order of first appearance.
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<String> = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// The fewest characters a word of a name search may have: a word of one letter begins
/// most names there are, so its range reads most of the index of name words to find
/// thousands of families no one could look through.
pub const SEARCH_WORD_MIN: usize = 2;

/// Whether a character is a whole syllable or word of its script: a Chinese, Japanese or
/// Korean character, or an Ethiopic (Ge'ez) syllable as Tigrinya and Amharic names are
/// written. One of them narrows a search as much as two letters do, and a name may be
/// written with one (`李`), so it counts as two.
fn is_syllable(c: char) -> bool {
    matches!(
        c,
        '\u{1200}'..='\u{137F}'       // Ethiopic
            | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}' // CJK Extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
            | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
    )
}

/// Whether `q` may be searched for: refused on `field` when a word of it without a digit
/// has fewer than [`SEARCH_WORD_MIN`] characters (a syllable of a syllabic script counting
/// as two). A word with a digit is part of a case number (names rarely hold digits), so
/// `LEB-1` is still a search.
pub fn check_search(field: &'static str, q: &str) -> Result<(), crate::Refusal> {
    match words(q)
        .iter()
        .filter(|w| !w.chars().any(char::is_numeric))
        .map(|w| (w.chars().count(), w.chars().any(is_syllable)))
        .find(|&(n, syllabic)| !syllabic && n < SEARCH_WORD_MIN)
        .map(|(n, _)| n)
    {
        Some(got) => Err(crate::Refusal::of(
            field,
            crate::RefusalKind::TooShort {
                min: SEARCH_WORD_MIN,
                got,
            },
        )),
        None => Ok(()),
    }
}

/// The first string after every string that starts with `prefix`: a search for words
/// beginning with `prefix` is then the range `prefix <= word < prefix_end(prefix)` in
/// code-point order (bytewise in UTF-8), which an index answers on either database.
pub fn prefix_end(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn case_accents_and_vowel_marks_do_not_matter() {
        assert_eq!(fold("Ahméd"), "ahmed");
        assert_eq!(fold("ÉGYPTE"), "egypte");
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(words("Al-Hassan  ibn Hassan"), ["al", "hassan", "ibn"]);
        assert_eq!(words(" - "), Vec::<String>::new());
    }

    #[test]
    fn a_word_of_one_letter_is_too_short_to_search_for() {
        let e = check_search("q", "haddad a").unwrap_err();
        assert_eq!(e.field, "q");
        assert_eq!(e.kind, crate::RefusalKind::TooShort { min: 2, got: 1 });
        assert!(check_search("q", "É").is_err());
        for fine in ["mo", "Al-Hassan", "LEB-1", "5", "مح", " ", "李", "ሰ", "김"] {
            assert_eq!(check_search("q", fine), Ok(()), "{fine:?}");
        }
    }

    proptest! {
        /// Folding twice changes nothing, in any script.
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            prop_assert_eq!(fold(&fold(&text)), fold(&text));
        }

        /// A name typed in capitals gives the same words, and every beginning of a word
        /// falls in the word's own search range: typing part of a name finds it.
        #[test]
        fn a_name_typed_any_way_finds_itself(name in "[a-zA-ZÀ-ÖØ-Þà-öø-ÿ' -]{0,40}") {
            let stored = words(&name);
            prop_assert_eq!(&words(&name.to_uppercase()), &stored);
            for w in &stored {
                for (cut, _) in w.char_indices().skip(1) {
                    let typed = &w[..cut];
                    prop_assert!(w.as_str() >= typed && w.as_str() < prefix_end(typed).as_str());
                }
            }
        }
    }
}
