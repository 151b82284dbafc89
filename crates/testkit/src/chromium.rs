//! Headless Chromium, driven from the command line: the page as the browser rendered it
//! (after scripts ran), and screenshots.
use std::path::{Path, PathBuf};
use std::process::Command;

/// Flags that keep Chromium headless, sandbox-free as root, and off the (closed) network.
pub(crate) const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// The Chromium executable. Fails loudly when none is installed: browser tests are never
/// skipped silently.
pub fn executable() -> PathBuf {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.is_file())
            })
        })
        .expect("Chromium is not installed: apt-get install chromium (the web UI is tested in it)")
}

fn browser(profile: &Path) -> Command {
    let mut c = Command::new(executable());
    c.args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The DOM of `url` after Chromium loaded it and ran its scripts.
pub fn rendered_dom(url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = browser(profile.path())
        .args(["--virtual-time-budget=3000", "--dump-dom", url])
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Saves a screenshot of `url` at 1280×900 to `png`.
pub fn screenshot(url: &str, png: &Path) {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = browser(profile.path())
        .args(["--window-size=1280,900", "--hide-scrollbars"])
        .arg(format!("--screenshot={}", png.display()))
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success() && png.is_file(),
        "chromium screenshot of {url} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
