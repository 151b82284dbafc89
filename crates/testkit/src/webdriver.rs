//! A real Chromium driven through WebDriver (Debian's `chromium` and `chromium-driver`),
//! so web tests type, click and submit as people do: rendering a page proves nothing
//! about its forms.
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// The ChromeDriver executable. Fails loudly when none is installed: browser tests are
/// never skipped silently.
fn chromedriver() -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join("chromedriver"))
                .find(|p| p.is_file())
        })
        .expect(
            "ChromeDriver is not installed: apt-get install chromium-driver \
             (the web UI is tested in a real browser)",
        )
}

/// A browser session; its ChromeDriver ends when it is dropped.
pub struct Browser {
    /// The WebDriver client: `goto`, `find`, `click`, `send_keys`, `screenshot`.
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    /// Ends ChromeDriver and the Chromium it started. Killing ChromeDriver alone left its
    /// Chromium running whenever a test did not close the session (or panicked first):
    /// some 30 Chromiums of a few hundred megabytes each after one browser suite, until
    /// the machine ran out of memory. ChromeDriver leads a process group of its own
    /// (see `open`), which its Chromium's processes join; the group goes as one.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A free port on the loopback interface.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The narrowest window Chromium opens; narrower pages are emulated.
const MIN_WINDOW_WIDTH: u32 = 500;

/// Starts ChromeDriver and opens a headless Chromium window `width` pixels wide (a page
/// `width` CSS pixels wide below 500, a phone's), with a fresh profile, off the (closed)
/// network.
pub async fn browser(width: u32) -> Browser {
    open(width, true).await
}

/// The same browser with JavaScript switched off for every page, as some people browse:
/// a page that must work without script is tested in it. (axe-core, itself a script,
/// cannot review a page in it.)
pub async fn browser_without_script(width: u32) -> Browser {
    open(width, false).await
}

async fn open(width: u32, script: bool) -> Browser {
    let port = free_port();
    let driver = Command::new(chromedriver())
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("start chromedriver");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let profile = tempfile::tempdir().expect("profile dir");
    let mut args: Vec<String> = crate::chromium::FLAGS
        .iter()
        .filter(|f| **f != "--headless")
        .map(|f| f.to_string())
        .collect();
    args.push("--headless=new".into());
    args.push(format!("--window-size={width},900"));
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let mut options = serde_json::json!({
        "binary": crate::chromium::executable(),
        "args": args,
    });
    if !script {
        options["prefs"] = serde_json::json!({
            "profile.managed_default_content_settings.javascript": 2,
        });
    }
    if width < MIN_WINDOW_WIDTH {
        // Chromium keeps a window at least 500 px wide, so a phone's width is emulated:
        // the page is laid out at `width` CSS pixels, as a desktop browser would (no touch,
        // no zooming out), which is what WCAG's reflow asks of it.
        options["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": width, "height": 900, "pixelRatio": 1.0,
                               "mobile": false, "touch": false },
        });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session in Chromium");
    Browser {
        client,
        driver,
        _profile: profile,
    }
}

/// axe-core, injected into each page a test reviews (`assets/README.md`).
const AXE: &str = include_str!("../assets/axe-core-4.14.1.min.js");

/// The accessibility violations of serious or critical impact on the page the browser
/// shows now, by axe-core's WCAG 2.1 A and AA rules: each as `rule: help (n elements: …)`.
pub async fn accessibility_violations(client: &Client) -> Vec<String> {
    client
        .execute(&format!("{AXE}\n;return true;"), Vec::new())
        .await
        .expect("axe-core loads in the page");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' elements: '
                   + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')))
               .catch(e => done(['axe failed: ' + e]));",
            Vec::new(),
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(found).expect("a list of violations")
}

/// Saves what the browser shows now as a PNG at `path`, for people to review.
pub async fn save_screenshot(client: &Client, path: &Path) {
    let png = client.screenshot().await.expect("a screenshot");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("screenshot folder");
    }
    std::fs::write(path, png).expect("write the screenshot");
}
