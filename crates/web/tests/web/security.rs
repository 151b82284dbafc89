//! Access control as specified in `docs/security.md`: every role against every API
//! endpoint and every field of a case, on SQLite and PostgreSQL. The tables in the
//! document are the specification; this test fails on any difference, and on any API
//! route the document does not list.
use crate::common;
use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use resettle_app::{App, Caller, DemoConfig, Role};
use tower::ServiceExt;

const SPEC: &str = include_str!("../../../../docs/security.md");

/// The rows of the markdown table under `heading`: header cells, then each row's cells.
fn table(heading: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let start = SPEC
        .find(heading)
        .unwrap_or_else(|| panic!("docs/security.md has no section {heading:?}"));
    let rows: Vec<Vec<String>> = SPEC[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let header = rows[0].clone();
    (header, rows.into_iter().skip(2).collect())
}

async fn send(
    app: &App,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, String) {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json");
    if let Some(t) = token {
        request = request.header("authorization", format!("Bearer {t}"));
    }
    let request = request
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    let response = resettle_web::router(app.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// The request each row of the endpoint table stands for. Writes carry a body that passes
/// authorisation and is then refused on its content, so the test changes nothing and the
/// status shows how far the request got.
fn request(endpoint: &str, n: &str) -> (String, String, Option<serde_json::Value>) {
    let (method, path) = endpoint.split_once(' ').unwrap();
    let path = path.replace("{n}", n);
    let body = match endpoint {
        "POST /api/v1/fair-share/key" => Some(serde_json::json!({"method": "ec2015"})),
        "POST /api/v1/fair-share/distribute" => {
            Some(serde_json::json!({"total": 1000, "method": "ec2015"}))
        }
        "POST /api/v1/fair-share/update" => Some(serde_json::json!({})),
        "POST /api/v1/fair-share/plan" => Some(plan()),
        "POST /api/v1/fair-share/scenarios" => Some(serde_json::json!({
            "name": "", "inputs": plan()
        })),
        "POST /api/v1/programmes" => Some(serde_json::json!({
            "code": "", "name": "x", "state": "BE", "policy_profile": "belgium"
        })),
        "POST /api/v1/forecast" => Some(serde_json::json!({
            "scenario": "belgium-growth-path", "runs": 0
        })),
        "POST /api/v1/programmes/BE/quota/decisions" => Some(serde_json::json!({
            "proposed_by": "x", "consulted": "x", "motivation": " ",
            "published_on": "2021-10-01", "years": [{"year": 2022, "persons": 1}]
        })),
        "POST /api/v1/programmes/BE/funding/claims" => {
            Some(serde_json::json!({"instrument": "amif", "year": 1800}))
        }
        "PUT /api/v1/programmes/BE/pledges/2031" => {
            Some(serde_json::json!({"pledged": 1, "source": " "}))
        }
        "POST /api/v1/programmes/BE/holds" => Some(serde_json::json!({
            "from": "2027-03-01", "until": "2027-01-01", "reason": "other"
        })),
        "POST /api/v1/cases" => Some(serde_json::json!({
            "case_number": "bad", "programme": "BE", "country_of_asylum": "LB",
            "nationality": "SY", "categories": ["legal_physical_protection"],
            "priority": "normal", "channel": "mission",
            "members": [{"full_name": "A", "date_of_birth": "1980-01-01", "sex": "female",
                         "relationship": "principal_applicant"}]
        })),
        "POST /api/v1/cases/{n}/transitions" => Some(serde_json::json!({
            "to": "withdrawn", "reason": "matrix test", "expected_version": 99999
        })),
        "PUT /api/v1/cases/{n}/contact" => Some(serde_json::json!({"email": "not an address"})),
        "POST /api/v1/cases/{n}/stays" => Some(serde_json::json!({
            "place": "NOWHERE", "reason": "matrix test", "expected_version": 99999
        })),
        "POST /api/v1/cases/{n}/promises" => {
            // A well-formed body the rules refuse (a family told in the future), so the
            // answer is the caller's authorisation first, then the rule.
            Some(serde_json::json!({
                "kind": "interview", "promised_date": "2027-01-01",
                "family_notified_on": "2099-01-01"
            }))
        }
        "POST /api/v1/cases/{n}/reunification" => Some(serde_json::json!({
            "relative_name": "", "relationship": "x", "location": "SY"
        })),
        // A request never goes back to requested: refused by the rule after the
        // caller's authorisation.
        "POST /api/v1/cases/{n}/reunification/1/status" => {
            Some(serde_json::json!({"status": "requested"}))
        }
        "POST /api/v1/cases/{n}/after-arrival" => Some(serde_json::json!({"name": "bogus"})),
        "PUT /api/v1/cases/{n}/reunification/1/ties" => {
            Some(serde_json::json!({"dependency": ["none", "financial"]}))
        }
        "PUT /api/v1/cases/{n}/medical/1" => {
            Some(serde_json::json!({"condition": " ", "consent_to_share": false}))
        }
        // A well-formed decision (a decision neither way is refused when the body is
        // read): after the caller's authorisation, the probed case has no open proposal.
        "POST /api/v1/cases/{n}/placement" => {
            Some(serde_json::json!({"decision": "confirm", "place": "NOWHERE"}))
        }
        "POST /api/v1/cases/{n}/outcomes" => {
            Some(serde_json::json!({"member_no": 1, "months": 7, "employed": true}))
        }
        "PUT /api/v1/cases/{n}/support" => {
            Some(serde_json::json!({"provider": " ", "provider_kind": "ngo"}))
        }
        "POST /api/v1/cases/{n}/support/contacts" => {
            Some(serde_json::json!({"kind": "visit", "note": " "}))
        }
        "POST /api/v1/cases/{n}/support/tasks/0/close" => {
            Some(serde_json::json!({"note": "matrix test"}))
        }
        "POST /api/v1/cases/{n}/checkins" => Some(serde_json::json!({
            "months": 7, "own_home": true, "own_kitchen": true, "own_shower": true,
            "rooms": 2, "language_course": true, "schooling": [], "work": [],
            "relatives_abroad": 0, "feeling": 3
        })),
        "POST /api/v1/missions" => Some(serde_json::json!({
            "programme": "BE", "code": "", "destination": "LB",
            "starts_on": "2027-01-01", "ends_on": "2027-01-02", "team": []
        })),
        "POST /api/v1/missions/X/status" => Some(serde_json::json!({"status": "completed"})),
        "POST /api/v1/sponsor-groups" => Some(serde_json::json!({
            "programme": "BE", "name": "", "municipality": "x", "contact": "x",
            "members": 1, "capacity_persons": 1
        })),
        _ => None,
    };
    (method.to_string(), path, body)
}

/// The Belgian NGO report's plan inputs.
fn plan() -> serde_json::Value {
    serde_json::json!({
        "needs": 1473156, "growth": 40000, "years": 3, "regional_share": 0.2,
        "state": "BE", "share": 0.0284, "first_years": [2000, 3000], "rounding": "floor",
        "start_year": 2022
    })
}

fn demo() -> DemoConfig {
    DemoConfig {
        seed: 7,
        cases: 300,
        as_of: resettle_testkit::TODAY,
    }
}

/// A token for each demo user (one per role), from the operator.
async fn tokens(app: &App) -> BTreeMap<Role, String> {
    let mut out = BTreeMap::new();
    for &role in Role::ALL {
        let t = app
            .create_token(&Caller::operator(), role.as_str(), None, Some(1))
            .await
            .unwrap_or_else(|e| panic!("demo user {role}: {e}"));
        out.insert(role, t);
    }
    out
}

/// The case numbers a token's list shows (all pages of up to 500).
async fn visible(app: &App, token: &str) -> Vec<String> {
    let (status, text) = send(app, Some(token), "GET", "/api/v1/cases?per_page=500", None).await;
    if status != StatusCode::OK {
        return Vec::new();
    }
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case_number"].as_str().unwrap().to_string())
        .collect()
}

fn limited(role: Role) -> bool {
    matches!(
        role,
        Role::UnhcrLiaison | Role::Municipality | Role::Sponsor | Role::SupportProvider
    )
}

#[tokio::test]
async fn every_role_meets_the_documented_matrix() {
    let (header, endpoints) = table("## Endpoints");
    let (field_header, fields) = table("## Fields of a case");
    let documented: BTreeSet<String> = endpoints.iter().map(|r| r[0].clone()).collect();
    for db in resettle_testkit::databases() {
        let app = common::open(&db.url).await;
        app.load_demo(&demo(), false).await.unwrap();
        let tokens = tokens(&app).await;
        let all = visible(&app, &tokens[&Role::CaseOfficer]).await;
        let mut scoped = BTreeMap::new();
        for (&role, t) in &tokens {
            if limited(role) {
                let seen = visible(&app, t).await;
                assert!(
                    !seen.is_empty() && seen.len() < all.len(),
                    "{}: {role} should see some but not all demo cases ({} of {})",
                    db.backend,
                    seen.len(),
                    all.len()
                );
                scoped.insert(role, seen);
            }
        }
        let outside = all
            .iter()
            .find(|n| scoped.values().all(|s| !s.contains(n)))
            .expect("a case outside every limited scope")
            .clone();
        // Each case a role is probed on holds a reunification request 1, so that a status
        // change the rule refuses answers 422 to the roles allowed to make it.
        let probed: BTreeSet<String> = std::iter::once(all[0].clone())
            .chain(scoped.values().map(|s| s[0].clone()))
            .collect();
        for n in &probed {
            let request = resettle_app::cases::NewReunification {
                relative_name: "Matrix Probe".into(),
                relationship: "sibling".into(),
                location: "SY".into(),
                requested_on: None,
                dependency: Vec::new(),
                evidence: Vec::new(),
            };
            app.add_reunification(&resettle_app::Caller::operator(), n, &request)
                .await
                .unwrap_or_else(|e| panic!("a reunification request on probed case {n}: {e}"));
        }
        let case_for = |role: Role| -> String {
            scoped
                .get(&role)
                .map_or_else(|| all[0].clone(), |s| s[0].clone())
        };
        let mut differences = Vec::new();
        for row in &endpoints {
            let endpoint = row[0].as_str();
            for (column, expected) in header.iter().zip(row).skip(1) {
                let (token, n) = if column == "anonymous" {
                    (None, all[0].clone())
                } else {
                    let role: Role = column.parse().unwrap();
                    let n = if endpoint.contains("{other}") {
                        outside.clone()
                    } else {
                        case_for(role)
                    };
                    (Some(tokens[&role].as_str()), n)
                };
                let (method, path, body) = request(&endpoint.replace("{other}", "{n}"), &n);
                let (status, text) = send(&app, token, &method, &path, body).await;
                if status.as_str() != expected {
                    differences.push(format!(
                        "{endpoint} as {column}: documented {expected}, got {status} ({})",
                        text.chars().take(120).collect::<String>()
                    ));
                }
            }
        }
        for (&role, t) in tokens
            .iter()
            .filter(|(r, _)| field_header.iter().any(|h| h == r.as_str()))
        {
            let column = field_header
                .iter()
                .position(|h| h == role.as_str())
                .unwrap();
            let n = case_for(role);
            let (status, text) =
                send(&app, Some(t), "GET", &format!("/api/v1/cases/{n}"), None).await;
            assert_eq!(status, StatusCode::OK, "{}: {role} reads {n}", db.backend);
            let case: serde_json::Value = serde_json::from_str(&text).unwrap();
            for row in &fields {
                let field = row[0].as_str();
                let present = match field.split_once('.') {
                    None => case.get(field).is_some(),
                    Some((_, sub)) => case["members"][0].get(sub).is_some(),
                };
                let documented = row[column] == "yes";
                if present != documented {
                    differences.push(format!(
                        "field {field} for {role}: documented {}, answer {}",
                        row[column],
                        if present { "has it" } else { "lacks it" }
                    ));
                }
            }
            let listed: BTreeSet<&str> = fields.iter().map(|r| r[0].as_str()).collect();
            for key in case.as_object().unwrap().keys() {
                if !listed.contains(key.as_str()) {
                    differences.push(format!("field {key} is not in the table"));
                }
            }
            let documented = |field: &str| {
                fields
                    .iter()
                    .find(|r| r[0] == field)
                    .is_some_and(|r| r[column] == "yes")
            };
            differences.extend(list_differences(&app, t, role, &documented).await);
            differences.extend(timeline_differences(&app, t, role, &n, &documented).await);
        }
        assert!(
            differences.is_empty(),
            "{}: the answers differ from docs/security.md:\n{}",
            db.backend,
            differences.join("\n")
        );
    }
    // Every route of the API is in the table.
    let spec = resettle_web::openapi();
    for (path, item) in &spec.paths.paths {
        for method in ["get", "post", "put", "delete"] {
            let has = match method {
                "get" => item.get.is_some(),
                "post" => item.post.is_some(),
                "put" => item.put.is_some(),
                _ => item.delete.is_some(),
            };
            if !has {
                continue;
            }
            let generic = format!("{} {path}", method.to_uppercase());
            let covered = documented.iter().any(|d| {
                let d = d
                    .split('?')
                    .next()
                    .unwrap_or(d)
                    .replace("{n}", "{case_number}")
                    .replace("{other}", "{case_number}")
                    .replace("/BE/", "/{code}/")
                    .replace("/X/", "/{code}/")
                    .replace("/2031", "/{year}")
                    .replace("/1/", "/{request_no}/")
                    .replace("/tasks/0/", "/tasks/{task_id}/")
                    .replace("/medical/1", "/medical/{member_no}")
                    .replace("/none", "/{name}")
                    .replace("/belgium", "/{name}");
                let d = match d.split_once("/exports/") {
                    Some((head, _)) => format!("{head}/exports/{{list}}"),
                    None => d,
                };
                d == generic
            });
            assert!(
                covered,
                "{generic} is not in docs/security.md's endpoint table"
            );
        }
    }
}

/// The case field behind each key of a list item (`docs/security.md`, "Lists, filters and
/// timelines"): a list shows what the case view shows, no more.
const LIST_ITEM_FIELDS: &[(&str, &str)] = &[
    ("case_number", "case_number"),
    ("programme", "programme"),
    ("state", "state"),
    ("version", "version"),
    ("family_size", "members"),
    ("priority", "priority"),
    ("channel", "channel"),
    ("nationality", "nationality"),
    ("country_of_asylum", "country_of_asylum"),
    ("submitted_on", "submitted_on"),
    ("days_in_state", "waiting"),
    ("days_overdue", "overdue"),
];

/// Where `role`'s case list differs from the field table, and which filters on withheld
/// fields it was not refused.
async fn list_differences(
    app: &App,
    token: &str,
    role: Role,
    documented: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut differences = Vec::new();
    let (status, text) = send(app, Some(token), "GET", "/api/v1/cases?per_page=20", None).await;
    assert_eq!(status, StatusCode::OK, "{role} lists cases: {text}");
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    for item in list["items"].as_array().unwrap() {
        for (key, field) in LIST_ITEM_FIELDS {
            let present = item.get(*key).is_some();
            // Days overdue appear only in the overdue list.
            if present != documented(field) && *key != "days_overdue" {
                differences.push(format!(
                    "list item {key} for {role}: field {field} documented {}, item {}",
                    documented(field),
                    if present { "has it" } else { "lacks it" }
                ));
            }
        }
        for key in item.as_object().unwrap().keys() {
            if !LIST_ITEM_FIELDS.iter().any(|(k, _)| k == key) {
                differences.push(format!("list item key {key} maps to no field"));
            }
        }
    }
    for (filter, value, field) in [
        ("category", "survivor_of_violence_torture", "categories"),
        ("category", "medical_needs", "categories"),
        ("priority", "emergency", "priority"),
        ("nationality", "SY", "nationality"),
        ("country_of_asylum", "LB", "country_of_asylum"),
    ] {
        let (status, _) = send(
            app,
            Some(token),
            "GET",
            &format!("/api/v1/cases?{filter}={value}"),
            None,
        )
        .await;
        let refused = status == StatusCode::FORBIDDEN;
        if refused == documented(field) {
            differences.push(format!(
                "filter {filter}={value} for {role}: field {field} documented {}, answer {status}",
                documented(field)
            ));
        }
    }
    differences
}

/// Where `role`'s timeline of case `n` shows step data or reasons of fields it may not see.
async fn timeline_differences(
    app: &App,
    token: &str,
    role: Role,
    n: &str,
    documented: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let (status, text) = send(
        app,
        Some(token),
        "GET",
        &format!("/api/v1/cases/{n}/events"),
        None,
    )
    .await;
    if status != StatusCode::OK {
        return Vec::new();
    }
    let events: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut differences = Vec::new();
    for e in &events {
        for key in e["payload"].as_object().into_iter().flat_map(|m| m.keys()) {
            let field = resettle_app::access::visibility::EVENT_PAYLOAD_FIELDS
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, f)| *f);
            if !field.is_some_and(documented) {
                differences.push(format!(
                    "timeline of {n} for {role}: step data {key} ({field:?}) is shown"
                ));
            }
        }
    }
    differences
}
