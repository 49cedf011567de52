//! One test (or more) per finding of the security audit: title injection,
//! open redirects, moderation bypass, throttling, leaks through lists,
//! enumeration, spoofed form errors, history written by a GET, large and
//! hostile inputs.

use super::support::{Client, ORIGIN, PASSWORD, TestApp, hire, project_gig};
use axum::body::Body;
use http::{Request, StatusCode, header};

/// The text of the page's `<title>` element, as sent.
fn head_title(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    let end = html[start..].find("</title>").expect("</title>") + start;
    &html[start..end]
}

/// Asserts the page's title shows `</title><b>` as text, not markup.
fn assert_title_escaped(html: &str, context: &str) {
    let title = head_title(html);
    assert!(
        title.contains("&lt;/title&gt;&lt;b&gt;"),
        "{context}: title not escaped: {title:?}"
    );
    assert!(
        !html.contains("</title><b>"),
        "{context}: markup from user text reached the head"
    );
}

const HOSTILE: &str = "Ada </title><b>";

#[tokio::test]
async fn page_titles_escape_user_text() {
    let app = TestApp::new().await;
    let hostile_title = "Bakery shop </title><b>bold";
    let (mut owner, gig) = app
        .open_gig("owner", &project_gig(&[("gig[title]", hostile_title)]))
        .await;
    let page = app.client().get(&format!("/gigs/{gig}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "gig page");

    let mut freelancer = app.client();
    freelancer
        .post(
            "/api/auth/signup",
            &[
                ("email", "hostile@example.com"),
                ("username", "hostile"),
                ("display_name", HOSTILE),
                ("password", PASSWORD),
                ("wants_freelancer", "on"),
                ("wants_client", "on"),
            ],
        )
        .await;
    freelancer
        .complete_onboarding("freelance", &["web-developer"], "CSS", "40")
        .await;
    let id = freelancer.me().await["id"].to_string();
    app.admin().await.approve_profile(&id).await;
    let page = app.client().get("/talent/hostile").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "public profile");
    let page = freelancer.get("/clients/hostile").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "client profile");

    let contract = hire(&mut owner, &mut freelancer, gig, "800").await;
    let page = owner.get(&format!("/contracts/{contract}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "contract page");

    let board = owner
        .ok("/api/boards/create", &[("title", "Plan </title><b>bold")])
        .await;
    let page = owner.get(&format!("/boards/{board}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "board page");

    let board = board.to_string();
    let column =
        owner.ok("/api/boards/get", &[("id", &board)]).await["columns"][0]["id"].to_string();
    let card = owner
        .ok(
            "/api/boards/card/add",
            &[
                ("board_id", &board),
                ("column_id", &column),
                ("title", "Card </title><b>bold"),
            ],
        )
        .await["id"]
        .to_string();
    let page = owner.get(&format!("/boards/{board}/cards/{card}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_title_escaped(&page.text(), "card page");
}

/// A no-JavaScript log-in (the browser posts the form and follows redirects).
fn form_login(fields: &[(&str, &str)]) -> Request<Body> {
    Request::post("/api/auth/login")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, format!("{ORIGIN}/login"))
        .body(Body::from(
            serde_urlencoded::to_string(fields).expect("encode"),
        ))
        .expect("request")
}

#[tokio::test]
async fn log_in_never_redirects_off_site() {
    let app = TestApp::new().await;
    app.client().sign_up("ada", &["wants_client"]).await;
    for next in [
        "/\t/evil.example/phish",
        "/\n/evil.example",
        "/\\evil.example",
        "//evil.example",
        "/..//evil.example",
        "https://evil.example",
    ] {
        let response = app
            .send(form_login(&[
                ("identifier", "ada"),
                ("password", PASSWORD),
                ("next", next),
            ]))
            .await;
        assert_eq!(response.status, StatusCode::FOUND, "{next:?}");
        assert_eq!(
            response.header("location").as_deref(),
            Some("/dashboard"),
            "{next:?}"
        );
    }
    let response = app
        .send(form_login(&[
            ("identifier", "ada"),
            ("password", PASSWORD),
            ("next", "/gigs?q=shop"),
        ]))
        .await;
    assert_eq!(response.header("location").as_deref(), Some("/gigs?q=shop"));
}

#[tokio::test]
async fn editing_the_text_of_an_open_gig_sends_it_back_to_review() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let id = gig.to_string();
    let mut budget_only = project_gig(&[("gig[budget_min]", "900")]);
    budget_only.push(("id", &id));
    owner.ok("/api/gigs/save", &budget_only).await;
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id)]).await["summary"]["status"],
        "open",
        "a new budget needs no review"
    );

    let mut retitled = project_gig(&[("gig[title]", "Buy cheap pills at evil.example")]);
    retitled.push(("id", &id));
    owner.ok("/api/gigs/save", &retitled).await;
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id)]).await["summary"]["status"],
        "pending"
    );
    assert_eq!(
        app.client()
            .post("/api/gigs/get", &[("id", &id)])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "the unreviewed text is not public"
    );
    assert_eq!(
        app.client().post("/api/gigs/search", &[]).await.json()["total"],
        0
    );
    app.admin().await.approve_gig(&id).await;
    let public = app
        .client()
        .post("/api/gigs/get", &[("id", &id)])
        .await
        .json();
    assert_eq!(
        public["summary"]["title"],
        "Buy cheap pills at evil.example"
    );
}

#[tokio::test]
async fn an_approval_applies_to_the_gig_revision_the_admin_saw() {
    let app = TestApp::new().await;
    let mut owner = app.client();
    owner.sign_up("owner", &["wants_client"]).await;
    let gig = owner.post_gig(&project_gig(&[]), true).await;
    let id = gig.to_string();
    let mut admin = app.admin().await;
    let seen = admin.pending_gig_revision(&id).await;

    let mut changed = project_gig(&[(
        "gig[description]",
        "Now a completely different request with other words.",
    )]);
    changed.push(("id", &id));
    owner.ok("/api/gigs/save", &changed).await;

    let stale = admin
        .post(
            "/api/admin/gigs/decide",
            &[("gig_id", &id), ("revision", &seen), ("approve", "true")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id)]).await["summary"]["status"],
        "pending"
    );
    admin.approve_gig(&id).await;
    assert_eq!(
        owner.ok("/api/gigs/get", &[("id", &id)]).await["summary"]["status"],
        "open"
    );
}

#[tokio::test]
async fn editing_an_approved_profile_sends_its_new_text_to_review() {
    let app = TestApp::new().await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    dev.ok(
        "/api/onboarding/rate",
        &[
            ("hourly_rate", "55"),
            ("currency", "USD"),
            ("availability", "full_time"),
        ],
    )
    .await;
    assert_eq!(
        dev.ok("/api/profiles/me", &[]).await["status"],
        "approved",
        "a new rate needs no review"
    );

    dev.ok(
        "/api/onboarding/experience",
        &[
            ("tagline", "Visit evil.example for cheap followers"),
            (
                "bio",
                "Ten years of helping small businesses with exactly this kind of work.",
            ),
            ("city", "Lisbon"),
            ("country", "PT"),
            ("years_experience", "10"),
        ],
    )
    .await;
    assert_eq!(dev.ok("/api/profiles/me", &[]).await["status"], "pending");
    assert_eq!(
        app.client()
            .post("/api/profiles/freelancer", &[("username", "dev")])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "the unreviewed text is not public"
    );
    let found = app
        .client()
        .post("/api/talent/search", &[("filters[role]", "web-developer")])
        .await
        .json();
    assert_eq!(found["total"], 0);

    let id = dev.me().await["id"].to_string();
    let mut admin = app.admin().await;
    let seen = admin.pending_profile_revision(&id).await;
    dev.ok("/api/onboarding/skills", &[("skills", "Shopify, Spam")])
        .await;
    let stale = admin
        .post(
            "/api/admin/profiles/decide",
            &[("user_id", &id), ("revision", &seen), ("approve", "true")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    admin.approve_profile(&id).await;
    let public = app
        .client()
        .post("/api/profiles/freelancer", &[("username", "dev")])
        .await
        .json();
    assert_eq!(
        public["profile"]["tagline"],
        "Visit evil.example for cheap followers"
    );
}

/// A failed log-in from `ip` (behind one trusted proxy).
async fn failed_login_from(app: &TestApp, identifier: &str, ip: &str) -> StatusCode {
    let request = Request::post("/api/auth/login")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("x-forwarded-for", ip)
        .body(Body::from(
            serde_urlencoded::to_string([
                ("identifier", identifier),
                ("password", "not the password"),
            ])
            .expect("encode"),
        ))
        .expect("request");
    app.send(request).await.status
}

#[tokio::test]
async fn email_and_username_drain_one_bucket_per_account() {
    let app = TestApp::with_vars(&[("GUILD_TRUSTED_PROXIES", "1")]).await;
    app.client().sign_up("ada", &["wants_client"]).await;
    for attempt in 0..10 {
        let identifier = if attempt % 2 == 0 {
            "ada"
        } else {
            "ada@example.com"
        };
        let ip = format!("198.51.100.{attempt}");
        assert_eq!(
            failed_login_from(&app, identifier, &ip).await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        failed_login_from(&app, "ADA@example.com", "198.51.100.200").await,
        StatusCode::TOO_MANY_REQUESTS,
        "ten guesses in all, however the account is named"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_cannot_outrun_the_throttle() {
    use tower::ServiceExt;
    let app = TestApp::with_vars(&[("GUILD_TRUSTED_PROXIES", "1")]).await;
    app.client().sign_up("ada", &["wants_client"]).await;
    let mut guesses = tokio::task::JoinSet::new();
    for attempt in 0..30 {
        let router = app.router.clone();
        guesses.spawn(async move {
            let request = Request::post("/api/auth/login")
                .header("sec-fetch-site", "same-origin")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .header("x-forwarded-for", format!("198.51.100.{attempt}"))
                .body(Body::from("identifier=ada&password=not+the+password"))
                .expect("request");
            router.oneshot(request).await.expect("infallible").status()
        });
    }
    let statuses = guesses.join_all().await;
    let guessed = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(guessed, 10, "{statuses:?}");
    assert!(
        statuses[..]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS)
    );
}

#[tokio::test]
async fn a_client_cannot_pick_its_address_by_prepending_to_forwarded_for() {
    let app = TestApp::with_vars(&[("GUILD_TRUSTED_PROXIES", "1")]).await;
    for attempt in 0..10 {
        let forwarded = format!("10.9.9.{attempt}, 192.0.2.7");
        let identifier = format!("nobody{attempt}");
        assert_eq!(
            failed_login_from(&app, &identifier, &forwarded).await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        failed_login_from(&app, "someone-else", "10.9.9.99, 192.0.2.7").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the address the proxy saw is what counts"
    );
}

#[tokio::test]
async fn identifiers_are_bounded_before_any_work() {
    let app = TestApp::new().await;
    let huge = "a".repeat(1_000_000);
    let response = app.client().log_in(&huge, "whatever password").await;
    assert_eq!(
        response.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        response.text().len()
    );
    assert!(response.field_error("identifier").is_some());
    let long = "a".repeat(300);
    let response = app.client().log_in(&long, "whatever password").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.state.throttles.login.is_empty(), "no bucket was made");
}

#[tokio::test]
async fn sign_ups_are_throttled_per_network() {
    let app = TestApp::with_vars(&[("GUILD_SIGNUP_BURST", "2")]).await;
    app.client().sign_up("first", &["wants_client"]).await;
    app.client().sign_up("second", &["wants_client"]).await;
    let third = app
        .client()
        .post(
            "/api/auth/signup",
            &[
                ("email", "third@example.com"),
                ("username", "third"),
                ("display_name", "Third"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(third.header("retry-after").is_some());
    assert_eq!(
        app.client().log_in("third", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED,
        "no account was made"
    );
}

#[tokio::test]
async fn visitors_suggestions_are_throttled_but_members_are_not() {
    let app = TestApp::with_vars(&[("GUILD_SUGGEST_BURST", "2")]).await;
    let mut visitor = app.client();
    assert_eq!(ask_roles(&mut visitor).await, StatusCode::OK);
    assert_eq!(ask_roles(&mut visitor).await, StatusCode::OK);
    assert_eq!(ask_roles(&mut visitor).await, StatusCode::TOO_MANY_REQUESTS);
    let mut member = app.client();
    member.sign_up("baker", &["wants_client"]).await;
    for _ in 0..3 {
        assert_eq!(ask_roles(&mut member).await, StatusCode::OK);
    }
}

async fn ask_roles(client: &mut Client<'_>) -> StatusCode {
    client
        .post(
            "/api/suggest/roles",
            &[("text", "my bakery needs an online shop")],
        )
        .await
        .status
}

#[tokio::test]
async fn bookmarks_never_show_a_gig_the_user_may_no_longer_see() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let id = gig.to_string();
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    dev.ok("/api/gigs/bookmark", &[("id", &id), ("saved", "true")])
        .await;
    assert_eq!(
        dev.ok("/api/gigs/saved", &[])
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let mut private = project_gig(&[("gig[visibility]", "invite_only")]);
    private.push(("id", &id));
    owner.ok("/api/gigs/save", &private).await;
    assert_eq!(
        dev.post("/api/gigs/get", &[("id", &id)]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        dev.ok("/api/gigs/saved", &[]).await,
        serde_json::json!([]),
        "the saved list must not leak the invite-only gig"
    );
}

#[tokio::test]
async fn saved_talent_hides_profiles_waiting_for_review() {
    let app = TestApp::new().await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let dev_id = dev.me().await["id"].to_string();
    let mut client = app.client();
    client.sign_up("client", &["wants_client"]).await;
    client
        .ok(
            "/api/talent/bookmark",
            &[("freelancer_id", &dev_id), ("saved", "true")],
        )
        .await;
    dev.ok(
        "/api/onboarding/skills",
        &[("skills", "Shopify, Crypto giveaways")],
    )
    .await;
    assert_eq!(
        client.ok("/api/talent/saved", &[]).await,
        serde_json::json!([])
    );
}

#[tokio::test]
async fn the_messaging_rule_does_not_reveal_accounts() {
    let app = TestApp::new().await;
    let mut dev = app.client();
    dev.sign_up("dev", &["wants_freelancer"]).await;
    let mut hidden = app.client();
    hidden.sign_up("hidden_client", &["wants_client"]).await;
    let unknown = dev
        .post("/api/messages/can-message", &[("username", "no_such_user")])
        .await;
    let refused = dev
        .post(
            "/api/messages/can-message",
            &[("username", "hidden_client")],
        )
        .await;
    let by_email = dev
        .post(
            "/api/messages/can-message",
            &[("username", "hidden_client@example.com")],
        )
        .await;
    for response in [&unknown, &refused, &by_email] {
        assert_eq!(response.status, StatusCode::OK);
        assert_eq!(response.json(), serde_json::json!(false));
    }
    let start_unknown = hidden
        .post("/api/messages/start", &[("username", "no_such_user")])
        .await;
    let start_refused = hidden
        .post("/api/messages/start", &[("username", "dev")])
        .await;
    assert_eq!(start_unknown.status, start_refused.status);
    assert_eq!(start_unknown.text(), start_refused.text());
}

#[tokio::test]
async fn avatars_show_only_public_names_and_answer_alike_for_unknown_people() {
    let app = TestApp::new().await;
    let mut hidden = app.client();
    hidden
        .post(
            "/api/auth/signup",
            &[
                ("email", "secret@example.com"),
                ("username", "quiet_one"),
                ("display_name", "Zelda Xavier"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    let known = app.client().get("/avatars/quiet_one.svg").await;
    let unknown = app.client().get("/avatars/quiet_two.svg").await;
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(!known.text().contains("Zelda"), "{}", known.text());
    assert!(!known.text().contains(">ZX<"), "{}", known.text());
    assert_eq!(known.header("content-type"), unknown.header("content-type"));
    assert_eq!(
        known.header("cache-control"),
        unknown.header("cache-control")
    );

    let mut public = app.client();
    public
        .post(
            "/api/auth/signup",
            &[
                ("email", "maria@example.com"),
                ("username", "public_dev"),
                ("display_name", "Maria Lopez"),
                ("password", PASSWORD),
                ("wants_freelancer", "on"),
            ],
        )
        .await;
    public
        .complete_onboarding("freelance", &["web-developer"], "CSS", "40")
        .await;
    let id = public.me().await["id"].to_string();
    app.admin().await.approve_profile(&id).await;
    let shown = app.client().get("/avatars/public_dev.svg").await;
    assert!(
        shown.text().contains("Maria Lopez") && shown.text().contains(">ML<"),
        "an approved freelancer's name is public: {}",
        shown.text()
    );
}

#[tokio::test]
async fn only_errors_issued_to_this_browser_are_shown() {
    let app = TestApp::new().await;
    let spoof = base64_url(r#"{"Forbidden":"Your account is locked. Call +1 555 0100."}"#);
    let forged = format!("/login?__path=%2Fapi%2Fauth%2Flogin&__err={spoof}");
    let page = app.client().get(&forged).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.header("location").as_deref(), Some("/login"));

    let mut browser = app.client();
    let failed = browser
        .send(form_login(&[
            ("identifier", "nobody"),
            ("password", "wrong password"),
        ]))
        .await;
    assert_eq!(failed.status, StatusCode::FOUND);
    let location = failed.header("location").expect("location");
    let issued = failed
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("guild_form_error="))
        .expect("the error redirect is marked")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let path = location.trim_start_matches(ORIGIN);
    let shown = app
        .send(
            Request::get(path)
                .header(header::ACCEPT, "text/html")
                .header(header::COOKIE, &issued)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(
        shown
            .text()
            .contains("Incorrect email, username or password."),
        "the real error is shown"
    );
    let replayed = app.client().get(path).await;
    assert_eq!(
        replayed.status,
        StatusCode::SEE_OTHER,
        "another browser does not see it"
    );
}

#[tokio::test]
async fn a_success_redirect_cannot_carry_an_error() {
    let app = TestApp::new().await;
    app.client().sign_up("ada", &["wants_client"]).await;
    let spoof = base64_url(r#"{"Forbidden":"Your account is locked. Call +1 555 0100."}"#);
    let next = format!("/gigs/new?__path=%2Fapi%2Fgigs%2Fsave&__err={spoof}");
    let response = app
        .send(form_login(&[
            ("identifier", "ada"),
            ("password", PASSWORD),
            ("next", &next),
        ]))
        .await;
    assert_eq!(response.header("location").as_deref(), Some("/gigs/new"));
    assert!(
        !response
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v
                .to_str()
                .unwrap_or_default()
                .starts_with("guild_form_error=")),
        "only error responses are marked"
    );
}

fn base64_url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE.encode(text)
}

#[tokio::test]
async fn large_inputs_get_a_clear_422_not_a_500() {
    let app = TestApp::new().await;
    let need = "bake ".repeat(14_000);
    let response = app
        .client()
        .post("/api/suggest/roles", &[("text", &need)])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.field_error("text").is_some(),
        "{}",
        response.text()
    );
    let mut owner = app.client();
    owner.sign_up("owner", &["wants_client"]).await;
    let long = "word ".repeat(4_500);
    let response = owner
        .post(
            "/api/gigs/save",
            &project_gig(&[("gig[description]", &long)]),
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.field_error("description").is_some(),
        "{}",
        response.text()
    );
}

#[tokio::test]
async fn the_input_guard_ignores_the_declared_content_type() {
    let app = TestApp::new().await;
    for content_type in ["text/plain", "APPLICATION/X-WWW-FORM-URLENCODED", ""] {
        let mut request = Request::post("/api/auth/login")
            .header("sec-fetch-site", "same-origin")
            .header(header::ACCEPT, "application/json");
        if !content_type.is_empty() {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = app
            .send(
                request
                    .body(Body::from("identifier=ada%00&password=whatever+password"))
                    .expect("request"),
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{content_type:?}: {}",
            response.text()
        );
    }
}

#[tokio::test]
async fn search_texts_are_bounded() {
    let app = TestApp::new().await;
    let long = "shop ".repeat(60);
    let response = app
        .client()
        .post("/api/gigs/search", &[("filters[q]", &long)])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.field_error("q").is_some());
    let response = app
        .client()
        .post("/api/talent/search", &[("filters[q]", &long)])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let query = serde_urlencoded::to_string([("q", &long)]).expect("encode");
    let api = app.client().get(&format!("/api/v1/gigs?{query}")).await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST, "{}", api.text());
}

#[tokio::test]
async fn control_characters_and_direction_overrides_are_refused() {
    let app = TestApp::new().await;
    let mut owner = app.client();
    owner.sign_up("owner", &["wants_client"]).await;
    let response = owner
        .post(
            "/api/gigs/save",
            &project_gig(&[("gig[title]", "Bakery\0 online shop")]),
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.field_error("title").is_some());
    let response = owner
        .post(
            "/api/gigs/save",
            &project_gig(&[("gig[title]", "Bakery shop \u{202E}gpj.exe")]),
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.field_error("title").is_some());
    let response = owner
        .post("/api/gigs/search", &[("filters[q]", "shop\0")])
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.client().get("/talent/ada%00").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.client().get("/gigs?q=shop%00").await.status,
        StatusCode::BAD_REQUEST
    );

    let spoof = app
        .client()
        .post(
            "/api/auth/signup",
            &[
                ("email", "spoof@example.com"),
                ("username", "spoof"),
                ("display_name", "Guild \u{202E}nimdA"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    assert_eq!(spoof.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(spoof.field_error("display_name").is_some());
    let mut invisible = app.client();
    let made = invisible
        .post(
            "/api/auth/signup",
            &[
                ("email", "zw@example.com"),
                ("username", "zwuser"),
                ("display_name", "Ad\u{200B}min Team"),
                ("password", PASSWORD),
                ("wants_client", "on"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text());
    assert_eq!(invisible.me().await["display_name"], "Admin Team");
}

#[tokio::test]
async fn autocomplete_shows_only_skills_an_admin_has_seen() {
    let app = TestApp::new().await;
    let mut pending = app.client();
    pending.sign_up("newcomer", &["wants_freelancer"]).await;
    pending
        .complete_onboarding("freelance", &["web-developer"], "Zyxcraft", "30")
        .await;
    assert_eq!(
        suggest_zyx(&app).await,
        serde_json::json!([]),
        "not approved yet"
    );
    let id = pending.me().await["id"].to_string();
    app.admin().await.approve_profile(&id).await;
    assert_eq!(suggest_zyx(&app).await, serde_json::json!(["Zyxcraft"]));
}

async fn suggest_zyx(app: &TestApp) -> serde_json::Value {
    app.client()
        .post("/api/skills/suggest", &[("q", "zyx")])
        .await
        .json()
}

#[tokio::test]
async fn a_client_cannot_accept_on_terms_the_freelancer_did_not_offer() {
    let app = TestApp::new().await;
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let proposal = super::support::propose(&mut dev, gig, "800").await;
    let cheap = owner
        .post(
            "/api/proposals/accept",
            &[
                ("id", &proposal),
                ("milestones[0][title]", "Everything"),
                ("milestones[0][amount]", "80"),
            ],
        )
        .await;
    assert_eq!(cheap.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(cheap.field_error("milestones").unwrap().contains("800"));
    assert_eq!(
        owner.ok("/api/contracts/mine", &[]).await,
        serde_json::json!([]),
        "no contract started"
    );
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal),
                ("milestones[0][title]", "Design"),
                ("milestones[0][amount]", "300"),
                ("milestones[1][title]", "Build"),
                ("milestones[1][amount]", "500"),
            ],
        )
        .await;
}
