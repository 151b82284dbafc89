//! The JSON API under `/api/v1`, one file per resource and verb, each handler carrying its
//! own OpenAPI description.
mod audit;
mod cases;
mod dashboard;
pub(crate) mod exports;
mod fair_share;
mod families_to_inform;
mod forecast;
mod funding;
mod health;
pub(crate) mod imports;
mod missions;
mod openapi;
mod placement;
mod policies;
mod programmes;
mod quota;
mod support_work_list;

use resettle_app::App;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    modifiers(&BearerToken),
    info(
        title = "resettle API",
        description = "Runs a refugee resettlement programme: quotas, cases, placement, reporting."
    ),
    tags(
        (name = "system", description = "Health and the API description"),
        (name = "statistics", description = "Aggregates without personal data"),
        (name = "fair-share", description = "Quota keys, distributions, multi-year plans and saved scenarios"),
        (name = "pledges", description = "Pledges against arrivals per programme and year, and the holds that stop a programme"),
        (name = "quota", description = "The quota split over refugee situations and channels, the decisions behind it, and each year tracked to arrival"),
        (name = "cases", description = "Cases from UNHCR submission to the end of integration support"),
        (name = "support", description = "Integration support after arrival: plans, contacts, wellbeing check-ins, tasks and the work list"),
        (name = "missions", description = "Selection missions and community sponsor groups"),
        (name = "placement", description = "Families to local reception places: proposals by optimisation, decided by reception officers"),
        (name = "forecast", description = "Capacity forecasts for planners: will the reception network hold the pledges, and how many buffer places does it take"),
        (name = "funding", description = "Funding claims (EU funding, municipal allowances) filed and frozen, for planners and auditors"),
        (name = "exports", description = "The lists a user may see as CSV or XLSX, spreadsheet-safe and audited"),
        (name = "audit", description = "The hash-chained audit trail, for auditors"),
    )
)]
struct ApiDoc;

/// Declares the `api_token` bearer scheme that case routes require.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// Every API route with its OpenAPI description.
pub(crate) fn router() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::get))
        .routes(routes!(openapi::get))
        .routes(routes!(dashboard::get))
        .routes(routes!(fair_share::key::post))
        .routes(routes!(fair_share::distribute::post))
        .routes(routes!(fair_share::update::post))
        .routes(routes!(fair_share::plan::post))
        .routes(routes!(fair_share::needs::get))
        .routes(routes!(
            fair_share::scenarios::list,
            fair_share::scenarios::save
        ))
        .routes(routes!(fair_share::scenarios::delete))
        .routes(routes!(programmes::list::list, programmes::list::add))
        .routes(routes!(policies::list))
        .routes(routes!(policies::show))
        .routes(routes!(programmes::pledges::list))
        .routes(routes!(programmes::pledges::csv))
        .routes(routes!(programmes::pledges::put))
        .routes(routes!(programmes::holds::list, programmes::holds::post))
        .routes(routes!(quota::allocate::get))
        .routes(routes!(quota::track::get))
        .routes(routes!(quota::decisions::list, quota::decisions::post))
        .routes(routes!(funding::claims::list, funding::claims::post))
        .routes(routes!(exports::get))
        .routes(routes!(imports::post))
        .routes(routes!(cases::list::get, cases::create::post))
        .routes(routes!(cases::show::get))
        .routes(routes!(cases::medical::get))
        .routes(routes!(cases::medical::put))
        .routes(routes!(cases::export::export))
        .routes(routes!(cases::outcomes::post))
        .routes(routes!(cases::support::get, cases::support::put))
        .routes(routes!(cases::support::contact))
        .routes(routes!(cases::support::checkin))
        .routes(routes!(cases::support::close_task))
        .routes(routes!(support_work_list::get))
        .routes(routes!(audit::get))
        .routes(routes!(placement::propose, placement::list))
        .routes(routes!(placement::decide))
        .routes(routes!(forecast::post))
        .routes(routes!(cases::events::get))
        .routes(routes!(cases::transition::post))
        .routes(routes!(cases::stays::post))
        .routes(routes!(cases::promises::post))
        .routes(routes!(cases::contact::put))
        .routes(routes!(families_to_inform::get))
        .routes(routes!(cases::reunification::post))
        .routes(routes!(cases::reunification::status))
        .routes(routes!(cases::reunification::ties))
        .routes(routes!(cases::after_arrival::post))
        .routes(routes!(missions::list, missions::plan))
        .routes(routes!(missions::status))
        .routes(routes!(missions::sponsors, missions::add_sponsor))
}
