//! A real SMTP server for tests: `aiosmtpd` from PyPI (`python3 -m pip install aiosmtpd`,
//! as `.ci/run` does), started on a free loopback port with a handler that writes each mail
//! it receives to a folder, its subject and body decoded, for the test to read.
//!
//! The server is a child of the test process and ends with it: dropped, stopped, or when
//! the test process dies (it watches its parent). It can be stopped and started again on
//! the same port, for tests of a mail server that is down for a while.
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server: an aiosmtpd controller whose handler writes `<n>.txt` files of
/// `To:`, `Subject:` (decoded), a blank line and the body (decoded from its transfer
/// encoding and charset). It exits when its parent, the test process, is gone.
const SERVER: &str = r#"
import email.header, os, sys, time, itertools
from aiosmtpd.controller import Controller

port, folder = int(sys.argv[1]), sys.argv[2]
counter = itertools.count(len(os.listdir(folder)) + 1)

class Folder:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content)
        subject = str(email.header.make_header(email.header.decode_header(message.get("Subject", ""))))
        payload = message.get_payload(decode=True) or b""
        body = payload.decode(message.get_content_charset() or "utf-8")
        path = os.path.join(folder, "%05d.txt" % next(counter))
        with open(path + ".part", "w", encoding="utf-8") as f:
            f.write("To: %s\nSubject: %s\n\n%s" % (", ".join(envelope.rcpt_tos), subject, body))
        os.rename(path + ".part", path)
        return "250 OK"

controller = Controller(Folder(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
parent = os.getppid()
while os.getppid() == parent:
    time.sleep(0.2)
controller.stop()
"#;

/// A running (or stopped) SMTP server and the mails it received.
pub struct SmtpSink {
    port: u16,
    folder: tempfile::TempDir,
    child: Option<Child>,
}

/// One mail as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The envelope's recipients, comma-separated.
    pub to: String,
    /// The subject, decoded.
    pub subject: String,
    /// The body, decoded.
    pub body: String,
}

impl SmtpSink {
    /// Starts a server on a free loopback port. Panics, saying how to install it, when
    /// aiosmtpd is missing.
    pub fn start() -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free loopback port");
        let mut sink = SmtpSink {
            port,
            folder: tempfile::tempdir().expect("a folder for received mails"),
            child: None,
        };
        sink.resume();
        sink
    }

    /// The port it listens on (also while stopped: it comes back there).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server: connections to its port are refused until [`SmtpSink::resume`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on its port, keeping the mails received so far.
    pub fn resume(&mut self) {
        self.stop();
        // A mail server keeps its own clock: when the suite runs under a shifted clock
        // (libfaketime, preloaded into the test and inherited by its children), Python's
        // `time.sleep` fails there with EINVAL and the server would die after "ready".
        let mut child = Command::new("python3")
            .env_remove("LD_PRELOAD")
            .env_remove("FAKETIME")
            .arg("-c")
            .arg(SERVER)
            .arg(self.port.to_string())
            .arg(self.folder.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs (apt-get install python3)");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("the server's output");
        let _ = BufReader::new(stdout).read_line(&mut line);
        if line.trim() != "ready" {
            let _ = child.kill();
            let status = child.wait().ok();
            panic!(
                "the SMTP server did not start ({status:?}); is aiosmtpd installed? \
                 python3 -m pip install aiosmtpd"
            );
        }
        self.child = Some(child);
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.folder.path())
            .map(|d| {
                d.filter_map(|e| Some(e.ok()?.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Every mail received so far, in the order received.
    pub fn received(&self) -> Vec<ReceivedMail> {
        self.files()
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).expect("a received mail");
                let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
                let field = |name: &str| {
                    head.lines()
                        .find_map(|l| l.strip_prefix(name))
                        .unwrap_or_default()
                        .to_string()
                };
                ReceivedMail {
                    to: field("To: "),
                    subject: field("Subject: "),
                    body: body.to_string(),
                }
            })
            .collect()
    }

    /// Waits up to `timeout` until at least `n` mails have arrived; returns them all.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let start = Instant::now();
        while self.files().len() < n && start.elapsed() < timeout {
            std::thread::sleep(Duration::from_millis(50));
        }
        self.received()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}
