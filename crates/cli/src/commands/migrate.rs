//! `resettle migrate`.
use anyhow::Context;
use resettle_app::App;

/// Applies pending migrations and says where the schema stands.
pub async fn run(database: &str) -> anyhow::Result<()> {
    let (app, before) = App::connect_unmigrated(database)
        .await
        .with_context(|| format!("cannot open {}", resettle_app::redacted_url(database)))?;
    let applied = app.migrate().await?;
    let now = app.health().await?.schema_version;
    println!("schema at version {now} (was {before}; {applied} migration(s) applied)");
    Ok(())
}
