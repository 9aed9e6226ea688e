//! Reads `{"id", "text"}` JSON Lines on stdin and writes the analysis of each
//! line in the format of GUIDELINES.md on stdout, with no Python involved:
//!
//!     cargo run --release --example predict < gold.jsonl > pred.jsonl

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line)?;
        let text = record
            .get("text")
            .and_then(serde_json::Value::as_str)
            .ok_or("a line without text")?;
        let mut doc = frnews::analyze(text).to_json();
        if let Some(fields) = doc.as_object_mut() {
            let id = record.get("id").cloned().unwrap_or_default();
            fields.insert("id".to_string(), id);
        }
        writeln!(out, "{doc}")?;
    }
    Ok(())
}
