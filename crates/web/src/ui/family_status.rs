//! `/family`: a family's status page, in its language, opened with the case number and the
//! access code of its letter. A plain form and a redirect, so it works with JavaScript
//! off; the session cookie opens that one case for half an hour. Every refusal is a page
//! in the family's language (never an error document), and says the same whatever went
//! wrong: a wrong code, a case that does not exist, a code replaced by a new one.
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::family::{FamilyStatus, StepEstimate};
use resettle_app::support::{CheckInAnswers, FamilyCheckIn, FamilyCheckInForm};
use resettle_app::{App, AppError};
use resettle_domain::support::HealthAccess;
use serde::{Deserialize, Serialize};

use super::i18n::{Catalogue, Lang};
use super::render_family;
use crate::ApiError;
use crate::extract::ApiQuery;
use crate::session::{ClientAddr, clear_family_cookie, family_cookie, set_family_cookie};

/// The sign-in form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SignInForm {
    case_number: String,
    code: String,
}

/// `?signed_out=true` after the family signed out, so the page says so.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct After {
    signed_out: bool,
    answered: bool,
}

/// What the sign-in form says above itself.
enum Said<'a> {
    /// Nothing: a first visit.
    Nothing,
    /// A line of the family's catalogue, as a status (signed out, session ended).
    Status(&'static str),
    /// The refusal of a sign-in, with what was typed as the case number.
    Refused(&'a str),
    /// Too many wrong codes: wait this many seconds.
    TooMany(&'a str, u64),
}

/// `GET /family`: the status page of the family signed in, or the sign-in form.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
    ApiQuery(after): ApiQuery<After>,
) -> Response {
    let Some(cookie) = family_cookie(&headers) else {
        let said = if after.signed_out {
            Said::Status("family-signed-out")
        } else {
            Said::Nothing
        };
        return sign_in_form(lang, said);
    };
    let family = match app.family_session(&cookie, &source).await {
        Ok(f) => f,
        Err(AppError::Unauthorized(_)) => {
            let mut r = sign_in_form(lang, Said::Status("family-session-ended"));
            r.headers_mut()
                .insert(header::SET_COOKIE, clear_family_cookie());
            return r;
        }
        Err(e) => return trouble(lang, e),
    };
    let said = if after.answered {
        Some("family-checkin-thanks")
    } else {
        None
    };
    family_page(lang, &app, &family, said, None).await
}

/// A refused check-in as the family reads it: the line of its catalogue that says what to
/// mend, and the input it is about (marked on the form), when the refusal names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct CheckInRefused {
    line: &'static str,
    input: Option<&'static str>,
}

/// The answers a family types itself, as a refusal names them, with the input and the line
/// that asks for it again; the rest of the check-in is built from the form's own choices.
const CHECKIN_FIELDS: &[(&str, &str, &str)] = &[
    ("housing.rooms", "rooms", "family-checkin-refused-rooms"),
    (
        "relatives_abroad",
        "relatives_abroad",
        "family-checkin-refused-relatives",
    ),
    ("feeling", "feeling", "family-checkin-refused-feeling"),
];

impl CheckInRefused {
    /// The refusal of the answers in the family's words: without its consent (which the
    /// use case asks first) that it was not given; a typed refusal of an answer the family
    /// typed by that answer; anything else as answers to check.
    fn of(error: &AppError, consent: bool) -> CheckInRefused {
        if !consent {
            return CheckInRefused {
                line: "family-checkin-no-consent",
                input: Some("consent"),
            };
        }
        let answer = match error {
            AppError::Refused(r) => CHECKIN_FIELDS.iter().find(|(f, _, _)| *f == r.field),
            _ => None,
        };
        match answer {
            Some((_, input, line)) => CheckInRefused {
                line,
                input: Some(input),
            },
            None => CheckInRefused {
                line: "family-checkin-refused",
                input: None,
            },
        }
    }
}

/// The family's status page with the check-in it may answer; `said` a line of thanks,
/// `refused` the refusal of its answers, both in its language.
async fn family_page(
    lang: Lang,
    app: &App,
    family: &resettle_app::family::FamilySession,
    said: Option<&'static str>,
    refused: Option<CheckInRefused>,
) -> Response {
    let status = match app.family_status(family).await {
        Ok(status) => status,
        Err(e) => return trouble(lang, e),
    };
    let checkin = match app.family_checkin_form(family).await {
        Ok(form) => form,
        Err(e) => return trouble(lang, e),
    };
    status_page(lang, &status, checkin.as_ref(), said, refused)
}

/// `POST /family/checkin`: the family's answers to its check-in. Checkboxes arrive as
/// `name=on` when ticked; `school_N`, `work_N` and `match_N` name member N. Refused
/// answers give the page back with a line in the family's language, with 422.
pub(crate) async fn checkin(
    lang: Lang,
    State(app): State<App>,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(cookie) = family_cookie(&headers) else {
        return sign_in_form(lang, Said::Status("family-session-ended"));
    };
    let family = match app.family_session(&cookie, &source).await {
        Ok(f) => f,
        Err(AppError::Unauthorized(_)) => {
            return sign_in_form(lang, Said::Status("family-session-ended"));
        }
        Err(e) => return trouble(lang, e),
    };
    let form = match app.family_checkin_form(&family).await {
        Ok(Some(form)) => form,
        Ok(None) => return Redirect::to("/family").into_response(),
        Err(e) => return trouble(lang, e),
    };
    let on = |name: &str| fields.iter().any(|(k, v)| k == name && v == "on");
    let number = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.trim().parse::<u32>().ok())
    };
    let answers = CheckInAnswers {
        months: form.months,
        answered_on: None,
        own_home: on("own_home"),
        own_kitchen: on("own_kitchen"),
        own_shower: on("own_shower"),
        rooms: number("rooms").unwrap_or(0),
        language_course: on("language_course"),
        schooling: super::support::schooling(&form, &on),
        work: super::support::work(&form, &on, super::support::Training::NotAsked),
        health: (!on("health_skip")).then(|| HealthAccess {
            registered_with_doctor: on("doctor"),
            care_when_needed: on("care"),
        }),
        relatives_abroad: number("relatives_abroad").unwrap_or(0),
        feeling: number("feeling")
            .and_then(|f| u8::try_from(f).ok())
            .unwrap_or(0),
    };
    let req = FamilyCheckIn {
        consent: on("consent"),
        answers,
    };
    match app.family_checkin(&family, &req).await {
        Ok(()) => Redirect::to("/family?answered=true").into_response(),
        Err(e @ AppError::Refused(_)) => {
            let refused = CheckInRefused::of(&e, req.consent);
            let page = family_page(lang, &app, &family, None, Some(refused)).await;
            (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
        }
        Err(e) => trouble(lang, e),
    }
}

/// `POST /family`: signs the family in and sends it to its page; a refusal gives the form
/// back with the case number as typed (never the code), with 401, or with 429 and
/// `Retry-After` once too many wrong codes were tried.
pub(crate) async fn sign_in(
    lang: Lang,
    State(app): State<App>,
    ClientAddr(source): ClientAddr,
    Form(form): Form<SignInForm>,
) -> Response {
    match app
        .family_sign_in(&form.case_number, &form.code, &source)
        .await
    {
        Ok((cookie, _)) => {
            let mut r = Redirect::to("/family").into_response();
            r.headers_mut()
                .insert(header::SET_COOKIE, set_family_cookie(&cookie));
            r
        }
        Err(e @ AppError::Unauthorized(_)) => {
            ApiError::from(e).status_of(sign_in_form(lang, Said::Refused(&form.case_number)))
        }
        Err(AppError::TooManyRequests {
            detail,
            retry_after,
        }) => {
            let page = sign_in_form(lang, Said::TooMany(&form.case_number, retry_after));
            ApiError::from(AppError::TooManyRequests {
                detail,
                retry_after,
            })
            .status_of(page)
        }
        Err(e) => trouble(lang, e),
    }
}

/// `POST /family/sign-out`: ends the family's session and clears its cookie.
pub(crate) async fn sign_out(
    State(app): State<App>,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
) -> Response {
    if let Some(cookie) = family_cookie(&headers)
        && let Ok(family) = app.family_session(&cookie, &source).await
        && let Err(e) = app.family_sign_out(&cookie, &family).await
    {
        tracing::warn!(error = %e, "a family session could not be ended");
    }
    let mut r = Redirect::to("/family?signed_out=true").into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, clear_family_cookie());
    r
}

fn sign_in_form(lang: Lang, said: Said) -> Response {
    let (error, notice, typed, minutes) = match said {
        Said::Nothing => (None, None, "", 0),
        Said::Status(id) => (None, Some(id), "", 0),
        Said::Refused(typed) => (Some("family-refused"), None, typed, 0),
        Said::TooMany(typed, seconds) => {
            (Some("family-too-many"), None, typed, seconds.div_ceil(60))
        }
    };
    render_family(
        "family.html",
        lang,
        true,
        context! {
            error,
            notice,
            typed_case => typed.trim(),
            retry_minutes => minutes,
        },
    )
}

/// A time to wait in the family's words: days up to two months, then months.
fn duration(lang: Lang, days: u32) -> String {
    let (id, n) = if days < 60 {
        ("duration-days", days)
    } else {
        ("duration-months", (f64::from(days) / 30.44).round() as u32)
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("n", n);
    lang.message_in(Catalogue::Family, id, Some(&args))
        .unwrap_or_else(|e| e)
}

fn status_page(
    lang: Lang,
    status: &FamilyStatus,
    checkin: Option<&FamilyCheckInForm>,
    said: Option<&'static str>,
    refused: Option<CheckInRefused>,
) -> Response {
    let estimate = status.estimate.as_ref().map(|e| match e {
        StepEstimate::Range {
            median_days,
            p90_days,
            ..
        } => context! {
            low => duration(lang, (*median_days).max(1)),
            high => p90_days.map(|d| duration(lang, d.max(1))),
        },
        _ => context! {},
    });
    let texts = status.policy.family();
    let before_travel = !status.arrived && !status.ended;
    render_family(
        "family.html",
        lang,
        true,
        context! {
            family => Value::from(Serde(status)),
            events => Value::from(Serde(super::names::timeline(&status.history))),
            names => super::names::names(&status.policy),
            durations => estimate,
            advice => texts.filter(|_| before_travel).map(|t| t.advice.get(lang.code())),
            contact => texts.map(|t| t.contact.get(lang.code())),
            checkin => checkin.map(|c| Value::from(Serde(c))),
            notice => said,
            checkin_error => refused.map(|r| r.line),
            checkin_field => refused.and_then(|r| r.input),
        },
    )
}

/// Something the family cannot mend (the database failed): a short page in its language,
/// the fault logged for staff.
fn trouble(lang: Lang, e: AppError) -> Response {
    let error = ApiError::from(e);
    tracing::error!(status = %error.status(), detail = error.detail(), "family page failed");
    let page = render_family(
        "family.html",
        lang,
        true,
        context! { error => "family-error", retry_minutes => 0 },
    );
    if error.status().is_server_error() {
        // Its status, and a busy server's Retry-After.
        error.status_of(page)
    } else {
        (StatusCode::INTERNAL_SERVER_ERROR, page).into_response()
    }
}

#[cfg(test)]
mod tests {
    use resettle_domain::{Refusal, RefusalKind};

    use super::*;

    /// A refused answer the family typed is named, in every language of the family's
    /// page; without consent, consent is what is asked for; anything else is answers to
    /// check.
    #[test]
    fn a_refused_check_in_names_the_answer_to_mend_in_every_language() {
        let rooms = AppError::from(Refusal::of(
            "housing.rooms",
            RefusalKind::OutOfRange {
                min: "1".into(),
                max: "20".into(),
                got: "0".into(),
            },
        ));
        assert_eq!(
            CheckInRefused::of(&rooms, true),
            CheckInRefused {
                line: "family-checkin-refused-rooms",
                input: Some("rooms"),
            }
        );
        assert_eq!(
            CheckInRefused::of(&rooms, false).line,
            "family-checkin-no-consent"
        );
        let other = AppError::from(Refusal::of("schooling", RefusalKind::Missing));
        assert_eq!(
            CheckInRefused::of(&other, true),
            CheckInRefused {
                line: "family-checkin-refused",
                input: None,
            }
        );
        for lang in Lang::FAMILY {
            for (_, _, line) in CHECKIN_FIELDS {
                assert!(
                    lang.message_in(Catalogue::Family, line, None).is_ok(),
                    "{} {line}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn waits_read_as_days_then_months_in_every_language() {
        assert_eq!(duration(Lang::En, 1), "1 day");
        assert_eq!(duration(Lang::En, 45), "45 days");
        assert_eq!(duration(Lang::En, 100), "3 months");
        assert_eq!(duration(Lang::Nl, 100), "3 maanden");
        assert_eq!(duration(Lang::Fr, 100), "3 mois");
        assert_eq!(duration(Lang::Ar, 2), "يومين");
        assert_eq!(duration(Lang::Ar, 45), "٤٥ يومًا");
        assert_eq!(duration(Lang::Ar, 100), "٣ أشهر");
        assert_eq!(duration(Lang::Fa, 45), "۴۵ روز");
    }
}
