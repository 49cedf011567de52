//! The public read-only API and its OpenAPI document.

use super::support::{TestApp, project_gig};
use axum::body::Body;
use http::{Request, StatusCode};

async fn get(app: &TestApp, uri: &str) -> (StatusCode, serde_json::Value) {
    let response = app
        .send(Request::get(uri).body(Body::empty()).expect("request"))
        .await;
    let json = serde_json::from_slice(&response.body).unwrap_or(serde_json::Value::Null);
    (response.status, json)
}

#[tokio::test]
async fn freelancers_are_listed_with_the_documented_fields() {
    let app = TestApp::new().await;
    app.approved_freelancer("api_ana", "data-analyst", "Excel, SQL", "45.50")
        .await;
    let (status, page) = get(&app, "/api/v1/freelancers?role=data-analyst&per_page=5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["total"], 1);
    assert_eq!(page["per_page"], 5);
    let item = &page["items"][0];
    for field in [
        "id",
        "name",
        "username",
        "tagline",
        "location",
        "hourly_rate",
        "currency",
        "rating",
        "review_count",
        "roles",
        "skills",
        "avatar_url",
    ] {
        assert!(item.get(field).is_some(), "missing {field}");
    }
    assert_eq!(item["hourly_rate"], 45.5);
    assert_eq!(item["location"], "Lisbon, Portugal");
    assert_eq!(item["avatar_url"], "/avatars/api_ana.svg");

    let (status, one) = get(&app, "/api/v1/freelancers/api_ana").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["username"], "api_ana");
    assert_eq!(one["languages"][0]["language"], "English");
    let avatar = app
        .send(
            Request::get("/avatars/api_ana.svg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        avatar.header("content-type").as_deref(),
        Some("image/svg+xml")
    );
}

#[tokio::test]
async fn bad_parameters_get_400_with_a_clear_message() {
    let app = TestApp::new().await;
    for uri in [
        "/api/v1/freelancers?min_rating=eleven",
        "/api/v1/freelancers?per_page=500",
        "/api/v1/freelancers?page=0",
        "/api/v1/freelancers?rolee=web-developer",
        "/api/v1/gigs?kind=job",
        "/api/v1/gigs?remote=maybe",
    ] {
        let (status, body) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {body}"
        );
    }
    let (_, body) = get(&app, "/api/v1/freelancers?min_rating=eleven").await;
    assert!(body["fields"]["min_rating"].is_string());
}

#[tokio::test]
async fn unapproved_freelancers_and_private_gigs_are_404() {
    let app = TestApp::new().await;
    let mut pending = app.client();
    pending.sign_up("pending_pat", &["wants_freelancer"]).await;
    pending
        .complete_onboarding("freelance", &["plumber"], "Leak Repair", "50")
        .await;
    assert_eq!(
        get(&app, "/api/v1/freelancers/pending_pat").await.0,
        StatusCode::NOT_FOUND
    );
    let mut owner = app.client();
    owner.sign_up("drafter", &["wants_client"]).await;
    let draft = owner.post_gig(&project_gig(&[]), false).await;
    assert_eq!(
        get(&app, &format!("/api/v1/gigs/{draft}")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn gigs_are_listed_and_paginated() {
    let app = TestApp::new().await;
    let (_, id) = app.open_gig("api_owner", &project_gig(&[])).await;
    let (status, page) = get(&app, "/api/v1/gigs?q=bakery&per_page=1&page=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"][0]["id"], id);
    assert_eq!(page["items"][0]["budget"]["type"], "fixed");
    assert_eq!(page["items"][0]["budget"]["min"], 800.0);
    let (_, detail) = get(&app, &format!("/api/v1/gigs/{id}")).await;
    assert_eq!(detail["status"], "open");
    assert!(detail["description"].as_str().unwrap().contains("cakes"));
    let (_, empty) = get(&app, "/api/v1/gigs?page=2&per_page=1").await;
    assert_eq!(empty["items"], serde_json::json!([]));
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = TestApp::new().await;
    let (status, doc) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/freelancers",
        "/api/v1/freelancers/{username}",
        "/api/v1/gigs",
        "/api/v1/gigs/{id}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} undocumented");
    }
    let params = doc["paths"]["/api/v1/freelancers"]["get"]["parameters"]
        .as_array()
        .unwrap();
    assert!(params.iter().any(|p| p["name"] == "min_rating"));
    assert!(doc["components"]["schemas"].get("FreelancerItem").is_some());
}
