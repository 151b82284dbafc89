//! "Our families": the page a municipality's or a sponsor group's staff work from (and a
//! reception officer, for one municipality at a time).
use axum::extract::State;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::App;
use resettle_app::access::visibility::sees;
use resettle_app::families::FamiliesQuery;

use super::{Lang, failed, render, user_context};
use crate::ApiError;
use crate::extract::ApiQuery;
use crate::session::SignedIn;

/// The address of another page of arrived families, the municipality kept.
fn page_link(q: &FamiliesQuery, page: u32) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(m) = q.municipality.as_ref().filter(|m| !m.trim().is_empty()) {
        pairs.push(("municipality", m.clone()));
    }
    if let Some(n) = q.per_page {
        pairs.push(("per_page", n.to_string()));
    }
    pairs.push(("page", page.to_string()));
    format!(
        "/families?{}",
        serde_urlencoded::to_string(&pairs).expect("query pairs encode")
    )
}

/// `GET /families`: the families the user supports, with what supporting them takes.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    q: Result<ApiQuery<FamiliesQuery>, ApiError>,
) -> Response {
    let q = match q {
        Ok(ApiQuery(q)) => q,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let caller = &session.caller;
    match app.families(caller, &q).await {
        Ok(families) => {
            let per_page = i64::from(families.per_page);
            let pages = ((families.total + per_page - 1) / per_page).max(1);
            let page = i64::from(families.page);
            // The parts the page has a line for even when empty ("none shared"): those
            // the user's roles see.
            let shows = context! {
                care_needs => sees(caller, "care_needs"),
                support => sees(caller, "support"),
            };
            render(
                "families.html",
                lang,
                context! {
                    user => user_context(Some(&session)),
                    shows => shows,
                    pages => pages,
                    previous => (page > 1).then(|| page_link(&q, families.page - 1)),
                    next => (page < pages).then(|| page_link(&q, families.page + 1)),
                    families => Value::from(Serde(&families)),
                },
            )
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}
