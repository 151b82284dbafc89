//! Case pages: the list of cases the user may know exist, and one case as their role sees
//! it (with the medical record for medical officers and the subject-access export for case
//! officers).
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::access::visibility::CASE_FIELDS;
use resettle_app::cases::CaseQuery;
use resettle_app::{App, AppError, Permission};

use super::{render, user_context};
use crate::ApiError;
use crate::session::SignedIn;

/// `GET /cases`: the cases in the user's scope, filtered and paged.
pub(crate) async fn list(
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(q): Query<CaseQuery>,
) -> Response {
    let user = user_context(Some(&session));
    if !session.caller.may(Permission::ReadCases) {
        return render("cases.html", context! { user, no_access => true });
    }
    match app.list_cases(&session.caller, &q).await {
        Ok(list) => render(
            "cases.html",
            context! { user, list => Value::from(Serde(&list)), q => q.q.clone().unwrap_or_default(), state => q.state.clone().unwrap_or_default() },
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// `GET /cases/{number}`: the case as the user's role sees it.
pub(crate) async fn show(
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
) -> Response {
    let caller = &session.caller;
    let case = match app.case(caller, &number).await {
        Ok(c) => c,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let medical = if caller.may(Permission::ReadMedical) {
        match app.medical_records(caller, &number).await {
            Ok(m) => Some(m),
            Err(e) => return ApiError::from(e).into_response(),
        }
    } else {
        None
    };
    // In the order of the fields table, without empty values.
    let scalars: Vec<(String, String)> = CASE_FIELDS
        .iter()
        .filter_map(|(field, _)| {
            let v = case.get(field)?;
            (!v.is_null() && !v.is_array() && !v.is_object()).then(|| {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                (field.replace('_', " "), text)
            })
        })
        .collect();
    let member_columns: Vec<&str> = CASE_FIELDS
        .iter()
        .filter_map(|(f, _)| f.strip_prefix("members."))
        .filter(|f| case["members"][0].get(f).is_some())
        .collect();
    let placement = placement_context(&app, caller, &number).await;
    render(
        "case.html",
        context! {
            user => user_context(Some(&session)),
            csrf => session.csrf_token.clone(),
            case => Value::from(Serde(&case)),
            scalars => scalars,
            member_columns => member_columns,
            medical => Value::from(Serde(&medical)),
            may_export => caller.may(Permission::ExportSubject),
            placement => placement,
        },
    )
}

/// The open placement proposal of the case, for reception officers.
async fn placement_context(app: &App, caller: &resettle_app::Caller, number: &str) -> Value {
    if !caller.may(Permission::Place) {
        return Value::from(());
    }
    match app.proposal(caller, number).await {
        Ok(p) => Value::from(Serde(&p)),
        Err(_) => Value::from(()),
    }
}

/// `GET /cases/{number}/export.json` and `.pdf`: the subject-access export.
pub(crate) async fn export(
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, format)): Path<(String, String)>,
) -> Response {
    let pdf = match format.as_str() {
        "pdf" => true,
        "json" => false,
        other => {
            return ApiError::from(AppError::Invalid(format!(
                "format: {other:?} is not json or pdf"
            )))
            .into_response();
        }
    };
    match app.subject_export(&session.caller, &number).await {
        Ok(x) => {
            let disposition = format!("attachment; filename=\"{number}.{format}\"");
            if pdf {
                (
                    [
                        (header::CONTENT_TYPE, "application/pdf".to_string()),
                        (header::CONTENT_DISPOSITION, disposition),
                    ],
                    x.to_pdf(),
                )
                    .into_response()
            } else {
                (
                    [
                        (header::CONTENT_TYPE, "application/json".to_string()),
                        (header::CONTENT_DISPOSITION, disposition),
                    ],
                    serde_json::to_string_pretty(&x).unwrap_or_default(),
                )
                    .into_response()
            }
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}
