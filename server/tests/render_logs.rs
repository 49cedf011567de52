//! Every page renders, for every kind of visitor, without logging an error
//! or a warning: a render that logs ("AppState is not in context" from a
//! resource orphaned by a re-run `Suspend`, …) fails here instead of
//! passing unnoticed. Its own test binary (one process), so the log
//! collector can be global and the server can run on several threads as
//! in production.

#[path = "http/support.rs"]
#[allow(dead_code)]
mod support;

use http::StatusCode;
use std::sync::{Arc, Mutex};
use support::{Client, TestApp, project_gig};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Keeps every warning and error logged on this thread.
#[derive(Clone, Default)]
struct Logged(Arc<Mutex<Vec<String>>>);

impl<S: Subscriber> Layer<S> for Logged {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        // sqlx's own "slow statement" warnings say nothing about rendering.
        let target = event.metadata().target();
        if *event.metadata().level() <= Level::WARN && !target.starts_with("sqlx") {
            let mut text = String::new();
            event.record(
                &mut |field: &tracing::field::Field, value: &dyn std::fmt::Debug| {
                    text.push_str(&format!("{}={value:?} ", field.name()));
                },
            );
            self.0.lock().expect("log lock").push(format!(
                "{} {}: {text}",
                event.metadata().level(),
                event.metadata().target()
            ));
        }
    }
}

/// Visits each page as `client`; returns what went wrong.
async fn visit(client: &mut Client<'_>, who: &str, pages: &[String]) -> Vec<String> {
    let mut wrong = Vec::new();
    for page in pages {
        let response = client.get(page).await;
        let ok = matches!(
            response.status,
            StatusCode::OK
                | StatusCode::FOUND
                | StatusCode::UNAUTHORIZED
                | StatusCode::FORBIDDEN
                | StatusCode::NOT_FOUND
        );
        if !ok {
            wrong.push(format!("{page} as {who}: {}", response.status));
        }
        // Let tasks a render left behind (orphaned resources) run and log.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    wrong
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_renders_without_logging_errors() {
    let logged = Logged::default();
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(logged.clone()))
        .expect("the only subscriber of this test binary");

    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify, CSS", "40")
        .await;
    let proposal = dev
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &gig.to_string()),
                (
                    "proposal[cover_letter]",
                    "I have built many bakery shops and can start Monday.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "800"),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await;
    let contract = owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal.to_string()),
                ("milestones[0][title]", "All of it"),
                ("milestones[0][amount]", "800"),
            ],
        )
        .await;
    let waiting = owner
        .post_gig(
            &project_gig(&[("gig[title]", "A gig waiting for review")]),
            true,
        )
        .await;
    let mut newcomer = app.client();
    newcomer.sign_up("newcomer", &["wants_freelancer"]).await;
    newcomer
        .complete_onboarding("freelance", &["web-developer"], "CSS", "30")
        .await;
    owner
        .ok(
            "/api/suggest/ask",
            &[("need", "my bakery needs an online shop")],
        )
        .await;
    let contract_view = owner
        .ok("/api/contracts/get", &[("id", &contract.to_string())])
        .await;
    let conversation = contract_view["conversation_id"].to_string();
    let board = contract_view["board_id"].to_string();
    let card = owner.ok("/api/boards/get", &[("id", &board)]).await["columns"][0]["cards"][0]["id"]
        .to_string();
    owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "render-1"),
                (
                    "body",
                    "See `main.rs` and https://guild.example\n```\nfn main() {}\n```",
                ),
            ],
        )
        .await;
    let mut admin = app.admin().await;
    let mut visitor = app.client();

    let public: Vec<String> = [
        "/",
        "/login",
        "/signup",
        "/gigs",
        "/gigs?q=shop&sort=budget_desc",
        "/talent",
        "/talent?role=web-developer",
        "/talent/dev",
        "/suggest?need=my+bakery+needs+an+online+shop",
        "/no/such/page",
    ]
    .iter()
    .map(|p| p.to_string())
    .chain([format!("/gigs/{gig}")])
    .collect();
    let members: Vec<String> = public
        .iter()
        .cloned()
        .chain(
            [
                "/dashboard",
                "/gigs/new",
                "/gigs/saved",
                "/talent/saved",
                "/proposals",
                "/contracts",
                "/onboarding",
                "/onboarding/client",
                "/onboarding/roles",
                "/onboarding/review",
                "/clients/owner",
                "/admin",
                "/messages",
                "/messages?q=main",
                "/notifications",
                "/notifications?show=all",
                "/settings/notifications",
                "/settings/security",
                "/settings/sessions",
                "/login/code",
                "/admin/queue",
                "/admin/queue?view=hidden&kind=gig&age=7",
                "/admin/queue?view=nonsense",
                "/admin/audit",
                "/admin/audit?action=gig.approve",
                "/admin/analytics",
                "/admin/analytics?range=365",
                "/boards",
            ]
            .iter()
            .map(|p| p.to_string()),
        )
        .chain([
            format!("/gigs/{gig}/edit"),
            format!("/gigs/{waiting}"),
            format!("/contracts/{contract}"),
            format!("/messages/{conversation}"),
            format!("/boards/{board}"),
            format!("/boards/{board}/cards/{card}/move"),
            format!("/boards/{board}/cards/{card}"),
            format!("/boards/{board}/columns"),
            format!("/boards/{board}/archive"),
            format!("/boards/{board}?q=design&due=soon"),
        ])
        .collect();

    let mut wrong = Vec::new();
    wrong.extend(visit(&mut visitor, "visitor", &members).await);
    wrong.extend(visit(&mut owner, "owner", &members).await);
    wrong.extend(visit(&mut dev, "freelancer", &members).await);
    wrong.extend(visit(&mut newcomer, "pending freelancer", &members).await);
    wrong.extend(visit(&mut admin, "admin", &members).await);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let logged = logged.0.lock().expect("log lock").clone();
    assert!(
        logged.is_empty(),
        "rendering pages logged:\n{}",
        logged.join("\n")
    );
}
