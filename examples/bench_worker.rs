//! The Rust core as one engine of `benchmarks/run.py`: `frnews::analyze` on
//! every text of a corpus, with no Python involved.
//!
//!     cargo build --release --example bench_worker
//!     target/release/examples/bench_worker corpus.jsonl
//!
//! Reads the `{"text": ...}` JSON Lines of the corpus, prints one JSON line
//! (`{"mb": ..., "texts": ...}`), then answers each `run` line on stdin with
//! `{"seconds": ...}`, the time of one pass over the corpus, and stops at the
//! end of stdin. The benchmark sends `run` to each engine in turn, round by
//! round, so that the load of a shared machine hits every engine alike.

use std::fs;
use std::io::{self, BufRead, Write};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bench_worker CORPUS.jsonl")?;
    let mut texts = Vec::new();
    for line in fs::read_to_string(path)?.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(line)?;
        let text = record
            .get("text")
            .and_then(serde_json::Value::as_str)
            .ok_or("a line without text")?;
        texts.push(text.to_string());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{}",
        serde_json::json!({"mb": bytes as f64 / 1e6, "texts": texts.len()})
    )?;
    out.flush()?;
    for command in io::stdin().lock().lines() {
        if command?.trim() != "run" {
            return Err("the only command is `run`".into());
        }
        let start = Instant::now();
        let tokens: usize = texts.iter().map(|t| frnews::analyze(t).tokens.len()).sum();
        let seconds = start.elapsed().as_secs_f64();
        writeln!(
            out,
            "{}",
            serde_json::json!({"seconds": seconds, "tokens": tokens})
        )?;
        out.flush()?;
    }
    Ok(())
}
