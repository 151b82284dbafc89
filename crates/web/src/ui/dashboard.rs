//! The home page: the programme at a glance.
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::App;

use super::{charts, render};
use crate::ApiError;

/// Cases per lifecycle stage and pledges against arrivals, with a chart per programme.
pub(crate) async fn page(State(app): State<App>) -> Response {
    let dashboard = match app.dashboard().await {
        Ok(d) => d,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let charts: Vec<String> = dashboard
        .programmes
        .iter()
        .map(|p| charts::pledges_against_arrivals(&p.pledges))
        .collect();
    render(
        "dashboard.html",
        context! { dashboard => Value::from(Serde(&dashboard)), charts => charts },
    )
}
