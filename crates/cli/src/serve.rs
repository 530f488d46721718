//! `claimgraph serve` (the HTTP API and pages over a store) and `claimgraph token create`.
//!
//! Tokens live beside the store, in `<db>.tokens`: one line per token holding only its
//! SHA-256 (`claimgraph_server::auth::token_file_line`), written with owner-only
//! permissions. The secret itself is printed once and never stored. The server reads the
//! file when it starts, so a token created later needs a restart.
//!
//! Who may read: anyone when the server listens on loopback, or with `--public`; otherwise
//! only token holders. Writes always need a token.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use claimgraph_server::{Access, AppState, TokenSet};

use crate::Outcome;
use crate::query::DbArg;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on. Loopback by default; any other address makes reads need a
    /// token unless --public is given.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Let anyone read without a token even when listening beyond loopback (writes still
    /// need one).
    #[arg(long)]
    pub public: bool,
}

#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    #[command(subcommand)]
    pub command: TokenCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum TokenCommand {
    /// Create a token for writes (and for reads on a non-public server); printed once.
    Create {
        #[command(flatten)]
        db: DbArg,
        /// A name for the token, recorded as who made each write ("alice-laptop").
        #[arg(long, default_value = "default")]
        name: String,
    },
}

/// Where the store's tokens are kept: beside a SQLite file; for a PostgreSQL database,
/// `claimgraph-<database>.tokens` in the current folder (tokens are per server host).
fn token_file(db: &Path) -> PathBuf {
    if let Some(url) = claimgraph_app::postgres_url(db) {
        let without_query = url.split('?').next().unwrap_or(url);
        let database = without_query.rsplit('/').next().filter(|name| !name.contains('@'));
        let database: String = database
            .unwrap_or("postgres")
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() || ch == '_' || ch == '-' { ch } else { '_' })
            .collect();
        return PathBuf::from(format!("claimgraph-{database}.tokens"));
    }
    let mut name = db.as_os_str().to_owned();
    name.push(".tokens");
    PathBuf::from(name)
}

fn read_tokens(db: &Path) -> anyhow::Result<TokenSet> {
    let path = token_file(db);
    match std::fs::read_to_string(&path) {
        Ok(text) => TokenSet::parse(&text)
            .map_err(|message| anyhow::anyhow!("{}: {message}", path.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(TokenSet::default()),
        Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn serve(args: ServeArgs) -> anyhow::Result<Outcome> {
    let path = args.db.path();
    if claimgraph_app::postgres_url(&path).is_none() && !path.exists() {
        anyhow::bail!(
            "no store at {} (run `claimgraph ingest` first, or pass --db)",
            path.display()
        );
    }
    let (store, _) = crate::query::open(&args.db)?;
    let tokens = read_tokens(&path)?;
    let loopback = args.bind.ip().is_loopback();
    let access = Access { reads_need_token: !loopback && !args.public, tokens };
    if access.reads_need_token && access.tokens.is_empty() {
        eprintln!(
            "claimgraph: warning: listening beyond loopback without --public, and no token \
             exists: nobody can read (run `claimgraph token create --db {}`)",
            claimgraph_app::store_name(&path)
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let address = listener.local_addr().unwrap_or(args.bind);
        eprintln!(
            "claimgraph: serving {} on http://{address}/ (reads {}; {} token(s)); Ctrl-C stops",
            claimgraph_app::store_name(&path),
            if access.reads_need_token { "need a token" } else { "open" },
            access.tokens.len(),
        );
        let state = AppState::new(Arc::from(store), access);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        claimgraph_server::serve(listener, state, shutdown).await.context("server failed")
    })?;
    Ok(Outcome::default())
}

pub fn token(args: TokenArgs) -> anyhow::Result<Outcome> {
    match args.command {
        TokenCommand::Create { db, name } => {
            let path = token_file(&db.path());
            let mut secret = [0u8; 32];
            std::fs::File::open("/dev/urandom")
                .and_then(|mut random| std::io::Read::read_exact(&mut random, &mut secret))
                .context("cannot read random bytes from /dev/urandom")?;
            let token: String = secret.iter().map(|byte| format!("{byte:02x}")).collect();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |t| i64::try_from(t.as_secs()).unwrap_or(0));
            let mut options = std::fs::OpenOptions::new();
            options.create(true).append(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file =
                options.open(&path).with_context(|| format!("cannot write {}", path.display()))?;
            file.write_all(claimgraph_server::auth::token_file_line(&token, &name, now).as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "claimgraph: token {name:?} added to {} (shown once; restart a running server \
                 to use it)",
                path.display()
            );
            outln!("{token}")?;
            Ok(Outcome::default())
        }
    }
}
