//! The home page: the programme at a glance.
use axum::extract::State;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::App;

use super::{Lang, charts, failed, render, user_context};
use crate::session::MaybeSignedIn;

/// Cases per lifecycle stage and pledges against arrivals, with a chart per programme.
/// Public; a signed-in reader keeps their header (and a planner the way to the pledges).
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    MaybeSignedIn(session): MaybeSignedIn,
) -> Response {
    let dashboard = match app.dashboard().await {
        Ok(d) => d,
        Err(e) => return failed(lang, session.as_ref(), e),
    };
    let charts: Vec<String> = dashboard
        .programmes
        .iter()
        .map(|p| charts::pledges_against_arrivals(&p.pledges))
        .collect();
    render(
        "dashboard.html",
        lang,
        context! {
            dashboard => Value::from(Serde(&dashboard)),
            charts => charts,
            user => user_context(session.as_ref()),
        },
    )
}
