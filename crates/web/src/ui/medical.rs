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
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, AppError, Session};
use resettle_domain::case::{
    CONDITION_MAX_CHARS, CareNeed, MedicalEntry, MedicalRecord, fit_to_travel_word,
    parse_fit_to_travel,
};
use resettle_domain::{Refusal, RefusalKind, typed_word};
use serde::Serialize;

use super::refusals::{FormFields, Worded, refusal};
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

/// Where the form's fields are, for a refusal to name them.
const FIELDS: FormFields = &[
    ("condition", "condition", "medical-condition"),
    ("care_needs", "care_needs", "medical-care-needs"),
    ("fit_to_travel", "fit_to_travel", "medical-fit-to-travel"),
];

/// A member number from the path, or the refusal naming it.
fn member_number(s: &str) -> Result<u32, AppError> {
    s.parse().map_err(|_| {
        Refusal::of(
            "member_no",
            RefusalKind::NotANumber {
                given: s.to_string(),
            },
        )
        .into()
    })
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
    let entry = || -> Result<MedicalEntry, Refusal> {
        Ok(MedicalEntry {
            condition: typed.condition.clone(),
            care_needs: typed
                .care_needs
                .iter()
                .map(|n| typed_word("care_needs", n))
                .collect::<Result<_, _>>()?,
            consent_to_share: typed.consent_to_share,
            fit_to_travel: parse_fit_to_travel(&typed.fit_to_travel)?,
        })
    };
    let written = match entry() {
        Ok(entry) => {
            app.write_medical_record(&session.caller, &number, member_no, &entry)
                .await
        }
        Err(e) => Err(e.into()),
    };
    match written {
        Ok(_) => Redirect::to(&format!("/cases/{number}?saved={member_no}#medical-record"))
            .into_response(),
        // A refusal of what was typed shows the form again; anything else (not allowed, no
        // such case) is an error page.
        Err(AppError::Refused(r)) if r.kind.status() == 422 => {
            let refused = refusal(lang, &r, FIELDS, None);
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
        Err(e) => failed(lang, Some(&session), e),
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
    refused: Option<Worded>,
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
                "member {member_no} is not in the family of case {number}"
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
