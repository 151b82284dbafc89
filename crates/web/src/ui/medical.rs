//! The medical officer's page of one family member: the medical record as a form
//! (condition, care needs, consent to share, fit to travel). A save answers with the case
//! page, its status line and the record as stored; a refused save shows the form again
//! with what was typed and the reason in the reader's language.
//!
//! The handlers only read the form and choose the answer: who may read and write the
//! record, what a valid one is and the audit entries are the app layer's.
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::cases::MedicalWriteError;
use resettle_app::{App, AppError, Session};
use resettle_domain::case::{
    CONDITION_MAX_CHARS, CareNeed, MedicalEntry, MedicalRecord, MedicalRefusal, fit_to_travel_word,
    parse_fit_to_travel,
};
use serde::Serialize;

use super::{Fields, Lang, failed, render, user_context};
use crate::session::{SignedIn, check_csrf};

/// The form as the page shows it: the record as stored, or what was typed.
#[derive(Debug, Default, Serialize)]
struct Typed {
    condition: String,
    care_needs: Vec<String>,
    consent_to_share: bool,
    /// `yes`, `no` or `unknown`, as the choice posts it.
    fit_to_travel: String,
}

impl From<&MedicalRecord> for Typed {
    fn from(r: &MedicalRecord) -> Self {
        Typed {
            condition: r.condition.clone(),
            care_needs: r
                .care_needs
                .iter()
                .map(|n| n.as_str().to_string())
                .collect(),
            consent_to_share: r.consent_to_share,
            fit_to_travel: fit_to_travel_word(r.fit_to_travel).into(),
        }
    }
}

impl Typed {
    fn posted(fields: &Fields) -> Typed {
        Typed {
            condition: fields.one("condition").to_string(),
            care_needs: fields.all("care_needs").map(str::to_string).collect(),
            consent_to_share: fields.one("consent_to_share") == "yes",
            fit_to_travel: fields.one("fit_to_travel").to_string(),
        }
    }
}

/// A refusal in the reader's language, and the field it is about (marked invalid).
#[derive(Debug, Serialize)]
struct Refused {
    field: &'static str,
    reason: String,
}

/// The reason of a refusal in `lang`: each refusal the domain gives has its message, so
/// the page never shows the English the API answers with.
fn reason(lang: Lang, refusal: &MedicalRefusal) -> Result<String, String> {
    let mut args = FluentArgs::new();
    let id = match refusal {
        MedicalRefusal::NotInFamily { member_no } => {
            args.set("member", *member_no);
            "medical-refused-not-in-family"
        }
        MedicalRefusal::ConditionEmpty => "medical-refused-condition-empty",
        MedicalRefusal::ConditionTooLong { chars } => {
            args.set("chars", *chars);
            args.set("max", CONDITION_MAX_CHARS);
            "medical-refused-condition-too-long"
        }
        MedicalRefusal::UnknownCareNeed { given } => {
            args.set("given", given.clone());
            "medical-refused-unknown-care-need"
        }
    };
    lang.message(id, Some(&args))
}

/// A member number from the path, or the refusal naming it.
fn member_number(s: &str) -> Result<u32, AppError> {
    s.parse()
        .map_err(|_| AppError::Invalid(format!("member_no: {s:?} is not a member number")))
}

/// `GET /cases/{number}/medical/{member_no}`: the member's record as a form, for medical
/// officers (anyone else is refused by the app, and the refusal audited).
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, member)): Path<(String, String)>,
) -> Response {
    let member_no = match member_number(&member) {
        Ok(m) => m,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let records = match app.medical_records(&session.caller, &number).await {
        Ok(r) => r,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let typed = records
        .iter()
        .find(|r| r.member_no == member_no)
        .map(Typed::from)
        .unwrap_or_else(|| Typed {
            fit_to_travel: fit_to_travel_word(None).into(),
            ..Typed::default()
        });
    form_page(&app, lang, &session, &number, member_no, &typed, None).await
}

/// `POST /cases/{number}/medical/{member_no}`: saves the record; a refused one changes
/// nothing and the form says why.
pub(crate) async fn save(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, member)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let member_no = match member_number(&member) {
        Ok(m) => m,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let typed = Typed::posted(&fields);
    // The page offers the three choices; anything else was not sent by it.
    let fit_to_travel = match parse_fit_to_travel(&typed.fit_to_travel) {
        Ok(f) => f,
        Err(e) => return failed(lang, Some(&session), AppError::Invalid(e.to_string())),
    };
    let entry = MedicalEntry {
        condition: typed.condition.clone(),
        care_needs: typed.care_needs.clone(),
        consent_to_share: typed.consent_to_share,
        fit_to_travel,
    };
    match app
        .write_medical_record(&session.caller, &number, member_no, &entry)
        .await
    {
        Ok(_) => Redirect::to(&format!("/cases/{number}?saved={member_no}#medical-record"))
            .into_response(),
        Err(MedicalWriteError::Refused(r)) => {
            let refused = Refused {
                field: r.field(),
                reason: reason(lang, &r).unwrap_or_else(|e| {
                    tracing::error!(error = %e, "a refusal without its message");
                    r.to_string()
                }),
            };
            let mut page = form_page(
                &app,
                lang,
                &session,
                &number,
                member_no,
                &typed,
                Some(refused),
            )
            .await;
            if page.status().is_success() {
                *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            }
            page
        }
        Err(MedicalWriteError::App(e)) => failed(lang, Some(&session), e),
    }
}

/// The page of the form, with the member it is about as the caller's role sees them.
async fn form_page(
    app: &App,
    lang: Lang,
    session: &Session,
    number: &str,
    member_no: u32,
    typed: &Typed,
    refused: Option<Refused>,
) -> Response {
    let case = match app.case(&session.caller, number).await {
        Ok(c) => c,
        Err(e) => return failed(lang, Some(session), e),
    };
    let Some(member) = case["members"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["member_no"] == member_no))
        .cloned()
    else {
        return failed(
            lang,
            Some(session),
            AppError::NotFound(format!(
                "member_no: {member_no} is not in the family of case {number}"
            )),
        );
    };
    render(
        "case_medical.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            case_number => number,
            member => Value::from(Serde(&member)),
            typed => Value::from(Serde(typed)),
            refused => refused.map(|r| Value::from(Serde(&r))),
            care_needs => CareNeed::ALL.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
            max_chars => CONDITION_MAX_CHARS,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_its_reason_in_every_language() {
        let refusals = [
            MedicalRefusal::NotInFamily { member_no: 7 },
            MedicalRefusal::ConditionEmpty,
            MedicalRefusal::ConditionTooLong { chars: 2345 },
            MedicalRefusal::UnknownCareNeed {
                given: "massage".into(),
            },
        ];
        for lang in Lang::STAFF {
            for r in &refusals {
                let text = reason(lang, r).unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.contains('_'), "{}: {text}", lang.code());
            }
        }
        assert_eq!(
            reason(Lang::Nl, &refusals[2]).unwrap(),
            "de aandoening telt 2.345 tekens; er passen er hoogstens 2.000."
        );
    }
}
