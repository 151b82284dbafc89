//! `PUT /api/v1/cases/{case_number}/contact`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::{App, NewContact};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// How to reach the family as stored.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub(crate) struct Contact {
    /// The principal applicant's e-mail address.
    email: Option<String>,
    /// The principal applicant's mobile number (E.164).
    phone: Option<String>,
}

/// Records how to reach the family (the principal applicant's e-mail address and mobile
/// number), for notices; blank or absent fields remove what was there. For the roles that
/// inform families (case and reception officers); audited.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{case_number}/contact",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewContact,
    responses(
        (status = 200, description = "The contact as stored", body = Contact),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that informs families", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "Refused, naming the field: not an e-mail address, not a mobile number in international form", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn put(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(typed): ApiJson<NewContact>,
) -> Result<Json<Contact>, ApiError> {
    let c = app.set_contact(&caller, &number, &typed).await?;
    Ok(Json(Contact {
        email: c.email,
        phone: c.phone,
    }))
}
