//! The audit trail for auditors: browse with filters, export as CSV.
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, AuditQuery, ChainCheck, ChainStatus};
use resettle_domain::audit::{AuditAction, AuditEntity};

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
    // Only what was written since the last verification is checked: a view must stay
    // cheap however long the trail grows.
    let chain = match app.audit_status(caller).await {
        Ok(ChainStatus {
            check: ChainCheck::Intact { entries, .. },
            full_check_at,
        }) => context! { intact => true, entries => entries, full_at => full_check_at },
        Ok(ChainStatus {
            check: ChainCheck::Broken { seq, fault },
            full_check_at,
        }) => {
            context! { intact => false, seq => seq, reason => fault.to_string(), full_at => full_check_at }
        }
        Err(e) => return failed(lang, Some(&session), e),
    };
    let query = query_string(&q);
    // A full page has older entries behind it: the next page starts below its oldest.
    let page_size = q.limit.unwrap_or(200);
    let older = (entries.len() as i64 == page_size)
        .then(|| entries.last().map(|e| e.seq))
        .flatten()
        .map(|seq| {
            let mut more = vec![format!("before={seq}")];
            more.extend(q.limit.map(|l| format!("limit={l}")));
            let joined = [query.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .chain(more)
                .collect::<Vec<_>>()
                .join("&");
            format!("/audit?{joined}")
        });
    render(
        "audit.html",
        lang,
        context! {
            user => user_context(Some(&session)),
            older => older,
            newest => q.before.map(|_| format!("/audit?{query}")),
            entries => Value::from(Serde(&entries)),
            chain => chain,
            q => Value::from(Serde(&QueryEcho::from(&q))),
            actions => AuditAction::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
            entities => AuditEntity::ALL.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
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
            action: q.action.map(|a| a.to_string()).unwrap_or_default(),
            entity: q.entity.map(|e| e.to_string()).unwrap_or_default(),
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
