//! A throwaway PostgreSQL cluster per test process.
//!
//! Started from the installed binaries (on `PATH` or under `/usr/lib/postgresql/*/bin`), on
//! a free loopback port with trust authentication and durability off (tests need speed, not
//! crash safety). `initdb` refuses to run as root, so as root the cluster runs as the
//! `postgres` system user of Debian's package. A watchdog process stops the cluster and
//! deletes its directory as soon as the test process is gone, however it ended.
//!
//! The cluster speaks TLS, with a certificate for 127.0.0.1 signed by a certificate
//! authority made for it (`Cluster::certificate_authority`), so tests can prove that a
//! connection asked to verify the server does, and that one is encrypted.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    port: u16,
    run_as: Option<&'static str>,
    authority: PathBuf,
}

/// The process-wide cluster, started on first use. `None` only when
/// `RESETTLE_SKIP_POSTGRES=1` asked to skip (a machine without PostgreSQL; the runs with
/// the clock shifted, `scripts/test-shifted-clock`); a loud line says so. CI's main run
/// unsets it.
pub fn cluster() -> Option<&'static Cluster> {
    static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| match find_bin_dir() {
            _ if std::env::var("RESETTLE_SKIP_POSTGRES").as_deref() == Ok("1") => {
                eprintln!("SKIPPING POSTGRESQL TESTS: RESETTLE_SKIP_POSTGRES=1");
                None
            }
            Some(bin) => Some(Cluster::start(bin)),
            None => panic!(
                "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin). \
                 Install it (apt-get install postgresql) or set RESETTLE_SKIP_POSTGRES=1 to skip."
            ),
        })
        .as_ref()
}

fn find_bin_dir() -> Option<PathBuf> {
    // Resolve symlinks: a PATH entry may link some tools (initdb) but not others (createdb),
    // while the directory they point into has them all.
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("initdb"))
            .find(|p| p.is_file())
            .and_then(|initdb| {
                std::fs::canonicalize(initdb)
                    .ok()?
                    .parent()
                    .map(Path::to_path_buf)
            })
    });
    on_path.or_else(|| {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| Some(e.ok()?.path().join("bin")))
            .filter(|b| b.join("initdb").is_file())
            .collect();
        dirs.sort();
        dirs.pop()
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Cluster {
    fn start(bin: PathBuf) -> Cluster {
        let run_as = is_root().then_some("postgres");
        // Not a TempDir: the watchdog deletes it after this process has exited.
        let dir = std::env::temp_dir().join(crate::unique_name("resettle-pg"));
        std::fs::create_dir_all(&dir).expect("cluster dir");
        if let Some(user) = run_as {
            run(Command::new("chown").arg(format!("{user}:")).arg(&dir));
        }
        let cluster = Cluster {
            bin,
            port: free_port(),
            run_as,
            authority: dir.join("ca.crt"),
        };
        let (cert, key) = certificates(&dir);
        if let Some(user) = run_as {
            run(Command::new("chown").arg(format!("{user}:")).arg(&key));
        }
        let data = dir.join("data");
        run(cluster.command("initdb").arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        ]));
        let options = format!(
            "-h 127.0.0.1 -p {} -k {} -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off -c max_connections=200 \
             -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
            cluster.port,
            dir.display(),
            cert.display(),
            key.display()
        );
        run(cluster
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-l"])
            .arg(dir.join("log"))
            .args(["-w", "start"]));
        cluster.spawn_watchdog(&dir, &data);
        // Written to the process's stderr directly, past the test harness's capture, so a
        // CI log shows that the PostgreSQL tests really ran and on which server.
        let version = Command::new(cluster.bin.join("postgres"))
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "postgres: throwaway cluster ({version}) on 127.0.0.1:{} in {}",
            cluster.port,
            dir.display()
        );
        cluster
    }

    /// The certificate of the authority that signed the server's, for `sslrootcert`.
    pub fn certificate_authority(&self) -> &Path {
        &self.authority
    }

    /// Creates an empty database and returns its URL.
    pub fn create_database(&self) -> String {
        let name = crate::unique_name("t");
        run(self.command("createdb").args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
            &name,
        ]));
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    fn command(&self, tool: &str) -> Command {
        let exe = self.bin.join(tool);
        match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(exe);
                c.current_dir("/");
                c
            }
            None => Command::new(exe),
        }
    }

    /// Stops the cluster and deletes its files once this process has gone.
    fn spawn_watchdog(&self, dir: &Path, data: &Path) {
        let stop = format!(
            "{} {} -D '{}' -m immediate stop",
            self.run_as
                .map(|u| format!("runuser -u {u} --"))
                .unwrap_or_default(),
            self.bin.join("pg_ctl").display(),
            data.display()
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{dir}'",
            pid = std::process::id(),
            dir = dir.display()
        );
        // A short-lived shell starts the watchdog in its own session and returns at once,
        // so the watchdog is adopted by init and nothing is left for this process to reap.
        let status = Command::new("sh")
            .args([
                "-c",
                r#"setsid sh -c "$RESETTLE_PG_WATCHDOG" </dev/null >/dev/null 2>&1 &"#,
            ])
            .env("RESETTLE_PG_WATCHDOG", script)
            .status()
            .expect("start the cluster watchdog");
        assert!(status.success(), "the cluster watchdog did not start");
    }
}

/// Makes, in `dir`, a certificate authority (`ca.crt`) and a server certificate for
/// 127.0.0.1 signed by it, with the server's key readable by its owner only (PostgreSQL
/// refuses any other); returns the server's certificate and key. Elliptic-curve keys, since
/// they are made in milliseconds.
fn certificates(dir: &Path) -> (PathBuf, PathBuf) {
    let file = |name: &str| dir.join(name);
    let key_options = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    run(Command::new("openssl")
        .args(["req", "-x509"])
        .args(key_options)
        .args(["-days", "2", "-subj", "/CN=resettle test authority"])
        .args(["-addext", "basicConstraints=critical,CA:TRUE"])
        .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        .arg("-keyout")
        .arg(file("ca.key"))
        .arg("-out")
        .arg(file("ca.crt")));
    run(Command::new("openssl")
        .arg("req")
        .args(key_options)
        .args(["-subj", "/CN=127.0.0.1"])
        .arg("-keyout")
        .arg(file("server.key"))
        .arg("-out")
        .arg(file("server.csr")));
    std::fs::write(
        file("server.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .expect("certificate extensions");
    run(Command::new("openssl")
        .args(["x509", "-req", "-days", "2", "-CAcreateserial"])
        .arg("-in")
        .arg(file("server.csr"))
        .arg("-CA")
        .arg(file("ca.crt"))
        .arg("-CAkey")
        .arg(file("ca.key"))
        .arg("-extfile")
        .arg(file("server.ext"))
        .arg("-out")
        .arg(file("server.crt")));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file("server.key"), std::fs::Permissions::from_mode(0o600))
        .expect("key permissions");
    (file("server.crt"), file("server.key"))
}

fn run(cmd: &mut Command) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
