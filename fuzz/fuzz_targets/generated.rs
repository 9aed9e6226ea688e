//! The whole pipeline on long texts of one shape repeated with a new name
//! each time (issue 15: `Le Conseil {name} a siégé. `, `M. {name} Dupont. `,
//! ...), 64 KB to 1 MB: the fuzzer's input only chooses the shape, the size,
//! the first name and a scrap of text spliced in between the pieces, so that
//! every run reaches the sizes where a pairwise step shows (libFuzzer's
//! `-timeout`) without mutating a megabyte. The same invariants as `analyze`.
//! The shapes are those of tests/generators.py.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

const MIN_BYTES: usize = 64 * 1024;
const MAX_BYTES: usize = 1024 * 1024;

/// Consonant-vowel syllables, three or more to a name.
fn name(mut i: usize) -> String {
    const CONSONANTS: &[u8] = b"bdfgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let n = CONSONANTS.len() * VOWELS.len();
    let syllable = |r: usize| {
        let c = CONSONANTS.get(r / VOWELS.len()).copied().unwrap_or(b'b');
        let v = VOWELS.get(r % VOWELS.len()).copied().unwrap_or(b'a');
        [char::from(c), char::from(v)]
    };
    let mut parts = Vec::new();
    for _ in 0..3 {
        parts.push(syllable(i % n));
        i /= n;
    }
    while i > 0 {
        i -= 1;
        parts.push(syllable(i % n));
        i /= n;
    }
    let mut out: String = parts.iter().rev().flatten().collect();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Capitals, three or more, after an `O`.
fn acronym(mut i: usize) -> String {
    let letter = |r: usize| char::from(b'A' + u8::try_from(r % 26).unwrap_or(0));
    let mut letters = Vec::new();
    for _ in 0..3 {
        letters.push(letter(i));
        i /= 26;
    }
    while i > 0 {
        i -= 1;
        letters.push(letter(i));
        i /= 26;
    }
    std::iter::once('O')
        .chain(letters.into_iter().rev())
        .collect()
}

fn piece(shape: u8, i: usize) -> String {
    match shape % 6 {
        0 => format!("Le Conseil {} a siégé. ", name(i)),
        1 => format!("M. {} Dupont. ", name(i)),
        2 => {
            let abc = acronym(i);
            format!(
                "L'Organisation de {} {} ({abc}) a signé. L'{abc} va agir. ",
                name(2 * i),
                name(2 * i + 1)
            )
        }
        3 => format!("Le ministère de l'O{} a parlé. ", name(i).to_lowercase()),
        4 => format!("L'Université {} a ouvert. ", name(i)),
        _ => format!("Jean {} Dupont a parlé. ", name(i)),
    }
}

fuzz_target!(|data: &[u8]| {
    let [shape, s0, s1, n0, n1, n2, gap, scrap @ ..] = data else {
        return;
    };
    let size =
        MIN_BYTES + usize::from(u16::from_le_bytes([*s0, *s1])) * (MAX_BYTES - MIN_BYTES) / 0xFFFF;
    let first = usize::from(*n0) | usize::from(*n1) << 8 | usize::from(*n2) << 16;
    let scrap = String::from_utf8_lossy(scrap);
    let gap = usize::from(*gap) + 1;
    let mut text = String::with_capacity(size + 64);
    let mut k = 0;
    while text.len() < size {
        text.push_str(&piece(*shape, first + k));
        k += 1;
        if k % gap == 0 {
            text.push_str(&scrap);
        }
    }
    invariants::check_all(&text);
});
