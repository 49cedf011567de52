//! Suggestions: the need box, history, gig drafts, recommended gigs,
//! suggested talent and invitations.

use super::support::{Client, TestApp, project_gig};
use axum::body::Body;
use http::{Request, StatusCode, header};

const NEED: &str = "my bakery needs a website where people can order cakes";

#[tokio::test]
async fn anyone_gets_suggestions_but_only_signed_in_users_keep_history() {
    let app = TestApp::new().await;
    app.approved_freelancer("webby", "web-developer", "Shopify, CSS", "40")
        .await;

    let anonymous = app
        .client()
        .post("/api/suggest/roles", &[("text", NEED)])
        .await;
    assert_eq!(anonymous.status, StatusCode::OK, "{}", anonymous.text());
    let body = anonymous.json();
    assert_eq!(body["roles"][0]["id"], "web-developer");
    assert!(body["roles"].as_array().unwrap().len() <= 4);
    assert_eq!(body["ranked"].as_array().unwrap().len(), 5);
    assert!(
        body["history_id"].is_null(),
        "nothing is stored for visitors"
    );
    assert_eq!(body["talent"][0]["username"], "webby");

    let mut client = app.client();
    client.sign_up("baker", &["wants_client"]).await;
    let signed_in = client.ok("/api/suggest/roles", &[("text", NEED)]).await;
    assert!(signed_in["history_id"].is_null(), "asking stores nothing");
    assert_eq!(
        client.ok("/api/suggest/history", &[]).await,
        serde_json::json!([])
    );
    client.ok("/api/suggest/ask", &[("need", NEED)]).await;
    let history = client.ok("/api/suggest/history", &[]).await;
    let items = history.as_array().unwrap();
    assert_eq!(items.len(), 1, "the submitted need was kept: {history}");
    assert_eq!(items[0]["text"], NEED);
    assert_eq!(items[0]["roles"][0], "web-developer");
    let again = client.ok("/api/suggest/roles", &[("text", NEED)]).await;
    assert_eq!(again["history_id"], items[0]["id"]);

    let mut other = app.client();
    other.sign_up("stranger", &["wants_client"]).await;
    assert_eq!(
        other.ok("/api/suggest/history", &[]).await,
        serde_json::json!([])
    );
    assert_eq!(
        app.client().post("/api/suggest/history", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Opening `/suggest` for `NEED` as a browser navigation with this
/// `Sec-Fetch-Site`.
fn open_suggest_page(client: &Client<'_>, site: &'static str) -> Request<Body> {
    let query = serde_urlencoded::to_string([("need", NEED)]).expect("encode");
    client
        .builder("GET", &format!("/suggest?{query}"))
        .header(header::ACCEPT, "text/html")
        .header("sec-fetch-site", site)
        .body(Body::empty())
        .expect("request")
}

#[tokio::test]
async fn opening_the_suggest_page_never_writes_history() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("baker", &["wants_client"]).await;
    // "same-origin" is also what the redirect after log-in to
    // `next=/suggest?need=…` looks like.
    for site in ["cross-site", "none", "same-origin"] {
        let page = client.send(open_suggest_page(&client, site)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("Roles that fit"), "{}", page.text());
    }
    assert_eq!(
        client.ok("/api/suggest/history", &[]).await,
        serde_json::json!([]),
        "only the need box's submit keeps a need"
    );
}

#[tokio::test]
async fn the_need_box_submit_keeps_the_need_and_opens_its_suggestions() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("baker", &["wants_client"]).await;
    let request = client
        .builder("POST", "/api/suggest/ask")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://guild.test/")
        .body(Body::from(
            serde_urlencoded::to_string([("need", NEED)]).expect("encode"),
        ))
        .expect("request");
    let response = client.send(request).await;
    assert_eq!(response.status, StatusCode::FOUND, "{}", response.text());
    let location = response.header("location").expect("location");
    assert!(
        location.starts_with("/suggest?need=my+bakery"),
        "{location}"
    );
    let history = client.ok("/api/suggest/history", &[]).await;
    assert_eq!(history[0]["text"], NEED);
}

#[tokio::test]
async fn a_need_must_say_something() {
    let app = TestApp::new().await;
    let response = app
        .client()
        .post("/api/suggest/roles", &[("text", "  ")])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.field_error("text").is_some());
    let long = "cake ".repeat(500);
    let response = app
        .client()
        .post("/api/suggest/roles", &[("text", &long)])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_vague_need_gets_no_roles_and_no_talent() {
    let app = TestApp::new().await;
    let body = app
        .client()
        .post("/api/suggest/roles", &[("text", "hello there")])
        .await
        .json();
    assert_eq!(body["roles"], serde_json::json!([]));
    assert_eq!(body["talent"], serde_json::json!([]));
    assert_eq!(
        body["ranked"].as_array().unwrap().len(),
        5,
        "the ranking is still there"
    );
}

#[tokio::test]
async fn only_the_author_turns_a_suggestion_into_a_gig_draft() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("baker", &["wants_client"]).await;
    client.ok("/api/suggest/ask", &[("need", NEED)]).await;
    let id = client.ok("/api/suggest/history", &[]).await[0]["id"].to_string();

    let mut other = app.client();
    other.sign_up("snoop", &["wants_client"]).await;
    assert_eq!(
        other
            .post("/api/suggest/draft", &[("id", &id)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mut freelancer = app.client();
    freelancer
        .sign_up("freelancer", &["wants_freelancer"])
        .await;
    assert_eq!(
        freelancer
            .post("/api/suggest/draft", &[("id", &id)])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "drafting gigs needs client mode"
    );

    let gig = client
        .ok("/api/suggest/draft", &[("id", &id)])
        .await
        .to_string();
    let draft = client.ok("/api/gigs/get", &[("id", &gig)]).await;
    assert_eq!(draft["summary"]["status"], "draft");
    assert_eq!(draft["description"], NEED);
    assert_eq!(draft["summary"]["roles"][0], "web-developer");
    assert_eq!(
        app.client()
            .post("/api/gigs/get", &[("id", &gig)])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "the draft stays private"
    );
}

#[tokio::test]
async fn freelancers_get_gigs_in_their_line_of_work_with_reasons() {
    let app = TestApp::new().await;
    let mut webby = app
        .approved_freelancer("webby", "web-developer", "Shopify, CSS", "40")
        .await;
    let (_, shop) = app.open_gig("baker", &project_gig(&[])).await;
    let (_, _tutoring) = app
        .open_gig(
            "parent",
            &project_gig(&[
                ("gig[title]", "Piano lessons for my daughter"),
                (
                    "gig[description]",
                    "She is eight and wants to learn to play piano songs she likes.",
                ),
                ("gig[roles][]", "music-teacher"),
                ("gig[skills]", "Piano"),
            ]),
        )
        .await;

    let picks = webby.ok("/api/suggest/gigs", &[]).await;
    let picks = picks.as_array().unwrap();
    assert_eq!(
        picks.len(),
        1,
        "the piano gig is not in a web developer's line: {picks:?}"
    );
    assert_eq!(picks[0]["gig"]["id"], shop);
    let reasons = picks[0]["reasons"].to_string();
    assert!(reasons.contains("Web Developer"), "{reasons}");
    assert!(
        reasons.contains("matches: Shopify, CSS") || reasons.contains("matches: CSS, Shopify"),
        "{reasons}"
    );

    let mut client = app.client();
    client.sign_up("clientonly", &["wants_client"]).await;
    assert_eq!(
        client.post("/api/suggest/gigs", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client().post("/api/suggest/gigs", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn owners_see_suggested_talent_and_invite_to_invite_only_gigs() {
    let app = TestApp::new().await;
    let mut webby = app
        .approved_freelancer("webby", "web-developer", "Shopify, CSS", "40")
        .await;
    let webby_id = webby.me().await["id"].to_string();
    let (mut owner, gig) = app
        .open_gig("baker", &project_gig(&[("gig[visibility]", "invite_only")]))
        .await;
    let gig = gig.to_string();

    assert_eq!(
        webby.post("/api/gigs/get", &[("id", &gig)]).await.status,
        StatusCode::NOT_FOUND,
        "invite-only gigs are hidden before an invitation"
    );
    let talent = owner.ok("/api/suggest/talent", &[("gig_id", &gig)]).await;
    assert_eq!(talent[0]["card"]["username"], "webby");
    assert_eq!(talent[0]["invited"], false);

    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    assert_eq!(
        stranger
            .post("/api/suggest/talent", &[("gig_id", &gig)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        stranger
            .post(
                "/api/gigs/invite",
                &[("gig_id", &gig), ("freelancer_id", &webby_id)]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        webby.post("/api/gigs/get", &[("id", &gig)]).await.status,
        StatusCode::NOT_FOUND,
        "a refused invitation changes nothing"
    );

    owner
        .ok(
            "/api/gigs/invite",
            &[("gig_id", &gig), ("freelancer_id", &webby_id)],
        )
        .await;
    owner
        .ok(
            "/api/gigs/invite",
            &[("gig_id", &gig), ("freelancer_id", &webby_id)],
        )
        .await;
    assert_eq!(
        owner.ok("/api/suggest/talent", &[("gig_id", &gig)]).await[0]["invited"],
        true
    );
    assert_eq!(
        webby.post("/api/gigs/get", &[("id", &gig)]).await.status,
        StatusCode::OK
    );
    let picks = webby.ok("/api/suggest/gigs", &[]).await;
    assert_eq!(picks[0]["gig"]["id"].to_string(), gig);
    assert_eq!(picks[0]["invited"], true);
    assert_eq!(picks[0]["reasons"][0], "the client invited you");
}
