//! The staff pages in English, Dutch and French: the Fluent message files of `locales/`,
//! loaded once, and the template function and filters that turn message ids and the
//! domain's codes into the reader's words, numbers and dates.
//!
//! A template names its texts by id (`{{ t("cases-title") }}`); an id missing from the
//! reader's language is an error, so a page never shows an id or silently falls back (the
//! tests render every id in every language). Codes are data (`{{ c.state | state }}`): one
//! without a word (a country added to the database later) is shown as it is and logged.
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Error, ErrorKind, State};
use num_format::ToFormattedString;
use time::Date;
use time::macros::format_description;
use unic_langid::LanguageIdentifier;

/// A language the staff pages are written in. English is the default: the language of
/// the domain's documentation and of anyone whose browser asks for none of the three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
    /// French.
    Fr,
}

/// The kinds of domain code a page shows, each a filter of the same name that looks up the
/// message `<kind>-<code>` (`state-pre_departure`, `country-SY`, `field-members-sex`).
pub(crate) const WORD_KINDS: &[&str] = &[
    "state",
    "stage",
    "category",
    "priority",
    "channel",
    "relationship",
    "sex",
    "care_need",
    "role",
    "promise",
    "country",
    "language",
    "field",
    "check",
    "slip",
    "step_data",
];

impl Lang {
    /// Every language, in the order of the switcher.
    pub(crate) const ALL: [Lang; 3] = [Lang::En, Lang::Nl, Lang::Fr];

    /// The ISO 639-1 code: the `lang` cookie, `?lang=` and `<html lang>`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
        }
    }

    /// The language of an ISO 639-1 code, if the pages are written in it.
    pub(crate) fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language as a BCP 47 identifier, for Fluent (plural rules) and negotiation.
    pub(crate) fn identifier(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("an ISO 639-1 code is a language identifier")
    }

    /// The message file, compiled in so a release runs from one file.
    pub(crate) fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../../../locales/en/staff.ftl"),
            Lang::Nl => include_str!("../../../../locales/nl/staff.ftl"),
            Lang::Fr => include_str!("../../../../locales/fr/staff.ftl"),
        }
    }

    /// Digit grouping and decimal mark from CLDR (fr groups with a narrow no-break space).
    fn number_locale(self) -> num_format::Locale {
        match self {
            Lang::En => num_format::Locale::en,
            Lang::Nl => num_format::Locale::nl,
            Lang::Fr => num_format::Locale::fr,
        }
    }

    fn bundle(self) -> &'static Bundle {
        &BUNDLES[self as usize]
    }

    /// The message `id`, formatted with `args`, or why it cannot be (no such message in
    /// this language, or a variable it needs was not given).
    pub(crate) fn message(self, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        let bundle = self.bundle();
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("no message {id:?} in locales/{}/staff.ftl", self.code()))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!(
                "message {id:?} in locales/{}/staff.ftl: {errors:?}",
                self.code()
            ))
        }
    }

    /// The word for the domain code `code` of `kind`: the message `<kind>-<code>`, with a
    /// dotted field path (`members.sex`) written with a hyphen, as Fluent ids have no dots.
    pub(crate) fn word(self, kind: &str, code: &str) -> Result<String, String> {
        self.message(&format!("{kind}-{code}").replace('.', "-"), None)
    }

    /// `n` with the language's digit grouping and decimal mark, `decimals` digits after it.
    pub(crate) fn number(self, n: f64, decimals: usize) -> String {
        let locale = self.number_locale();
        let digits = format!("{:.*}", decimals, n.abs());
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        let mut text = String::new();
        if n < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            text.push_str(locale.minus_sign());
        }
        match whole.parse::<u64>() {
            Ok(w) => text.push_str(&w.to_formatted_string(&locale)),
            Err(_) => text.push_str(whole),
        }
        if !fraction.is_empty() {
            text.push_str(locale.decimal());
            text.push_str(fraction);
        }
        text
    }

    /// A whole number as the reader may type it: digits, perhaps a minus, grouped by
    /// spaces or by the language's grouping mark (`1,500`, `1.500`, `1 500`); `None` for
    /// anything else (`1.5` in English, a word).
    pub(crate) fn whole_number(self, text: &str) -> Option<i64> {
        let grouping = self.number_locale().separator();
        text.replace(grouping, "")
            .replace('\u{2212}', "-")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .parse()
            .ok()
    }

    /// A day written out (`23 November 2026`, `23 november 2026`, `23 novembre 2026`), by
    /// the message `date`, so each language orders and names the parts itself.
    pub(crate) fn date(self, day: Date) -> Result<String, String> {
        let mut args = FluentArgs::new();
        args.set("day", day.day());
        args.set("month", u8::from(day.month()));
        // A string: the year is a name, not a quantity to group as 2,026.
        args.set("year", day.year().to_string());
        self.message("date", Some(&args))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in the order of [`Lang::ALL`]. A message file that does not
/// parse stops the server at the first page rather than showing half a language.
static BUNDLES: LazyLock<Vec<Bundle>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(bundle).collect());

fn bundle(lang: Lang) -> Bundle {
    let file = format!("locales/{}/staff.ftl", lang.code());
    let resource = FluentResource::try_new(lang.source().to_string())
        .unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang.identifier()]);
    // No Unicode isolation marks around variables: the pages are left-to-right only, and
    // invisible marks would break copying a case number out of a sentence.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => fluent_number::<_, 0>,
        Lang::Nl => fluent_number::<_, 1>,
        Lang::Fr => fluent_number::<_, 2>,
    }));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{file}: {errors:?}"));
    bundle
}

/// Numbers inside messages (`{ $total } cases`) grouped as the `number` filter does;
/// Fluent itself writes digits bare. `L` is the index of the language in [`Lang::ALL`],
/// since Fluent takes a plain function, not a closure.
fn fluent_number<M, const L: usize>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            Some(Lang::ALL[L].number(n.value, n.options.minimum_fraction_digits.unwrap_or(0)))
        }
        _ => None,
    }
}

/// The reader's language of the page being rendered (`render` puts it in every context).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

/// Adds `t(id, name=value, …)` and the filters `number`, `date`, `word(kind)` and one per
/// [`WORD_KINDS`] to the template environment.
pub(crate) fn register(env: &mut minijinja::Environment<'static>) {
    env.add_function("t", t);
    env.add_filter("number", number);
    env.add_filter("date", date);
    env.add_filter("word", |state: &State, code: Value, kind: &str| {
        word(state, kind, &code)
    });
    for &kind in WORD_KINDS {
        env.add_filter(kind, move |state: &State, code: Value| {
            word(state, kind, &code)
        });
    }
}

/// `{{ t("id", name=value) }}`: the message in the reader's language; numbers stay numbers
/// so Fluent can choose plural forms.
fn t(state: &State, id: &str, args: Kwargs) -> Result<String, Error> {
    let mut fluent = FluentArgs::new();
    for name in args.args() {
        let value: Value = args.get(name)?;
        if value.kind() == ValueKind::Number {
            fluent.set(name.to_string(), f64::try_from(value)?);
        } else {
            fluent.set(name.to_string(), value.to_string());
        }
    }
    lang_of(state)
        .message(id, Some(&fluent))
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e))
}

/// `{{ n | number }}`, `{{ x | number(1) }}`: grouped digits; anything not a number (a
/// withheld small count shown as `<10`) passes unchanged.
fn number(state: &State, value: Value, decimals: Option<usize>) -> Value {
    match f64::try_from(value.clone()) {
        Ok(n) if value.kind() == ValueKind::Number => {
            Value::from(lang_of(state).number(n, decimals.unwrap_or(0)))
        }
        _ => value,
    }
}

/// `{{ d | date }}`: a day (`2026-11-23`, or the day of a timestamp) written out.
fn date(state: &State, value: Value) -> Result<Value, Error> {
    let Some(text) = value.as_str() else {
        return Ok(value);
    };
    let Some(day) = text
        .get(..10)
        .and_then(|d| Date::parse(d, format_description!("[year]-[month]-[day]")).ok())
    else {
        tracing::warn!(value = text, "not a day; shown as it is");
        return Ok(value);
    };
    lang_of(state)
        .date(day)
        .map(Value::from)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e))
}

/// A domain code in words; nothing for nothing, and the code itself (logged) where no
/// word exists yet.
fn word(state: &State, kind: &str, code: &Value) -> String {
    if code.is_undefined() || code.is_none() {
        return String::new();
    }
    let code = code
        .as_str()
        .map_or_else(|| code.to_string(), str::to_string);
    lang_of(state).word(kind, &code).unwrap_or_else(|e| {
        tracing::warn!(kind, code, error = %e, "no word for a code; shown as it is");
        code
    })
}

/// The codes of a kind of word (`country`, `language`) the pages have words for: the
/// reference list a form offers to choose from, so a choice always reads as a word.
pub(crate) fn codes(kind: &str) -> Vec<String> {
    static ENGLISH: LazyLock<std::collections::BTreeSet<String>> =
        LazyLock::new(|| message_ids(Lang::En));
    let prefix = format!("{kind}-");
    ENGLISH
        .iter()
        .filter_map(|id| id.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

/// A word as it sorts in a list: lower case, accents folded (`Égypte` among the E).
pub(crate) fn sort_key(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every message id of a language's file: the codes a form offers, and the tests that
/// keep the three languages in step.
pub(crate) fn message_ids(lang: Lang) -> std::collections::BTreeSet<String> {
    let resource = FluentResource::try_new(lang.source().to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}/staff.ftl: {errors:?}", lang.code()));
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use resettle_app::access::visibility::CASE_FIELDS;
    use resettle_domain::access::{OrganisationKind, Role};
    use resettle_domain::case::{
        CareNeed, CaseState, Channel, Priority, PromiseKind, Relationship, Sex, Stage,
        SubmissionCategory,
    };
    use resettle_domain::reception::PlaceKind;
    use time::macros::date;

    use super::*;
    use crate::ui::{TEMPLATE_SOURCES, TEMPLATES};

    #[test]
    fn every_language_has_the_same_messages() {
        let english = message_ids(Lang::En);
        assert!(english.len() > 300, "{} messages", english.len());
        for lang in [Lang::Nl, Lang::Fr] {
            let other = message_ids(lang);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "locales/{}/staff.ftl lacks {missing:?} and has {extra:?} that en lacks",
                lang.code()
            );
        }
    }

    /// Every code of `kind` has a word of its own in every language (not the code again).
    fn assert_worded(kind: &str, codes: impl IntoIterator<Item = String>) {
        for code in codes {
            for lang in Lang::ALL {
                let word = lang
                    .word(kind, &code)
                    .unwrap_or_else(|e| panic!("{kind} {code:?}: {e}"));
                assert!(
                    !word.is_empty() && !word.contains('_'),
                    "{kind} {code:?} in {}: {word:?}",
                    lang.code()
                );
            }
        }
    }

    fn codes<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
        all.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_domain_code_has_a_word_in_every_language() {
        assert_worded("state", codes(CaseState::ALL));
        assert_worded("stage", codes(Stage::ALL));
        assert_worded("category", codes(SubmissionCategory::ALL));
        assert_worded("priority", codes(Priority::ALL));
        assert_worded("channel", codes(Channel::ALL));
        assert_worded("relationship", codes(Relationship::ALL));
        assert_worded("sex", codes(Sex::ALL));
        assert_worded("care_need", codes(CareNeed::ALL));
        assert_worded("promise", codes(PromiseKind::ALL));
        assert_worded("role", codes(Role::ALL));
        assert_worded("field", CASE_FIELDS.iter().map(|(f, _)| f.to_string()));
        assert_worded("kind", codes(OrganisationKind::ALL));
        assert_worded("place", codes(PlaceKind::ALL));
    }

    /// The administrator's status lines and the words of the shipped policy profiles
    /// (reception models, check names) exist in every language: the pages name them by
    /// code, so the scan of `t("…")` cannot find them.
    #[test]
    fn the_administration_words_exist_in_every_language() {
        for lang in Lang::ALL {
            for id in crate::ui::admin::DONE {
                let mut args = FluentArgs::new();
                args.set("user", "u");
                args.set("name", "n");
                args.set("n", 2);
                lang.message(&format!("admin-done-{id}"), Some(&args))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
        for profile in resettle_app::policies::all() {
            assert_worded(
                "reception",
                [profile.reception_model().as_str().to_string()],
            );
            assert_worded(
                "check",
                profile
                    .assessment()
                    .checks
                    .iter()
                    .map(|c| c.name.clone())
                    .chain(
                        profile
                            .pre_departure_checks()
                            .iter()
                            .map(|c| c.name.clone()),
                    ),
            );
        }
    }

    #[test]
    fn every_state_of_the_reference_data_has_a_name() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
        let mut states = BTreeSet::new();
        for folder in ["keys", "indicators"] {
            for file in std::fs::read_dir(format!("{data}/{folder}")).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                states.extend(
                    text.lines()
                        .skip(1)
                        .filter_map(|l| l.split(',').next())
                        .filter(|s| s.len() == 2)
                        .map(str::to_string),
                );
            }
        }
        assert!(states.len() > 25, "{states:?}");
        // And the nationalities and countries of asylum of the demo caseload.
        states.extend(
            [
                "SY", "CD", "SD", "ER", "AF", "LB", "TR", "JO", "EG", "RW", "UG", "TZ", "PK", "NE",
                "LY", "BI", "SS", "IR",
            ]
            .map(str::to_string),
        );
        assert_worded("country", states);
    }

    /// The ids a template names literally in `t("…")` or `t('…')`.
    fn named_ids(source: &str) -> Vec<&str> {
        ["t(\"", "t('"]
            .iter()
            .flat_map(|open| {
                let close = if open.ends_with('"') { '"' } else { '\'' };
                source
                    .match_indices(open)
                    .filter(|(at, _)| {
                        // `t(` itself, not the end of `format(` or `select(`.
                        !source[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                    .filter_map(move |(at, _)| {
                        let rest = &source[at + open.len()..];
                        rest.find(close).map(|end| &rest[..end])
                    })
            })
            .collect()
    }

    #[test]
    fn every_message_a_template_names_exists_in_every_language() {
        let mut named = 0;
        for (template, source) in TEMPLATE_SOURCES {
            for id in named_ids(source) {
                named += 1;
                for lang in Lang::ALL {
                    assert!(
                        lang.bundle().has_message(id),
                        "{template} names {id:?}, missing from locales/{}/staff.ftl",
                        lang.code()
                    );
                }
            }
        }
        assert!(
            named > 200,
            "only {named} t(…) calls found: the scan is broken"
        );
    }

    /// Each template in each language with the least each one needs: every `t(…)` call
    /// outside a loop or a data-dependent branch runs (the web tests render the rest).
    #[test]
    fn every_template_renders_in_every_language() {
        let empty = || Vec::<u8>::new();
        for (template, _) in TEMPLATE_SOURCES {
            for lang in Lang::ALL {
                let context = minijinja::context! {
                    lang => lang.code(),
                    dashboard => minijinja::context! {
                        programmes => empty(), states => empty(), small_cell_threshold => 10,
                    },
                    form => minijinja::context! {},
                    claim => minijinja::context! {},
                    outcome => minijinja::context! { error => "years: 0 is not a number" },
                    case => minijinja::context! { case_number => "BE-26-00001" },
                    case_number => "BE-26-00001",
                    member => minijinja::context! { member_no => 1, full_name => "A" },
                    typed => minijinja::context! { fit_to_travel => "unknown" },
                    care_needs => vec!["regular_treatment"],
                    max_chars => 2000,
                    list => minijinja::context! { items => empty(), total => 0, page => 1, per_page => 50 },
                    filters => minijinja::context! {
                        q => "", state => "", priority => "", category => "", overdue => true,
                        priorities => vec!["urgent"], categories => vec!["medical_needs"],
                    },
                    pages => 1,
                    day => minijinja::context! {
                        arrivals => empty(), places => empty(), arriving_persons => 0, free_places => 12,
                    },
                    families => minijinja::context! {
                        expected => empty(), expected_total => 0, arrived => empty(), total => 0,
                        page => 1, per_page => 50, municipalities => empty(),
                    },
                    shows => minijinja::context! { care_needs => true, support => true },
                    user => minijinja::context! { roles => vec!["auditor"] },
                    chain => minijinja::context! { intact => true, entries => 8821 },
                    account => minijinja::context! { username => "u", roles => "admin" },
                    held => vec!["admin"],
                    roles => vec!["admin", "planner"],
                    done => minijinja::context! { id => "admin-done-user-added", user => "u" },
                    problem => minijinja::context! { form => "add", field => "password", detail => "" },
                    q => minijinja::context! {},
                    status => 404,
                    detail => "case 1 not found",
                };
                let html = TEMPLATES
                    .get_template(template)
                    .and_then(|t| t.render(&context))
                    .unwrap_or_else(|e| panic!("{template} in {}: {e:#}", lang.code()));
                // Fragments (the outcome htmx swaps in, partials named `_…`) have no frame.
                if *template != "fair_share_outcome.html" && !template.starts_with('_') {
                    assert!(
                        html.contains(&format!("<html lang=\"{}\">", lang.code())),
                        "{template} in {}",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn a_missing_message_is_an_error_not_an_id_on_the_page() {
        let env = &*TEMPLATES;
        let out = env.render_str(
            r#"{{ t("no-such-message") }}"#,
            minijinja::context! { lang => "nl" },
        );
        assert!(out.is_err(), "{out:?}");
        assert!(
            Lang::Fr
                .message("no-such-message", None)
                .unwrap_err()
                .contains("locales/fr")
        );
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(Lang::En.number(8821.0, 0), "8,821");
        assert_eq!(Lang::Nl.number(8821.0, 0), "8.821");
        assert_eq!(Lang::Fr.number(8821.0, 0), "8\u{202f}821");
        assert_eq!(Lang::Nl.number(-1234.567, 2), "-1.234,57");
        assert_eq!(Lang::En.number(0.0004, 3), "0.000");
        let mut args = FluentArgs::new();
        args.set("total", 8821);
        args.set("page", 1);
        assert!(
            Lang::Nl
                .message("cases-count", Some(&args))
                .unwrap()
                .starts_with("8.821 dossiers")
        );
    }

    #[test]
    fn days_are_written_out() {
        let day = date!(2026 - 11 - 23);
        assert_eq!(Lang::En.date(day).unwrap(), "23 November 2026");
        assert_eq!(Lang::Nl.date(day).unwrap(), "23 november 2026");
        assert_eq!(Lang::Fr.date(day).unwrap(), "23 novembre 2026");
        assert_eq!(
            Lang::Fr.date(date!(2026 - 05 - 01)).unwrap(),
            "1er mai 2026"
        );
    }
}
