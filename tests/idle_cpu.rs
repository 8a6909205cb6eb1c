//! Idle means idle: the real binary, in a real X window (Xvfb, software OpenGL), left alone
//! after opening a file, uses under 2 % of one core. The same runs check that `--timings`
//! reports the open's stages and that the window holding 10,000 events stays under 150 MB
//! resident. Skips, saying so, where Xvfb is missing (`.ci/run` installs it).

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Clock ticks per second of `/proc/PID/stat` (`getconf CLK_TCK`; 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;
const SETTLE: Duration = Duration::from_secs(6);
const MEASURE: Duration = Duration::from_secs(5);

/// Kills the child when dropped, so that a failing assertion leaves no process behind.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts an X server on a free display and waits until it accepts clients (its socket is
/// there); a display already taken, or a server that dies, makes it try the next one.
fn start_xvfb() -> Option<(Killed, String)> {
    let first = 200 + std::process::id() % 500;
    for n in first..first + 20 {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        if socket.exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1400x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut xvfb = Killed(child);
        // A loaded machine can take seconds to bring the server up.
        for _ in 0..200 {
            if socket.exists() || !matches!(xvfb.0.try_wait(), Ok(None)) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if socket.exists() && matches!(xvfb.0.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(200));
            return Some((xvfb, display));
        }
    }
    None
}

/// Seconds of CPU (user + system, all threads) the process has used so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process runs");
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    let ticks = |k: usize| fields[k - 3].parse::<f64>().expect("a tick count");
    (ticks(14) + ticks(15)) / TICKS_PER_SECOND
}

/// Resident memory of the process, in MB (`VmRSS` of `/proc/PID/status`).
fn resident_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the process runs");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line");
    kb / 1024.0
}

/// What one run of the window on a file showed.
struct Run {
    /// The share of one core used while nobody touched it, after it settled.
    idle: f64,
    /// Resident memory at the end, in MB.
    resident_mb: f64,
    /// What it wrote on stderr (with `--timings`).
    stderr: String,
}

/// Runs the window on `file` with `--timings`, lets it settle and measures it.
fn run_window(display: &str, file: &Path, config: &Path) -> Run {
    let log = config.join("stderr.txt");
    let child = Command::new(env!("CARGO_BIN_EXE_waqai"))
        .arg("--timings")
        .arg(file)
        .env("DISPLAY", display)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", config)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("a log file"))
        .spawn()
        .expect("the binary starts");
    let mut app = Killed(child);
    std::thread::sleep(SETTLE);
    let pid = app.0.id();
    let before = cpu_seconds(pid);
    std::thread::sleep(MEASURE);
    let used = cpu_seconds(pid) - before;
    // A process that died is idle too: make sure it is still there, and that it worked.
    assert!(
        matches!(app.0.try_wait(), Ok(None)),
        "the app quit on {}: {}",
        file.display(),
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    assert!(
        before > 0.05,
        "the app did no work at all on {}",
        file.display()
    );
    Run {
        idle: used / MEASURE.as_secs_f64(),
        resident_mb: resident_mb(pid),
        stderr: std::fs::read_to_string(&log).unwrap_or_default(),
    }
}

#[test]
fn the_window_sleeps_when_nothing_happens() {
    if Command::new("Xvfb").arg("-help").output().is_err() {
        println!("skipped: Xvfb is not installed (apt-get install xvfb libgl1-mesa-dri)");
        return;
    }
    let Some((_xvfb, display)) = start_xvfb() else {
        println!("skipped: Xvfb did not start");
        return;
    };
    let scratch = std::env::temp_dir().join(format!("waqai-idle-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let big = scratch.join("big.waqai.json");
    waqai::model::save_document(&synthetic::synthetic(10_000, 2_000), &big).expect("saved");
    let small = scratch.join("seed.waqai.json");
    waqai::model::save_document(&waqai::seed::document(), &small).expect("saved");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("seeds/000_53d1f05ff851aa2a.txt"),
        small.clone(),
        big.clone(),
    ];
    if let Some(corpus) = waqai::extract::gold::find_corpus(&root) {
        files.push(corpus.join("dev/38_alweeam.txt"));
    }
    let mut report = Vec::new();
    let mut resident = std::collections::HashMap::new();
    for file in &files {
        let run = run_window(&display, file, &scratch);
        report.push(format!(
            "{}: {:.1} % of a core, {:.1} MB resident",
            file.display(),
            run.idle * 100.0,
            run.resident_mb
        ));
        println!("idle {}", report.last().expect("just pushed"));
        println!("{}", run.stderr.trim());
        assert!(run.idle < 0.02, "busy while idle: {}", report.join("; "));
        let opened = run
            .stderr
            .lines()
            .find(|l| l.contains("to the end of its first frame"))
            .unwrap_or_else(|| panic!("no timings on stderr: {}", run.stderr));
        let read = if file.extension().is_some_and(|e| e == "json") {
            "parse"
        } else {
            "extract"
        };
        for stage in [
            "read",
            read,
            "validate",
            "chronology",
            "graph",
            "lanes",
            "first frame",
        ] {
            assert!(
                opened.contains(&format!("{stage} ")),
                "{stage} missing: {opened}"
            );
        }
        resident.insert(file.clone(), run.resident_mb);
    }
    // What 10,000 events add to a window showing a small document (the rest is the window
    // system and software GL), and, for the optimised build, the whole process.
    let added = resident[&big] - resident[&small];
    println!("10,000 events add {added:.1} MB to the window");
    assert!(added < 40.0, "{}", report.join("; "));
    if !cfg!(debug_assertions) {
        assert!(resident[&big] < 150.0, "{}", report.join("; "));
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
