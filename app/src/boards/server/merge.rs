//! Merging two people's saves of one card's text, field by field (as Jira
//! and Trello do): the edit form carries a digest of each field as the
//! writer saw it (its "base"), so a save against a newer version keeps the
//! other person's changes to fields the writer left alone, and is refused
//! only for a field both changed differently.

use sha2::{Digest, Sha256};

/// The fields of a card's edit form, in order: title, description, due
/// date (`YYYY-MM-DD` or empty) and cover colour (or empty).
pub type EditFields = [String; 4];

/// The names of [`EditFields`], as the form and its errors call them.
pub const FIELD_NAMES: [&str; 4] = ["title", "description", "due_on", "cover"];

/// What merging a stale save gives.
#[derive(Debug, PartialEq, Eq)]
pub enum Merged {
    /// The fields to store: the writer's changes over the newer version.
    Clean(EditFields),
    /// The fields (indexes into [`FIELD_NAMES`]) both people changed to
    /// different values.
    Clash(Vec<usize>),
}

/// The base an edit form carries: a short digest of each field.
pub fn base_of(fields: &EditFields) -> String {
    fields
        .iter()
        .map(|f| digest(f))
        .collect::<Vec<_>>()
        .join(".")
}

/// Merges a save made from `base` into `current` (the card's fields now).
/// `None` when the base cannot be read (an old form): the caller refuses
/// the save as before.
pub fn merge(base: &str, typed: &EditFields, current: &EditFields) -> Option<Merged> {
    let seen: Vec<&str> = base.split('.').collect();
    if seen.len() != FIELD_NAMES.len() {
        return None;
    }
    let mut out = current.clone();
    let mut clashes = Vec::new();
    for i in 0..FIELD_NAMES.len() {
        let mine_changed = digest(&typed[i]) != seen[i];
        let theirs_changed = digest(&current[i]) != seen[i];
        match (mine_changed, theirs_changed) {
            (false, _) => {}
            (true, false) => out[i] = typed[i].clone(),
            (true, true) if same(&typed[i], &current[i]) => {}
            (true, true) => clashes.push(i),
        }
    }
    Some(if clashes.is_empty() {
        Merged::Clean(out)
    } else {
        Merged::Clash(clashes)
    })
}

/// Line endings differ between browsers' form posts; they never count as
/// a change.
fn normalised(text: &str) -> String {
    text.replace("\r\n", "\n")
}

fn same(a: &str, b: &str) -> bool {
    normalised(a) == normalised(b)
}

fn digest(text: &str) -> String {
    let hash = Sha256::digest(normalised(text).as_bytes());
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str, description: &str) -> EditFields {
        [
            title.into(),
            description.into(),
            String::new(),
            String::new(),
        ]
    }

    #[test]
    fn changes_to_different_fields_both_survive() {
        let seen = fields("Home page", "Plan");
        let base = base_of(&seen);
        let mine = fields("Home page", "Plan with photos");
        let theirs = fields("Landing page", "Plan");
        assert_eq!(
            merge(&base, &mine, &theirs),
            Some(Merged::Clean(fields("Landing page", "Plan with photos")))
        );
    }

    #[test]
    fn a_field_both_changed_differently_clashes() {
        let base = base_of(&fields("Home page", "Plan"));
        let mine = fields("Home", "Plan");
        let theirs = fields("Landing", "Plan");
        assert_eq!(merge(&base, &mine, &theirs), Some(Merged::Clash(vec![0])));
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_clash() {
        let base = base_of(&fields("Home page", "a\nb"));
        let mine = fields("Home page", "a\r\nb\r\nc");
        let theirs = fields("Home page", "a\nb\nc");
        assert_eq!(
            merge(&base, &mine, &theirs),
            Some(Merged::Clean(theirs.clone()))
        );
    }

    #[test]
    fn an_unreadable_base_is_no_merge() {
        let now = fields("Home page", "Plan");
        assert_eq!(merge("", &now, &now), None);
        assert_eq!(merge("a.b", &now, &now), None);
    }
}
