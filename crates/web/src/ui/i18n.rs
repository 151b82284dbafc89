//! The pages in their readers' languages: the Fluent message files of `locales/`, loaded
//! once, and the template function and filters that turn message ids and the domain's
//! codes into the reader's words, numbers and dates.
//!
//! Two catalogues: the staff pages in English, Dutch and French (`staff.ftl`), and the
//! family status page and letter in those and Arabic and Persian (`family.ftl`), for the
//! families themselves. A template names its texts by id (`{{ t("cases-title") }}`) and is
//! rendered in one catalogue (the context's `catalogue`, staff unless it says `family`); an
//! id missing from the reader's language is an error, so a page never shows an id or
//! silently falls back (the tests render every id in every language of its catalogue).
//! Codes are data (`{{ c.state | state }}`): one without a word (a country added to the
//! database later) is shown as it is and logged.
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Error, ErrorKind, State};
use num_format::ToFormattedString;
use time::Date;
use time::macros::format_description;
use unic_langid::LanguageIdentifier;

/// A language pages are written in. English is the default: the language of the domain's
/// documentation and of anyone whose browser asks for none of ours. Declaration order is
/// the order of the switchers and of [`Lang::EVERY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
    /// French.
    Fr,
    /// Arabic (families' pages only): right to left, Arabic-Indic digits.
    Ar,
    /// Persian, read by Dari speakers too (families' pages only): right to left, Persian
    /// digits.
    Fa,
}

/// A set of message files, one per language of its audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Catalogue {
    /// The staff pages: `locales/<lang>/staff.ftl`, in [`Lang::STAFF`].
    Staff,
    /// The family status page and letter: `locales/<lang>/family.ftl`, in
    /// [`Lang::FAMILY`].
    Family,
}

impl Catalogue {
    /// The languages the catalogue is written in, in the order of its switcher.
    pub(crate) fn languages(self) -> &'static [Lang] {
        match self {
            Catalogue::Staff => &Lang::STAFF,
            Catalogue::Family => &Lang::FAMILY,
        }
    }

    /// The file name in each language's folder.
    pub(crate) fn file(self) -> &'static str {
        match self {
            Catalogue::Staff => "staff.ftl",
            Catalogue::Family => "family.ftl",
        }
    }

    /// The value of a template context's `catalogue`.
    fn name(self) -> &'static str {
        match self {
            Catalogue::Staff => "staff",
            Catalogue::Family => "family",
        }
    }
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
    "step_data",
    "next",
    "news",
    "notice_state",
    "notice_channel",
    "stay",
    "dependency",
    "evidence",
];

impl Lang {
    /// Every language, in declaration order.
    pub(crate) const EVERY: [Lang; 5] = [Lang::En, Lang::Nl, Lang::Fr, Lang::Ar, Lang::Fa];

    /// The staff pages' languages, in the order of their switcher.
    pub(crate) const STAFF: [Lang; 3] = [Lang::En, Lang::Nl, Lang::Fr];

    /// The families' languages, in the order of their switcher.
    pub(crate) const FAMILY: [Lang; 5] = Lang::EVERY;

    /// The ISO 639-1 code: the `lang` cookie, `?lang=` and `<html lang>`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }

    /// The language's name in itself, as its switcher links it.
    pub(crate) fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
        }
    }

    /// `rtl` for the languages written right to left, else `ltr`: `<html dir>`.
    pub(crate) fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "rtl",
            _ => "ltr",
        }
    }

    /// The staff language of an ISO 639-1 code, if the staff pages are written in it.
    pub(crate) fn parse(code: &str) -> Option<Lang> {
        Lang::parse_in(Catalogue::Staff, code)
    }

    /// The language of an ISO 639-1 code, if `catalogue` is written in it.
    pub(crate) fn parse_in(catalogue: Catalogue, code: &str) -> Option<Lang> {
        catalogue
            .languages()
            .iter()
            .copied()
            .find(|l| l.code() == code)
    }

    /// The language as a BCP 47 identifier, for Fluent (plural rules) and negotiation.
    pub(crate) fn identifier(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("an ISO 639-1 code is a language identifier")
    }

    /// The message file of `catalogue` in this language, compiled in so a release runs
    /// from one file; `None` where the catalogue is not written in it.
    pub(crate) fn source(self, catalogue: Catalogue) -> Option<&'static str> {
        Some(match (catalogue, self) {
            (Catalogue::Staff, Lang::En) => include_str!("../../../../locales/en/staff.ftl"),
            (Catalogue::Staff, Lang::Nl) => include_str!("../../../../locales/nl/staff.ftl"),
            (Catalogue::Staff, Lang::Fr) => include_str!("../../../../locales/fr/staff.ftl"),
            (Catalogue::Family, Lang::En) => include_str!("../../../../locales/en/family.ftl"),
            (Catalogue::Family, Lang::Nl) => include_str!("../../../../locales/nl/family.ftl"),
            (Catalogue::Family, Lang::Fr) => include_str!("../../../../locales/fr/family.ftl"),
            (Catalogue::Family, Lang::Ar) => include_str!("../../../../locales/ar/family.ftl"),
            (Catalogue::Family, Lang::Fa) => include_str!("../../../../locales/fa/family.ftl"),
            (Catalogue::Staff, Lang::Ar | Lang::Fa) => return None,
        })
    }

    /// Digit grouping and decimal mark from CLDR (fr groups with a narrow no-break space,
    /// ar and fa with the Arabic thousands separator).
    fn number_locale(self) -> num_format::Locale {
        match self {
            Lang::En => num_format::Locale::en,
            Lang::Nl => num_format::Locale::nl,
            Lang::Fr => num_format::Locale::fr,
            Lang::Ar => num_format::Locale::ar,
            Lang::Fa => num_format::Locale::fa,
        }
    }

    /// The digits this language writes numbers and dates in: the ASCII digits in `text`
    /// as Arabic-Indic (ar) or Persian (fa) digits, unchanged elsewhere.
    pub(crate) fn digits(self, text: &str) -> String {
        let zero = match self {
            Lang::Ar => '\u{0660}',
            Lang::Fa => '\u{06F0}',
            _ => return text.to_string(),
        };
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    fn bundle(self, catalogue: Catalogue) -> Option<&'static Bundle> {
        let bundles = match catalogue {
            Catalogue::Staff => &*STAFF_BUNDLES,
            Catalogue::Family => &*FAMILY_BUNDLES,
        };
        catalogue
            .languages()
            .iter()
            .position(|&l| l == self)
            .map(|i| &bundles[i])
    }

    /// The staff message `id`, formatted with `args`, or why it cannot be (no such
    /// message in this language, or a variable it needs was not given).
    pub(crate) fn message(self, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        self.message_in(Catalogue::Staff, id, args)
    }

    /// The message `id` of `catalogue`, formatted with `args`, or why it cannot be.
    pub(crate) fn message_in(
        self,
        catalogue: Catalogue,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        let file = || format!("locales/{}/{}", self.code(), catalogue.file());
        let bundle = self
            .bundle(catalogue)
            .ok_or_else(|| format!("no {} in this build", file()))?;
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("no message {id:?} in {}", file()))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("message {id:?} in {}: {errors:?}", file()))
        }
    }

    /// The staff word for the domain code `code` of `kind`.
    pub(crate) fn word(self, kind: &str, code: &str) -> Result<String, String> {
        self.word_in(Catalogue::Staff, kind, code)
    }

    /// The word for the domain code `code` of `kind` in `catalogue`: the message
    /// `<kind>-<code>`, with a dotted field path (`members.sex`) written with a hyphen, as
    /// Fluent ids have no dots.
    pub(crate) fn word_in(
        self,
        catalogue: Catalogue,
        kind: &str,
        code: &str,
    ) -> Result<String, String> {
        self.message_in(catalogue, &format!("{kind}-{code}").replace('.', "-"), None)
    }

    /// `n` with the language's digit grouping, decimal mark and digits, `decimals` digits
    /// after the mark.
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
        self.digits(&text)
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

    /// A day written out on the staff pages (`23 November 2026`, `23 novembre 2026`).
    pub(crate) fn date(self, day: Date) -> Result<String, String> {
        self.date_in(Catalogue::Staff, day)
    }

    /// A day written out by the message `date` of `catalogue`, so each language orders and
    /// names the parts itself (`23 November 2026`, `23 novembre 2026`, `٢٣ نوفمبر ٢٠٢٦`).
    pub(crate) fn date_in(self, catalogue: Catalogue, day: Date) -> Result<String, String> {
        let mut args = FluentArgs::new();
        args.set("day", day.day());
        args.set("month", u8::from(day.month()));
        // A string: the year is a name, not a quantity to group as 2,026.
        args.set("year", self.digits(&day.year().to_string()));
        self.message_in(catalogue, "date", Some(&args))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language of each catalogue, in the order of its languages. A message
/// file that does not parse stops the server at the first page rather than showing half
/// a language.
static STAFF_BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    Lang::STAFF
        .into_iter()
        .map(|l| bundle(Catalogue::Staff, l))
        .collect()
});

static FAMILY_BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    Lang::FAMILY
        .into_iter()
        .map(|l| bundle(Catalogue::Family, l))
        .collect()
});

fn bundle(catalogue: Catalogue, lang: Lang) -> Bundle {
    let file = format!("locales/{}/{}", lang.code(), catalogue.file());
    let source = lang
        .source(catalogue)
        .unwrap_or_else(|| panic!("{file} is not in this build"));
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang.identifier()]);
    // No Unicode isolation marks around variables: invisible marks would break copying a
    // case number out of a sentence; the templates set the direction of codes themselves.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => fluent_number::<_, 0>,
        Lang::Nl => fluent_number::<_, 1>,
        Lang::Fr => fluent_number::<_, 2>,
        Lang::Ar => fluent_number::<_, 3>,
        Lang::Fa => fluent_number::<_, 4>,
    }));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{file}: {errors:?}"));
    bundle
}

/// Numbers inside messages (`{ $total } cases`) grouped and in the digits the `number`
/// filter writes; Fluent itself writes digits bare. `L` is the index of the language in
/// [`Lang::EVERY`], since Fluent takes a plain function, not a closure.
fn fluent_number<M, const L: usize>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            Some(Lang::EVERY[L].number(n.value, n.options.minimum_fraction_digits.unwrap_or(0)))
        }
        _ => None,
    }
}

/// The reader's language of the page being rendered (`render` puts it in every context).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| {
            v.as_str()
                .and_then(|code| Lang::EVERY.into_iter().find(|l| l.code() == code))
        })
        .unwrap_or_default()
}

/// The catalogue of the page being rendered: the context's `catalogue`, staff unless it
/// says `family`.
fn catalogue_of(state: &State) -> Catalogue {
    match state
        .lookup("catalogue")
        .and_then(|v| v.as_str().map(str::to_string))
    {
        Some(c) if c == Catalogue::Family.name() => Catalogue::Family,
        _ => Catalogue::Staff,
    }
}

/// Adds `t(id, name=value, …)` and the filters `number`, `date`, `word(kind)`, one per
/// [`WORD_KINDS`], and `label` and `named(list)` for the names a policy profile defines, to
/// the template environment.
pub(crate) fn register(env: &mut minijinja::Environment<'static>) {
    env.add_function("t", t);
    env.add_filter("number", number);
    env.add_filter("date", date);
    env.add_filter("label", |state: &State, labels: Value| {
        label(lang_of(state), &labels)
    });
    env.add_filter("named", named);
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
        .message_in(catalogue_of(state), id, Some(&fluent))
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
        .date_in(catalogue_of(state), day)
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
    lang_of(state)
        .word_in(catalogue_of(state), kind, &code)
        .unwrap_or_else(|e| {
            tracing::warn!(kind, code, error = %e, "no word for a code; shown as it is");
            code
        })
}

/// A name's label (a policy profile's `label` table, serialised) in `lang`, or in English
/// where the profile gives none in it.
fn label(lang: Lang, labels: &Value) -> String {
    let given = |code: &str| {
        labels
            .get_attr(code)
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_none())
            .map(|v| v.to_string())
    };
    given(lang.code())
        .or_else(|| given("en"))
        .unwrap_or_default()
}

/// `{{ code | named("pre_departure") }}`: the label of a name the case's policy profile
/// defines, from the page's `names` (see `names::names`); nothing for nothing, and the code
/// itself (logged) for a name the profile does not label.
fn named(state: &State, code: Value, list: Value) -> String {
    if code.is_undefined() || code.is_none() {
        return String::new();
    }
    let labels = state
        .lookup("names")
        .and_then(|names| names.get_item(&list).ok())
        .and_then(|names| names.get_item(&code).ok())
        .filter(|l| !l.is_undefined() && !l.is_none());
    match labels {
        Some(labels) => label(lang_of(state), &labels),
        None => {
            tracing::warn!(%list, %code, "a name without a label in the profile; shown as it is");
            code.to_string()
        }
    }
}

/// The codes of a kind of word (`country`, `language`) the pages have words for: the
/// reference list a form offers to choose from, so a choice always reads as a word.
pub(crate) fn codes(kind: &str) -> Vec<String> {
    static ENGLISH: LazyLock<std::collections::BTreeSet<String>> =
        LazyLock::new(|| message_ids(Catalogue::Staff, Lang::En));
    let prefix = format!("{kind}-");
    ENGLISH
        .iter()
        .filter_map(|id| id.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

/// A word as it sorts in a list: lower case, accents folded (`Égypte` among the E).
pub(crate) fn sort_key(word: &str) -> String {
    resettle_domain::names::fold(word)
}

/// Every message id of a language's file of `catalogue`: the codes a form offers, and
/// the tests that keep the languages in step.
pub(crate) fn message_ids(catalogue: Catalogue, lang: Lang) -> std::collections::BTreeSet<String> {
    let file = format!("locales/{}/{}", lang.code(), catalogue.file());
    let source = lang
        .source(catalogue)
        .unwrap_or_else(|| panic!("{file} is not in this build"));
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
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
        CareNeed, CaseState, Channel, News, NoticeState, Priority, PromiseKind, Relationship, Sex,
        Stage, SubmissionCategory,
    };
    use resettle_domain::reception::{PlaceKind, StayKind};
    use time::macros::date;

    use super::*;
    use crate::ui::{FAMILY_TEMPLATES, SHARED_TEMPLATES, TEMPLATE_SOURCES, TEMPLATES};

    #[test]
    fn every_language_has_the_same_messages() {
        for (catalogue, at_least) in [(Catalogue::Staff, 300), (Catalogue::Family, 60)] {
            let english = message_ids(catalogue, Lang::En);
            assert!(english.len() > at_least, "{} messages", english.len());
            for &lang in &catalogue.languages()[1..] {
                let other = message_ids(catalogue, lang);
                let missing: Vec<_> = english.difference(&other).collect();
                let extra: Vec<_> = other.difference(&english).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "locales/{}/{} lacks {missing:?} and has {extra:?} that en lacks",
                    lang.code(),
                    catalogue.file()
                );
            }
        }
    }

    /// Every code of `kind` has a word of its own in every staff language (not the code
    /// again).
    fn assert_worded(kind: &str, codes: impl IntoIterator<Item = String>) {
        assert_worded_in(Catalogue::Staff, kind, codes);
    }

    /// Every code of `kind` has a word of its own in every language of `catalogue`.
    fn assert_worded_in(catalogue: Catalogue, kind: &str, codes: impl IntoIterator<Item = String>) {
        for code in codes {
            for &lang in catalogue.languages() {
                let word = lang
                    .word_in(catalogue, kind, &code)
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
        assert_worded("news", codes(News::ALL));
        assert_worded("notice_state", codes(NoticeState::ALL));
        assert_worded("notice_channel", ["email".to_string(), "sms".to_string()]);
        assert_worded("role", codes(Role::ALL));
        assert_worded("field", CASE_FIELDS.iter().map(|(f, _)| f.to_string()));
        assert_worded("kind", codes(OrganisationKind::ALL));
        assert_worded("place", codes(PlaceKind::ALL));
        assert_worded("reasons", codes(resettle_domain::policy::ReasonList::ALL));
        assert_worded("stay", codes(StayKind::ALL));
        assert_worded(
            "decision",
            codes(resettle_domain::reception::PlacementVerdict::ALL),
        );
        assert_worded("action", codes(resettle_domain::audit::AuditAction::ALL));
        assert_worded("entity", codes(resettle_domain::audit::AuditEntity::ALL));
        assert_worded(
            "dependency",
            codes(resettle_domain::reunification::Dependency::ALL),
        );
        assert_worded(
            "evidence",
            codes(resettle_domain::reunification::Evidence::ALL),
        );
        {
            use resettle_domain::support::{
                ContactKind, GoalKind, ProblemKind, ProviderKind, Respondent,
            };
            assert_worded("task", codes(ProblemKind::ALL));
            assert_worded("goal", codes(GoalKind::ALL));
            assert_worded("contact_kind", codes(ContactKind::ALL));
            assert_worded("provider_kind", codes(ProviderKind::ALL));
            assert_worded("answered_by", codes(Respondent::ALL));
            assert_worded("feeling", (1..=5).map(|f: u8| f.to_string()));
        }
    }

    /// The administrator's status lines and the words of the shipped policy profiles'
    /// reception models exist in every language: the pages name them by code, so the scan
    /// of `t("…")` cannot find them. (Checks and reasons are labelled in the profiles.)
    #[test]
    fn the_administration_words_exist_in_every_language() {
        for lang in Lang::STAFF {
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

    /// The catalogues a template is rendered in: the family's templates in the
    /// family's, the shared partials in both, every other in the staff's.
    fn catalogues_of(template: &str) -> Vec<Catalogue> {
        if SHARED_TEMPLATES.contains(&template) {
            vec![Catalogue::Staff, Catalogue::Family]
        } else if FAMILY_TEMPLATES.contains(&template) {
            vec![Catalogue::Family]
        } else {
            vec![Catalogue::Staff]
        }
    }

    #[test]
    fn every_message_a_template_names_exists_in_every_language() {
        let mut named = 0;
        for (template, source) in TEMPLATE_SOURCES {
            for id in named_ids(source) {
                named += 1;
                for catalogue in catalogues_of(template) {
                    for &lang in catalogue.languages() {
                        assert!(
                            lang.bundle(catalogue).unwrap().has_message(id),
                            "{template} names {id:?}, missing from locales/{}/{}",
                            lang.code(),
                            catalogue.file()
                        );
                    }
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
    /// A work list with a line of each kind, as the support page shows it.
    fn support_work_list() -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(serde_json::json!({
            "families": [{ "case_number": "BE-26-00001", "provider": "Caritas", "arrived_on": "2025-11-01",
                "next_checkin": { "months": 12, "due_on": "2026-11-01", "overdue": true } }],
            "overdue": [{ "case_number": "BE-26-00001", "provider": "Caritas", "months": 12, "due_on": "2026-11-01" }],
            "tasks": [{ "id": 1, "case_number": "BE-26-00001", "kind": "child_not_in_school", "member_no": 3,
                "from_months": 6, "opened_on": "2026-05-01", "closed_on": null, "closed_note": null }],
        })))
    }

    /// A family's support with a goal, a task, a check-in and a contact of each state.
    fn support_view() -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(serde_json::json!({
            "case_number": "BE-26-00001",
            "plan": { "provider": "Caritas", "provider_kind": "ngo", "starts_on": "2025-11-15", "months": 18 },
            "ends_on": "2027-05-15",
            "goals": [
                { "kind": "own_housing", "member_no": null, "target_on": "2026-05-01", "reached_on": null },
                { "kind": "school_enrolment", "member_no": 3, "target_on": "2026-02-01", "reached_on": "2026-01-10" },
            ],
            "contacts": [{ "on": "2026-01-05", "kind": "visit", "note": "First visit" }],
            "checkins": [{ "months": 6, "answered_on": "2026-05-02", "answered_by": "staff",
                "housing": { "own_home": false, "own_kitchen": false, "own_shower": true, "rooms": 2 },
                "language_course": true, "schooling": [{ "member_no": 3, "in_school": false }],
                "work": [{ "member_no": 1, "working": true, "training": false, "matches_qualification": false }],
                "health": { "registered_with_doctor": true, "care_when_needed": false },
                "relatives_abroad": 1, "feeling": 3 }],
            "due": [{ "months": 12, "due_on": "2026-11-01", "overdue": true }],
            "tasks": [
                { "id": 1, "case_number": "BE-26-00001", "kind": "child_not_in_school", "member_no": 3,
                  "from_months": 6, "opened_on": "2026-05-02", "closed_on": null, "closed_note": null },
                { "id": 2, "case_number": "BE-26-00001", "kind": "no_own_housing", "member_no": null,
                  "from_months": 6, "opened_on": "2026-05-02", "closed_on": "2026-08-01", "closed_note": "Flat found" },
            ],
            "checkin_months": [3, 6, 12, 18],
        })))
    }

    #[test]
    fn every_template_renders_in_every_language() {
        let empty = || Vec::<u8>::new();
        for (template, _) in TEMPLATE_SOURCES {
            for catalogue in catalogues_of(template) {
                for &lang in catalogue.languages() {
                    let context = minijinja::context! {
                        lang => lang.code(),
                        dir => lang.dir(),
                        catalogue => catalogue.name(),
                        languages => empty(),
                        letter => minijinja::context! {
                            case_number => "BE-26-00001", code => "K7QM-2XHD-9RFT",
                            issued_on => "2026-11-23", address => "https://resettle.example/family",
                        },
                        staff_note => minijinja::context! { print => "Print", once => "Once" },
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
                            arriving_families => 0, page => 1,
                        },
                        due_home => minijinja::context! { families => empty(), total => 0 },
                        work => support_work_list(),
                        support => support_view(),
                        asked => minijinja::context! { months => 6, fallen_due => vec![3, 6], children => vec![(3, 9)], adults => vec![(1, 40)] },
                        today => "2026-11-23",
                        manage => true,
                        health => true,
                        e => minijinja::context! { stay => minijinja::context! {
                            from => "2026-11-01", kind => "centre", place => "C", persons => 4, days => 22,
                        } },
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
                        bounds => minijinja::context! { runs_min => 1, runs_max => 2000, target_min => 50, target_max => 99 },
                        status => 404,
                        detail => "case 1 not found",
                    };
                    let html = TEMPLATES
                        .get_template(template)
                        .and_then(|t| t.render(&context))
                        .unwrap_or_else(|e| panic!("{template} in {}: {e:#}", lang.code()));
                    // Fragments (the outcome htmx swaps in, partials named `_…`) have no frame;
                    // the family's pages say their direction too.
                    let frame = match catalogue {
                        Catalogue::Staff => format!("<html lang=\"{}\">", lang.code()),
                        Catalogue::Family => {
                            format!("<html lang=\"{}\" dir=\"{}\">", lang.code(), lang.dir())
                        }
                    };
                    if *template != "fair_share_outcome.html" && !template.starts_with('_') {
                        assert!(html.contains(&frame), "{template} in {}", lang.code());
                    }
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
        assert_eq!(Lang::Ar.number(8821.0, 0), "٨٬٨٢١");
        assert_eq!(Lang::Fa.number(45.0, 0), "۴۵");
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
        let staff = |lang: Lang, day| lang.date_in(Catalogue::Staff, day).unwrap();
        assert_eq!(staff(Lang::En, day), "23 November 2026");
        assert_eq!(staff(Lang::Nl, day), "23 november 2026");
        assert_eq!(staff(Lang::Fr, day), "23 novembre 2026");
        assert_eq!(staff(Lang::Fr, date!(2026 - 05 - 01)), "1er mai 2026");
        // The families read dates in their own digits and month names.
        let family = |lang: Lang| lang.date_in(Catalogue::Family, day).unwrap();
        assert_eq!(family(Lang::Ar), "٢٣ نوفمبر ٢٠٢٦");
        assert_eq!(family(Lang::Fa), "۲۳ نوامبر ۲۰۲۶");
        assert_eq!(family(Lang::Nl), "23 november 2026");
    }

    /// Every code the family's page words has a word of its own in every family language:
    /// the steps, what comes after each open one, and the step data it sees. (Reasons are
    /// the profile's labels, in the five languages: the policy's shipped tests.)
    #[test]
    fn every_code_on_the_family_page_has_a_word_in_every_family_language() {
        let family = Catalogue::Family;
        assert_worded_in(family, "state", codes(CaseState::ALL));
        assert_worded_in(
            family,
            "next",
            CaseState::ALL
                .iter()
                .filter(|s| !s.is_terminal() && **s != CaseState::Refused)
                .map(ToString::to_string),
        );
        assert_worded_in(
            family,
            "step_data",
            resettle_app::access::visibility::FAMILY_EVENT_KEYS
                .iter()
                .map(ToString::to_string),
        );
        // Nothing of the family's catalogue is worded twice: reasons come from the profile.
        assert!(codes_of(family, "reason").is_empty() && codes_of(family, "slip").is_empty());
    }

    /// The codes of `kind` a catalogue has words for, in English.
    fn codes_of(catalogue: Catalogue, kind: &str) -> Vec<String> {
        let prefix = format!("{kind}-");
        message_ids(catalogue, Lang::En)
            .iter()
            .filter_map(|id| id.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }
}
