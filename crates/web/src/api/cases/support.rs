//! `/api/v1/cases/{case_number}/support…`: a family's integration support — its plan,
//! contacts, wellbeing check-ins and tasks — for those who support it.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::support::{CheckInAnswers, CloseTask, NewContact, NewSupportPlan, SupportView};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A family's support: plan, goals, contacts, check-ins (health answers only for medical
/// officers and support providers, audited), check-ins due, and tasks.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}/support",
    tag = "support",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The family's support", body = SupportView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that follows support", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<SupportView>, ApiError> {
    Ok(Json(app.support(&caller, &number).await?))
}

/// Sets the family's support plan (the length is the profile's) with the goals a new plan
/// starts with, in place of an earlier plan.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{case_number}/support",
    tag = "support",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewSupportPlan,
    responses(
        (status = 200, description = "The family's support after it", body = SupportView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer or support provider", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "No provider, or a start before arrival or after today", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn put(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(req): ApiJson<NewSupportPlan>,
) -> Result<Json<SupportView>, ApiError> {
    Ok(Json(app.set_support_plan(&caller, &number, &req).await?))
}

/// Logs a contact with the family against its plan.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/support/contacts",
    tag = "support",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewContact,
    responses(
        (status = 201, description = "Logged; the family's support after it", body = SupportView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer or support provider", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "No plan yet, a day before it starts, or an empty note", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn contact(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(req): ApiJson<NewContact>,
) -> Result<(StatusCode, Json<SupportView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.log_support_contact(&caller, &number, &req).await?),
    ))
}

/// Records a wellbeing check-in; a problem it flags opens a task for the provider.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/checkins",
    tag = "support",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = CheckInAnswers,
    responses(
        (status = 201, description = "Recorded; the family's support after it", body = SupportView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that records check-ins", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "No plan yet, or an answer that cannot exist (the field is named)", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn checkin(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(req): ApiJson<CheckInAnswers>,
) -> Result<(StatusCode, Json<SupportView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.record_checkin(&caller, &number, &req).await?),
    ))
}

/// Closes an open task of the family, with a note of what was done.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/support/tasks/{task_id}/close",
    tag = "support",
    security(("api_token" = [])),
    params(
        ("case_number" = String, Path, description = "UNHCR case number"),
        ("task_id" = i64, Path, description = "The task"),
    ),
    request_body = CloseTask,
    responses(
        (status = 200, description = "Closed; the family's support after it", body = SupportView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer or support provider", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "No plan, not an open task of the family, or no note (or an overlong one)", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn close_task(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path((number, task_id)): Path<(String, i64)>,
    ApiJson(req): ApiJson<CloseTask>,
) -> Result<Json<SupportView>, ApiError> {
    Ok(Json(
        app.close_support_task(&caller, &number, task_id, &req)
            .await?,
    ))
}
