//! Peak heap of each stage of `analyze` on one text, to see where memory goes:
//!
//!     cargo run --release --example memory < article.txt
//!
//! Counts the bytes the global allocator hands out: the peak while each stage
//! runs, above what was live before it, and what its result keeps.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use frnews::{article, entities, quotes, repair};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    // Counted as the block changing size in place: the allocator moves a
    // large block by remapping its pages, not by holding two copies.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size - layout.size();
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `stage` and prints its peak above the bytes live before it and the
/// bytes it leaves live, in multiples of the text's size.
fn measure<T>(name: &str, size: usize, stage: impl FnOnce() -> T) -> T {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let value = stage();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = LIVE.load(Ordering::Relaxed) as isize - before as isize;
    let x = |n: f64| n / size as f64;
    println!(
        "{name:<10} peak +{:6.1} MB ({:5.2}x)  kept {:+6.1} MB ({:5.2}x)",
        peak as f64 / 1e6,
        x(peak as f64),
        kept as f64 / 1e6,
        x(kept as f64)
    );
    value
}

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let n = text.len();
    let lex = measure("lexicons", n, frnews::Lexicons::builtin);
    let repaired = measure("repair", n, || repair::repair(&text));
    let work = repaired.text();
    let tokens = measure("tokenize", n, || frnews::tokenize(work));
    let sentences = measure("sentences", n, || frnews::sentences(work, &tokens));
    let keys = measure("keys", n, || frnews::text::Keys::new(work, &tokens));
    let layout = measure("article", n, || {
        article::layout(&lex.article, work, &tokens, &sentences)
    });
    let found = measure("entities", n, || {
        entities::find(&lex.entities, work, &tokens, &keys, &sentences, &layout)
    });
    let said = measure("quotes", n, || {
        quotes::find(
            &lex.quotes,
            work,
            &tokens,
            &keys,
            &sentences,
            &layout,
            &found,
        )
    });
    drop((said, found, layout, keys, sentences, tokens, repaired));
    let doc = measure("analyze", n, || frnews::analyze(&text));
    measure("to_json", n, || doc.to_json());
    Ok(())
}
