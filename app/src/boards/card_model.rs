//! What a card's own page shows: its description, labels, assignees,
//! checklist, comments, links and activity, and the badges a column shows.

use super::model::{BoardMember, CardSummary};
use serde::{Deserialize, Serialize};

/// The colours labels and covers may take (CSS classes `swatch--<name>`).
pub const PALETTE: [&str; 8] = [
    "green", "yellow", "orange", "red", "purple", "blue", "sky", "grey",
];

/// Whether `name` is one of the [`PALETTE`] colours.
pub fn is_colour(name: &str) -> bool {
    PALETTE.contains(&name)
}

/// The longest description, in characters.
pub const MAX_DESCRIPTION: usize = 20_000;
/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;
/// The longest label name or checklist item, in characters.
pub const MAX_ITEM: usize = 200;

/// A label as a card shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelTag {
    /// The label.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// Its colour (one of [`PALETTE`]).
    pub colour: String,
}

/// What a column shows on a card besides its title.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardBadges {
    /// Its labels, by name.
    pub labels: Vec<LabelTag>,
    /// Its assignees' display names, by name.
    pub assignees: Vec<String>,
    /// Checklist items done.
    pub checklist_done: u32,
    /// Checklist items in all.
    pub checklist_total: u32,
    /// Comments on it.
    pub comments: u32,
}

/// A board label, and whether this card carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelChoice {
    /// The label.
    pub label: LabelTag,
    /// Whether the card has it.
    pub on: bool,
}

/// A board member, and whether they are assigned to this card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssigneeChoice {
    /// The member.
    pub member: BoardMember,
    /// Whether they are assigned.
    pub on: bool,
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistEntry {
    /// The item.
    pub id: i32,
    /// What to do.
    pub text: String,
    /// Whether it is done.
    pub done: bool,
}

/// One comment, rendered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    /// The comment.
    pub id: i64,
    /// Who wrote it.
    pub author: String,
    /// Their username.
    pub author_username: String,
    /// Its Markdown, rendered to safe HTML on the server.
    pub html: String,
    /// Whether the viewer wrote it (and so may edit or delete it).
    pub mine: bool,
    /// Its Markdown source, for its author's edit form (empty for others).
    pub body: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// When its author last edited it, Unix milliseconds.
    pub edited_at: Option<i64>,
}

/// A link attached to a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    /// The link.
    pub id: i32,
    /// Its http(s) address.
    pub url: String,
    /// What it is called (the address when no title was given).
    pub title: String,
}

/// One line of a card's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityLine {
    /// What happened, as a sentence.
    pub line: String,
    /// Unix milliseconds.
    pub at: i64,
}

/// Whether a card is on the board, archived or in the trash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardPlace {
    /// On the board.
    Active,
    /// Put away, restorable.
    Archived,
    /// In the trash, restorable.
    Trashed,
}

/// A card's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDetail {
    /// The board it is on.
    pub board_id: i32,
    /// The board's name.
    pub board_title: String,
    /// The card as columns show it (title, version, due date, badges).
    pub card: CardSummary,
    /// Its column's name.
    pub column_name: String,
    /// On the board, archived or trashed.
    pub place: CardPlace,
    /// Its description's Markdown source.
    pub description: String,
    /// Its description rendered to safe HTML.
    pub description_html: String,
    /// Digests of its editable fields at this version, which the edit form
    /// sends back so a later save can be merged with others' changes.
    pub edit_base: String,
    /// The board's labels, each marked when the card has it.
    pub labels: Vec<LabelChoice>,
    /// The board's members, each marked when assigned.
    pub assignees: Vec<AssigneeChoice>,
    /// Its checklist, in order.
    pub checklist: Vec<ChecklistEntry>,
    /// Its comments, oldest first.
    pub comments: Vec<CommentView>,
    /// Its links.
    pub links: Vec<LinkView>,
    /// Its history, newest first.
    pub activity: Vec<ActivityLine>,
}

/// A card put away (archived or trashed), as the archive page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutAwayCard {
    /// The card.
    pub id: i32,
    /// Its title.
    pub title: String,
    /// Archived or trashed.
    pub place: CardPlace,
    /// Its version (restoring sends it).
    pub version: i32,
    /// When it last changed, Unix milliseconds.
    pub updated_at: i64,
}

/// A column as the column settings page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSetting {
    /// The column.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// Its soft limit on cards, if any.
    pub wip_limit: Option<i32>,
    /// Its version (changes send it).
    pub version: i32,
    /// Whether it is archived.
    pub archived: bool,
    /// Cards in it (on the board).
    pub cards: usize,
}

/// The percentage of a checklist that is done (0 when empty).
pub fn progress(done: u32, total: u32) -> u32 {
    (done * 100).checked_div(total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rounds_down_and_handles_an_empty_list() {
        assert_eq!(progress(0, 0), 0);
        assert_eq!(progress(1, 3), 33);
        assert_eq!(progress(3, 3), 100);
    }

    #[test]
    fn only_palette_colours_are_colours() {
        assert!(is_colour("green"));
        assert!(!is_colour("javascript:alert(1)"));
        assert!(!is_colour(""));
    }
}
