//! The command line: `serve` (the default), `migrate`, `seed-demo` and
//! `admin create-super-admin`.

use crate::config::{Config, ConfigError};
use crate::{db, demo, session_store::DbSessionStore, state};
use app::accounts::server::service::{SignupInput, create_account};
use app::error::AppError;
use clap::{Parser, Subcommand};
use leptos::config::LeptosOptions;
use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;

/// Guild's server and maintenance commands.
#[derive(Debug, Parser)]
#[command(name = "server", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply migrations and serve Guild on LEPTOS_SITE_ADDR (the default command).
    Serve {
        /// Fill an empty database with demo data first and print the demo logins.
        #[arg(long)]
        seed_demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty database with demo data and print the demo logins.
    SeedDemo,
    /// Add a large synthetic data set for benchmarks (approved freelancers, open gigs).
    Seed {
        /// Approved freelancers and coaches to add.
        #[arg(long, default_value_t = 100_000)]
        freelancers: usize,
        /// Open gigs to add (one client account per ten gigs).
        #[arg(long, default_value_t = 50_000)]
        gigs: usize,
    },
    /// Mint signed-in users for the live load tool: `users` accounts in
    /// pairs, each pair in a direct conversation; writes their session
    /// cookies as JSON to `out`.
    LoadSessions {
        /// How many users (rounded up to even).
        #[arg(long, default_value_t = 200)]
        users: usize,
        /// Where to write the sessions.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Create a board of many cards for the board benchmark, with two
    /// signed-in members; writes its path and their cookies as JSON to
    /// `out`.
    BigBoard {
        /// How many cards.
        #[arg(long, default_value_t = 5_000)]
        cards: usize,
        /// How many columns (at most 10).
        #[arg(long, default_value_t = 8)]
        columns: usize,
        /// Where to write the board's path and the members' cookies.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Write a consistent copy of the SQLite database to a new file, while
    /// the server runs.
    Backup {
        /// The backup's file (must not exist yet).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Check a backup (integrity, Guild's migrations) and put it in place of
    /// the SQLite database. Stop the server first; the replaced database is
    /// kept beside it.
    Restore {
        /// The backup to restore.
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// The role classifier: train, evaluate, predict.
    Roles {
        #[command(subcommand)]
        command: crate::roles_cli::RolesCommand,
    },
    /// Administrative commands.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create a super admin; the password is read from standard input.
    CreateSuperAdmin {
        /// The account's email.
        #[arg(long)]
        email: String,
        /// The account's username.
        #[arg(long)]
        username: String,
        /// The name shown to others (defaults to the username).
        #[arg(long)]
        display_name: Option<String>,
    },
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad configuration.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Reading input or binding the port failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Leptos' configuration could not be read.
    #[error("leptos configuration: {0}")]
    Leptos(String),
    /// The request was refused (e.g. a weak password).
    #[error("{0}")]
    Refused(String),
    /// A backup or restore did not happen.
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
}

impl From<sea_orm::TransactionError<sea_orm::DbErr>> for CliError {
    fn from(e: sea_orm::TransactionError<sea_orm::DbErr>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(e)
            | sea_orm::TransactionError::Transaction(e) => CliError::Db(e),
        }
    }
}

impl From<AppError> for CliError {
    fn from(e: AppError) -> Self {
        let mut message = e.summary();
        if let Some(form) = e.form_errors() {
            for (field, problem) in &form.fields {
                message.push_str(&format!("\n  {field}: {problem}"));
            }
        }
        CliError::Refused(message)
    }
}

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    if let Some(Command::Roles { command }) = cli.command {
        return tokio::task::spawn_blocking(move || crate::roles_cli::run(command))
            .await
            .map_err(|e| CliError::Refused(e.to_string()))?;
    }
    let config = Config::from_env()?;
    init_tracing(&config);
    match cli.command.unwrap_or(Command::Serve { seed_demo: false }) {
        Command::Roles { .. } => unreachable!("handled above"),
        Command::Serve { seed_demo } => serve(config, seed_demo).await,
        Command::Migrate => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::SeedDemo => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let state = state::build(
                &config,
                LeptosOptions::builder().output_name("guild").build(),
                db,
            )?;
            demo::seed_and_report(&state).await
        }
        Command::BigBoard {
            cards,
            columns,
            out,
        } => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let made =
                crate::seed::big_board::create(&db, cards, columns, crate::router::SESSION_COOKIE)
                    .await?;
            let json =
                serde_json::to_string(&made).map_err(|e| CliError::Refused(e.to_string()))?;
            std::fs::write(&out, json)
                .map_err(|e| CliError::Refused(format!("{}: {e}", out.display())))?;
            println!(
                "Board {} has {} cards; its members' cookies are in {}.",
                made.path,
                made.cards,
                out.display()
            );
            Ok(())
        }
        Command::LoadSessions { users, out } => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let minted =
                crate::seed::load_sessions::mint(&db, users, crate::router::SESSION_COOKIE).await?;
            let json =
                serde_json::to_string(&minted).map_err(|e| CliError::Refused(e.to_string()))?;
            std::fs::write(&out, json)
                .map_err(|e| CliError::Refused(format!("{}: {e}", out.display())))?;
            println!(
                "Minted {} signed-in users into {}.",
                minted.len(),
                out.display()
            );
            Ok(())
        }
        Command::Backup { to } => {
            let db = db::connect(&config).await?;
            let started = std::time::Instant::now();
            let bytes = crate::backup::backup(&db, &to).await?;
            println!(
                "Backed up {:.1} MB to {} in {:.1}s.",
                bytes as f64 / 1e6,
                to.display(),
                started.elapsed().as_secs_f32()
            );
            Ok(())
        }
        Command::Restore { from } => {
            match crate::backup::restore(&from, &config.database_url).await? {
                Some(kept) => println!(
                    "Restored {}; the database it replaced is kept as {}.",
                    from.display(),
                    kept.display()
                ),
                None => println!("Restored {}.", from.display()),
            }
            Ok(())
        }
        Command::Seed { freelancers, gigs } => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let started = std::time::Instant::now();
            let counts = crate::seed::synthetic::seed(&db, freelancers, gigs, true).await?;
            println!(
                "Added {} freelancers and {} gigs in {:.1}s.",
                counts.freelancers,
                counts.gigs,
                started.elapsed().as_secs_f32()
            );
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::CreateSuperAdmin {
                    email,
                    username,
                    display_name,
                },
        } => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let state = state::build(
                &config,
                LeptosOptions::builder().output_name("guild").build(),
                db,
            )?;
            let password = read_password()?;
            let input = SignupInput {
                display_name: display_name.unwrap_or_else(|| username.clone()),
                email,
                username,
                password,
                wants_client: true,
                wants_freelancer: false,
            };
            let user = create_account(&state, &input, true, None).await?;
            println!("Super admin @{} created (id {}).", user.username, user.id);
            Ok(())
        }
    }
}

fn init_tracing(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log_filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Reads one line from standard input, prompting when it is a terminal.
fn read_password() -> Result<String, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password for the super admin: ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        return Err(CliError::Refused("no password on standard input".into()));
    }
    Ok(password)
}

/// Every ten minutes, refreshes the ratings of freelancers whose reviews
/// became visible because their 14-day window closed.
fn spawn_rating_refresh(db: sea_orm::DatabaseConnection) {
    tokio::spawn(async move {
        let every = std::time::Duration::from_secs(600);
        let mut since = app::accounts::server::now() - 15 * 86_400;
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let until = app::accounts::server::now();
            match app::reviews::server::refresh_due(&db, since, until).await {
                Ok(n) if n > 0 => tracing::info!(freelancers = n, "ratings refreshed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not refresh ratings"),
            }
            since = until;
        }
    });
}

async fn serve(config: Config, seed_demo: bool) -> Result<(), CliError> {
    let leptos_options = leptos::config::get_configuration(None)
        .map_err(|e| CliError::Leptos(e.to_string()))?
        .leptos_options;
    let db = db::connect(&config).await?;
    db::migrate(&db).await?;
    let state = state::build(&config, leptos_options, db.clone())?;
    if seed_demo {
        demo::seed_and_report(&state).await?;
    }
    DbSessionStore::new(db.clone(), state.live.clone())
        .spawn_cleanup(std::time::Duration::from_secs(300));
    if let Some(url) = &config.redis_url {
        crate::live::redis_bus::connect(url, state.live.clone(), state.vitals.clone())
            .await
            .map_err(CliError::Refused)?;
        tracing::info!("live events cross instances through Redis");
    }
    crate::email::spawn(db.clone(), config.smtp_url.as_deref(), &config.smtp_from)
        .map_err(CliError::Refused)?;
    spawn_rating_refresh(db);
    let router = crate::app(state, &config);
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    tracing::info!("Guild is listening on http://{}", config.site_addr);
    println!("Guild is running at http://{}", config.site_addr);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
