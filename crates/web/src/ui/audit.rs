//! The audit trail for auditors: browse with filters, export as CSV.
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, AuditQuery, ChainCheck};

use super::{Lang, failed, render, user_context};
use crate::extract::ApiQuery;
use crate::session::SignedIn;

/// `GET /audit`: the newest entries matching the filters, and whether the chain holds.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Response {
    let caller = &session.caller;
    let entries = match app.audit_entries(caller, &q).await {
        Ok(e) => e,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let chain = match app.verify_audit(caller).await {
        Ok(ChainCheck::Intact { entries }) => context! { intact => true, entries => entries },
        Ok(ChainCheck::Broken { seq, reason }) => {
            context! { intact => false, seq => seq, reason => reason }
        }
        Err(e) => return failed(lang, Some(&session), e),
    };
    let query = query_string(&q);
    render(
        "audit.html",
        lang,
        context! {
            user => user_context(Some(&session)),
            entries => Value::from(Serde(&entries)),
            chain => chain,
            q => Value::from(Serde(&QueryEcho::from(&q))),
            query => query,
        },
    )
}

/// `GET /audit.csv`: the same entries as CSV.
pub(crate) async fn csv(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Response {
    match app.audit_csv(&session.caller, &q).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit.csv\"",
                ),
            ],
            body,
        )
            .into_response(),
        Err(e) => failed(lang, Some(&session), e),
    }
}

/// The filters as typed, to refill the form.
#[derive(serde::Serialize)]
struct QueryEcho {
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    from: String,
    to: String,
}

impl From<&AuditQuery> for QueryEcho {
    fn from(q: &AuditQuery) -> Self {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        QueryEcho {
            actor: s(&q.actor),
            action: s(&q.action),
            entity: s(&q.entity),
            entity_id: s(&q.entity_id),
            from: s(&q.from),
            to: s(&q.to),
        }
    }
}

/// The filters as a query string, for the CSV link (empty filters left out).
fn query_string(q: &AuditQuery) -> String {
    let echo = QueryEcho::from(q);
    let pairs: Vec<(&str, String)> = [
        ("actor", echo.actor),
        ("action", echo.action),
        ("entity", echo.entity),
        ("entity_id", echo.entity_id),
        ("from", echo.from),
        ("to", echo.to),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}
