//! Contracts, milestones, earnings, cancellation and double-blind reviews.

use super::support::{TestApp, complete_contract, contract_setup};
use app::entity::contract;
use http::StatusCode;
use sea_orm::{EntityTrait, sea_query::Expr};

fn milestone_ids(contract: &serde_json::Value) -> Vec<String> {
    contract["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .map(|m| m["id"].to_string())
        .collect()
}

#[tokio::test]
async fn milestones_flow_to_completion_and_earnings() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert_eq!(view["amount_cents"], 70_000);
    let ids = milestone_ids(&view);

    assert_eq!(
        owner
            .post(
                "/api/contracts/milestones/approve",
                &[("milestone_id", &ids[0])]
            )
            .await
            .status,
        StatusCode::FORBIDDEN,
        "nothing submitted yet"
    );
    assert_eq!(
        owner
            .post(
                "/api/contracts/milestones/submit",
                &[("milestone_id", &ids[0])]
            )
            .await
            .status,
        StatusCode::FORBIDDEN,
        "clients don't deliver"
    );
    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &ids[0])],
    )
    .await;
    assert_eq!(
        dev.post(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &ids[0])]
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "freelancers don't approve"
    );
    owner
        .ok(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &ids[0])],
        )
        .await;

    let earnings = dev.ok("/api/contracts/earnings", &[]).await;
    assert_eq!(earnings["by_currency"][0]["total_cents"], 30_000);
    assert_eq!(earnings["by_currency"][0]["this_month_cents"], 30_000);
    assert_eq!(earnings["monthly"].as_array().map(Vec::len), Some(6));

    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &ids[1])],
    )
    .await;
    owner
        .ok(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &ids[1])],
        )
        .await;
    let done = owner.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert_eq!(done["status"], "completed");
    assert_eq!(done["paid_cents"], 70_000);
    assert_eq!(done["can_review"], true);
    let gig = owner
        .ok("/api/gigs/get", &[("id", &done["gig_id"].to_string())])
        .await;
    assert_eq!(gig["summary"]["status"], "completed");
    assert_eq!(
        dev.ok("/api/contracts/earnings", &[]).await["by_currency"][0]["total_cents"],
        70_000
    );
}

#[tokio::test]
async fn contracts_are_private_to_their_parties() {
    let app = TestApp::new().await;
    let (_owner, _dev, contract) = contract_setup(&app).await;
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    assert_eq!(
        stranger
            .post("/api/contracts/get", &[("id", &contract)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        stranger
            .post("/api/contracts/cancel", &[("contract_id", &contract)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn cancelling_needs_both_sides() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    assert_eq!(
        owner
            .ok("/api/contracts/cancel", &[("contract_id", &contract)])
            .await,
        "active"
    );
    assert_eq!(
        owner
            .post("/api/contracts/cancel", &[("contract_id", &contract)])
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        dev.ok("/api/contracts/cancel", &[("contract_id", &contract)])
            .await,
        "cancelled"
    );
    let view = owner.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert_eq!(view["status"], "cancelled");
    assert_eq!(
        owner
            .ok("/api/gigs/get", &[("id", &view["gig_id"].to_string())])
            .await["summary"]["status"],
        "closed"
    );
}

#[tokio::test]
async fn reviews_are_double_blind_once_each_and_only_after_completion() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let early = owner
        .post(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "5"),
                ("body", "Great work"),
            ],
        )
        .await;
    assert_eq!(
        early.status,
        StatusCode::FORBIDDEN,
        "no reviews before completion"
    );
    complete_contract(&mut owner, &mut dev, &contract).await;
    let bad = owner
        .post(
            "/api/reviews/submit",
            &[("contract_id", &contract), ("rating", "9"), ("body", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("rating").is_some() && bad.field_error("body").is_some());

    owner
        .ok(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "4"),
                ("body", "Clear communication and a lovely shop."),
            ],
        )
        .await;
    let twice = owner
        .post(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "5"),
                ("body", "Again"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let hidden = app
        .client()
        .post("/api/profiles/freelancer", &[("username", "dev")])
        .await
        .json();
    assert_eq!(
        hidden["reviews"],
        serde_json::json!([]),
        "hidden until the other side reviews"
    );
    assert_eq!(hidden["profile"]["rating_avg"], serde_json::Value::Null);

    dev.ok(
        "/api/reviews/submit",
        &[
            ("contract_id", &contract),
            ("rating", "5"),
            ("body", "Quick feedback and fair."),
        ],
    )
    .await;
    let page = app
        .client()
        .post("/api/profiles/freelancer", &[("username", "dev")])
        .await
        .json();
    assert_eq!(page["reviews"][0]["rating"], 4);
    assert_eq!(page["profile"]["rating_avg"], 4.0);
    assert_eq!(page["profile"]["review_count"], 1);

    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    let outsider = stranger
        .post(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "1"),
                ("body", "Spam"),
            ],
        )
        .await;
    assert_eq!(
        outsider.status,
        StatusCode::NOT_FOUND,
        "only parties review"
    );
}

#[tokio::test]
async fn the_review_window_closes_after_fourteen_days() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    complete_contract(&mut owner, &mut dev, &contract).await;
    let long_ago = app::accounts::server::now() - 15 * 86_400;
    contract::Entity::update_many()
        .col_expr(contract::Column::CompletedAt, Expr::value(long_ago))
        .exec(&app.state.db)
        .await
        .unwrap();
    let late = owner
        .post(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "5"),
                ("body", "Late but great"),
            ],
        )
        .await;
    assert_eq!(late.status, StatusCode::FORBIDDEN);
}
