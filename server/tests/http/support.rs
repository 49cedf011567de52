//! A test application and a cookie-keeping client that talks to it like a
//! browser would (same-origin fetch metadata, form-encoded bodies).

use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use http::{HeaderMap, Request, StatusCode, header};
use sea_orm::{ConnectionTrait, Database};
use server::config::Config;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

/// The origin test requests claim to come from.
pub const ORIGIN: &str = "http://guild.test";
/// The password used for test accounts.
pub const PASSWORD: &str = "copper kettle sings";

/// Guild's router over its own fresh database.
pub struct TestApp {
    /// The router under test.
    pub router: Router,
    /// Its state (for direct database checks).
    pub state: AppState,
    /// Its configuration.
    pub config: Config,
    /// Statements run on its database so far (to show a page's query
    /// count does not grow with its data).
    pub queries: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// The PostgreSQL database made for this app, dropped with it.
    _database: Option<PgTestDatabase>,
    _dir: tempfile::TempDir,
}

/// A throw-away PostgreSQL database: the server's URL and its name.
struct PgTestDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgTestDatabase {
    /// Drops the database, so a suite of some 150 tests does not leave
    /// 150 databases (about 10 MB each) on the CI machine's disk. Runs on a
    /// thread of its own: the test's runtime may be ending.
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let statement = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let admin = Database::connect(&admin_url).await?;
                admin.execute_unprepared(&statement).await?;
                admin.close().await
            })
        })
        .join()
        .expect("drop thread");
        if let Err(e) = dropped {
            eprintln!("could not drop a test database: {e}");
        }
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh database URL: a new PostgreSQL database when `DATABASE_URL` is
/// postgres (returned too, to be dropped), otherwise a SQLite file in `dir`.
async fn fresh_database_url(dir: &std::path::Path) -> (String, Option<PgTestDatabase>) {
    match std::env::var("DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let name = format!(
                "guild_test_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            let admin = Database::connect(&url)
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                .await
                .expect("drop old test database");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.expect("close the admin connection");
            let base = url.split('?').next().unwrap_or(&url);
            let (server, _) = base
                .rsplit_once('/')
                .expect("database name in DATABASE_URL");
            let app_url = format!("{server}/{name}");
            (
                app_url,
                Some(PgTestDatabase {
                    admin_url: url,
                    name,
                }),
            )
        }
        _ => (
            format!("sqlite://{}?mode=rwc", dir.join("guild.db").display()),
            None,
        ),
    }
}

impl TestApp {
    /// A new app with default settings.
    pub async fn new() -> Self {
        Self::with_vars(&[]).await
    }

    /// A new app with extra configuration variables.
    pub async fn with_vars(vars: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, database) = fresh_database_url(dir.path()).await;
        // Every test client comes from one address, and tests sign up many
        // accounts: the sign-up throttle is raised unless a test sets it.
        // PostgreSQL allows 100 clients: many apps at once (the concurrency
        // test builds twenty) each keep only a few connections.
        let pool = if url.starts_with("postgres") {
            "4"
        } else {
            "8"
        };
        let mut all: Vec<(String, String)> = vec![
            ("DATABASE_URL".into(), url),
            ("GUILD_DB_MAX_CONNECTIONS".into(), pool.into()),
            ("GUILD_PUBLIC_ORIGIN".into(), ORIGIN.into()),
            ("GUILD_SIGNUP_BURST".into(), "10000".into()),
        ];
        all.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let config = Config::from_lookup(|k| {
            all.iter()
                .rev()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        })
        .expect("valid test config");
        let mut db = server::db::connect(&config).await.expect("connect");
        let queries = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = queries.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        server::db::migrate(&db).await.expect("migrate");
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).expect("site dir");
        let options = leptos::config::LeptosOptions::builder()
            .output_name("guild")
            .site_root(site.display().to_string())
            .build();
        let state = server::state::build(&config, options, db).expect("state");
        let peer: SocketAddr = "203.0.113.10:40000".parse().expect("addr");
        let router = server::app(state.clone(), &config).layer(MockConnectInfo(peer));
        TestApp {
            router,
            state,
            config,
            queries,
            _database: database,
            _dir: dir,
        }
    }

    /// A client with an empty cookie jar.
    pub fn client(&self) -> Client<'_> {
        Client {
            app: self,
            cookie: None,
        }
    }

    /// Sends a raw request.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        TestResponse {
            status,
            headers,
            body: body.to_vec(),
        }
    }
}

impl TestApp {
    /// A signed-in super admin (created on first use).
    pub async fn admin(&self) -> Client<'_> {
        use app::accounts::server::service::{SignupInput, create_account};
        let input = SignupInput {
            email: "root@example.com".into(),
            username: "guildroot".into(),
            display_name: "Root Admin".into(),
            password: PASSWORD.into(),
            wants_client: true,
            wants_freelancer: false,
        };
        let _ = create_account(&self.state, &input, true, None).await;
        let mut admin = self.client();
        let response = admin.log_in("guildroot", PASSWORD).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text());
        admin
    }

    /// A signed-up user with an approved freelancer (or coach) profile with
    /// `role`, `skills` and an hourly `rate` in USD.
    pub async fn approved_freelancer(
        &self,
        username: &str,
        role: &str,
        skills: &str,
        rate: &str,
    ) -> Client<'_> {
        let mut client = self.client();
        client.sign_up(username, &["wants_freelancer"]).await;
        client
            .complete_onboarding("freelance", &[role], skills, rate)
            .await;
        let id = client.me().await["id"].to_string();
        let mut admin = self.admin().await;
        admin.approve_profile(&id).await;
        client
    }

    /// A client who posted a gig that an admin approved; returns the client and gig id.
    pub async fn open_gig(&self, owner: &str, fields: &[(&str, &str)]) -> (Client<'_>, i32) {
        let mut client = self.client();
        client.sign_up(owner, &["wants_client"]).await;
        let id = client.post_gig(fields, true).await;
        let mut admin = self.admin().await;
        admin.approve_gig(&id.to_string()).await;
        (client, id)
    }
}

/// The fields of a valid project gig; later pairs override earlier ones.
pub fn project_gig<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("gig[kind]", "project"),
        ("gig[title]", "Online shop for our family bakery"),
        (
            "gig[description]",
            "We bake cakes and want customers to order and pay online, with delivery dates.",
        ),
        ("gig[roles][]", "web-developer"),
        ("gig[skills]", "Shopify, CSS"),
        ("gig[budget_type]", "fixed"),
        ("gig[budget_min]", "800"),
        ("gig[currency]", "USD"),
        ("gig[visibility]", "public"),
        ("gig[remote]", "on"),
    ];
    fields.retain(|(name, _)| !overrides.iter().any(|(k, _)| k == name));
    fields.extend_from_slice(overrides);
    fields
}

/// The fields of a valid learning request.
pub fn lesson_gig<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut base = vec![
        ("gig[kind]", "lesson"),
        ("gig[title]", "Algebra help before my exams"),
        (
            "gig[description]",
            "I keep failing algebra tests and need someone patient to explain equations.",
        ),
        ("gig[subject]", "Algebra"),
        ("gig[level]", "beginner"),
        ("gig[sessions_wanted]", "4"),
        ("gig[budget_type]", "per_session"),
        ("gig[budget_min]", "30"),
        ("gig[roles][]", "math-tutor"),
        ("gig[skills]", "Algebra"),
    ];
    base.retain(|(name, _)| !overrides.iter().any(|(k, _)| k == name));
    base.extend_from_slice(overrides);
    project_gig(&base)
}

/// A response, fully read.
#[derive(Debug)]
pub struct TestResponse {
    /// Status code.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl TestResponse {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    }

    /// The `Set-Cookie` line for the session cookie, if any.
    pub fn session_set_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{}=", server::router::SESSION_COOKIE)))
            .map(String::from)
    }

    /// A field error message from an `AppError` JSON body.
    pub fn field_error(&self, field: &str) -> Option<String> {
        let json = self.json();
        let form = json
            .get("Invalid")
            .or_else(|| json.get("Conflict"))
            .or_else(|| json.get("InvalidCredentials"))?;
        form["fields"][field].as_str().map(String::from)
    }
}

/// A browser-like client: keeps the session cookie, sends same-origin
/// fetch metadata and form-encoded bodies, and asks for JSON.
pub struct Client<'a> {
    app: &'a TestApp,
    /// The session cookie (`name=value`), if the server set one.
    pub cookie: Option<String>,
}

impl Client<'_> {
    /// A POST of form fields to a server function, as the hydrated app sends it.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let request = self
            .builder("POST", path)
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(
                serde_urlencoded::to_string(fields).expect("encode"),
            ))
            .expect("request");
        self.send(request).await
    }

    /// A GET of a page, as a browser navigation.
    pub async fn get(&mut self, path: &str) -> TestResponse {
        let request = self
            .builder("GET", path)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }

    /// A request builder carrying the cookie.
    pub fn builder(&self, method: &str, path: &str) -> http::request::Builder {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(cookie) = &self.cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder
    }

    /// Sends a request and keeps any session cookie the server sets or clears.
    pub async fn send(&mut self, request: Request<Body>) -> TestResponse {
        let response = self.app.send(request).await;
        if let Some(set) = response.session_set_cookie() {
            let pair = set.split(';').next().unwrap_or_default().to_string();
            let cleared = set.contains("Max-Age=0") || pair.ends_with('=');
            self.cookie = (!cleared).then_some(pair);
        }
        response
    }

    /// Signs up with the test password; panics unless it succeeds.
    pub async fn sign_up(&mut self, username: &str, sides: &[&str]) -> serde_json::Value {
        let email = format!("{username}@example.com");
        let mut fields = vec![
            ("email", email.as_str()),
            ("username", username),
            ("display_name", username),
            ("password", PASSWORD),
        ];
        for side in sides {
            fields.push((side, "on"));
        }
        let response = self.post("/api/auth/signup", &fields).await;
        assert_eq!(
            response.status,
            StatusCode::OK,
            "sign-up failed: {}",
            response.text()
        );
        response.json()
    }

    /// Logs in; returns the response.
    pub async fn log_in(&mut self, identifier: &str, password: &str) -> TestResponse {
        self.post(
            "/api/auth/login",
            &[("identifier", identifier), ("password", password)],
        )
        .await
    }

    /// Posts and asserts 200; returns the JSON body.
    pub async fn ok(&mut self, path: &str, fields: &[(&str, &str)]) -> serde_json::Value {
        let response = self.post(path, fields).await;
        assert_eq!(
            response.status,
            StatusCode::OK,
            "{path}: {}",
            response.text()
        );
        if response.body.is_empty() {
            serde_json::Value::Null
        } else {
            response.json()
        }
    }

    /// Runs every onboarding step for a profile of `kind` and submits it.
    pub async fn complete_onboarding(
        &mut self,
        kind: &str,
        roles: &[&str],
        skills: &str,
        rate: &str,
    ) {
        self.ok("/api/onboarding/start", &[("kind", kind)]).await;
        if kind != "freelance" {
            self.ok(
                "/api/onboarding/teaching",
                &[
                    ("kind", kind),
                    ("teaching_format", "online"),
                    ("levels[]", "beginner"),
                ],
            )
            .await;
        }
        let role_fields: Vec<(&str, &str)> = roles.iter().map(|r| ("roles[]", *r)).collect();
        self.ok("/api/onboarding/roles", &role_fields).await;
        self.ok("/api/onboarding/skills", &[("skills", skills)])
            .await;
        self.ok(
            "/api/onboarding/experience",
            &[
                ("tagline", "I help small businesses do more"),
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
        self.ok("/api/onboarding/education", &[]).await;
        self.ok(
            "/api/onboarding/languages",
            &[
                ("languages[0][language]", "English"),
                ("languages[0][proficiency]", "fluent"),
            ],
        )
        .await;
        self.ok("/api/onboarding/portfolio", &[]).await;
        self.ok(
            "/api/onboarding/rate",
            &[
                ("hourly_rate", rate),
                ("currency", "USD"),
                ("availability", "full_time"),
            ],
        )
        .await;
        self.ok("/api/onboarding/submit", &[]).await;
    }

    /// Posts a gig (and submits it for approval when `submit`); returns its id.
    pub async fn post_gig(&mut self, fields: &[(&str, &str)], submit: bool) -> i32 {
        let mut fields = fields.to_vec();
        if submit {
            fields.push(("submit", "on"));
        }
        let id = self.ok("/api/gigs/save", &fields).await;
        id.as_i64().expect("gig id") as i32
    }

    /// As an admin: the revision of `user_id`'s pending profile as the
    /// review list shows it ("0" when it is not listed).
    pub async fn pending_profile_revision(&mut self, user_id: &str) -> String {
        let list = self.ok("/api/admin/profiles/pending", &[]).await;
        list.as_array()
            .into_iter()
            .flatten()
            .find(|row| row["card"]["user_id"].as_i64() == user_id.parse().ok())
            .map_or_else(|| "0".into(), |row| row["revision"].to_string())
    }

    /// As an admin: the revision of pending gig `gig_id` as the review list
    /// shows it ("0" when it is not listed).
    pub async fn pending_gig_revision(&mut self, gig_id: &str) -> String {
        let list = self.ok("/api/admin/gigs/pending", &[]).await;
        list.as_array()
            .into_iter()
            .flatten()
            .find(|row| row["gig"]["id"].as_i64() == gig_id.parse().ok())
            .map_or_else(|| "0".into(), |row| row["revision"].to_string())
    }

    /// As an admin: approves the profile of `user_id` at the revision listed.
    pub async fn approve_profile(&mut self, user_id: &str) {
        let revision = self.pending_profile_revision(user_id).await;
        self.ok(
            "/api/admin/profiles/decide",
            &[
                ("user_id", user_id),
                ("revision", &revision),
                ("approve", "true"),
            ],
        )
        .await;
    }

    /// As an admin: approves gig `gig_id` at the revision listed.
    pub async fn approve_gig(&mut self, gig_id: &str) {
        let revision = self.pending_gig_revision(gig_id).await;
        self.ok(
            "/api/admin/gigs/decide",
            &[
                ("gig_id", gig_id),
                ("revision", &revision),
                ("approve", "true"),
            ],
        )
        .await;
    }

    /// `me`: the signed-in user or `null`.
    pub async fn me(&mut self) -> serde_json::Value {
        let response = self.post("/api/auth/me", &[]).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text());
        response.json()
    }
}

/// `freelancer` proposes a fixed `amount` on `gig`; returns the proposal id.
pub async fn propose(freelancer: &mut Client<'_>, gig: i32, amount: &str) -> String {
    freelancer
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &gig.to_string()),
                (
                    "proposal[cover_letter]",
                    "I can build this shop for your bakery quickly.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", amount),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await
        .to_string()
}

/// `freelancer` proposes a fixed `amount` on `gig` and `owner` accepts it
/// with one milestone ("All of it"); returns the contract id.
pub async fn hire(
    owner: &mut Client<'_>,
    freelancer: &mut Client<'_>,
    gig: i32,
    amount: &str,
) -> String {
    let proposal = propose(freelancer, gig, amount).await;
    owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal),
                ("milestones[0][title]", "All of it"),
                ("milestones[0][amount]", amount),
            ],
        )
        .await
        .to_string()
}

/// An owner, a freelancer and an active contract with two milestones
/// (Design 300, Build 400); returns the owner, the freelancer and its id.
pub async fn contract_setup(app: &TestApp) -> (Client<'_>, Client<'_>, String) {
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut dev = app
        .approved_freelancer("dev", "web-developer", "Shopify", "40")
        .await;
    let proposal = dev
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &gig.to_string()),
                (
                    "proposal[cover_letter]",
                    "Happy to build this shop for you.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "700"),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await;
    let contract = owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &proposal.to_string()),
                ("milestones[0][title]", "Design"),
                ("milestones[0][amount]", "300"),
                ("milestones[1][title]", "Build"),
                ("milestones[1][amount]", "400"),
            ],
        )
        .await;
    (owner, dev, contract.to_string())
}

/// The freelancer submits and the owner approves every milestone of
/// `contract`, completing it.
pub async fn complete_contract(owner: &mut Client<'_>, dev: &mut Client<'_>, contract: &str) {
    let view = dev.ok("/api/contracts/get", &[("id", contract)]).await;
    for milestone in view["milestones"].as_array().expect("milestones") {
        let id = milestone["id"].to_string();
        dev.ok("/api/contracts/milestones/submit", &[("milestone_id", &id)])
            .await;
        owner
            .ok(
                "/api/contracts/milestones/approve",
                &[("milestone_id", &id)],
            )
            .await;
    }
}

/// Serves `router` on a free loopback port.
pub async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    addr
}

impl TestApp {
    /// Serves the app on a free loopback port (for WebSocket tests).
    pub async fn serve(&self) -> SocketAddr {
        serve(self.router.clone()).await
    }

    /// A second instance on the same database (its own hub and writer, as
    /// another server process would have); returns its state and router.
    pub fn twin(&self) -> (AppState, Router) {
        let state = server::state::build(
            &self.config,
            self.state.leptos_options.clone(),
            self.state.db.clone(),
        )
        .expect("state");
        let peer: SocketAddr = "203.0.113.11:40000".parse().expect("addr");
        let router = server::app(state.clone(), &self.config).layer(MockConnectInfo(peer));
        (state, router)
    }
}
