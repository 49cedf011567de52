//! The analytics page's data and CSV: counted with SQL aggregates over the
//! chosen range; admins only.

use super::support::{TestApp, contract_setup};
use http::StatusCode;

#[tokio::test]
async fn admins_get_counts_the_funnel_and_a_csv() {
    let app = TestApp::new().await;
    let (mut owner, _dev, _contract) = contract_setup(&app).await;
    owner
        .ok(
            "/api/suggest/ask",
            &[("need", "my bakery needs an online shop")],
        )
        .await;
    assert_eq!(
        owner.post("/api/admin/analytics", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client().post("/api/admin/analytics", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut admin = app.admin().await;
    let data = admin.ok("/api/admin/analytics", &[("range", "7")]).await;
    assert_eq!(data["days"], 7);
    assert_eq!(data["bucket_days"], 1);
    let total = |key: &str| -> i64 {
        data["series"]
            .as_array()
            .expect("series")
            .iter()
            .find(|s| s["key"] == key)
            .map(|s| {
                let values = s["values"].as_array().expect("values");
                assert_eq!(values.len(), 7);
                values.iter().map(|v| v.as_i64().unwrap_or_default()).sum()
            })
            .expect(key)
    };
    assert_eq!(total("gigs_posted"), 1);
    assert_eq!(total("proposals_sent"), 1);
    assert_eq!(total("contracts_started"), 1);
    assert_eq!(total("contracts_completed"), 0);
    assert_eq!(total("signups_client"), 2, "the owner and the admin");
    assert_eq!(total("signups_freelancer"), 1);
    assert_eq!(total("profiles_approved"), 1);
    assert_eq!(total("suggestions"), 1);
    assert_eq!(total("suggestions_confident"), 1);
    assert!(total("messages") == 0, "only system lines so far");
    assert_eq!(data["funnel"]["gigs"], 1);
    assert_eq!(data["funnel"]["with_proposal"], 1);
    assert_eq!(data["funnel"]["with_contract"], 1);
    assert_eq!(data["funnel"]["with_review"], 0);

    let year = admin.ok("/api/admin/analytics", &[("range", "365")]).await;
    assert_eq!(year["bucket_days"], 7);
    let bad = admin.post("/api/admin/analytics", &[("range", "12")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("range").is_some());

    let csv = admin.get("/admin/analytics.csv?range=7").await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.text();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap_or_default()
            .starts_with("bucket_start,signups_client,signups_freelancer")
    );
    assert_eq!(lines.count(), 7);
    assert_eq!(
        owner.get("/admin/analytics.csv").await.status,
        StatusCode::FORBIDDEN
    );
    let page = admin.get("/admin/analytics?range=30").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains("<svg"),
        "charts are drawn on the server"
    );
}
