use super::*;

/// The accessibility check is live: a page with an unlabelled field and an image without
/// a text alternative fails it, so a page that passes has passed something.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_check_finds_an_unlabelled_field_and_a_bare_image() {
    let b = browser(1280).await;
    b.client
        .goto("data:text/html,<html lang=en><title>t</title><main><img src=x.png><input></main></html>")
        .await
        .unwrap();
    let found = accessibility_violations(&b.client).await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt"))
            && found.iter().any(|v| v.starts_with("label")),
        "{found:?}"
    );
    b.client.clone().close().await.unwrap();
}
