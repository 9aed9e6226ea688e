//! Time spent in each stage of `analyze`, to see where optimisation pays:
//!
//!     cargo run --release --example stages [PASSES] < texts.jsonl
//!
//! Reads `{"text": ...}` JSON Lines on stdin (any other field is ignored),
//! runs each stage over every text, best of PASSES (default 3) passes per
//! stage, and prints MB/s per stage and for the whole of `analyze`. On a busy
//! machine, `valgrind --tool=callgrind` with one pass counts instructions
//! per stage instead, which other processes do not disturb.

// A developer's timing tool over parallel vectors of one length, not the
// library: the no-indexing rule for untrusted text does not apply here.
#![allow(clippy::indexing_slicing)]

use std::io::{self, BufRead};
use std::time::{Duration, Instant};

use frnews::{article, entities, quotes, repair};

fn best_of<T>(passes: usize, mut run: impl FnMut() -> T) -> (Duration, T) {
    let t0 = Instant::now();
    let value = run();
    let mut best = t0.elapsed();
    for _ in 1..passes {
        let t0 = Instant::now();
        drop(run());
        best = best.min(t0.elapsed());
    }
    (best, value)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let passes: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 3,
    };
    let mut texts = Vec::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line)?;
        texts.push(
            record["text"]
                .as_str()
                .ok_or("a line without text")?
                .to_string(),
        );
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let report = |name: &str, d: Duration| {
        println!(
            "{name:<12} {:8.3} s {:9.2} MB/s",
            d.as_secs_f64(),
            mb / d.as_secs_f64()
        );
    };
    println!("{} texts, {mb:.2} MB", texts.len());

    let lex = frnews::Lexicons::builtin();
    let (d, repaired) = best_of(passes, || {
        texts.iter().map(|t| repair::repair(t)).collect::<Vec<_>>()
    });
    report("repair", d);
    let work: Vec<&str> = repaired.iter().map(|r| r.text()).collect();
    let (d, tokens) = best_of(passes, || {
        work.iter().map(|t| frnews::tokenize(t)).collect::<Vec<_>>()
    });
    report("tokenize", d);
    let (d, sentences) = best_of(passes, || {
        work.iter()
            .zip(&tokens)
            .map(|(t, k)| frnews::sentences(t, k))
            .collect::<Vec<_>>()
    });
    report("sentences", d);
    let (d, keys) = best_of(passes, || {
        work.iter()
            .zip(&tokens)
            .map(|(t, k)| frnews::text::Keys::new(t, k))
            .collect::<Vec<_>>()
    });
    report("keys", d);
    let (d, layouts) = best_of(passes, || {
        work.iter()
            .zip(&tokens)
            .zip(&sentences)
            .map(|((t, k), s)| article::layout(&lex.article, t, k, s))
            .collect::<Vec<_>>()
    });
    report("article", d);
    let (d, found) = best_of(passes, || {
        (0..work.len())
            .map(|i| {
                entities::find(
                    &lex.entities,
                    work[i],
                    &tokens[i],
                    &keys[i],
                    &sentences[i],
                    &layouts[i],
                )
            })
            .collect::<Vec<_>>()
    });
    report("entities", d);
    let (d, _) = best_of(passes, || {
        (0..work.len())
            .map(|i| {
                quotes::find(
                    &lex.quotes,
                    work[i],
                    &tokens[i],
                    &keys[i],
                    &sentences[i],
                    &layouts[i],
                    &found[i],
                )
            })
            .collect::<Vec<_>>()
    });
    report("quotes", d);
    let (d, _) = best_of(passes, || {
        texts.iter().map(|t| frnews::analyze(t)).collect::<Vec<_>>()
    });
    report("analyze", d);
    Ok(())
}
