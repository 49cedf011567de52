//! Server-rendered pages: status codes and auth gating without JavaScript.

use super::support::TestApp;
use http::StatusCode;

#[tokio::test]
async fn public_pages_render() {
    let app = TestApp::new().await;
    for path in ["/", "/login", "/signup"] {
        let page = app.client().get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.text().contains("Guild"), "{path}");
    }
}

#[tokio::test]
async fn unknown_paths_get_the_404_page() {
    let app = TestApp::new().await;
    let page = app.client().get("/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.text().contains("couldn"), "{}", page.text());
}

#[tokio::test]
async fn the_404_page_still_knows_who_is_signed_in() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("maya", &["wants_client"]).await;
    let page = client.get("/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        !page.text().contains(">Log in<"),
        "the header shows the account, not the log-in button: {}",
        page.text()
    );
}

#[tokio::test]
async fn the_dashboard_sends_visitors_to_log_in() {
    let app = TestApp::new().await;
    let page = app.client().get("/dashboard").await;
    assert_eq!(page.status, StatusCode::FOUND, "{}", page.text());
    assert_eq!(
        page.header("location").as_deref(),
        Some("/login?next=/dashboard")
    );
}

#[tokio::test]
async fn the_dashboard_follows_the_active_mode() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client
        .sign_up("sam", &["wants_client", "wants_freelancer"])
        .await;
    let page = client.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.text().contains("data-mode=\"client\""));
    client
        .post("/api/auth/switch-mode", &[("mode", "freelancer")])
        .await;
    assert!(
        client
            .get("/dashboard")
            .await
            .text()
            .contains("data-mode=\"freelancer\"")
    );
}

#[tokio::test]
async fn members_without_admin_rights_see_403_on_the_admin_page() {
    let app = TestApp::new().await;
    let mut client = app.client();
    client.sign_up("maya", &["wants_client"]).await;
    assert_eq!(client.get("/admin").await.status, StatusCode::FORBIDDEN);
}

/// The nonce of a page's Content-Security-Policy.
fn nonce(page: &super::support::TestResponse) -> String {
    let policy = page.header("content-security-policy").expect("a policy");
    let start = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    let end = policy[start..].find('\'').expect("closing quote") + start;
    policy[start..end].to_string()
}

#[tokio::test]
async fn visitors_get_the_cached_board_with_a_fresh_nonce_and_changes_at_once() {
    let app = TestApp::new().await;
    let (_owner, _gig) = app
        .open_gig("owner", &super::support::project_gig(&[]))
        .await;
    let first = app.client().get("/gigs").await;
    let second = app.client().get("/gigs").await;
    assert_eq!(first.status, StatusCode::OK);
    let (a, b) = (nonce(&first), nonce(&second));
    assert_ne!(a, b, "every answer has its own nonce");
    assert!(second.text().contains(&format!("nonce=\"{b}\"")));
    assert!(
        !second.text().contains(&a),
        "the cached page's nonce is gone"
    );
    assert!(second.text().contains("Online shop for our family bakery"));

    let (_other, _) = app
        .open_gig(
            "second_owner",
            &super::support::project_gig(&[("gig[title]", "Logo for a new coffee roastery")]),
        )
        .await;
    assert!(
        app.client()
            .get("/gigs")
            .await
            .text()
            .contains("Logo for a new coffee roastery"),
        "an approved gig shows on the board at once"
    );
}
