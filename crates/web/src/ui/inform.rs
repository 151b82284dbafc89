//! The officers' work list of families to inform (`/inform`): promised dates that passed
//! while the case still waits, and slips the family has not been told of, a page at a time.
use axum::extract::State;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, InformQuery};

use super::{Lang, failed, render, user_context};
use crate::extract::ApiQuery;
use crate::session::SignedIn;

/// `GET /inform`: one page of the work list; other roles get "not allowed" in words.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    ApiQuery(q): ApiQuery<InformQuery>,
) -> Response {
    match app.families_to_inform(&session.caller, &q).await {
        Ok(list) => {
            let per_page = i64::from(list.per_page);
            let pages = ((list.total + per_page - 1) / per_page).max(1);
            let page = i64::from(list.page);
            let link = |p: i64| format!("/inform?page={p}&per_page={per_page}");
            render(
                "inform.html",
                lang,
                context! {
                    user => user_context(Some(&session)),
                    list => Value::from(Serde(&list)),
                    pages,
                    previous => (page > 1).then(|| link(page - 1)),
                    next => (page < pages).then(|| link(page + 1)),
                },
            )
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}
