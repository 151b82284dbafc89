//! `GET /api/v1/audit`: the audit trail, for auditors.
use axum::Json;
use axum::extract::State;
use resettle_app::{App, AuditQuery, AuditRecord};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// Entries of the audit trail, newest first, filtered; the browsing is itself recorded.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "audit",
    security(("api_token" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "Entries", body = [AuditRecord]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor", content_type = "application/problem+json"),
        (status = 422, description = "A filter refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<Json<Vec<AuditRecord>>, ApiError> {
    Ok(Json(app.audit_entries(&caller, &q).await?))
}
