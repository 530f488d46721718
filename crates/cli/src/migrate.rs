//! `claimgraph migrate` (bring a store's schema up to date, explicitly) and
//! `claimgraph copy` (a whole knowledge base from one store to another, SQLite or
//! PostgreSQL, either way).

use std::path::PathBuf;

use anyhow::Context;

use crate::Outcome;
use crate::query::DbArg;

#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub db: DbArg,
}

pub fn migrate(args: MigrateArgs) -> anyhow::Result<Outcome> {
    let path = args.db.path();
    let name = claimgraph_app::store_name(&path);
    let (backend, version) = claimgraph_app::migrate_store(&path)
        .with_context(|| format!("cannot migrate the store {name}"))?;
    outln!("{name}: {backend} store at schema version {version}")?;
    Ok(Outcome::default())
}

#[derive(Debug, clap::Args)]
pub struct CopyArgs {
    /// The store to copy from: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub from: PathBuf,
    /// The store to copy into, which must be empty (created if needed).
    #[arg(long)]
    pub to: PathBuf,
}

pub fn copy(args: CopyArgs) -> anyhow::Result<Outcome> {
    let (from, to) = (claimgraph_app::store_name(&args.from), claimgraph_app::store_name(&args.to));
    if claimgraph_app::postgres_url(&args.from).is_none() && !args.from.exists() {
        anyhow::bail!("no store at {from}");
    }
    let copied = claimgraph_app::copy::copy(&args.from, &args.to)
        .with_context(|| format!("cannot copy {from} to {to}"))?;
    let rows: usize = copied.iter().map(|(_, n)| n).sum();
    outln!("copied {from} to {to}: {rows} rows in {} tables", copied.len())?;
    for (table, n) in copied {
        outln!("  {table:<22} {n}")?;
    }
    Ok(Outcome::default())
}
