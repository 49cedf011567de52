//! Configuration from environment variables, with defaults for local use.
//! Every variable is listed in the README.

use std::net::SocketAddr;
use std::time::Duration;

/// Guild's runtime configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `DATABASE_URL`: SQLite by default, or a `postgres://` URL.
    pub database_url: String,
    /// `LEPTOS_SITE_ADDR`: where the server listens.
    pub site_addr: SocketAddr,
    /// `GUILD_PUBLIC_ORIGIN`: the origin browsers use (scheme://host[:port]);
    /// the CSRF check compares `Origin` with it, and `https` turns on Secure cookies.
    pub public_origin: String,
    /// `RUST_LOG`: log filter (tracing-subscriber syntax).
    pub log_filter: String,
    /// `GUILD_DB_MAX_CONNECTIONS`: pool size.
    pub db_max_connections: u32,
    /// `GUILD_BODY_LIMIT_BYTES`: largest accepted request body.
    pub body_limit_bytes: usize,
    /// `GUILD_REQUEST_TIMEOUT_SECS`: a request taking longer is answered 408.
    pub request_timeout: Duration,
    /// `GUILD_LOGIN_BURST`: failed log-ins allowed at once per account and per IP.
    pub login_burst: u32,
    /// `GUILD_LOGIN_REFILL_SECS`: one more failed log-in is allowed after this long.
    pub login_refill: Duration,
    /// `GUILD_TRUSTED_PROXIES`: how many reverse proxies you run in front of
    /// Guild, each appending to `X-Forwarded-For` (0: use the TCP peer).
    /// `GUILD_TRUST_PROXY=true` is read as one proxy.
    pub trusted_proxies: usize,
    /// `GUILD_SIGNUP_BURST`: sign-ups allowed at once per client network.
    pub signup_burst: u32,
    /// `GUILD_SIGNUP_REFILL_SECS`: one more sign-up is allowed after this long.
    pub signup_refill: Duration,
    /// `GUILD_SUGGEST_BURST`: suggestions a visitor who is not signed in may
    /// ask at once per client network.
    pub suggest_burst: u32,
    /// `GUILD_SUGGEST_REFILL_SECS`: one more anonymous suggestion after this long.
    pub suggest_refill: Duration,
    /// `GUILD_ROLE_MODEL`: a role-classifier artefact to load instead of the shipped one.
    pub role_model: Option<std::path::PathBuf>,
    /// `GUILD_SECRET`: the key that signs what the server hands browsers to
    /// give back (form errors shown without JavaScript). Every instance
    /// behind one address needs the same one; random per process when unset.
    pub secret: Secret,
    /// `GUILD_WS_MAX_PER_USER`: sockets one user may hold open per instance.
    pub ws_max_per_user: usize,
    /// `GUILD_WS_MAX_PER_IP`: sockets one IP address may hold open per instance.
    pub ws_max_per_ip: usize,
    /// `GUILD_WS_SEND_BURST`: frames (and messages) a user may send at once.
    pub ws_send_burst: u32,
    /// `GUILD_WS_SEND_PER_SEC`: frames a user may send per second after the burst.
    pub ws_send_per_sec: u32,
    /// `GUILD_REDIS_URL`: when set, live events cross instances through
    /// Redis pub/sub.
    pub redis_url: Option<String>,
    /// `GUILD_METRICS_TOKEN`: the token a Prometheus scraper sends to read
    /// `/metrics` (at least 16 characters); unset, there is no `/metrics`.
    pub metrics_token: Option<String>,
    /// `GUILD_SMTP_URL`: where notification emails go (`smtp://host:port`);
    /// unset, they stay in the outbox.
    pub smtp_url: Option<String>,
    /// `GUILD_SMTP_FROM`: the sender of notification emails.
    pub smtp_from: String,
}

/// A secret key; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// The key's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// 32 random bytes from the operating system.
    fn random() -> Result<Self, ConfigError> {
        let mut key = vec![0u8; 32];
        getrandom::fill(&mut key).map_err(|e| ConfigError {
            name: "GUILD_SECRET",
            reason: format!("unset, and no random key could be made: {e}"),
        })?;
        Ok(Self(key))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A variable that is set but cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{name} is invalid: {reason}")]
pub struct ConfigError {
    /// The variable's name.
    pub name: &'static str,
    /// What is wrong with it.
    pub reason: String,
}

/// The default database: a file under `data/`, created when missing.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/guild.db?mode=rwc";
/// The default listening address.
pub const DEFAULT_SITE_ADDR: &str = "127.0.0.1:3000";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads variables through `lookup` (a map in tests, the environment otherwise).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError {
                name: "DATABASE_URL",
                reason: "use a sqlite:// or postgres:// URL".into(),
            });
        }
        let site_addr: SocketAddr = parse(
            "LEPTOS_SITE_ADDR",
            &get("LEPTOS_SITE_ADDR").unwrap_or_else(|| DEFAULT_SITE_ADDR.into()),
        )?;
        let public_origin = match get("GUILD_PUBLIC_ORIGIN") {
            Some(origin) => normalise_origin(&origin)?,
            None => format!("http://{site_addr}"),
        };
        let sqlite = database_url.starts_with("sqlite:");
        Ok(Self {
            database_url,
            site_addr,
            public_origin,
            log_filter: get("RUST_LOG").unwrap_or_else(|| "info,sqlx=warn,sea_orm=warn".into()),
            db_max_connections: parse_or(
                "GUILD_DB_MAX_CONNECTIONS",
                get,
                if sqlite { 8 } else { 16 },
            )?,
            body_limit_bytes: parse_or("GUILD_BODY_LIMIT_BYTES", get, 1024 * 1024)?,
            request_timeout: Duration::from_secs(parse_or("GUILD_REQUEST_TIMEOUT_SECS", get, 30)?),
            login_burst: parse_or("GUILD_LOGIN_BURST", get, 10)?,
            login_refill: Duration::from_secs(parse_or("GUILD_LOGIN_REFILL_SECS", get, 60)?),
            trusted_proxies: match get("GUILD_TRUSTED_PROXIES") {
                Some(n) => parse("GUILD_TRUSTED_PROXIES", &n)?,
                None => usize::from(parse_or("GUILD_TRUST_PROXY", get, false)?),
            },
            signup_burst: parse_or("GUILD_SIGNUP_BURST", get, 5)?,
            signup_refill: Duration::from_secs(parse_or("GUILD_SIGNUP_REFILL_SECS", get, 600)?),
            suggest_burst: parse_or("GUILD_SUGGEST_BURST", get, 30)?,
            suggest_refill: Duration::from_secs(parse_or("GUILD_SUGGEST_REFILL_SECS", get, 2)?),
            role_model: get("GUILD_ROLE_MODEL")
                .filter(|v| !v.trim().is_empty())
                .map(std::path::PathBuf::from),
            secret: match get("GUILD_SECRET") {
                Some(s) if s.len() < 32 => {
                    return Err(ConfigError {
                        name: "GUILD_SECRET",
                        reason: "use at least 32 characters".into(),
                    });
                }
                Some(s) => Secret(s.into_bytes()),
                None => Secret::random()?,
            },
            ws_max_per_user: parse_or("GUILD_WS_MAX_PER_USER", get, 16)?,
            ws_max_per_ip: parse_or("GUILD_WS_MAX_PER_IP", get, 256)?,
            ws_send_burst: parse_or("GUILD_WS_SEND_BURST", get, 20)?,
            ws_send_per_sec: parse_or("GUILD_WS_SEND_PER_SEC", get, 5)?,
            redis_url: get("GUILD_REDIS_URL"),
            metrics_token: match get("GUILD_METRICS_TOKEN") {
                Some(t) if t.trim().len() < 16 => {
                    return Err(ConfigError {
                        name: "GUILD_METRICS_TOKEN",
                        reason: "use at least 16 characters".into(),
                    });
                }
                token => token.map(|t| t.trim().to_string()),
            },
            smtp_url: get("GUILD_SMTP_URL"),
            smtp_from: get("GUILD_SMTP_FROM")
                .unwrap_or_else(|| "Guild <no-reply@guild.localhost>".into()),
        })
    }

    /// Whether cookies get the `Secure` flag (the public origin is https).
    pub fn secure_cookies(&self) -> bool {
        self.public_origin.starts_with("https://")
    }

    /// Whether the database is SQLite.
    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

fn parse<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    value.trim().parse().map_err(|e: T::Err| ConfigError {
        name,
        reason: format!("{value:?}: {e}"),
    })
}

fn parse_or<T: std::str::FromStr>(
    name: &'static str,
    get: impl Fn(&str) -> Option<String>,
    default: T,
) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    get(name).map_or(Ok(default), |v| parse(name, &v))
}

fn normalise_origin(origin: &str) -> Result<String, ConfigError> {
    let origin = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let valid = ["http://", "https://"].iter().any(|scheme| {
        origin
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    });
    if valid {
        Ok(origin)
    } else {
        Err(ConfigError {
            name: "GUILD_PUBLIC_ORIGIN",
            reason: format!("{origin:?} is not scheme://host[:port]"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_need_no_variables() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.site_addr.to_string(), DEFAULT_SITE_ADDR);
        assert_eq!(c.public_origin, "http://127.0.0.1:3000");
        assert_eq!(c.body_limit_bytes, 1024 * 1024);
        assert_eq!(c.login_burst, 10);
        assert_eq!(c.login_refill, Duration::from_secs(60));
        assert!(!c.secure_cookies());
        assert!(c.is_sqlite());
        assert_eq!(c.trusted_proxies, 0);
        assert_eq!(c.signup_burst, 5);
        assert_eq!(c.secret.bytes().len(), 32);
        assert_eq!(format!("{:?}", c.secret), "Secret(…)");
    }

    #[test]
    fn a_short_secret_is_refused() {
        assert!(config(&[("GUILD_SECRET", "too short")]).is_err());
        let long = "x".repeat(40);
        assert_eq!(
            config(&[("GUILD_SECRET", &long)]).unwrap().secret.bytes(),
            long.as_bytes()
        );
    }

    #[test]
    fn trusted_proxies_count_wins_over_the_old_flag() {
        let c = config(&[
            ("GUILD_TRUSTED_PROXIES", "2"),
            ("GUILD_TRUST_PROXY", "true"),
        ])
        .unwrap();
        assert_eq!(c.trusted_proxies, 2);
        assert!(config(&[("GUILD_TRUSTED_PROXIES", "-1")]).is_err());
    }

    #[test]
    fn variables_override_defaults() {
        let c = config(&[
            ("DATABASE_URL", "postgres://guild@localhost/guild"),
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
            ("GUILD_PUBLIC_ORIGIN", "HTTPS://Guild.Example/"),
            ("GUILD_LOGIN_BURST", "5"),
            ("GUILD_TRUST_PROXY", "true"),
        ])
        .unwrap();
        assert!(!c.is_sqlite());
        assert_eq!(c.db_max_connections, 16);
        assert_eq!(c.site_addr.port(), 8080);
        assert_eq!(c.public_origin, "https://guild.example");
        assert!(c.secure_cookies());
        assert_eq!(c.login_burst, 5);
        assert_eq!(c.trusted_proxies, 1);
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert_eq!(
            config(&[("LEPTOS_SITE_ADDR", "nowhere")]).unwrap_err().name,
            "LEPTOS_SITE_ADDR"
        );
        assert_eq!(
            config(&[("GUILD_LOGIN_BURST", "-1")]).unwrap_err().name,
            "GUILD_LOGIN_BURST"
        );
        assert_eq!(
            config(&[("DATABASE_URL", "mysql://x")]).unwrap_err().name,
            "DATABASE_URL"
        );
        assert_eq!(
            config(&[("GUILD_PUBLIC_ORIGIN", "https://x.example/path")])
                .unwrap_err()
                .name,
            "GUILD_PUBLIC_ORIGIN"
        );
    }

    #[test]
    fn empty_values_count_as_unset() {
        assert_eq!(
            config(&[("DATABASE_URL", " ")]).unwrap().database_url,
            DEFAULT_DATABASE_URL
        );
    }
}
