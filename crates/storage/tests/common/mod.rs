//! What every storage test binary opens its databases with.
use resettle_storage::Store;

/// A store on `url` with its schema migrated and the test data key, so sealed columns
/// (medical records, second factors) can be written and read back.
pub async fn keyed_store(url: &str) -> Store {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store.with_keys(std::sync::Arc::new(
        resettle_secure::cipher::Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap(),
    ))
}
