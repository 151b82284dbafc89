//! The web application in process (no socket), against SQLite and a real PostgreSQL.
use crate::common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use resettle_app::{App, DemoConfig};
use resettle_domain::reception::PlaceKind;
use tower::ServiceExt;

use crate::common::open;

async fn get(app: &App, path: &str) -> (StatusCode, String, String) {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

async fn send_json(
    app: &App,
    method: &str,
    path: &str,
    body: serde_json::Value,
) -> (StatusCode, String, String) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(app, request).await
}

async fn send(app: &App, request: Request<Body>) -> (StatusCode, String, String) {
    let response = resettle_web::router(app.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

fn small_demo() -> DemoConfig {
    DemoConfig {
        seed: 7,
        cases: 300,
        as_of: resettle_testkit::TODAY,
    }
}

#[tokio::test]
async fn health_names_the_backend_and_schema_version() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        let (status, content_type, body) = get(&app, "/api/v1/health").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/json"));
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["status"], "ok");
        assert_eq!(json["database"], db.backend);
        assert_eq!(
            json["schema_version"].as_i64().unwrap(),
            App::latest_schema_version()
        );
    }
}

#[tokio::test]
async fn the_dashboard_publishes_no_small_count_and_the_demo_fills_every_state() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let (status, _, body) = get(&app, "/api/v1/dashboard").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["small_cell_threshold"], 5);
        assert_eq!(json["total_cases"], 300, "{}", db.backend);
        let states = json["states"].as_array().unwrap();
        assert_eq!(states.len(), 17);
        let withheld = states.iter().filter(|s| s["cases"].is_null()).count();
        assert!(
            withheld != 1,
            "a lone withheld cell would be revealed by the total"
        );
        for s in states {
            if let Some(n) = s["cases"].as_i64() {
                assert!(
                    n == 0 || n >= 5,
                    "{}: small count {n} published",
                    s["state"]
                );
            } else {
                assert!(
                    s["persons"].is_null(),
                    "persons of a withheld cell are withheld too"
                );
            }
            // Behind the suppression, every state really holds cases.
            let list = app
                .list_cases(
                    &op(),
                    &resettle_app::cases::CaseQuery {
                        state: Some(s["state"].as_str().unwrap().parse().unwrap()),
                        per_page: Some(1),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            assert!(list.total > 0, "{}: no case in {}", db.backend, s["state"]);
        }
        let pledges = json["programmes"][0]["pledges"].as_array().unwrap();
        let y2020 = pledges.iter().find(|p| p["year"] == 2020).unwrap();
        assert_eq!(
            (y2020["pledged"].as_i64(), y2020["arrived"].as_i64()),
            (Some(1150), Some(176))
        );
        // The demo stands at TODAY (2026-11-23), the app's today: 2026 is not over, and
        // the two years it renews the pledge for have not begun.
        let partial: Vec<i64> = pledges
            .iter()
            .filter(|p| p["partial"] == true)
            .map(|p| p["year"].as_i64().unwrap())
            .collect();
        assert_eq!(partial, [2026, 2027, 2028], "{}", db.backend);
        assert!(pledges.iter().all(|p| p["partial"].is_boolean()));
        // A full demo year keeps 80–95 % of its pledge (the demo's rule, resettle's count).
        let y2025 = pledges.iter().find(|p| p["year"] == 2025).unwrap();
        let share = y2025["arrived"].as_f64().unwrap() / y2025["pledged"].as_f64().unwrap();
        assert!((0.75..=1.0).contains(&share), "2025: {y2025}");
    }
}

#[tokio::test]
async fn the_home_page_shows_the_programme_and_its_pledge_chart() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, _, empty) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        empty.contains("No programme yet"),
        "an empty database says how to start"
    );
    app.load_demo(&small_demo(), false).await.unwrap();
    let (status, content_type, html) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    assert!(html.contains("Belgian resettlement programme"), "{html}");
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("data-state=\"integration_support\""));
    // The year not over (the app's today is 2026-11-23) is marked in the table and the
    // caption says what the mark means; full years are not. The two years the demo
    // renews its pledge for are marked as to come.
    assert_eq!(html.matches("data-partial=\"true\"").count(), 3, "{html}");
    assert!(
        html.contains("2026 <span class=\"partial-mark\">(so far)</span>"),
        "{html}"
    );
    for year in [2027, 2028] {
        assert!(
            html.contains(&format!(
                "{year} <span class=\"partial-mark\">(to come)</span>"
            )),
            "{html}"
        );
    }
    assert!(html.contains("is not over yet"), "{html}");
    assert!(html.contains("has not begun"), "{html}");
    let (status, content_type, _) = get(&app, "/static/style.css").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/css; charset=utf-8")
    );
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, _, body) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    for path in [
        "/api/v1/health",
        "/api/v1/dashboard",
        "/api/v1/openapi.json",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["Health"].is_object());
}

#[tokio::test]
async fn an_unknown_path_is_a_404() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, _, _) = get(&app, "/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_api_reproduces_the_belgian_report_plan() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let body = serde_json::json!({
        "needs": 1473156, "growth": 40000, "years": 3, "regional_share": 0.2,
        "state": "BE", "share": 0.0284, "first_years": [2000, 3000], "rounding": "floor",
        "start_year": 2022
    });
    let (status, _, text) = send_json(&app, "POST", "/api/v1/fair-share/plan", body).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let plan: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(plan["global_needs"], 1553156);
    assert_eq!(plan["regional_target"], 310631);
    assert_eq!(plan["state_total"], 8821);
    let path: Vec<i64> = plan["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["persons"].as_i64().unwrap())
        .collect();
    assert_eq!(path, [2000, 3000, 3821]);
    // The table of the regional target over all states is the plan's own: BE's row is the
    // headline's 8,821 (it said 7,052, the key's share, under the same headline).
    let rows = plan["distribution"]["states"].as_array().unwrap();
    let be = rows.iter().find(|r| r["state"] == "BE").unwrap();
    assert_eq!(be["persons"], 8821);
    let sum: i64 = rows.iter().map(|r| r["persons"].as_i64().unwrap()).sum();
    assert_eq!(sum, 310631);
}

#[tokio::test]
async fn a_plan_for_a_state_nobody_defined_is_refused() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let body = serde_json::json!({
        "needs": 1473156, "growth": 40000, "years": 3, "regional_share": 0.2,
        "state": "QQ", "share": 0.0284, "first_years": [2000, 3000]
    });
    let (status, content_type, text) =
        send_json(&app, "POST", "/api/v1/fair-share/plan", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert_eq!(content_type, "application/problem+json");
    let problem: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("state: \"QQ\" is not one of"),
        "{problem}"
    );
}

#[tokio::test]
async fn a_refused_plan_is_a_problem_naming_the_field() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let body = serde_json::json!({"needs": 1, "needs_year": 2022, "growth": 0, "years": 3, "regional_share": 0.2, "state": "BE", "share": 0.03});
    let (status, content_type, text) =
        send_json(&app, "POST", "/api/v1/fair-share/plan", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert!(text.contains("needs_year"), "{text}");
}

/// A fair-share word outside its list (a key method, a ramp, a rounding, a needs basis) is
/// a 422 naming the field and the words allowed; a scenario with one is not saved.
#[tokio::test]
async fn a_fair_share_word_outside_its_list_is_refused_naming_the_field() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        let plan = serde_json::json!({
            "needs": 1473156, "growth": 40000, "years": 3, "regional_share": 0.2,
            "state": "BE", "share": 0.0284, "rounding": "floor"
        });
        let with = |field: &str, word: &str| {
            let mut body = plan.clone();
            body[field] = word.into();
            if field == "method" {
                body.as_object_mut().unwrap().remove("share");
            }
            body
        };
        for (path, body, field, allowed) in [
            (
                "plan",
                with("method", "ec2016"),
                "method",
                "ec2015, ec2015-capped, dublin2016, population, gdp, custom",
            ),
            ("plan", with("ramp", "steep"), "ramp", "even, linear"),
            (
                "plan",
                with("rounding", "ceil"),
                "rounding",
                "floor, nearest",
            ),
            (
                "plan",
                with("needs_basis", "first"),
                "needs_basis",
                "last-year, sum",
            ),
            (
                "key",
                serde_json::json!({"method": "EC2015"}),
                "method",
                "ec2015-capped",
            ),
            (
                "distribute",
                serde_json::json!({"total": 100, "method": "fair"}),
                "method",
                "dublin2016",
            ),
        ] {
            let (status, content_type, text) =
                send_json(&app, "POST", &format!("/api/v1/fair-share/{path}"), body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {text}");
            assert_eq!(content_type, "application/problem+json");
            let problem: serde_json::Value = serde_json::from_str(&text).unwrap();
            let detail = problem["detail"].as_str().unwrap_or_default();
            assert!(
                detail.starts_with(&format!("{field}: ")) && detail.contains(allowed),
                "{path}: {problem}"
            );
        }
        let planner = token_for(&app, "plan", "planner").await;
        let (status, problem) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/fair-share/scenarios",
            Some(serde_json::json!({"name": "steep", "inputs": with("ramp", "steep")})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(
            problem["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("inputs.ramp: ")),
            "{problem}"
        );
        let (_, _, saved) = get(&app, "/api/v1/fair-share/scenarios").await;
        assert_eq!(saved, "[]", "{}: a refused scenario was saved", db.backend);
    }
}

/// Figures a key cannot use, two alternatives given together, and an overdue list with a
/// filter it does not combine with are each a 422 naming the field, with a typed reason.
#[tokio::test]
async fn figures_alternatives_and_combinations_are_refused_naming_the_field() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    app.load_demo(&small_demo(), false).await.unwrap();
    let t = token(&app).await;
    let plan = serde_json::json!({
        "needs": 1473156, "growth": 40000, "years": 3, "regional_share": 0.2,
        "state": "BE", "share": 0.0284, "first_years": [2000], "ramp": "linear"
    });
    for (path, body, start) in [
        (
            "/api/v1/fair-share/key",
            serde_json::json!({"method": "custom", "weights": "population=0.5,gdp=0.4"}),
            "weights: the figures cannot be used: weights must sum to 1",
        ),
        (
            "/api/v1/fair-share/plan",
            plan,
            "first_years: give at most one of first_years or ramp",
        ),
    ] {
        let (status, _, text) = send_json(&app, "POST", path, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        let problem: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(
            problem["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with(start)),
            "{problem}"
        );
    }
    let list_reads = || async {
        app.audit_entries(
            &op(),
            &resettle_app::AuditQuery {
                entity: Some(resettle_domain::audit::AuditEntity::CaseList),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .len()
    };
    let before = list_reads().await;
    for (query, detail) in [
        (
            "overdue=true&category=medical_needs",
            "overdue: cannot be combined with category, q, ours",
        ),
        (
            "overdue=true&after=SYR-24C00001",
            "after: cannot be combined with overdue",
        ),
    ] {
        let (status, problem) =
            authed(&app, &t, "GET", &format!("/api/v1/cases?{query}"), None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(problem["detail"], detail);
    }
    // Refused before anything is read: the trail holds no read of a list never shown.
    assert_eq!(list_reads().await, before);
}

#[tokio::test]
async fn keys_and_distributions_sum_as_promised() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, _, text) = send_json(
        &app,
        "POST",
        "/api/v1/fair-share/key",
        serde_json::json!({"method": "ec2015-capped"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let key: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sum: f64 = key["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["share"].as_f64().unwrap())
        .sum();
    assert!((sum - 1.0).abs() < 1e-12, "{sum}");
    let (status, _, text) = send_json(
        &app,
        "POST",
        "/api/v1/fair-share/distribute",
        serde_json::json!({"total": 20000, "method": "ec2015"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let d: serde_json::Value = serde_json::from_str(&text).unwrap();
    let total: i64 = d["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["persons"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 20000);
}

#[tokio::test]
async fn scenarios_are_saved_listed_refused_twice_and_deleted() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        let inputs = serde_json::json!({"needs_year": 2022, "growth": 40000, "years": 3, "regional_share": 0.2, "state": "BE", "share": 0.0284, "first_years": [2000, 3000]});
        let save = serde_json::json!({"name": "NGO path", "inputs": inputs});
        let (status, _, _) =
            send_json(&app, "POST", "/api/v1/fair-share/scenarios", save.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "saving needs a token");
        let planner = token_for(&app, "planner", "planner").await;
        let (status, text) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/fair-share/scenarios",
            Some(save.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {text}", db.backend);
        let (status, _) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/fair-share/scenarios",
            Some(save),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (_, _, list) = get(&app, "/api/v1/fair-share/scenarios").await;
        let list: serde_json::Value = serde_json::from_str(&list).unwrap();
        assert_eq!(list[0]["result"]["state_total"], 8821);
        let (_, _, page) = get(&app, "/fair-share/scenarios").await;
        assert!(page.contains("NGO path") && page.contains("8,821"));
        let (_, _, raw_list) = get(&app, "/api/v1/fair-share/scenarios").await;
        assert!(
            !raw_list.contains("planner") && !page.contains("planner"),
            "the public scenario list names no staff"
        );
        let (status, _) = authed(
            &app,
            &planner,
            "DELETE",
            "/api/v1/fair-share/scenarios/NGO%20path",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = authed(
            &app,
            &planner,
            "DELETE",
            "/api/v1/fair-share/scenarios/NGO%20path",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn pledges_are_entered_listed_and_exported() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let planner = token_for(&app, "pledger", "planner").await;
        let (status, text) = authed(
            &app,
            &planner,
            "PUT",
            "/api/v1/programmes/BE/pledges/2030",
            Some(serde_json::json!({"pledged": 4000, "source": "test decision"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {text}", db.backend);
        let (status, content_type, csv) = get(&app, "/api/v1/programmes/BE/pledges.csv").await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("text/csv"));
        assert!(
            csv.starts_with("year,pledged,arrived,gap,source\n"),
            "{csv}"
        );
        assert!(csv.contains("2020,1150,176,974,"), "{csv}");
        assert!(csv.contains("2030,4000,0,4000,test decision"), "{csv}");
        let (status, text) = authed(
            &app,
            &planner,
            "PUT",
            "/api/v1/programmes/BE/pledges/2031",
            Some(serde_json::json!({"pledged": 1, "source": " "})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        assert!(text.to_string().contains("source"));
        let (status, _, _) = get(&app, "/api/v1/programmes/XX/pledges").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

/// A page in the language asked for: `?lang=` (remembered in a cookie) over the cookie over
/// the browser's `Accept-Language`, English otherwise; numbers grouped as the language does.
#[tokio::test]
async fn pages_speak_the_readers_language() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let page = |uri: &str, headers: &[(&str, &str)]| {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let app = app.clone();
        let request = request.body(Body::empty()).unwrap();
        async move {
            let response = resettle_web::router(app).oneshot(request).await.unwrap();
            let cookie = response
                .headers()
                .get("set-cookie")
                .map(|v| v.to_str().unwrap().to_string());
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (String::from_utf8(bytes.to_vec()).unwrap(), cookie)
        }
    };
    let (html, cookie) = page("/fair-share", &[]).await;
    assert!(html.contains(r#"<html lang="en">"#) && html.contains("Fair-share plan"));
    assert_eq!(cookie, None);

    let (html, _) = page(
        "/fair-share",
        &[("accept-language", "nl-BE,nl;q=0.9,en;q=0.8")],
    )
    .await;
    assert!(html.contains(r#"<html lang="nl">"#), "{html:.300}");
    assert!(html.contains("Plan eerlijk aandeel") && html.contains("<strong>8.821</strong>"));

    let (html, cookie) = page("/fair-share?lang=fr", &[("accept-language", "nl")]).await;
    assert!(html.contains(r#"<html lang="fr">"#) && html.contains("Plan de juste part"));
    assert!(
        html.contains("<strong>8\u{202f}821</strong>"),
        "fr groups with a narrow no-break space"
    );
    let cookie = cookie.expect("?lang= is remembered");
    assert!(cookie.starts_with("lang=fr;"), "{cookie}");

    let (html, _) = page(
        "/login",
        &[("cookie", "lang=fr"), ("accept-language", "nl")],
    )
    .await;
    assert!(html.contains(r#"<html lang="fr">"#) && html.contains("Se connecter"));
    let (html, _) = page(
        "/login",
        &[("cookie", "lang=xx"), ("accept-language", "de, en")],
    )
    .await;
    assert!(html.contains(r#"<html lang="en">"#) && html.contains(">Sign in</button>"));
}

#[tokio::test]
async fn the_fair_share_page_opens_on_the_report_and_refuses_bad_input_by_field() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, _, html) = get(&app, "/fair-share").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(r#"<td id="state-total"><strong>8,821</strong></td>"#),
        "{html}"
    );
    assert!(html.contains("plan-chart-title"));
    let (_, _, fragment) = get(&app, "/fair-share/outcome?years=x").await;
    assert!(
        fragment.contains("plan-error") && fragment.contains("years"),
        "{fragment}"
    );
}

async fn token(app: &App) -> String {
    token_for(app, "officer", "case-officer,reception-officer").await
}

/// A token of a new user holding `roles`.
async fn token_for(app: &App, username: &str, roles: &str) -> String {
    app.add_user(&op(), username, roles, None, "a long enough password")
        .await
        .unwrap();
    app.create_token(&op(), username, None, Some(1))
        .await
        .unwrap()
}

async fn authed(
    app: &App,
    token: &str,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .unwrap();
    let (status, _, text) = send(app, request).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

/// The API path and the case of the first case in `state`, read with `token`.
async fn first_case_in(app: &App, token: &str, state: &str) -> (String, serde_json::Value) {
    let (_, list) = authed(
        app,
        token,
        "GET",
        &format!("/api/v1/cases?state={state}"),
        None,
    )
    .await;
    let number = list["items"][0]["case_number"].as_str().unwrap();
    let case_path = format!("/api/v1/cases/{number}");
    let (_, case) = authed(app, token, "GET", &case_path, None).await;
    (case_path, case)
}

fn submission(number: &str) -> serde_json::Value {
    serde_json::json!({
        "case_number": number, "programme": "BE", "country_of_asylum": "LB", "nationality": "SY",
        "categories": ["survivor_of_violence_torture"], "priority": "normal", "channel": "mission",
        "members": [
            {"full_name": "Hana Test", "date_of_birth": "1984-02-01", "sex": "female", "relationship": "principal_applicant"},
            {"full_name": "Adam Test", "date_of_birth": "2004-05-09", "sex": "male", "relationship": "child"}
        ]
    })
}

#[tokio::test]
async fn the_case_api_needs_a_token_and_follows_a_case_with_its_promises() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let (status, _, _) = get(&app, "/api/v1/cases").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", db.backend);
        let (status, _) = authed(&app, "rst_not-a-token", "GET", "/api/v1/cases", None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let t = token(&app).await;

        let (status, case) = authed(
            &app,
            &t,
            "POST",
            "/api/v1/cases",
            Some(submission("LEB-26C99001")),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {case}", db.backend);
        assert_eq!(case["state"], "submitted");
        assert!(
            case["warnings"][0]
                .as_str()
                .unwrap()
                .contains("two submission categories")
        );
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            "/api/v1/cases",
            Some(submission("LEB-26C99001")),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let mut bad = submission("LEB-26C99002");
        bad["members"][0]["sex"] = "f".into();
        let (status, problem) = authed(&app, &t, "POST", "/api/v1/cases", Some(bad)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("members[0].sex"),
            "{problem}"
        );
        // Codes nobody defined: refused naming the field, nothing stored.
        let mut stateless = submission("LEB-26C99003");
        stateless["nationality"] = "XX".into();
        let mut unspoken = submission("LEB-26C99003");
        unspoken["members"][0]["languages"] = serde_json::json!(["ar", "klingonese"]);
        for (bad, field) in [
            (stateless, "nationality: "),
            (unspoken, "members[0].languages: "),
        ] {
            let (status, problem) = authed(&app, &t, "POST", "/api/v1/cases", Some(bad)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            let detail = problem["detail"].as_str().unwrap();
            assert!(detail.starts_with(field), "{detail}");
            let (status, _) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99003", None).await;
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "a refused submission was stored"
            );
        }
        // A member born in the future, or after the submission: refused, nothing stored.
        for (born, why) in [
            (
                "2027-03-01",
                "members[1].date_of_birth: 2027-03-01 is after today (2026-11-23)",
            ),
            (
                "2026-06-01",
                "members[1].date_of_birth: 2026-06-01 is after the case was submitted (2026-01-05)",
            ),
        ] {
            let mut unborn = submission("LEB-26C99003");
            unborn["submitted_on"] = "2026-01-05".into();
            unborn["members"][1]["date_of_birth"] = born.into();
            let (status, problem) = authed(&app, &t, "POST", "/api/v1/cases", Some(unborn)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(problem["detail"], why);
            let (status, _) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99003", None).await;
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "a refused submission was stored"
            );
        }

        let step = |to: &str, version: i64, extra: serde_json::Value| {
            let mut b =
                serde_json::json!({"to": to, "reason": "test", "expected_version": version});
            b.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            b
        };
        let path = "/api/v1/cases/LEB-26C99001/transitions";
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            path,
            Some(step("arrived", 1, serde_json::json!({}))),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(problem["detail"].as_str().unwrap().contains("submitted"));
        for (v, to) in ["dossier_review", "accepted", "pre_departure"]
            .iter()
            .enumerate()
        {
            if *to == "accepted" {
                // A decision without a reason is refused, naming the field, and the case
                // stays where it was.
                let mut blank = step(to, v as i64 + 1, serde_json::json!({}));
                blank["reason"] = " ".into();
                let (status, problem) = authed(&app, &t, "POST", path, Some(blank)).await;
                assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
                let detail = problem["detail"].as_str().unwrap();
                assert!(detail.starts_with("reason: "), "{detail}");
                let (_, case) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99001", None).await;
                assert_eq!(
                    (case["state"].as_str(), case["version"].as_i64()),
                    (Some("dossier_review"), Some(2))
                );
            }
            let (status, moved) = authed(
                &app,
                &t,
                "POST",
                path,
                Some(step(to, v as i64 + 1, serde_json::json!({}))),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{to}: {moved}");
        }
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            path,
            Some(step("departure_scheduled", 3, serde_json::json!({}))),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "stale version");
        let in_a_month = (resettle_testkit::TODAY + time::Duration::days(30)).to_string();
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            path,
            Some(step(
                "departure_scheduled",
                4,
                serde_json::json!({"departure_date": in_a_month}),
            )),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "checks are required first"
        );
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains("travel_authorisation") && detail.contains("humanitarian_visa"),
            "{detail}"
        );
        let today = resettle_testkit::TODAY.to_string();
        // A check the profile does not define is refused, listing those it does.
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            path,
            Some(step(
                "departure_scheduled",
                4,
                serde_json::json!({"departure_date": in_a_month, "checks": {"travel_authorisation": today, "humanitarian_visa": today, "cultural_orientation": today, "visa": today}}),
            )),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(
            problem["detail"],
            "checks: \"visa\" is not a pre-departure check of the profile; defined: \
             travel_authorisation, humanitarian_visa, cultural_orientation, medical_check"
        );
        let checks = serde_json::json!({"travel_authorisation": today, "humanitarian_visa": today, "cultural_orientation": today});
        let (status, moved) = authed(
            &app,
            &t,
            "POST",
            path,
            Some(step(
                "departure_scheduled",
                4,
                serde_json::json!({"departure_date": in_a_month, "checks": checks}),
            )),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{moved}");
        let (_, case) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99001", None).await;
        let visa = case["pre_departure"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "humanitarian_visa")
            .unwrap();
        assert_eq!(visa["done_on"], today.as_str());

        let promises = "/api/v1/cases/LEB-26C99001/promises";
        // A date promised for a day already past is refused and records nothing.
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            promises,
            Some(serde_json::json!({"kind": "interview", "promised_date": "2025-06-01"})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            problem["detail"],
            "promised_date: 2025-06-01 is before the day it was promised (2026-11-23)"
        );
        let (_, case) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99001", None).await;
        assert_eq!(case["promises"].as_array().unwrap().len(), 1, "{case}");
        let later = (resettle_testkit::TODAY + time::Duration::days(90)).to_string();
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            promises,
            Some(serde_json::json!({"kind": "departure", "promised_date": later})),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a slip needs its reason"
        );
        assert!(problem["detail"].as_str().unwrap().contains("reason"));
        let slip = serde_json::json!({"kind": "departure", "promised_date": later, "reason": "visa delayed", "reason_code": "weather"});
        let (status, problem) = authed(&app, &t, "POST", promises, Some(slip.clone())).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a slip names a reason of the profile"
        );
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.starts_with("reason_code: \"weather\" is not a slip reason")
                && detail.contains("visa"),
            "{detail}"
        );
        // The problem names the field and the kind of reason, for a client to place and word.
        assert_eq!(
            (&problem["field"], &problem["kind"]),
            (
                &serde_json::json!("reason_code"),
                &serde_json::json!("not_in_list")
            )
        );
        let mut slip = slip;
        slip["reason_code"] = "visa".into();
        let (status, case) = authed(&app, &t, "POST", promises, Some(slip)).await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        assert_eq!(case["slipped_promises"], 1);
        assert_eq!(case["version"], 5);

        let (_, events) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99001/events", None).await;
        let seqs: Vec<i64> = events
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["seq"].as_i64().unwrap())
            .collect();
        assert_eq!(seqs, [1, 2, 3, 4, 5]);
        assert_eq!(events[4]["actor"], "officer");

        let (_, list) = authed(
            &app,
            &t,
            "GET",
            "/api/v1/cases?nationality=sy&state=departure_scheduled&per_page=500",
            None,
        )
        .await;
        assert!(
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["case_number"] == "LEB-26C99001"),
            "{list}"
        );
        let (_, overdue) = authed(
            &app,
            &t,
            "GET",
            "/api/v1/cases?overdue=true&per_page=500",
            None,
        )
        .await;
        let days: Vec<i64> = overdue["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["days_overdue"].as_i64().unwrap())
            .collect();
        assert!(
            !days.is_empty() && days.windows(2).all(|w| w[0] >= w[1]),
            "most overdue first: {days:?}"
        );
        // The list decides from the first and last day each case entered each state (its
        // history only when a stop fell on the day a clock started); each case's own page
        // reads its whole history. Both name the same cases with the same days over,
        // every case looked at.
        let listed: std::collections::BTreeMap<String, i64> = overdue["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let number = c["case_number"].as_str().unwrap().to_string();
                (number, c["days_overdue"].as_i64().unwrap())
            })
            .collect();
        let mut late = std::collections::BTreeMap::new();
        for page in 1..=2 {
            let (_, all) = authed(
                &app,
                &t,
                "GET",
                &format!("/api/v1/cases?per_page=500&page={page}"),
                None,
            )
            .await;
            for c in all["items"].as_array().unwrap() {
                let number = c["case_number"].as_str().unwrap();
                let (_, case) =
                    authed(&app, &t, "GET", &format!("/api/v1/cases/{number}"), None).await;
                // Late on a limit between states, or a reunification request waiting for a
                // decision past its due day.
                let running = case["overdue"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|o| o["stopped"].is_null())
                    .map(|o| o["days_over"].as_i64().unwrap())
                    .chain(
                        case["reunification"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .filter_map(|r| r["days_overdue"].as_i64()),
                    )
                    .max();
                let open =
                    !["closed", "withdrawn", "deceased"].contains(&case["state"].as_str().unwrap());
                if let (Some(days), true) = (running, open) {
                    late.insert(number.to_string(), days);
                }
            }
        }
        assert_eq!(listed, late, "{}", db.backend);
        let (status, _) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C00000", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn missions_sponsor_groups_and_reunification_have_their_own_resources() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        let mission = serde_json::json!({
            "programme": "BE", "code": "BE-2027-JO-9", "destination": "JO",
            "starts_on": "2027-04-01", "ends_on": "2027-04-10", "team": ["A. Peeters (CGVS)"]
        });
        let (status, _) = authed(&app, &t, "POST", "/api/v1/missions", Some(mission.clone())).await;
        assert_eq!(status, StatusCode::CREATED, "{}", db.backend);
        let (status, _) = authed(&app, &t, "POST", "/api/v1/missions", Some(mission)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            "/api/v1/missions/BE-2027-JO-9/status",
            Some(serde_json::json!({"status": "cancelled"})),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, list) = authed(&app, &t, "GET", "/api/v1/missions", None).await;
        let m = list["missions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["code"] == "BE-2027-JO-9")
            .unwrap();
        assert_eq!(m["status"], "cancelled");
        let y2027 = list["per_year"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["year"] == 2027)
            .unwrap();
        assert!(y2027["cancelled"].as_i64().unwrap() >= 1);
        let interviewed: i64 = list["missions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["interviewed"].as_i64().unwrap())
            .sum();
        assert!(interviewed > 0, "demo missions have interviewed cases");

        let group = serde_json::json!({"programme": "BE", "name": "Welkom Gent", "municipality": "Gent", "contact": "L. Maes", "members": 6, "capacity_persons": 5});
        let (status, _) = authed(&app, &t, "POST", "/api/v1/sponsor-groups", Some(group)).await;
        assert_eq!(status, StatusCode::CREATED);
        let (_, groups) = authed(&app, &t, "GET", "/api/v1/sponsor-groups", None).await;
        assert!(
            groups
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["name"] == "Welkom Gent" && g["cases"] == 0)
        );

        let (_, list) = authed(
            &app,
            &t,
            "GET",
            "/api/v1/cases?state=housed&per_page=1",
            None,
        )
        .await;
        let number = list["items"][0]["case_number"]
            .as_str()
            .unwrap()
            .to_string();
        let full = app.case_full(&op(), &number).await.unwrap();
        let before = full.reunification.len();
        let path = format!("/api/v1/cases/{number}/reunification");
        // A request before the case existed cannot be.
        let day_before = (full.submitted_on - time::Duration::days(1)).to_string();
        let (status, problem) = authed(&app, &t, "POST", &path, Some(serde_json::json!({"relative_name": "Karim Test", "relationship": "adult son", "location": "LB", "requested_on": day_before}))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .starts_with("requested_on: ")
        );
        assert_eq!(app.case_full(&op(), &number).await.unwrap(), full);
        assert!(full.submitted_on <= time::macros::date!(2026 - 08 - 15));
        let (status, case) = authed(&app, &t, "POST", &path, Some(serde_json::json!({"relative_name": "Karim Test", "relationship": "adult son", "location": "LB", "requested_on": "2026-08-15"}))).await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        let added = &case["reunification"][before];
        assert_eq!(added["status"], "requested");
        assert_eq!(added["days_since_request"], 100, "{added}");
        // Due within the Belgian profile's six months, not yet overdue.
        assert_eq!(added["due_on"], "2027-02-14", "{added}");
        assert!(added["days_overdue"].is_null(), "{added}");
        // The dependency and the proof of family ties: typed words, each once, and "none"
        // alone; a refusal names the list and its kind and changes nothing.
        let ties_path = format!("{path}/{}/ties", before + 1);
        for (body, field, kind) in [
            (
                serde_json::json!({"dependency": ["none", "financial"]}),
                "dependency",
                "none_beside_others",
            ),
            (
                serde_json::json!({"evidence": ["dna", "dna"]}),
                "evidence",
                "listed_twice",
            ),
        ] {
            let (status, problem) = authed(&app, &t, "PUT", &ties_path, Some(body)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert_eq!(
                (&problem["field"], &problem["kind"]),
                (&serde_json::json!(field), &serde_json::json!(kind)),
                "{problem}"
            );
        }
        let (status, problem) = authed(
            &app,
            &t,
            "PUT",
            &ties_path,
            Some(serde_json::json!({"evidence": ["blood"]})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        let (status, case) = authed(
            &app,
            &t,
            "PUT",
            &ties_path,
            Some(serde_json::json!({"dependency": ["financial", "emotional"], "evidence": ["testimony", "unhcr_records"]})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{case}");
        assert_eq!(
            case["reunification"][before]["dependency"],
            serde_json::json!(["financial", "emotional"])
        );
        assert_eq!(
            case["reunification"][before]["evidence"],
            serde_json::json!(["testimony", "unhcr_records"])
        );
        let status_path = format!("{path}/{}/status", before + 1);
        // Each status has its own moves: not straight to reunited, and a decision says why.
        // The problem names the field and the kind of reason, for a client to word.
        for (body, why, field, kind) in [
            (
                serde_json::json!({"status": "reunited", "resolved_on": "2026-11-01"}),
                "status: a request that is requested cannot become reunited; allowed: approved, refused",
                "status",
                "request_not_allowed",
            ),
            (
                serde_json::json!({"status": "approved", "resolved_on": "2026-09-01"}),
                "reason: must be given",
                "reason",
                "missing",
            ),
            (
                serde_json::json!({"status": "approved", "resolved_on": "2026-08-01", "reason": "ties proven"}),
                "resolved_on: 2026-08-01 is before the request was filed (2026-08-15)",
                "resolved_on",
                "before",
            ),
        ] {
            let (status, problem) = authed(&app, &t, "POST", &status_path, Some(body)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert_eq!(problem["detail"], why);
            assert_eq!(
                (&problem["field"], &problem["kind"]),
                (&serde_json::json!(field), &serde_json::json!(kind)),
                "{problem}"
            );
        }
        let (status, case) = authed(
            &app,
            &t,
            "POST",
            &status_path,
            Some(serde_json::json!({"status": "approved", "resolved_on": "2026-09-01", "reason": "adult son, dependent on the family"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{case}");
        // Approved never goes back to requested (which would clear its resolution day).
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            &status_path,
            Some(serde_json::json!({"status": "requested", "reason": "reopened"})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(
            problem["detail"],
            "status: a request that is approved cannot become requested; allowed: reunited, refused"
        );
        assert_eq!(problem["kind"], "request_not_allowed");
        let (_, unchanged) =
            authed(&app, &t, "GET", &format!("/api/v1/cases/{number}"), None).await;
        assert_eq!(
            unchanged["reunification"][before],
            case["reunification"][before]
        );
        assert_eq!(
            unchanged["reunification"][before]["resolved_on"],
            "2026-09-01"
        );
        let (status, case) = authed(
            &app,
            &t,
            "POST",
            &status_path,
            Some(serde_json::json!({"status": "reunited", "resolved_on": "2026-11-01"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{case}");
        assert_eq!(case["reunification"][before]["days_since_request"], 78);
        assert_eq!(
            case["reunification"][before]["reason"], "adult son, dependent on the family",
            "the approval's reason stays with the reunion"
        );
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            &format!("{path}/99/status"),
            Some(serde_json::json!({"status": "approved"})),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

/// A medical officer writes a member's record through the API and reads it back; a refusal
/// is a problem naming the field, and a case officer is refused the write.
#[tokio::test]
async fn a_medical_record_is_written_through_the_api_and_refusals_name_the_field() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(
            &DemoConfig {
                seed: 3,
                cases: 40,
                as_of: resettle_testkit::TODAY,
            },
            false,
        )
        .await
        .unwrap();
        let medical = token_for(&app, "doctor", "medical-officer").await;
        let officer = token_for(&app, "officer", "case-officer").await;
        let (_, list) = authed(&app, &medical, "GET", "/api/v1/cases", None).await;
        let n = list["items"][0]["case_number"]
            .as_str()
            .unwrap()
            .to_string();
        let put = |token: String, member: &'static str, body: serde_json::Value| {
            let app = app.clone();
            let path = format!("/api/v1/cases/{n}/medical/{member}");
            async move {
                let request = Request::put(path)
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/json")
                    .body(Body::from(body.to_string()))
                    .unwrap();
                send(&app, request).await
            }
        };
        let entry = serde_json::json!({
            "condition": "Severe depression", "care_needs": ["mental_health_support"],
            "consent_to_share": true, "fit_to_travel": true
        });
        let (status, _, text) = put(medical.clone(), "1", entry.clone()).await;
        assert_eq!(status, StatusCode::OK, "{}: {text}", db.backend);
        let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(saved["fit_to_travel"], true);
        let (_, records) = authed(
            &app,
            &medical,
            "GET",
            &format!("/api/v1/cases/{n}/medical"),
            None,
        )
        .await;
        assert!(records.as_array().unwrap().contains(&saved), "{records}");
        for (member, body, field) in [
            (
                "1",
                serde_json::json!({"condition": "  ", "consent_to_share": true}),
                "condition",
            ),
            (
                "1",
                serde_json::json!({"condition": "x", "consent_to_share": true,
                                     "care_needs": ["spa"]}),
                "care_needs[0]",
            ),
            (
                "1",
                serde_json::json!({"condition": "x", "consent_to_share": "maybe"}),
                "consent_to_share",
            ),
            (
                "1",
                serde_json::json!({"condition": "x", "consent_to_share": true,
                                     "fit_to_travel": "yes"}),
                "fit_to_travel",
            ),
            ("99", entry.clone(), "member_no"),
            ("first", entry.clone(), "member_no"),
        ] {
            let (status, content_type, text) = put(medical.clone(), member, body).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {text}",
                db.backend
            );
            assert_eq!(content_type, "application/problem+json");
            let detail = serde_json::from_str::<serde_json::Value>(&text).unwrap()["detail"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(detail.starts_with(&format!("{field}:")), "{detail}");
        }
        let (status, content_type, _) = put(officer, "1", entry.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(content_type, "application/problem+json");
        let (_, after) = authed(
            &app,
            &medical,
            "GET",
            &format!("/api/v1/cases/{n}/medical"),
            None,
        )
        .await;
        assert_eq!(
            after, records,
            "{}: a refused write changed the records",
            db.backend
        );
    }
}

#[tokio::test]
async fn placement_refuses_over_capacity_without_a_reason_and_lapsed_proposals() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        let (status, _) = authed(&app, &t, "POST", "/api/v1/programmes/BE/placement", None).await;
        assert_eq!(status, StatusCode::OK, "{}", db.backend);
        let (_, plan) = authed(&app, &t, "GET", "/api/v1/programmes/BE/placement", None).await;
        let proposals = plan["proposals"].as_array().unwrap().clone();
        let instance = app.placement_instance(&op(), "BE").await.unwrap();
        let fullest = instance
            .places
            .iter()
            .min_by(|a, b| a.capacity["persons"].total_cmp(&b.capacity["persons"]))
            .unwrap();
        let mut pick = None;
        for p in proposals
            .iter()
            .filter(|p| p["place"] != fullest.id.as_str())
        {
            let number = p["case_number"].as_str().unwrap().to_string();
            let (_, case) = authed(&app, &t, "GET", &format!("/api/v1/cases/{number}"), None).await;
            if p["family_size"].as_f64().unwrap() > fullest.capacity["persons"] {
                pick = Some((number, case));
                break;
            }
        }
        let (number, before) = pick.expect("a family larger than the fullest place's room");
        let path = format!("/api/v1/cases/{number}/placement");
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            &path,
            Some(serde_json::json!({"decision": "confirm", "place": fullest.id})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .starts_with(&format!("over_capacity_reason: {} holds ", fullest.id)),
            "{problem}"
        );
        let (_, after) = authed(&app, &t, "GET", &format!("/api/v1/cases/{number}"), None).await;
        assert_eq!(before, after, "a refused confirmation changed the case");
        let (_, plan) = authed(&app, &t, "GET", "/api/v1/programmes/BE/placement", None).await;
        let open = plan["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["case_number"] == number.as_str())
            .unwrap()
            .clone();
        assert_eq!(open["status"], "proposed");
        let (status, decided) = authed(
            &app,
            &t,
            "POST",
            &path,
            Some(serde_json::json!({"decision": "confirm", "place": fullest.id, "over_capacity_reason": "joins her brother"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{decided}");
        assert_eq!(decided["over_capacity_reason"], "joins her brother");

        // A proposal lapses when its case moves on by hand: the plan says so and a
        // confirmation is refused, changing nothing.
        let mut moved = None;
        for p in proposals
            .iter()
            .filter(|p| p["case_number"] != number.as_str())
        {
            let n = p["case_number"].as_str().unwrap().to_string();
            let (_, case) = authed(&app, &t, "GET", &format!("/api/v1/cases/{n}"), None).await;
            if case["allowed_transitions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == "withdrawn")
            {
                moved = Some((n, case["version"].as_i64().unwrap()));
                break;
            }
        }
        let (stale, version) = moved.expect("a proposed family that may still withdraw");
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            &format!("/api/v1/cases/{stale}/transitions"),
            Some(serde_json::json!({"to": "withdrawn", "reason": "the family withdrew", "reason_code": "family_declined", "expected_version": version})),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let status_of = |plan: &serde_json::Value| {
            plan["proposals"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["case_number"] == stale.as_str())
                .unwrap()["status"]
                .clone()
        };
        let (_, plan) = authed(&app, &t, "GET", "/api/v1/programmes/BE/placement", None).await;
        assert_eq!(status_of(&plan), "lapsed");
        let (_, before) = authed(&app, &t, "GET", &format!("/api/v1/cases/{stale}"), None).await;
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            &format!("/api/v1/cases/{stale}/placement"),
            Some(serde_json::json!({"decision": "confirm"})),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.starts_with(&format!("the proposal for case {stale} lapsed"))
                && detail.contains("withdrawn"),
            "{detail}"
        );
        let (_, after) = authed(&app, &t, "GET", &format!("/api/v1/cases/{stale}"), None).await;
        assert_eq!(before, after, "a refused confirmation changed the case");
        let (_, plan) = authed(&app, &t, "GET", "/api/v1/programmes/BE/placement", None).await;
        assert_eq!(status_of(&plan), "lapsed");
    }
}

/// Reception in stages through the API: a family arrived is taken to a centre (a step),
/// moved to an LOI (`POST …/stays`), then housed; each stay is on the case with its days.
/// A move over an LOI's capacity is a problem naming `over_capacity_reason`, a stale one
/// a conflict, and neither changes anything.
#[tokio::test]
async fn a_family_moves_centre_then_loi_then_home_through_the_api() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        let (case_path, case) = first_case_in(&app, &t, "arrived").await;
        let persons = case["members"].as_array().unwrap().len() as i64;
        let day = app.reception_day(&op(), "BE", None, None).await.unwrap();
        let room = |kind: PlaceKind| {
            day.places
                .iter()
                .find(|p| p.kind == kind && p.occupied_persons + persons <= p.capacity_persons)
                .unwrap()
                .code
                .clone()
        };
        let (centre, loi) = (room(PlaceKind::Centre), room(PlaceKind::Loi));
        let full = day
            .places
            .iter()
            .find(|p| p.kind == PlaceKind::Loi && p.occupied_persons + persons > p.capacity_persons)
            .expect("an LOI without room")
            .code
            .clone();
        let (status, moved) = authed(
            &app,
            &t,
            "POST",
            &format!("{case_path}/transitions"),
            Some(serde_json::json!({
                "to": "in_reception", "expected_version": case["version"],
                "reception_place": centre,
            })),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {moved}", db.backend);
        let version = moved["version"].as_i64().unwrap();
        let stays = format!("{case_path}/stays");
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            &stays,
            Some(serde_json::json!({"place": full, "expected_version": version})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.backend);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .starts_with("over_capacity_reason:"),
            "{problem}"
        );
        let (status, _) = authed(
            &app,
            &t,
            "POST",
            &stays,
            Some(serde_json::json!({"place": loi, "expected_version": version - 1})),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{}", db.backend);
        let (_, unchanged) = authed(&app, &t, "GET", &case_path, None).await;
        assert_eq!(unchanged["version"], version, "{}", db.backend);
        assert_eq!(unchanged["stays"].as_array().unwrap().len(), 1);
        let (status, moved) = authed(
            &app,
            &t,
            "POST",
            &stays,
            Some(serde_json::json!({
                "place": loi, "expected_version": version, "reason": "an LOI for the family"
            })),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {moved}", db.backend);
        assert_eq!(moved["version"], version + 1);
        let today = resettle_testkit::TODAY.to_string();
        let kinds: Vec<(&str, &str, Option<&str>)> = moved["stays"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["kind"].as_str().unwrap(),
                    s["from"].as_str().unwrap(),
                    s["until"].as_str(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("centre", today.as_str(), Some(today.as_str())),
                ("loi", today.as_str(), None)
            ]
        );
        assert_eq!(
            moved["stays"][1]["due_by"], "2027-05-25",
            "183 days in an LOI"
        );
        let (status, housed) = authed(
            &app,
            &t,
            "POST",
            &format!("{case_path}/transitions"),
            Some(serde_json::json!({
                "to": "housed", "expected_version": version + 1,
                "address": "Veldstraat 1, 9000 Gent", "municipality": "Gent",
            })),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {housed}", db.backend);
        let (_, case) = authed(&app, &t, "GET", &case_path, None).await;
        let kinds: Vec<&str> = case["stays"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["centre", "loi", "home"], "{}", db.backend);
        assert!(case["reception_place"].is_null());
        assert_eq!(
            case["stays"][1]["place_name"]
                .as_str()
                .map(|n| n.is_empty()),
            Some(false)
        );
    }
}

/// A sponsorship that breaks down, through the API: the step back into reception names
/// its reason from the profile's breakdown list. Without a code, or with one from another
/// list, it is a problem naming `reason_code`, and nothing is written; with one, the step
/// records it.
#[tokio::test]
async fn a_step_back_from_a_sponsor_group_names_its_breakdown_reason() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        let (case_path, case) = first_case_in(&app, &t, "arrived").await;
        let group = app.sponsor_groups(&op()).await.unwrap()[0]
            .group
            .name
            .clone();
        let transitions = format!("{case_path}/transitions");
        let (status, housed) = authed(
            &app,
            &t,
            "POST",
            &transitions,
            Some(serde_json::json!({
                "to": "housed", "expected_version": case["version"],
                "sponsor_group": group, "address": "Kerkstraat 2, 9000 Gent",
            })),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {housed}", db.backend);
        let version = housed["version"].as_i64().unwrap();
        let persons = case["members"].as_array().unwrap().len() as i64;
        let loi = app
            .reception_day(&op(), "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| {
                p.kind == PlaceKind::Loi && p.occupied_persons + persons <= p.capacity_persons
            })
            .unwrap()
            .code;
        let back = |code: Option<&str>| {
            serde_json::json!({
                "to": "in_reception", "expected_version": version, "reception_place": loi,
                "reason": "the group dissolved after two members moved away",
                "reason_code": code,
            })
        };
        let (_, before) = authed(&app, &t, "GET", &format!("{case_path}/events"), None).await;
        for (code, kind) in [(None, "none_chosen"), (Some("visa"), "not_in_list")] {
            let (status, problem) = authed(&app, &t, "POST", &transitions, Some(back(code))).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {problem}",
                db.backend
            );
            assert_eq!(
                (&problem["field"], &problem["kind"]),
                (&serde_json::json!("reason_code"), &serde_json::json!(kind)),
                "{problem}"
            );
            assert!(
                problem["detail"]
                    .as_str()
                    .unwrap()
                    .contains("group_dissolved"),
                "the problem lists the breakdown reasons: {problem}"
            );
            let (_, after) = authed(&app, &t, "GET", &format!("{case_path}/events"), None).await;
            assert_eq!(after, before, "{}: nothing written", db.backend);
            let (_, unchanged) = authed(&app, &t, "GET", &case_path, None).await;
            assert_eq!(
                (&unchanged["state"], &unchanged["version"]),
                (&serde_json::json!("housed"), &serde_json::json!(version))
            );
            assert_eq!(
                unchanged["stays"].as_array().unwrap().last().unwrap()["kind"],
                "sponsor"
            );
        }
        let (status, moved) = authed(
            &app,
            &t,
            "POST",
            &transitions,
            Some(back(Some("group_dissolved"))),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}: {moved}", db.backend);
        let (_, events) = authed(&app, &t, "GET", &format!("{case_path}/events"), None).await;
        let last = events.as_array().unwrap().last().unwrap();
        assert_eq!(
            (&last["to"], &last["reason_code"]),
            (
                &serde_json::json!("in_reception"),
                &serde_json::json!("group_dissolved")
            ),
            "{}",
            db.backend
        );
    }
}

#[tokio::test]
async fn malformed_bodies_and_queries_are_problems_naming_the_field() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await;
    let (status, content_type, text) = send_json(
        &app,
        "POST",
        "/api/v1/fair-share/plan",
        serde_json::json!({"needs": 1, "growth": 0}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert!(text.contains("years"), "{text}");
    let t = token(&app).await;
    let request = Request::get("/api/v1/cases?page=first")
        .header("authorization", format!("Bearer {t}"))
        .body(Body::empty())
        .unwrap();
    let (status, content_type, text) = send(&app, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert!(text.contains("\"detail\":\"page: "), "{text}");
}

/// The case list paged by key: following each answer's `next` as `after` walks every
/// case the filters match once, in the list's order, as one long page lists them, the
/// count exact; an `after` that is no case number, or names no case, is a 422 naming
/// `after`, a one-letter name word a 422 naming `q`, and neither is recorded as a read.
#[tokio::test]
async fn the_case_list_is_paged_by_key_and_a_bad_position_is_refused_by_name() {
    let numbers = |list: &serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["case_number"].as_str().unwrap().to_string())
            .collect()
    };
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        for filter in [
            "",
            "state=housed&",
            "priority=normal&nationality=sy&",
            "q=mo&",
        ] {
            let (_, whole) = authed(
                &app,
                &t,
                "GET",
                &format!("/api/v1/cases?{filter}per_page=500"),
                None,
            )
            .await;
            let expected = numbers(&whole);
            assert!(expected.len() > 6, "{}: {filter} spans pages", db.backend);
            assert_eq!(whole["total"], expected.len(), "{}", db.backend);
            assert_eq!(whole["total_exact"], true);
            assert!(whole["next"].is_null(), "no page after the last");
            let mut walked = Vec::new();
            let mut path = format!("/api/v1/cases?{filter}per_page=3");
            for _ in 0..expected.len() {
                let (status, page) = authed(&app, &t, "GET", &path, None).await;
                assert_eq!(status, StatusCode::OK, "{path}: {page}");
                walked.extend(numbers(&page));
                match page["next"].as_str() {
                    Some(next) => {
                        path = format!("/api/v1/cases?{filter}per_page=3&after={next}");
                    }
                    None => break,
                }
            }
            assert_eq!(walked, expected, "{}: {filter}", db.backend);
        }
        let auditor = token_for(&app, "otto", "auditor").await;
        let listed = || async {
            let (_, entries) = authed(
                &app,
                &auditor,
                "GET",
                "/api/v1/audit?entity=case_list&actor=officer",
                None,
            )
            .await;
            entries.as_array().map_or(0, Vec::len)
        };
        let before = listed().await;
        for (query, field) in [
            ("after=not%20a%20case", "after"),
            ("after=ZZZ-99C99999", "after"),
            ("state=arrived&q=a", "q"),
            ("q=haddad%20a", "q"),
        ] {
            let path = format!("/api/v1/cases?{query}");
            let (status, problem) = authed(&app, &t, "GET", &path, None).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query}: {problem}"
            );
            assert!(
                problem["detail"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with(&format!("{field}: ")),
                "{}: {query}: {problem}",
                db.backend
            );
        }
        assert_eq!(
            listed().await,
            before,
            "a refused list was recorded as a read"
        );
    }
}

/// A word outside its list, in a body field or a query parameter, is a 422 problem naming
/// the field and the words allowed (the OpenAPI document lists them as the field's `enum`),
/// and changes nothing.
#[tokio::test]
async fn a_word_outside_its_list_is_refused_naming_the_field_and_nothing_is_written() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let t = token(&app).await;
        let refused = |problem: &serde_json::Value, field: &str, allowed: &str| {
            let detail = problem["detail"].as_str().unwrap_or_default();
            assert!(
                detail.starts_with(&format!("{field}: ")) && detail.contains(allowed),
                "{}: {problem}",
                db.backend
            );
        };
        // Body fields: the submission is not registered.
        for (field, set, allowed) in [
            ("priority", "/priority", "emergency, urgent, normal"),
            ("channel", "/channel", "mission, dossier"),
            (
                "categories[0]",
                "/categories/0",
                "survivor_of_violence_torture",
            ),
            ("members[1].sex", "/members/1/sex", "female, male, other"),
            (
                "members[1].relationship",
                "/members/1/relationship",
                "principal_applicant",
            ),
        ] {
            let mut bad = submission("LEB-26C99101");
            *bad.pointer_mut(set).unwrap() = "soon".into();
            let (status, problem) = authed(&app, &t, "POST", "/api/v1/cases", Some(bad)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            refused(&problem, field, allowed);
            let (status, _) = authed(&app, &t, "GET", "/api/v1/cases/LEB-26C99101", None).await;
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "a refused submission was stored"
            );
        }
        // A step to no state, a promise of no kind, a placement decided neither way: the
        // case stays as it was.
        let (path, case) = first_case_in(&app, &t, "pre_departure").await;
        let version = case["version"].as_i64().unwrap();
        for (verb, body, field, allowed) in [
            (
                "transitions",
                serde_json::json!({"to": "flying", "reason": "test", "expected_version": version}),
                "to",
                "departure_scheduled",
            ),
            (
                "promises",
                serde_json::json!({"kind": "wedding", "promised_date": "2027-01-15"}),
                "kind",
                "interview, departure",
            ),
            (
                "placement",
                serde_json::json!({"decision": "maybe"}),
                "decision",
                "confirm, reject",
            ),
        ] {
            let (status, problem) =
                authed(&app, &t, "POST", &format!("{path}/{verb}"), Some(body)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            refused(&problem, field, allowed);
            let (_, after) = authed(&app, &t, "GET", &path, None).await;
            assert_eq!(
                (&after["version"], &after["promises"]),
                (&case["version"], &case["promises"]),
                "{verb}: a refused request changed the case"
            );
        }
        // Query parameters: refused before the list is read, so no read is recorded; a
        // blank one (a form's "any") is no filter.
        let auditor = token_for(&app, "otto", "auditor").await;
        let listed = || async {
            let (_, entries) = authed(
                &app,
                &auditor,
                "GET",
                "/api/v1/audit?entity=case_list&actor=officer",
                None,
            )
            .await;
            entries.as_array().map_or(0, Vec::len)
        };
        let before = listed().await;
        for (query, field, allowed) in [
            ("state=flying", "state", "pre_departure"),
            ("priority=soon", "priority", "emergency, urgent, normal"),
            ("category=rich", "category", "medical_needs"),
        ] {
            let path = format!("/api/v1/cases?{query}");
            let (status, problem) = authed(&app, &t, "GET", &path, None).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query}: {problem}"
            );
            refused(&problem, field, allowed);
        }
        assert_eq!(
            listed().await,
            before,
            "a refused filter was recorded as a read"
        );
        let (status, list) = authed(&app, &t, "GET", "/api/v1/cases?state=&priority=", None).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        // The trail's filters take the words its entries are written with; a refused
        // filter is no read of the trail (the count below is one more: its own read).
        let trail_reads = || async {
            let (_, entries) = authed(
                &app,
                &auditor,
                "GET",
                "/api/v1/audit?action=read&entity=audit_log&actor=otto",
                None,
            )
            .await;
            entries.as_array().map_or(0, Vec::len)
        };
        let before = trail_reads().await;
        for (query, field, allowed) in [
            ("action=peek", "action", "read, write, export"),
            ("entity=cases", "entity", "case, case_list"),
        ] {
            let path = format!("/api/v1/audit?{query}");
            let (status, problem) = authed(&app, &auditor, "GET", &path, None).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query}: {problem}"
            );
            refused(&problem, field, allowed);
        }
        assert_eq!(
            trail_reads().await,
            before + 1,
            "a refused filter was recorded as a read of the trail"
        );
        let (status, entries) = authed(
            &app,
            &auditor,
            "GET",
            "/api/v1/audit?action=&entity=case_list",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{entries}");
        assert!(
            entries
                .as_array()
                .is_some_and(|e| !e.is_empty() && e.iter().all(|e| e["entity"] == "case_list")),
            "{entries}"
        );
    }
}

#[tokio::test]
async fn programmes_and_policies_are_resources_too() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        let (_, _, list) = get(&app, "/api/v1/policies").await;
        let list: serde_json::Value = serde_json::from_str(&list).unwrap();
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == "netherlands-2012")
        );
        let (status, _, nl) = get(&app, "/api/v1/policies/netherlands-2012").await;
        assert_eq!(status, StatusCode::OK);
        assert!(nl.contains("integration_perspective"), "{nl}");
        let (status, _, _) = get(&app, "/api/v1/policies/atlantis").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let body = serde_json::json!({"code": "NL", "name": "Dutch programme", "state": "NL", "policy_profile": "netherlands-2012"});
        let (status, _, _) = send_json(&app, "POST", "/api/v1/programmes", body.clone()).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "adding a programme needs a token"
        );
        let t = token(&app).await;
        let (status, _) = authed(&app, &t, "POST", "/api/v1/programmes", Some(body.clone())).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "settings are the administrator's"
        );
        let t = token_for(&app, "admin", "admin").await;
        let (status, _) = authed(&app, &t, "POST", "/api/v1/programmes", Some(body.clone())).await;
        assert_eq!(status, StatusCode::CREATED, "{}", db.backend);
        let (status, _) = authed(&app, &t, "POST", "/api/v1/programmes", Some(body)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (_, _, list) = get(&app, "/api/v1/programmes").await;
        assert!(
            list.contains("\"policy_profile\":\"netherlands-2012\""),
            "{list}"
        );
    }
}

/// The API description is an interface other tools depend on: a change to it must be
/// deliberate. Review the difference, then rewrite the snapshot with
/// `UPDATE_OPENAPI=1 cargo test -p resettle-web --test web openapi`.
#[test]
fn the_openapi_document_matches_its_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/openapi.json");
    let now = serde_json::to_string_pretty(&resettle_web::openapi()).unwrap() + "\n";
    if std::env::var("UPDATE_OPENAPI").as_deref() == Ok("1") {
        std::fs::write(path, &now).unwrap();
    }
    let snapshot = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        snapshot == now,
        "the OpenAPI document changed; review it and run UPDATE_OPENAPI=1 cargo test -p resettle-web --test web openapi"
    );
}

/// The operator at the command line, who holds every role.
fn op() -> resettle_app::Caller {
    resettle_app::Caller::operator()
}

/// The administration sends the anonymous to sign in, and refuses a form without the
/// session's CSRF token (changing nothing); with it, a change answers with the status
/// line's redirect.
#[tokio::test]
async fn the_administration_needs_a_session_and_the_forms_csrf_token() {
    let db = resettle_testkit::sqlite();
    let app = open(&db.url).await.with_security(resettle_app::Security {
        second_factor_roles: Vec::new(),
        ..resettle_app::Security::default()
    });
    for (method, path) in [("GET", "/admin"), ("POST", "/admin/users/ana/disable")] {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("csrf=x"))
            .unwrap();
        let response = resettle_web::router(app.clone())
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{method} {path}");
        assert_eq!(response.headers()["location"], "/login", "{method} {path}");
    }
    let password = "a long admin passphrase";
    for (name, role) in [("ana", "admin"), ("bo", "planner")] {
        app.add_user(&op(), name, role, None, password)
            .await
            .unwrap();
    }
    let cookie = app.login("ana", password, "t").await.unwrap().cookie;
    let csrf = app.session(&cookie, "t").await.unwrap().csrf_token;
    let post = |form: String| {
        let request = Request::post("/admin/users/bo/disable")
            .header("cookie", format!("__Host-resettle={cookie}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap();
        resettle_web::router(app.clone()).oneshot(request)
    };
    let forged = post("csrf=not-the-token".into()).await.unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let disabled = |app: App| async move {
        app.users(&op())
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.username == "bo")
            .unwrap()
            .disabled
    };
    assert!(
        !disabled(app.clone()).await,
        "a forged form changed nothing"
    );
    let done = post(format!("csrf={csrf}")).await.unwrap();
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        done.headers()["location"],
        "/admin?done=user-disabled&user=bo"
    );
    assert!(disabled(app.clone()).await);
}

/// The pledge page is the planner's: every other role is refused the page and the form,
/// even with its own valid CSRF token, and the refusal writes nothing (and is audited); a
/// planner's refused value writes nothing either, and a planner's pledge is saved and
/// audited as the API's is.
#[tokio::test]
async fn only_a_planner_records_a_pledge_through_the_page() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await.with_security(resettle_app::Security {
            second_factor_roles: Vec::new(),
            ..resettle_app::Security::default()
        });
        app.load_demo(
            &DemoConfig {
                cases: 20,
                ..small_demo()
            },
            false,
        )
        .await
        .unwrap();
        let password = "a long pledge passphrase";
        let roles = [
            ("pat", "planner"),
            ("cora", "case-officer"),
            ("ada", "admin"),
            ("otto", "auditor"),
            ("rita", "reception-officer"),
        ];
        for (name, role) in roles {
            app.add_user(&op(), name, role, Some("Fedasil"), password)
                .await
                .unwrap();
        }
        let before = app.pledges_csv("BE").await.unwrap();
        let page = |name: &'static str, form: Option<String>| {
            let app = app.clone();
            async move {
                let cookie = app.login(name, password, "t").await.unwrap().cookie;
                let csrf = app.session(&cookie, "t").await.unwrap().csrf_token;
                let request = match form {
                    None => Request::get("/pledges").body(Body::empty()),
                    Some(form) => Request::post("/pledges")
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(Body::from(format!("csrf={csrf}&{form}"))),
                };
                let mut request = request.unwrap();
                request.headers_mut().insert(
                    "cookie",
                    format!("__Host-resettle={cookie}").parse().unwrap(),
                );
                send(&app, request).await
            }
        };
        let pledge = "programme=BE&year=2031&pledged=10&source=forged";
        for (name, role) in &roles[1..] {
            let (status, _, body) = page(name, None).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{}: {role} reads the page",
                db.backend
            );
            assert!(!body.contains("name=\"pledged\""), "{role} gets the form");
            let (status, _, _) = page(name, Some(pledge.into())).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{}: {role} saves",
                db.backend
            );
            // Refused before the value is even read: nothing learnt from a bad number.
            let (status, _, _) = page(name, Some(pledge.replace("=10", "=-1"))).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{}: {role}", db.backend);
        }
        assert_eq!(
            app.pledges_csv("BE").await.unwrap(),
            before,
            "{}: a refusal changed the pledges",
            db.backend
        );
        let refused = app
            .audit_entries(
                &op(),
                &resettle_app::AuditQuery {
                    action: Some(resettle_domain::audit::AuditAction::Refused),
                    entity: Some(resettle_domain::audit::AuditEntity::Pledge),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert!(
            roles[1..]
                .iter()
                .all(|(name, _)| refused.iter().any(|e| e.actor == *name)),
            "{}: every refusal is audited: {refused:?}",
            db.backend
        );

        // The planner: above the bound refused, by field, nothing written; then saved.
        let (status, _, body) = page("pat", Some(pledge.replace("=10", "=10000001"))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.backend);
        assert!(
            body.contains("Persons pledged</a>: from 0 to 10,000,000; 10,000,001 is outside that."),
            "{body}"
        );
        assert!(
            body.contains("value=\"10000001\""),
            "the form keeps what was typed"
        );
        assert_eq!(
            app.pledges_csv("BE").await.unwrap(),
            before,
            "{}",
            db.backend
        );
        let (status, _, _) = page("pat", Some(pledge.into())).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", db.backend);
        assert!(
            app.pledges_csv("BE")
                .await
                .unwrap()
                .contains("2031,10,0,10,forged"),
            "{}",
            db.backend
        );
        let written = app
            .audit_entries(
                &op(),
                &resettle_app::AuditQuery {
                    actor: Some("pat".into()),
                    action: Some(resettle_domain::audit::AuditAction::Write),
                    entity: Some(resettle_domain::audit::AuditEntity::Pledge),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(written.len(), 1, "{}: {written:?}", db.backend);
        assert_eq!(written[0].detail, "2031: 10");
    }
}

/// `POST /api/v1/forecast`: a planner forecasts a shipped scenario and the live programme;
/// the officer's token is refused; too many runs are a problem naming `runs`.
#[tokio::test]
async fn planners_forecast_through_the_api() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(&small_demo(), false).await.unwrap();
        let planner = token_for(&app, "forecaster", "planner").await;
        let who = db.backend;
        let (status, json) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/forecast",
            Some(serde_json::json!({"scenario": "belgium-growth-path", "runs": 40, "seed": 2})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{who}: {json}");
        let pledges = json["forecast"]["pledges"].as_array().unwrap();
        assert_eq!(pledges.len(), 3, "{who}");
        assert_eq!(pledges[2]["persons"], 3821);
        assert!(json["forecast"]["buffer"]["places"].is_u64(), "{who}");
        assert_eq!(json["scenario"]["name"], "belgium-growth-path");

        let (status, json) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/forecast",
            Some(serde_json::json!({"programme": "BE", "runs": 20})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{who}: {json}");
        assert_eq!(
            json["forecast"]["weeks"][0], "2026-11-23",
            "{who}: from the fixed day"
        );

        let officer = token(&app).await;
        let (status, json) = authed(
            &app,
            &officer,
            "POST",
            "/api/v1/forecast",
            Some(serde_json::json!({"scenario": "belgium-growth-path", "runs": 10})),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who}: {json}");

        let (status, json) = authed(
            &app,
            &planner,
            "POST",
            "/api/v1/forecast",
            Some(serde_json::json!({"scenario": "belgium-growth-path", "runs": 100000})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {json}");
        assert!(
            json["detail"]
                .as_str()
                .unwrap()
                .starts_with("runs: must be from 1 to 2000"),
            "{who}: {json}"
        );
    }
}

/// Past its limit of requests in flight the server sheds the next at once: 503 with
/// `Retry-After`, a problem document for the API, a page in the person's language for a
/// browser; once a request is done, the next is taken again. A request whose body is
/// still coming holds its place, as a slow client does.
#[tokio::test]
async fn past_its_limit_the_server_sheds_with_503_and_retry_after() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let db = resettle_testkit::databases().remove(0);
    let app = open(&db.url).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let metrics = resettle_web::Metrics::new();
    let served = resettle_web::served_router(app, 1, &metrics);
    tokio::spawn(async move {
        axum::serve(
            listener,
            served.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    let ask = async |lines: &str| -> String {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(lines.as_bytes()).await.unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).await.unwrap();
        answer
    };
    let api = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    assert!(ask(api).await.starts_with("HTTP/1.1 200"));

    // A client that sends its headers and not yet its body holds the one place.
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(
        b"POST /login HTTP/1.1\r\nHost: x\r\nOrigin: http://x\r\n\
          Content-Type: application/x-www-form-urlencoded\r\n\
          Content-Length: 30\r\nConnection: close\r\n\r\n",
    )
    .await
    .unwrap();
    let mut shed = String::new();
    for _ in 0..200 {
        shed = ask(api).await;
        if shed.starts_with("HTTP/1.1 503") {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert!(shed.starts_with("HTTP/1.1 503"), "{shed}");
    let lower = shed.to_lowercase();
    assert!(lower.contains("retry-after: 1"), "{shed}");
    assert!(lower.contains("application/problem+json"), "{shed}");
    assert!(shed.contains("nothing was changed"), "{shed}");
    assert!(lower.contains("content-security-policy") && lower.contains("x-request-id"));
    let page = ask("GET /cases HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\
                    Accept-Language: nl\r\nConnection: close\r\n\r\n")
    .await;
    assert!(page.starts_with("HTTP/1.1 503"), "{page}");
    assert!(page.contains("Er is niets gewijzigd"), "{page}");

    // Its body arrives; it is answered (no such user), and the place is free again.
    slow.write_all(b"username=nobody&password=nothin")
        .await
        .unwrap();
    let mut answer = String::new();
    slow.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(ask(api).await.starts_with("HTTP/1.1 200"));

    // Every answer is counted by its route's template, the shed ones too; a case number in
    // a path never becomes a label.
    let case =
        ask("GET /api/v1/cases/LBN-26C00042 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await;
    assert!(case.starts_with("HTTP/1.1 401"), "{case}");
    let nowhere = ask("GET /no/such/page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
    assert!(nowhere.starts_with("HTTP/1.1 404"), "{nowhere}");
    let scraper = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let scraped_at = scraper.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(scraper, resettle_web::metrics_router(metrics)).await });
    let mut s = tokio::net::TcpStream::connect(scraped_at).await.unwrap();
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).await.unwrap();
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text.contains("application/openmetrics-text"), "{text}");
    let count = |labels: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("resettle_http_requests_total{{{labels}}} ")))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    let health = r#"route="/api/v1/health",method="GET""#;
    assert!(count(&format!(r#"{health},status="503""#)) >= 1, "{text}");
    assert_eq!(count(&format!(r#"{health},status="200""#)), 2, "{text}");
    assert_eq!(
        count(r#"route="/login",method="POST",status="401""#),
        1,
        "{text}"
    );
    assert_eq!(
        count(r#"route="/cases",method="GET",status="503""#),
        1,
        "{text}"
    );
    assert_eq!(
        count(r#"route="unmatched",method="GET",status="404""#),
        1,
        "{text}"
    );
    assert!(
        text.contains(r#"route="/api/v1/cases/{case_number}""#),
        "{text}"
    );
    assert!(!text.contains("LBN-26C00042"), "{text}");
    assert!(
        text.contains("resettle_http_requests_in_flight 0"),
        "{text}"
    );
    assert!(
        text.contains(
            r#"resettle_http_request_duration_seconds_count{route="/login",method="POST"} 1"#
        ),
        "{text}"
    );
}

/// Rules that once refused with an English sentence refuse with a typed kind: the API's
/// problem names the field and the kind (a hold, a housed step to a reception centre, a user
/// without a role), nothing is written, and the holds page says it in Dutch with the
/// field's label.
#[tokio::test]
async fn typed_refusals_name_their_field_and_kind_and_read_in_dutch() {
    use serde_json::json;
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = open(&db.url).await.with_security(resettle_app::Security {
            second_factor_roles: Vec::new(),
            ..resettle_app::Security::default()
        });
        app.load_demo(&small_demo(), false).await.unwrap();
        let planner = token_for(&app, "plan", "planner").await;
        let holds = "/api/v1/programmes/BE/holds";
        for (body, field, kind) in [
            (
                json!({"from": "2027-03-01", "until": "2027-01-01", "reason": "reception_capacity"}),
                "until",
                "before",
            ),
            (
                json!({"from": "2027-01-01", "until": "2040-01-01", "reason": "reception_capacity"}),
                "until",
                "hold_too_long",
            ),
            (
                json!({"from": "2027-01-01", "until": "2027-02-01", "reason": "weather"}),
                "reason",
                "not_in_list",
            ),
        ] {
            let (status, problem) = authed(&app, &planner, "POST", holds, Some(body)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {problem}");
            assert_eq!(
                (&problem["field"], &problem["kind"]),
                (&json!(field), &json!(kind)),
                "{who}: {problem}"
            );
        }
        assert!(app.holds("BE").await.unwrap().is_empty(), "{who}");

        // A family housed goes to a home, not to a reception centre.
        let t = token(&app).await;
        let (case_path, case) = first_case_in(&app, &t, "in_reception").await;
        let day = app.reception_day(&op(), "BE", None, None).await.unwrap();
        let centre = day
            .places
            .iter()
            .find(|p| p.kind == PlaceKind::Centre)
            .unwrap();
        let (status, problem) = authed(
            &app,
            &t,
            "POST",
            &format!("{case_path}/transitions"),
            Some(json!({
                "to": "housed", "expected_version": case["version"],
                "address": "Kerkstraat 1, 9000 Gent", "reception_place": centre.code,
            })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {problem}");
        assert_eq!(
            (&problem["field"], &problem["kind"]),
            (&json!("reception_place"), &json!("no_home")),
            "{who}: {problem}"
        );
        let (_, unchanged) = authed(&app, &t, "GET", &case_path, None).await;
        assert_eq!(unchanged["version"], case["version"], "{who}");

        // A user is given at least one role.
        match app
            .add_user(&op(), "nobody", " , ", None, "a long enough password")
            .await
        {
            Err(resettle_app::AppError::Refused(r)) => {
                assert_eq!((&*r.field, r.kind.as_str()), ("role", "none_chosen"));
            }
            other => panic!("{who}: {other:?}"),
        }

        // The holds page in Dutch: the field by its label, the reason in words.
        let password = "a long enough password";
        app.add_user(&op(), "planner-nl", "planner", None, password)
            .await
            .unwrap();
        let cookie = app.login("planner-nl", password, "t").await.unwrap().cookie;
        let csrf = app.session(&cookie, "t").await.unwrap().csrf_token;
        let request = Request::post("/holds?lang=nl")
            .header("cookie", format!("__Host-resettle={cookie}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "csrf={csrf}&programme=BE&from=2027-03-01&until=2027-01-01&reason=reception_capacity&note="
            )))
            .unwrap();
        let (status, _, page) = send(&app, request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}");
        assert!(
            page.contains(
                "<a href=\"#refused-field\">Tot</a>: 1 januari 2027 ligt vóór het begin van de stop (1 maart 2027)."
            ),
            "{who}: {page}"
        );
        assert!(page.contains(r#"name="until" type="date" value="2027-01-01" required id="refused-field" aria-invalid="true""#), "{who}");
        assert!(app.holds("BE").await.unwrap().is_empty(), "{who}");
    }
}

/// `POST /api/v1/imports/cases`: a role that does not submit cases is refused and nothing
/// is written; a file with a bad row answers 422 listing it, nothing written; a dry run
/// counts and writes nothing; the import registers the cases once.
#[tokio::test]
async fn cases_are_imported_through_the_api_all_or_nothing_by_those_who_submit_them() {
    const FILE: &str = "case_number,country_of_asylum,nationality,categories,priority,channel,\
submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,education,\
occupation,linked_cases
API-26C00001,LB,SY,medical_needs,normal,dossier,2026-03-02,1,principal_applicant,Amal Haddad,\
1990-04-01,female,ar,,,
API-26C00001,LB,SY,medical_needs,normal,dossier,2026-03-02,2,child,Omar Haddad,2015-09-12,\
male,ar,,,
";
    for db in resettle_testkit::databases() {
        let (app, _clock) = common::demo_app(&db.url).await;
        let officer = token_for(&app, "importer", "case-officer").await;
        let planner = token_for(&app, "planner-x", "planner").await;
        let post = |token: &str, query: &str, content_type: &str, body: String| {
            let request = Request::post(format!("/api/v1/imports/cases?programme=BE{query}"))
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", content_type)
                .body(Body::from(body))
                .unwrap();
            let app = app.clone();
            async move {
                let (status, content_type, text) = send(&app, request).await;
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                (status, content_type, json)
            }
        };
        let registered = || async {
            let (status, _) =
                authed(&app, &officer, "GET", "/api/v1/cases/API-26C00001", None).await;
            status == StatusCode::OK
        };

        let (status, _, _) = post(&planner, "", "text/csv", FILE.into()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{}", db.backend);
        assert!(!registered().await, "a refused caller writes nothing");

        let bad = FILE
            .replace("2015-09-12", "12/09/2015")
            .replace(",LB,", ",XX,");
        let (status, content_type, problem) = post(&officer, "", "text/csv", bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(content_type, "application/problem+json");
        let rows: Vec<(u64, &str, &str)> = problem["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["row"].as_u64().unwrap(),
                    p["column"].as_str().unwrap(),
                    p["value"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (2, "country_of_asylum", "XX"),
                (3, "country_of_asylum", "XX"),
                (3, "date_of_birth", "12/09/2015"),
            ]
        );
        assert!(!registered().await, "a refused file writes nothing");
        assert_eq!(problem["detail"], "3 problems; nothing was imported");
        let one = FILE.replace(",LB,", ",XX,").replacen(",XX,", ",LB,", 1);
        let (_, _, problem) = post(&officer, "", "text/csv", one).await;
        assert_eq!(problem["detail"], "1 problem; nothing was imported");

        let huge = format!("{FILE}{}", "x".repeat(33 * 1024 * 1024));
        let (status, content_type, problem) = post(&officer, "", "text/csv", huge).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(
            problem["detail"],
            "the file is larger than 32 MiB; split it"
        );
        assert!(!registered().await, "a file too large writes nothing");

        let (status, _, problem) = post(&officer, "", "application/pdf", FILE.into()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["field"], "content-type");

        let (status, _, counts) = post(&officer, "&dry_run=true", "text/csv", FILE.into()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            (
                &counts["cases"],
                &counts["persons"],
                &counts["added"],
                &counts["dry_run"]
            ),
            (&1.into(), &2.into(), &1.into(), &true.into())
        );
        assert!(!registered().await, "a dry run writes nothing");

        let (status, _, counts) = post(&officer, "", "text/csv; charset=utf-8", FILE.into()).await;
        assert_eq!(status, StatusCode::OK, "{counts}");
        assert_eq!(counts["added"], 1);
        assert!(registered().await);
        let (_, _, again) = post(&officer, "", "text/csv", FILE.into()).await;
        assert_eq!(
            (&again["added"], &again["unchanged"]),
            (&0.into(), &1.into())
        );
    }
}

/// Settings a person types (a programme, a mission, a sponsor group, a scenario's name, a
/// pledge, a user) are refused as problems naming the field and the kind of reason, and
/// nothing is written; the pages say why in the reader's language (here French).
#[tokio::test]
async fn refused_settings_name_the_field_in_the_api_and_read_in_french() {
    use serde_json::json;
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = open(&db.url).await.with_security(resettle_app::Security {
            second_factor_roles: Vec::new(),
            ..resettle_app::Security::default()
        });
        app.load_demo(
            &DemoConfig {
                cases: 20,
                ..small_demo()
            },
            false,
        )
        .await
        .unwrap();
        let refused = |status: StatusCode, problem: &serde_json::Value, field: &str, kind: &str| {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {problem}");
            assert_eq!(
                (&problem["field"], &problem["kind"]),
                (&json!(field), &json!(kind)),
                "{who}: {problem}"
            );
        };

        // Programmes.
        let admin = token_for(&app, "admin-api", "admin").await;
        let programmes = app.programmes().await.unwrap();
        let programme = |code: &str, name: &str, policy: &str| json!({"code": code, "name": name, "state": "NL", "policy_profile": policy});
        for (body, field, kind) in [
            (
                programme("NL!", "Dutch", "netherlands-2012"),
                "code",
                "characters",
            ),
            (
                programme("", "Dutch", "netherlands-2012"),
                "code",
                "missing",
            ),
            (
                programme("NL-PROGRAMME-2027", "Dutch", "netherlands-2012"),
                "code",
                "too_long",
            ),
            (programme("NL", " ", "netherlands-2012"), "name", "missing"),
            (
                programme("NL", "Dutch", "atlantis"),
                "policy",
                "not_in_list",
            ),
        ] {
            let (status, problem) =
                authed(&app, &admin, "POST", "/api/v1/programmes", Some(body)).await;
            refused(status, &problem, field, kind);
        }
        assert_eq!(app.programmes().await.unwrap(), programmes, "{who}");

        // Missions and sponsor groups.
        let officer = token(&app).await;
        let missions = app.missions().await.unwrap().missions.len();
        let mission = |code: &str, ends_on: &str| {
            json!({"programme": "BE", "code": code, "destination": "JO",
                   "starts_on": "2027-04-10", "ends_on": ends_on, "team": []})
        };
        for (body, field, kind) in [
            (mission(" ", "2027-04-20"), "code", "missing"),
            (mission("BE-2027-JO-9", "2027-04-05"), "ends_on", "before"),
        ] {
            let (status, problem) =
                authed(&app, &officer, "POST", "/api/v1/missions", Some(body)).await;
            refused(status, &problem, field, kind);
        }
        assert_eq!(app.missions().await.unwrap().missions.len(), missions);
        let group = json!({"programme": "BE", "name": "Buren", "municipality": " ",
                           "contact": "An", "members": 5, "capacity_persons": 4});
        let (status, problem) = authed(
            &app,
            &officer,
            "POST",
            "/api/v1/sponsor-groups",
            Some(group),
        )
        .await;
        refused(status, &problem, "municipality", "missing");

        // Scenarios.
        let planner = token_for(&app, "planner-api", "planner").await;
        let inputs = json!({"needs_year": 2022, "growth": 40000, "years": 3,
                            "regional_share": 0.2, "state": "BE", "share": 0.0284});
        for (name, kind) in [(" ".to_string(), "missing"), ("x".repeat(101), "too_long")] {
            let (status, problem) = authed(
                &app,
                &planner,
                "POST",
                "/api/v1/fair-share/scenarios",
                Some(json!({"name": name, "inputs": inputs})),
            )
            .await;
            refused(status, &problem, "name", kind);
        }
        assert!(app.scenarios().await.unwrap().is_empty(), "{who}");

        // Pledges.
        let before = app.pledges_csv("BE").await.unwrap();
        let (status, problem) = authed(
            &app,
            &planner,
            "PUT",
            "/api/v1/programmes/BE/pledges/2027",
            Some(json!({"pledged": 20_000_000, "source": "a typing error"})),
        )
        .await;
        refused(status, &problem, "pledged", "out_of_range");
        assert_eq!(app.pledges_csv("BE").await.unwrap(), before, "{who}");

        // Users: a name of other characters, a short password; nothing is added.
        let users = app.users(&op()).await.unwrap().len();
        for (name, password, field, kind) in [
            ("a b", "a long enough password", "username", "characters"),
            ("newcomer", "short", "password", "too_short"),
        ] {
            match app.add_user(&op(), name, "planner", None, password).await {
                Err(resettle_app::AppError::Refused(r)) => {
                    assert_eq!((&*r.field, r.kind.as_str()), (field, kind), "{who}");
                }
                other => panic!("{who}: {other:?}"),
            }
        }
        assert_eq!(app.users(&op()).await.unwrap().len(), users, "{who}");

        // The pages, in French.
        let password = "a long enough password";
        for (name, role) in [("ada-fr", "admin"), ("pat-fr", "planner")] {
            app.add_user(&op(), name, role, None, password)
                .await
                .unwrap();
        }
        let post = |name: &'static str, path: &'static str, form: String| {
            let app = app.clone();
            async move {
                let cookie = app.login(name, password, "t").await.unwrap().cookie;
                let csrf = app.session(&cookie, "t").await.unwrap().csrf_token;
                let request = Request::post(path)
                    .header("cookie", format!("__Host-resettle={cookie}"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from(format!("csrf={csrf}&{form}")))
                    .unwrap();
                send(&app, request).await
            }
        };
        let (status, _, page) = post(
            "ada-fr",
            "/admin/users?lang=fr",
            "username=newcomer&roles=planner&organisation=&password=short&password_again=short"
                .into(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}: {page}");
        assert!(
            page.contains(
                "il faut au moins 12 caractères, sans compter les espaces au début et à la fin ; il y en a 5."
            ),
            "{who}: {page}"
        );
        let (_, _, page) = post(
            "ada-fr",
            "/admin/users?lang=fr",
            format!(
                "username=a+b&roles=planner&organisation=&password={0}&password_again={0}",
                "a+long+enough+password"
            ),
        )
        .await;
        assert!(
            page.contains("« a b » ne peut contenir que des lettres, des chiffres et . _ - @."),
            "{who}: {page}"
        );
        let (_, _, page) = post(
            "pat-fr",
            "/fair-share/scenarios?lang=fr",
            "needs_source=year&needs=1473156&needs_year=2022&growth_source=given&growth=40000\
             &growth_from_years=6&years=3&regional_share_pct=20&state=BE&share_source=given\
             &share_pct=2.84&method=ec2015&path=given&first_years=2000&rounding=floor\
             &start_year=2022&name=+"
                .into(),
        )
        .await;
        assert!(
            page.contains("<a href=\"#refused-field\">nom</a> : ce champ est à remplir."),
            "{who}: {page}"
        );
        assert!(
            page.contains(r#"id="refused-field" aria-invalid="true""#),
            "{who}"
        );
        assert!(app.scenarios().await.unwrap().is_empty(), "{who}");
        let (status, _, page) = post(
            "pat-fr",
            "/pledges?lang=fr",
            "programme=BE&year=2027&pledged=20000000&arrived_before_resettle=&source=x".into(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{who}");
        assert!(
            page.contains("de 0 à 10\u{202f}000\u{202f}000 ; 20\u{202f}000\u{202f}000 est hors de ces limites."),
            "{who}: {page}"
        );
        assert_eq!(app.pledges_csv("BE").await.unwrap(), before, "{who}");
    }
}

/// `GET /api/v1/exports/cases` with the case list's filters exports every case they match
/// and no other (it exported every case whatever the filters); the audit trail's export
/// takes the trail's filters the same way.
#[tokio::test]
async fn an_export_holds_the_cases_and_entries_its_filters_match() {
    for db in resettle_testkit::databases() {
        let (app, _clock) = common::demo_app(&db.url).await;
        let officer = token_for(&app, "exporter", "case-officer").await;
        let auditor = token_for(&app, "export-auditor", "auditor").await;
        let csv = |token: &str, path: &str| {
            let path = path.to_string();
            let request = Request::get(&path)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap();
            let app = app.clone();
            async move {
                let (status, _, text) = send(&app, request).await;
                assert_eq!(status, StatusCode::OK, "{path}: {text:.300}");
                text
            }
        };
        let column = |text: &str, name: &str| -> Vec<String> {
            let mut lines = text.lines();
            let header: Vec<&str> = lines.next().unwrap().split(',').collect();
            let at = header.iter().position(|h| *h == name).unwrap();
            lines
                .map(|l| l.split(',').nth(at).unwrap_or_default().to_string())
                .collect()
        };
        let all = csv(&officer, "/api/v1/exports/cases?format=csv").await;
        let housed = csv(&officer, "/api/v1/exports/cases?format=csv&state=housed").await;
        let states = column(&housed, "state");
        assert!(!states.is_empty(), "{}", db.backend);
        assert!(
            states.iter().all(|s| s == "housed"),
            "{}: {states:?}",
            db.backend
        );
        assert_eq!(
            states.len(),
            column(&all, "state")
                .iter()
                .filter(|s| *s == "housed")
                .count(),
            "{}",
            db.backend
        );

        let exports = csv(&auditor, "/api/v1/exports/audit?format=csv&action=export").await;
        let actions = column(&exports, "action");
        assert!(!actions.is_empty(), "{}", db.backend);
        assert!(
            actions.iter().all(|a| a == "export"),
            "{}: {actions:?}",
            db.backend
        );
    }
}
