//! The platform ledger: super admins filter it, total it and download it
//! as CSV; everyone else is refused.

use super::support::{TestApp, contract_setup};
use http::StatusCode;

/// Approves the contract's first milestone (30,000 cents): one ledger entry.
async fn one_entry(
    app: &TestApp,
) -> (
    super::support::Client<'_>,
    super::support::Client<'_>,
    String,
) {
    let (mut owner, mut dev, contract) = contract_setup(app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    let first = view["milestones"][0]["id"].to_string();
    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &first)],
    )
    .await;
    owner
        .ok(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &first)],
        )
        .await;
    (owner, dev, contract)
}

#[tokio::test]
async fn super_admins_filter_total_and_download_the_ledger() {
    let app = TestApp::new().await;
    let (_owner, _dev, contract) = one_entry(&app).await;
    let mut admin = app.admin().await;

    let all = admin.ok("/api/admin/ledger", &[]).await;
    let rows = all["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{all}");
    assert_eq!(rows[0]["client"], "owner");
    assert_eq!(rows[0]["freelancer"], "dev");
    assert_eq!(rows[0]["amount_cents"], 30_000);
    assert_eq!(rows[0]["contract_id"].to_string(), contract);
    assert_eq!(all["totals"][0]["currency"], "USD");
    assert_eq!(all["totals"][0]["amount_cents"], 30_000);
    assert_eq!(all["totals"][0]["entries"], 1);

    let by_person = admin.ok("/api/admin/ledger", &[("person", "@dev")]).await;
    assert_eq!(by_person["rows"].as_array().map(Vec::len), Some(1));
    let stranger = admin.ok("/api/admin/ledger", &[("person", "nobody")]).await;
    assert_eq!(stranger["rows"].as_array().map(Vec::len), Some(0));
    assert_eq!(stranger["totals"].as_array().map(Vec::len), Some(0));
    let other_currency = admin.ok("/api/admin/ledger", &[("currency", "eur")]).await;
    assert_eq!(other_currency["rows"].as_array().map(Vec::len), Some(0));
    let long_ago = admin.ok("/api/admin/ledger", &[("month", "2001-01")]).await;
    assert_eq!(long_ago["rows"].as_array().map(Vec::len), Some(0));
    let this_contract = admin
        .ok("/api/admin/ledger", &[("contract", &contract)])
        .await;
    assert_eq!(this_contract["rows"].as_array().map(Vec::len), Some(1));

    let bad = admin
        .post("/api/admin/ledger", &[("month", "last month")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("month").is_some(), "{}", bad.text());

    let csv = admin.get("/admin/ledger.csv?person=dev").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        csv.header("content-disposition")
            .unwrap()
            .contains("guild-ledger.csv")
    );
    let text = csv.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("entry,date,contract"));
    assert!(lines[1].ends_with(",owner,dev,300.00,USD"), "{}", lines[1]);
    assert_eq!(
        admin.get("/admin/ledger.csv?month=13").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let page = admin.get("/admin/ledger?currency=USD").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("Platform ledger"));
    assert!(html.contains("USD 300.00 (1 entry)"), "the totals show");
    assert!(
        html.contains("/admin/ledger.csv?currency=USD"),
        "the CSV keeps the filters"
    );
}

#[tokio::test]
async fn only_super_admins_read_the_ledger() {
    let app = TestApp::new().await;
    let (mut owner, _dev, _contract) = one_entry(&app).await;
    let mut visitor = app.client();
    assert_eq!(
        visitor.get("/admin/ledger.csv").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        owner.post("/api/admin/ledger", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = owner.get("/admin/ledger.csv").await;
    assert_eq!(csv.status, StatusCode::FORBIDDEN);
    assert!(!csv.text().contains("dev"), "nothing leaks");
    assert_eq!(
        owner.get("/admin/ledger").await.status,
        StatusCode::FORBIDDEN
    );
}
