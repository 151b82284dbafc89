//! The languages documents are written in, and their words: the Fluent files of
//! `locales/<lang>/`, compiled in.
//!
//! A family's own export is written in Arabic, Persian, French, English or Dutch
//! (`documents.ftl`); the report to Parliament in Dutch, French or English (`report.ftl`).
//! The words for the domain's codes (states, countries, categories) are the staff pages'
//! (`staff.ftl`) in English, Dutch and French; Arabic and Persian, which have no staff
//! pages, carry their own in `documents.ftl`.
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use num_format::ToFormattedString;
use time::Date;

/// A language a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocLang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
    /// French.
    Fr,
    /// Arabic, right to left.
    Ar,
    /// Persian, right to left.
    Fa,
}

impl DocLang {
    /// Every language a family's export is written in.
    pub const ALL: [DocLang; 5] = [
        DocLang::En,
        DocLang::Nl,
        DocLang::Fr,
        DocLang::Ar,
        DocLang::Fa,
    ];

    /// The languages of the report to Parliament (Belgium's and the Netherlands' official
    /// languages, and English).
    pub const REPORT: [DocLang; 3] = [DocLang::Nl, DocLang::Fr, DocLang::En];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            DocLang::En => "en",
            DocLang::Nl => "nl",
            DocLang::Fr => "fr",
            DocLang::Ar => "ar",
            DocLang::Fa => "fa",
        }
    }

    /// The language of an ISO 639-1 code, if documents are written in it.
    pub fn parse(code: &str) -> Option<DocLang> {
        DocLang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// Whether the script runs right to left.
    pub fn rtl(self) -> bool {
        matches!(self, DocLang::Ar | DocLang::Fa)
    }

    /// Whether the report to Parliament is written in this language.
    pub fn writes_reports(self) -> bool {
        DocLang::REPORT.contains(&self)
    }

    fn bundle(self) -> &'static Bundle {
        &BUNDLES[self as usize]
    }

    /// The message `id` with `args`, or why it cannot be given (missing in this language, a
    /// variable not given): the tests ask for every message in every language.
    pub fn try_message(self, id: &str, args: &[(&str, &str)]) -> Result<String, String> {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, *value);
        }
        self.format(id, &fluent)
    }

    /// The message `id` with Fluent's own arguments (numbers that choose a variant).
    fn format(self, id: &str, args: &FluentArgs) -> Result<String, String> {
        let bundle = self.bundle();
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("no message {id:?} in locales/{}", self.code()))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!(
                "message {id:?} in locales/{}: {errors:?}",
                self.code()
            ))
        }
    }

    /// The message `id` with `args`; a missing one is logged and shown as its id, so a
    /// document is never refused for a word (the tests make sure none is missing).
    pub fn t(self, id: &str, args: &[(&str, &str)]) -> String {
        self.try_message(id, args).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "document message missing");
            id.to_string()
        })
    }

    /// The word for the domain code `code` of `kind` (`country`, `state`, …), or the code
    /// itself where there is none (a country added later): shown, and logged.
    pub fn word(self, kind: &str, code: &str) -> String {
        let id = format!("{kind}-{code}");
        self.try_message(&id, &[]).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "document word missing");
            code.to_string()
        })
    }

    /// `n` with the language's digit grouping and decimal mark, `decimals` after it.
    pub fn number(self, n: f64, decimals: usize) -> String {
        let locale = match self {
            DocLang::En | DocLang::Ar | DocLang::Fa => num_format::Locale::en,
            DocLang::Nl => num_format::Locale::nl,
            DocLang::Fr => num_format::Locale::fr,
        };
        let digits = format!("{:.*}", decimals, n.abs());
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        let mut text = String::new();
        if n < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            text.push('-');
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

    /// A whole count, grouped.
    pub fn count(self, n: u64) -> String {
        self.number(n as f64, 0)
    }

    /// A day written out, by the message `date` (each language orders and names the parts).
    pub fn date(self, day: Date) -> String {
        let mut args = FluentArgs::new();
        args.set("day", day.day().to_string());
        // A number: it chooses the month's name among the variants.
        args.set("month", u8::from(day.month()));
        // A string: the year is a name, not a quantity to group as 2,026.
        args.set("year", day.year().to_string());
        self.format("date", &args).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "document message missing");
            day.to_string()
        })
    }

    /// An amount of euro cents as the language writes money (`€ 1.000.000,00`).
    pub fn euros(self, cents: i64) -> String {
        let amount = self.number(cents as f64 / 100.0, 2);
        self.t("money-euros", &[("amount", &amount)])
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The message files of a language, in the order they are added.
fn sources(lang: DocLang) -> Vec<(&'static str, &'static str)> {
    macro_rules! file {
        ($lang:literal, $name:literal) => {
            (
                concat!("locales/", $lang, "/", $name),
                include_str!(concat!("../../../locales/", $lang, "/", $name)),
            )
        };
    }
    match lang {
        DocLang::En => vec![
            file!("en", "staff.ftl"),
            file!("en", "documents.ftl"),
            file!("en", "report.ftl"),
        ],
        DocLang::Nl => vec![
            file!("nl", "staff.ftl"),
            file!("nl", "documents.ftl"),
            file!("nl", "report.ftl"),
        ],
        DocLang::Fr => vec![
            file!("fr", "staff.ftl"),
            file!("fr", "documents.ftl"),
            file!("fr", "report.ftl"),
        ],
        DocLang::Ar => vec![file!("ar", "documents.ftl")],
        DocLang::Fa => vec![file!("fa", "documents.ftl")],
    }
}

/// One bundle per language, in the order of [`DocLang::ALL`]. A file that does not parse,
/// or a message defined twice, stops at the first document rather than print half a
/// language.
static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    DocLang::ALL
        .into_iter()
        .map(|lang| {
            let id = lang.code().parse().expect("an ISO 639-1 code");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No invisible isolation marks: they would land in the PDF's text and in
            // copied case numbers; the typesetter orders mixed scripts itself.
            bundle.set_use_isolating(false);
            for (file, source) in sources(lang) {
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("{file}: {errors:?}"));
            }
            bundle
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn every_language_loads_and_writes_a_date() {
        assert_eq!(DocLang::En.date(date!(2026 - 11 - 23)), "23 November 2026");
        assert_eq!(DocLang::Nl.date(date!(2026 - 11 - 23)), "23 november 2026");
        assert_eq!(DocLang::Fr.date(date!(2026 - 11 - 23)), "23 novembre 2026");
        assert!(DocLang::Ar.date(date!(2026 - 11 - 23)).contains("نوفمبر"));
        assert!(DocLang::Fa.date(date!(2026 - 11 - 23)).contains("نوامبر"));
    }

    #[test]
    fn numbers_group_as_each_language_writes_them() {
        assert_eq!(DocLang::En.count(1_234_567), "1,234,567");
        assert_eq!(DocLang::Nl.count(1_234_567), "1.234.567");
        assert_eq!(DocLang::Nl.euros(100_000_000), "€ 1.000.000,00");
    }
}
