//! The whole pipeline, and the stages callable alone, on arbitrary text:
//! no panic, and every span within the text, on character boundaries,
//! sorted and disjoint where the contract says so.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 cannot reach the core (Rust `&str`, Python `str`); a lossy
    // decoding still lets every input exercise it.
    let text = String::from_utf8_lossy(data);
    invariants::check_all(&text);
});
