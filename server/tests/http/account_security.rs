//! Account security over HTTP: sessions (listed, one revoked, all others
//! revoked, sockets closed), password change, and two-factor sign-in (a
//! wrong code throttled, a reused code refused, a recovery code single-use).

use super::live_support::Socket;
use super::support::{Client, PASSWORD, TestApp};
use http::StatusCode;
use totp_rs::{Algorithm, Secret, TOTP};

fn code_at(secret: &str, at: u64) -> String {
    let bytes = Secret::Encoded(secret.to_string())
        .to_bytes()
        .expect("base32");
    TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, bytes, None, "ada".into()).generate(at)
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
}

async fn signed_in_twice(app: &TestApp) -> (Client<'_>, Client<'_>) {
    let mut here = app.client();
    here.sign_up("ada", &["wants_client"]).await;
    let mut there = app.client();
    assert_eq!(there.log_in("ada", PASSWORD).await.status, StatusCode::OK);
    (here, there)
}

#[tokio::test]
async fn a_revoked_session_is_signed_out_and_its_socket_closed() {
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut here, mut there) = signed_in_twice(&app).await;
    let (mut socket, _) = Socket::connect(addr, &there, None).await;
    let sessions = here.ok("/api/auth/sessions", &[]).await;
    let list = sessions.as_array().expect("sessions");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["current"], true);
    assert_eq!(list[1]["current"], false);
    let other = list[1]["handle"].as_str().expect("handle").to_string();
    let mine = list[0]["handle"].as_str().expect("handle").to_string();
    assert!(
        !sessions
            .to_string()
            .contains(&there.cookie.clone().unwrap_or_default())
    );

    let own = here
        .post("/api/auth/sessions/revoke", &[("handle", &mine)])
        .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut stranger = app.client();
    stranger.sign_up("bob", &["wants_client"]).await;
    assert_eq!(
        stranger
            .post("/api/auth/sessions/revoke", &[("handle", &other)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_ne!(there.me().await, serde_json::Value::Null);

    here.ok("/api/auth/sessions/revoke", &[("handle", &other)])
        .await;
    assert_eq!(socket.closed().await, Some(4001));
    assert_eq!(there.me().await, serde_json::Value::Null);
    assert_ne!(here.me().await, serde_json::Value::Null);
    assert_eq!(
        here.ok("/api/auth/sessions", &[])
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn changing_the_password_needs_the_old_one_and_ends_the_other_sessions() {
    let app = TestApp::new().await;
    let (mut here, mut there) = signed_in_twice(&app).await;
    let wrong = here
        .post(
            "/api/auth/password",
            &[
                ("current_password", "not my password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.field_error("current_password").is_some());
    let weak = here
        .post(
            "/api/auth/password",
            &[("current_password", PASSWORD), ("new_password", "password")],
        )
        .await;
    assert!(weak.field_error("new_password").is_some());
    assert_ne!(
        there.me().await,
        serde_json::Value::Null,
        "nothing changed yet"
    );

    let ended = here
        .ok(
            "/api/auth/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(ended, 1);
    assert_eq!(there.me().await, serde_json::Value::Null);
    assert_ne!(here.me().await, serde_json::Value::Null);
    let mut later = app.client();
    assert_eq!(
        later.log_in("ada", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        later.log_in("ada", "a brand new passphrase").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn two_factor_sign_in_refuses_reused_codes_and_spent_recovery_codes() {
    let app = TestApp::with_vars(&[("GUILD_LOGIN_BURST", "6")]).await;
    let mut ada = app.client();
    ada.sign_up("ada", &["wants_client"]).await;
    let enrolment = ada.ok("/api/auth/2fa/begin", &[]).await;
    let secret = enrolment["secret"].as_str().expect("secret").to_string();
    assert!(
        enrolment["url"]
            .as_str()
            .unwrap_or_default()
            .starts_with("otpauth://totp/")
    );
    assert!(
        enrolment["qr_svg"]
            .as_str()
            .unwrap_or_default()
            .contains("<svg")
    );
    let bad = ada
        .post("/api/auth/2fa/confirm", &[("code", "000000")])
        .await;
    assert!(bad.field_error("code").is_some(), "{}", bad.text());
    let code = code_at(&secret, now());
    let codes = ada.ok("/api/auth/2fa/confirm", &[("code", &code)]).await;
    let codes: Vec<String> = codes
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(ada.ok("/api/auth/2fa/status", &[]).await["enabled"], true);

    // The password alone signs nobody in.
    let mut phone = app.client();
    let step_one = phone.log_in("ada", PASSWORD).await;
    assert_eq!(step_one.status, StatusCode::OK);
    assert_eq!(step_one.json(), serde_json::Value::Null);
    assert_eq!(phone.me().await, serde_json::Value::Null);
    // The code that confirmed the set-up was used for its time step.
    let reused = phone.post("/api/auth/login/code", &[("code", &code)]).await;
    assert_eq!(reused.status, StatusCode::UNAUTHORIZED);
    assert!(reused.text().contains("already used"), "{}", reused.text());
    let next = code_at(&secret, now() + 30);
    phone.ok("/api/auth/login/code", &[("code", &next)]).await;
    assert_eq!(phone.me().await["username"], "ada");

    // A recovery code works once.
    let mut laptop = app.client();
    laptop.log_in("ada", PASSWORD).await;
    laptop
        .ok(
            "/api/auth/login/code",
            &[("code", &codes[0].to_uppercase())],
        )
        .await;
    let mut tablet = app.client();
    tablet.log_in("ada", PASSWORD).await;
    let spent = tablet
        .post("/api/auth/login/code", &[("code", &codes[0])])
        .await;
    assert_eq!(spent.status, StatusCode::UNAUTHORIZED);
    assert_eq!(tablet.me().await, serde_json::Value::Null);
    assert_eq!(
        ada.ok("/api/auth/2fa/status", &[]).await["recovery_codes_left"],
        9
    );

    // Wrong codes are throttled like passwords.
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(
            tablet
                .post("/api/auth/login/code", &[("code", "111111")])
                .await
                .status,
        );
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );

    // Turning it off needs the password and a code.
    let no_password = ada
        .post(
            "/api/auth/2fa/disable",
            &[("password", "wrong one"), ("code", &codes[1])],
        )
        .await;
    assert!(
        no_password.field_error("password").is_some()
            || no_password.status == StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn two_factor_is_turned_off_with_the_password_and_a_code() {
    let app = TestApp::new().await;
    let mut ada = app.client();
    ada.sign_up("ada", &["wants_client"]).await;
    let secret = ada.ok("/api/auth/2fa/begin", &[]).await["secret"]
        .as_str()
        .expect("secret")
        .to_string();
    let codes = ada
        .ok(
            "/api/auth/2fa/confirm",
            &[("code", &code_at(&secret, now()))],
        )
        .await;
    let recovery = codes[2].as_str().expect("code").to_string();
    let wrong = ada
        .post(
            "/api/auth/2fa/disable",
            &[("password", "not the password"), ("code", &recovery)],
        )
        .await;
    assert!(wrong.field_error("password").is_some(), "{}", wrong.text());
    ada.ok(
        "/api/auth/2fa/disable",
        &[("password", PASSWORD), ("code", &recovery)],
    )
    .await;
    assert_eq!(ada.ok("/api/auth/2fa/status", &[]).await["enabled"], false);
    let mut again = app.client();
    let back = again.log_in("ada", PASSWORD).await;
    assert_eq!(back.json()["username"], "ada");
}

#[tokio::test]
async fn my_data_downloads_as_json_without_secrets() {
    let app = TestApp::new().await;
    let visitor = app
        .send(
            http::Request::get("/settings/export.json")
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);
    let (mut owner, _) = app
        .open_gig("owner", &super::support::project_gig(&[]))
        .await;
    owner
        .ok(
            "/api/suggest/ask",
            &[("need", "my bakery needs an online shop")],
        )
        .await;
    let response = owner.get("/settings/export.json").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.header("content-disposition").as_deref(),
        Some("attachment; filename=\"guild-my-data.json\"")
    );
    let data = response.json();
    assert_eq!(data["account"]["username"], "owner");
    assert_eq!(
        data["gigs"][0]["title"],
        "Online shop for our family bakery"
    );
    assert_eq!(
        data["suggestion_history"][0]["text"],
        "my bakery needs an online shop"
    );
    assert_eq!(data["sessions"].as_array().map(Vec::len), Some(1));
    let text = response.text();
    assert!(!text.contains("argon2"), "no password hash");
    assert!(!text.contains("password_hash"));
    let cookie = owner.cookie.clone().unwrap_or_default();
    let id = cookie
        .split('=')
        .nth(1)
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default();
    assert!(id.len() > 10 && !text.contains(id), "no session id");
}

#[tokio::test]
async fn a_deleted_account_leaves_contracts_ledger_and_reviews_intact() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = super::support::contract_setup(&app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    let milestones: Vec<String> = view["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .map(|m| m["id"].to_string())
        .collect();
    let refused = dev
        .post(
            "/api/auth/delete-account",
            &[("password", PASSWORD), ("confirm", "DELETE")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "an active contract");
    for id in &milestones {
        dev.ok("/api/contracts/milestones/submit", &[("milestone_id", id)])
            .await;
        owner
            .ok("/api/contracts/milestones/approve", &[("milestone_id", id)])
            .await;
    }
    owner
        .ok(
            "/api/reviews/submit",
            &[
                ("contract_id", &contract),
                ("rating", "5"),
                ("body", "Dev built a lovely shop for us."),
            ],
        )
        .await;
    let mut root = app.admin().await;
    let ledger_before = root.ok("/api/admin/ledger", &[]).await;

    let unconfirmed = dev
        .post(
            "/api/auth/delete-account",
            &[("password", PASSWORD), ("confirm", "yes")],
        )
        .await;
    assert!(unconfirmed.field_error("confirm").is_some());
    let wrong = dev
        .post(
            "/api/auth/delete-account",
            &[("password", "not it at all"), ("confirm", "DELETE")],
        )
        .await;
    assert!(wrong.field_error("password").is_some());
    dev.ok(
        "/api/auth/delete-account",
        &[("password", PASSWORD), ("confirm", "DELETE")],
    )
    .await;

    assert_eq!(dev.me().await, serde_json::Value::Null);
    assert_eq!(
        app.client().log_in("dev", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        owner
            .post("/api/profiles/freelancer", &[("username", "dev")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let after = owner.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert_eq!(after["status"], "completed");
    assert_eq!(after["amount_cents"], 70_000);
    assert!(after.to_string().contains("Deleted user"), "{after}");
    assert!(!after.to_string().contains("\"dev\""), "{after}");
    let ledger_after = root.ok("/api/admin/ledger", &[]).await;
    assert_eq!(ledger_before["totals"], ledger_after["totals"]);
    assert_eq!(
        ledger_before["rows"].as_array().map(Vec::len),
        ledger_after["rows"].as_array().map(Vec::len)
    );
    let mut newcomer = app.client();
    newcomer.sign_up("dev", &["wants_client"]).await;
}
