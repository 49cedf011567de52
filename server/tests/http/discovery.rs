//! Find talent: full-text search, filters, sorting and saved talent.

use super::support::TestApp;
use http::StatusCode;

async fn search(app: &TestApp, fields: &[(&str, &str)]) -> serde_json::Value {
    let response = app.client().post("/api/talent/search", fields).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    response.json()
}

fn usernames(page: &serde_json::Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["username"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn text_role_skill_rate_and_sort_filters_work_together() {
    let app = TestApp::new().await;
    app.approved_freelancer("shopify_sam", "web-developer", "Shopify, Liquid", "35")
        .await;
    app.approved_freelancer(
        "react_rita",
        "frontend-developer",
        "React, TypeScript",
        "80",
    )
    .await;
    app.approved_freelancer(
        "logo_leo",
        "graphic-designer",
        "Logo Design, Illustrator",
        "50",
    )
    .await;

    assert_eq!(search(&app, &[]).await["total"], 3);
    assert_eq!(
        usernames(&search(&app, &[("filters[q]", "shopify")]).await),
        ["shopify_sam"]
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[q]", "logo")]).await),
        ["logo_leo"]
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[q]", "reac")]).await),
        ["react_rita"],
        "prefix matches while typing"
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[role]", "graphic-designer")]).await),
        ["logo_leo"]
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[skills]", "react, typescript")]).await),
        ["react_rita"]
    );
    assert_eq!(
        search(&app, &[("filters[skills]", "react, liquid")]).await["total"],
        0,
        "all skills must match"
    );
    assert_eq!(
        usernames(
            &search(
                &app,
                &[("filters[min_rate]", "40"), ("filters[max_rate]", "60")]
            )
            .await
        ),
        ["logo_leo"]
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[sort]", "rate_asc")]).await),
        ["shopify_sam", "logo_leo", "react_rita"]
    );
    assert_eq!(
        usernames(&search(&app, &[("filters[sort]", "rate_desc")]).await)[0],
        "react_rita"
    );
    assert_eq!(
        search(
            &app,
            &[("filters[language]", "English"), ("filters[country]", "PT")]
        )
        .await["total"],
        3
    );
    assert_eq!(
        search(&app, &[("filters[language]", "Japanese")]).await["total"],
        0
    );
    assert_eq!(
        search(&app, &[("filters[kind]", "coaching")]).await["total"],
        0
    );
    assert_eq!(
        search(&app, &[("filters[min_rating]", "4")]).await["total"],
        0,
        "no reviews, no rating"
    );
    assert_eq!(
        search(&app, &[("filters[q]", "\" OR 1=1 --")]).await["total"],
        0,
        "FTS syntax is neutralised"
    );
}

#[tokio::test]
async fn bad_filters_are_reported_per_parameter() {
    let app = TestApp::new().await;
    let response = app
        .client()
        .post(
            "/api/talent/search",
            &[("filters[role]", "wizard"), ("filters[min_rate]", "cheap")],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.field_error("role").is_some() && response.field_error("min_rate").is_some());
}

#[tokio::test]
async fn clients_bookmark_talent_and_see_it_saved() {
    let app = TestApp::new().await;
    app.approved_freelancer("bookable", "photographer", "Product Photography", "60")
        .await;
    let mut client = app.client();
    client.sign_up("shopper", &["wants_client"]).await;
    let id = search(&app, &[]).await["items"][0]["user_id"].to_string();
    client
        .ok(
            "/api/talent/bookmark",
            &[("freelancer_id", &id), ("saved", "true")],
        )
        .await;
    let saved = client.ok("/api/talent/saved", &[]).await;
    assert_eq!(saved[0]["username"], "bookable");
    assert_eq!(saved[0]["saved"], true);
    let mine = client.post("/api/talent/search", &[]).await.json();
    assert_eq!(mine["items"][0]["saved"], true);
    client
        .ok(
            "/api/talent/bookmark",
            &[("freelancer_id", &id), ("saved", "false")],
        )
        .await;
    assert_eq!(
        client.ok("/api/talent/saved", &[]).await,
        serde_json::json!([])
    );
    let not_approved = client
        .post(
            "/api/talent/bookmark",
            &[("freelancer_id", "99999"), ("saved", "true")],
        )
        .await;
    assert_eq!(not_approved.status, StatusCode::NOT_FOUND);
}
