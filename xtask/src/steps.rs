//! Numbered, timed progress lines for long steps.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A step being carried out; prints how long it took when dropped.
pub struct Step {
    title: String,
    started: Instant,
    done: Arc<AtomicBool>,
}

/// Announces a step. When `expect` is given it is shown as the expected
/// duration, and a heartbeat line is printed every minute until the step ends.
pub fn step(title: &str, expect: Option<&str>) -> Step {
    match expect {
        Some(hint) => println!("\n==> {title} ({hint})"),
        None => println!("\n==> {title}"),
    }
    let done = Arc::new(AtomicBool::new(false));
    if expect.is_some() {
        let done = done.clone();
        let title = title.to_string();
        let started = Instant::now();
        std::thread::spawn(move || {
            let mut minutes = 0;
            loop {
                for _ in 0..60 {
                    std::thread::sleep(Duration::from_secs(1));
                    if done.load(Ordering::Relaxed) {
                        return;
                    }
                }
                minutes += 1;
                println!(
                    "    ... still {}: {minutes} min so far ({}s)",
                    title.to_lowercase(),
                    started.elapsed().as_secs()
                );
            }
        });
    }
    Step {
        title: title.to_string(),
        started: Instant::now(),
        done,
    }
}

/// Prints a note that belongs to no step.
pub fn note(text: &str) {
    println!("    {text}");
}

impl Drop for Step {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        println!(
            "    {} took {:.1}s",
            self.title,
            self.started.elapsed().as_secs_f32()
        );
    }
}
