//! Every input the fuzzer ever broke the core with (tests/data/regressions/),
//! replayed through the fuzz target's invariants.

mod invariants;

use std::path::Path;

#[test]
fn fuzz_findings_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/regressions exists") {
        let path = entry.expect("readable directory entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable regression input");
        let text = String::from_utf8_lossy(&bytes);
        let outcome = std::panic::catch_unwind(|| invariants::check_all(&text));
        assert!(outcome.is_ok(), "regression input {} fails", path.display());
        seen += 1;
    }
    assert!(seen > 0, "no regression input in {}", dir.display());
}
