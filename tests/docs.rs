//! The rule tables in the README and the crate docs against the crate itself: each row's byte
//! range is the identifier's `len_bounds()`, and each character class a row writes is one the
//! identifier's own error messages name. A rule changed in `src/id/rules.rs` and not in the
//! docs (or the other way round) fails here.

mod common;

use botsession::{IdError, IdKind, IdRule};
use common::{for_each_ident, ident_count, ForEachIdent, Ident};

/// One row of a rules table: the type, its rule column, its byte range column.
struct Row {
    ty: String,
    rule: String,
    bytes: String,
}

/// The rows of the table in `text` whose first column names an identifier: `| `T` |` in the
/// README, `//! | [`T`] |` in the crate docs.
fn rows(text: &str) -> Vec<Row> {
    text.lines()
        .map(|line| line.trim_start_matches("//!").trim())
        .filter(|line| line.starts_with('|'))
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            let ty = cells.first()?.trim_matches(|c| "[]`".contains(c));
            let bytes = cells.get(2)?;
            bytes.contains('–').then(|| Row {
                ty: ty.to_owned(),
                rule: cells[1].to_owned(),
                bytes: (*bytes).to_owned(),
            })
        })
        .collect()
}

/// The `[...]` classes written in a rule column (`[0-9a-hjkmnp-z]`).
fn classes(rule: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = rule;
    while let Some(start) = rest.find('[') {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        out.push(&rest[start..=start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

/// Every class `T`'s `Charset` errors can name: one foreign byte at each position of a
/// valid-length value, after the first byte that fails the rule's prefix.
fn named_classes<T: Ident>() -> Vec<String> {
    let (min, _) = T::KIND.len_bounds();
    let head = match T::KIND {
        IdKind::AilySessionId => "session_",
        IdKind::AilyMessageId => "message_",
        IdKind::AilyRunId => "run_",
        IdKind::AilyAuthorization => "Bearer ",
        _ => "",
    };
    let mut found = Vec::new();
    for len in [min.max(head.len() + 4), head.len() + 12] {
        for at in head.len()..len {
            let mut s = String::from(head);
            s.push_str(&"a".repeat(len - head.len()));
            s.replace_range(at..=at, " ");
            if let Err(e) = s.parse::<T>() {
                if let Some(class) = expected_class(&e) {
                    if !found.contains(&class) {
                        found.push(class);
                    }
                }
            }
        }
    }
    found
}

/// The class at the end of a `Charset` message: `... is not in [0-9a-zA-Z._:-]`.
fn expected_class(e: &IdError) -> Option<String> {
    (e.rule() == IdRule::Charset)
        .then(|| {
            e.to_string()
                .rsplit_once(" is not in ")
                .map(|(_, c)| c.to_owned())
        })
        .flatten()
}

struct CheckTable<'a> {
    doc: &'a str,
    rows: &'a [Row],
    seen: usize,
}

impl ForEachIdent for CheckTable<'_> {
    fn run<T: Ident>(&mut self) {
        let Some(row) = self.rows.iter().find(|r| r.ty == T::NAME) else {
            panic!("{}: no row for {}", self.doc, T::NAME);
        };
        self.seen += 1;
        let (min, max) = T::KIND.len_bounds();
        assert_eq!(
            row.bytes,
            format!("{min}–{max}"),
            "{}: {} bytes",
            self.doc,
            T::NAME
        );
        let named = named_classes::<T>();
        for class in classes(&row.rule) {
            assert!(
                named.iter().any(|n| n == class),
                "{}: {} writes {class}, its errors name {named:?}",
                self.doc,
                T::NAME
            );
        }
    }
}

#[track_caller]
fn check(doc: &str, text: &str) {
    let rows = rows(text);
    let checked = for_each_ident(CheckTable {
        doc,
        rows: &rows,
        seen: 0,
    });
    assert_eq!(checked.seen, ident_count(), "{doc}: rows checked");
    assert_eq!(rows.len(), ident_count(), "{doc}: identifier rows");
}

#[test]
fn readme_rules_table_matches_the_crate() {
    check("README.md", include_str!("../README.md"));
}

#[test]
fn crate_docs_rules_table_matches_the_crate() {
    check("src/lib.rs", include_str!("../src/lib.rs"));
}

#[test]
fn the_checker_sees_a_drifted_row() {
    let drifted = include_str!("../README.md").replace("9–32 | Aily delete", "9–33 | Aily delete");
    let caught = std::panic::catch_unwind(|| check("drifted", &drifted));
    assert!(caught.is_err(), "a wrong byte range went unnoticed");
    let drifted = include_str!("../README.md").replace("`[a-z0-9-]+`", "`[a-z0-9_-]+`");
    let caught = std::panic::catch_unwind(|| check("drifted", &drifted));
    assert!(caught.is_err(), "a wrong class went unnoticed");
}
