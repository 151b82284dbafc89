//! The web application in process (no socket), against SQLite and a real PostgreSQL.
use axum::body::Body;
use axum::http::{Request, StatusCode};
use resettle_app::{App, DemoConfig};
use tower::ServiceExt;

async fn get(app: &App, path: &str) -> (StatusCode, String, String) {
    let response = resettle_web::router(app.clone())
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
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
    (status, content_type, String::from_utf8(bytes.to_vec()).unwrap())
}

fn small_demo() -> DemoConfig {
    DemoConfig {
        seed: 7,
        cases: 300,
        as_of: time::macros::date!(2026 - 11 - 23),
    }
}

#[tokio::test]
async fn health_names_the_backend_and_schema_version() {
    for db in resettle_testkit::databases() {
        let app = App::open(&db.url).await.unwrap();
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
async fn the_dashboard_counts_every_state_of_the_demo() {
    for db in resettle_testkit::databases() {
        let app = App::open(&db.url).await.unwrap();
        app.load_demo(&small_demo(), false).await.unwrap();
        let (status, _, body) = get(&app, "/api/v1/dashboard").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["total_cases"], 300, "{}", db.backend);
        let states = json["states"].as_array().unwrap();
        assert_eq!(states.len(), 17);
        for s in states {
            assert!(s["cases"].as_i64().unwrap() > 0, "{}: no case in {}", db.backend, s["state"]);
        }
        let pledges = json["programmes"][0]["pledges"].as_array().unwrap();
        let y2020 = pledges.iter().find(|p| p["year"] == 2020).unwrap();
        assert_eq!((y2020["pledged"].as_i64(), y2020["arrived"].as_i64()), (Some(1150), Some(176)));
    }
}

#[tokio::test]
async fn the_home_page_shows_the_programme_and_its_pledge_chart() {
    let db = resettle_testkit::sqlite();
    let app = App::open(&db.url).await.unwrap();
    let (status, _, empty) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(empty.contains("No programme yet"), "an empty database says how to start");
    app.load_demo(&small_demo(), false).await.unwrap();
    let (status, content_type, html) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    assert!(html.contains("Belgian resettlement programme"), "{html}");
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("data-state=\"integration_support\""));
    let (status, content_type, _) = get(&app, "/static/style.css").await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "text/css; charset=utf-8"));
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let db = resettle_testkit::sqlite();
    let app = App::open(&db.url).await.unwrap();
    let (status, _, body) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    for path in ["/api/v1/health", "/api/v1/dashboard", "/api/v1/openapi.json"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["Health"].is_object());
}

#[tokio::test]
async fn an_unknown_path_is_a_404() {
    let db = resettle_testkit::sqlite();
    let app = App::open(&db.url).await.unwrap();
    let (status, _, _) = get(&app, "/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
