//! The words of a notice, in the family's language (`locales/<lang>/notice.ftl`): that
//! there is news in the case, its number, and the address of the family's page. Nothing
//! else goes in, so a notice read by someone else tells them nothing about the family.
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The languages notices are written in, with their message files: the staff's three and
/// the first languages of most resettled families. A family speaking none of them gets
/// English.
const LANGUAGES: &[(&str, &str)] = &[
    ("en", include_str!("../../../../locales/en/notice.ftl")),
    ("fr", include_str!("../../../../locales/fr/notice.ftl")),
    ("nl", include_str!("../../../../locales/nl/notice.ftl")),
    ("ar", include_str!("../../../../locales/ar/notice.ftl")),
    ("fa", include_str!("../../../../locales/fa/notice.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(&'static str, Bundle)>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(code, source)| {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, e)| panic!("locales/{code}/notice.ftl: {e:?}"));
            let mut bundle = Bundle::new_concurrent(vec![
                code.parse()
                    .expect("an ISO 639-1 code is a language identifier"),
            ]);
            // No invisible isolation marks around the number and the link: a phone
            // would make them part of the address.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("locales/{code}/notice.ftl: {e:?}"));
            (*code, bundle)
        })
        .collect()
});

/// The language to write to a family in: the first of the principal applicant's languages
/// that notices are written in, else English.
pub(crate) fn language_for(languages: &[String]) -> &'static str {
    languages
        .iter()
        .find_map(|l| {
            LANGUAGES
                .iter()
                .find(|(code, _)| code == l)
                .map(|(c, _)| *c)
        })
        .unwrap_or("en")
}

/// A notice's words: the subject and body of an e-mail, and the text of an SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wording {
    pub(crate) subject: String,
    pub(crate) body: String,
    pub(crate) sms: String,
}

fn message(lang: &str, id: &str, args: &FluentArgs) -> String {
    let (_, bundle) = BUNDLES
        .iter()
        .find(|(code, _)| *code == lang)
        .unwrap_or(&BUNDLES[0]);
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("no message {id} in locales/{lang}/notice.ftl"));
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned()
}

/// The notice of case `case` whose family page is at `link`, in `lang` and, when that is
/// not English, in English after it (a phone shared in the family, an officer helping).
pub(crate) fn compose(lang: &str, case: &str, link: &str) -> Wording {
    let mut args = FluentArgs::new();
    args.set("case", case.to_string());
    args.set("link", link.to_string());
    let both = |id: &str, between: &str| {
        let own = message(lang, id, &args);
        if lang == "en" {
            own
        } else {
            format!("{own}{between}{}", message("en", id, &args))
        }
    };
    Wording {
        subject: message(lang, "notice-subject", &args),
        body: both("notice-body", "\n\n"),
        sms: both("notice-sms", "\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_every_message_with_the_number_and_the_link() {
        for (lang, _) in LANGUAGES {
            let w = compose(lang, "BEL-26C00042", "https://resettle.example/family");
            for text in [&w.subject, &w.body, &w.sms] {
                assert!(text.contains("BEL-26C00042"), "{lang}: {text}");
                assert!(
                    !text.contains('\u{2068}'),
                    "{lang}: isolation marks in {text}"
                );
            }
            for text in [&w.body, &w.sms] {
                assert!(
                    text.contains("https://resettle.example/family"),
                    "{lang}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_family_gets_its_own_language_or_english() {
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(language_for(&langs(&["ku", "ar", "en"])), "ar");
        assert_eq!(language_for(&langs(&["ti"])), "en");
        assert_eq!(language_for(&[]), "en");
        let w = compose("ar", "X-1", "https://h/family");
        assert!(
            w.body.contains("There is news"),
            "English follows: {}",
            w.body
        );
        assert!(!compose("en", "X-1", "l").body.contains("\n\nThere"));
    }
}
