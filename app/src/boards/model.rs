//! What board pages show and what the live board topic carries.

use serde::{Deserialize, Serialize};

/// Cards a column sends at first (a screenful and more), so a 5,000-card
/// board loads fast; the rest come a page at a time when the viewer
/// scrolls to the column's end or presses "Show more".
pub const CARDS_AT_FIRST: usize = 30;

/// Cards each further page of a column brings.
pub const CARDS_PER_PAGE: usize = 100;

/// A column shown further than its first cards: `show=COLUMN:COUNT` in a
/// board's address, which is what "Show more" links to (so it works
/// without JavaScript; with it, the next page is fetched in place).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShowMore {
    /// The column.
    pub column: i32,
    /// How many of its cards to send.
    pub cards: usize,
}

impl ShowMore {
    /// The most cards one column sends this way.
    pub const MAX_CARDS: usize = 2_000;

    /// Reads `COLUMN:COUNT`; anything else is ignored.
    pub fn parse(raw: &str) -> Option<Self> {
        let (column, cards) = raw.trim().split_once(':')?;
        Some(Self {
            column: column.parse().ok()?,
            cards: cards
                .parse::<usize>()
                .ok()?
                .clamp(CARDS_AT_FIRST, Self::MAX_CARDS),
        })
    }

    /// The board address that shows `column` up to `cards` cards, keeping
    /// the board's search and filters.
    pub fn href(board: i32, filter: &CardFilter, column: i32, cards: usize) -> String {
        let mut query: Vec<String> = ["q", "label", "assignee", "due"]
            .iter()
            .zip(filter.to_query())
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::ui::widgets::urlencode(&v)))
            .collect();
        query.push(format!("show={column}:{cards}"));
        format!("/boards/{board}?{}#column-{column}", query.join("&"))
    }
}

/// The columns every new board starts with.
pub const DEFAULT_COLUMNS: [&str; 4] = ["To do", "In progress", "Review", "Done"];

/// A line in the board list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSummary {
    /// The board.
    pub id: i32,
    /// Its name.
    pub title: String,
    /// Whether it belongs to a hired team (otherwise it is personal).
    pub team: bool,
    /// Cards on it (not archived or trashed).
    pub cards: i64,
}

/// A board member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMember {
    /// Their account.
    pub user_id: i32,
    /// Their username.
    pub username: String,
    /// Their display name.
    pub display_name: String,
}

/// A card as a column shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSummary {
    /// The card.
    pub id: i32,
    /// Its column.
    pub column_id: i32,
    /// Its fractional rank in the column (orders the column).
    pub rank: String,
    /// Its title.
    pub title: String,
    /// Bumped on every change.
    pub version: i32,
    /// Due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// Whether the due date has passed (judged by the server, UTC).
    pub overdue: bool,
    /// The contract milestone it tracks.
    pub milestone_id: Option<i32>,
    /// Its cover colour (one of the palette's), if any.
    #[serde(default)]
    pub cover: Option<String>,
    /// Labels, assignees, checklist progress and comment count.
    #[serde(default)]
    pub badges: super::card_model::CardBadges,
}

/// A column with its first cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    /// The column.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// A soft limit on its cards.
    pub wip_limit: Option<i32>,
    /// Bumped on every change.
    pub version: i32,
    /// How many cards it holds.
    pub total: usize,
    /// How many of them match the board's filters (all when unfiltered).
    #[serde(default)]
    pub matching: usize,
    /// Its first cards, in order.
    pub cards: Vec<CardSummary>,
}

impl ColumnView {
    /// Whether it holds more cards than its WIP limit.
    pub fn over_limit(&self) -> bool {
        self.wip_limit
            .is_some_and(|limit| self.total > limit.max(0) as usize)
    }
}

/// A board as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    /// The board.
    pub id: i32,
    /// Its name.
    pub title: String,
    /// The team's gig, for a contract board.
    pub gig_id: Option<i32>,
    /// Who may read and change it.
    pub members: Vec<BoardMember>,
    /// Its columns, in order (archived ones left out).
    pub columns: Vec<ColumnView>,
    /// The signed-in member.
    pub me: i32,
    /// Whether the signed-in member may invite people (the owner of a
    /// personal board).
    pub can_invite: bool,
    /// The board's labels, by name (for the label filter).
    #[serde(default)]
    pub labels: Vec<super::card_model::LabelTag>,
    /// The search and filters the cards were picked by.
    #[serde(default)]
    pub filter: CardFilter,
}

/// Due dates a board can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueFilter {
    /// Due before today.
    Overdue,
    /// Due today or in the next seven days.
    Soon,
}

impl DueFilter {
    /// The name used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::Soon => "soon",
        }
    }

    /// The filter a URL names, if any.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "overdue" => Some(Self::Overdue),
            "soon" => Some(Self::Soon),
            _ => None,
        }
    }
}

/// Which cards a board shows: all, or those matching a text search, a
/// label, an assignee and a due date (kept in the page's URL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFilter {
    /// Words in the title (case-insensitive).
    pub q: String,
    /// Cards with this label.
    pub label: Option<i32>,
    /// Cards assigned to this member.
    pub assignee: Option<i32>,
    /// Overdue cards, or cards due soon.
    pub due: Option<DueFilter>,
}

impl CardFilter {
    /// The filter a URL's `q`, `label`, `assignee` and `due` describe;
    /// values that name nothing are left out.
    pub fn from_query(q: &str, label: &str, assignee: &str, due: &str) -> Self {
        Self {
            q: q.trim().chars().take(200).collect(),
            label: label.trim().parse().ok(),
            assignee: assignee.trim().parse().ok(),
            due: DueFilter::parse(due.trim()),
        }
    }

    /// Its `q`, `label`, `assignee` and `due` as a URL carries them.
    pub fn to_query(&self) -> [String; 4] {
        [
            self.q.clone(),
            self.label.map(|l| l.to_string()).unwrap_or_default(),
            self.assignee.map(|a| a.to_string()).unwrap_or_default(),
            self.due.map(|d| d.as_str().to_string()).unwrap_or_default(),
        ]
    }

    /// Whether it shows every card.
    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.label.is_none() && self.assignee.is_none() && self.due.is_none()
    }
}

impl BoardView {
    /// Where a card is: its column's index and its index there.
    pub fn locate(&self, card: i32) -> Option<(usize, usize)> {
        self.columns.iter().enumerate().find_map(|(c, column)| {
            column
                .cards
                .iter()
                .position(|k| k.id == card)
                .map(|i| (c, i))
        })
    }

    /// Puts `card` where its column and rank say, replacing its old place
    /// (a live or optimistic update). Counts follow.
    pub fn place(&mut self, card: CardSummary) {
        self.remove(card.id);
        if let Some(column) = self.columns.iter_mut().find(|c| c.id == card.column_id) {
            let at = column.cards.partition_point(|k| k.rank < card.rank);
            let shown_all = column.cards.len() == column.matching;
            if at < column.cards.len() || shown_all {
                column.cards.insert(at, card);
            }
            column.total += 1;
            column.matching += 1;
        }
    }

    /// Moves a card to `index` of the column at position `column` (indices
    /// into what is shown), as a drag or a keyboard move does before the
    /// server answers; the server's answer then sets its rank.
    pub fn move_to(&mut self, card: i32, column: usize, index: usize) {
        let Some((c, i)) = self.locate(card) else {
            return;
        };
        if column >= self.columns.len() {
            return;
        }
        let mut moving = self.columns[c].cards.remove(i);
        self.columns[c].total = self.columns[c].total.saturating_sub(1);
        self.columns[c].matching = self.columns[c].matching.saturating_sub(1);
        let target = &mut self.columns[column];
        moving.column_id = target.id;
        let index = index.min(target.cards.len());
        target.cards.insert(index, moving);
        target.total += 1;
        target.matching += 1;
    }

    /// Adds the next page of a column's cards after those shown (cards
    /// already shown, say after a live move, are not repeated).
    pub fn append(&mut self, column: i32, cards: Vec<CardSummary>) {
        let shown: std::collections::HashSet<i32> = self
            .columns
            .iter()
            .flat_map(|c| c.cards.iter().map(|k| k.id))
            .collect();
        if let Some(column) = self.columns.iter_mut().find(|c| c.id == column) {
            column
                .cards
                .extend(cards.into_iter().filter(|k| !shown.contains(&k.id)));
        }
    }

    /// Takes a card off the board (moved away, archived or trashed).
    pub fn remove(&mut self, card: i32) {
        for column in &mut self.columns {
            if let Some(i) = column.cards.iter().position(|k| k.id == card) {
                column.cards.remove(i);
                column.total = column.total.saturating_sub(1);
                column.matching = column.matching.saturating_sub(1);
            }
        }
    }
}

/// A change to a board, pushed to everyone viewing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum BoardChange {
    /// A card was added, moved or edited: put it where its rank says.
    Card {
        /// The card as it is now.
        card: CardSummary,
        /// Who did it.
        by: i32,
    },
    /// A card left the board (archived or trashed).
    CardGone {
        /// The card.
        id: i32,
        /// Who did it.
        by: i32,
    },
    /// Columns, members or many ranks changed: fetch the board again.
    Reload {
        /// Who did it (0: Guild).
        by: i32,
    },
}

/// Where a card can go: the form behind "Move…".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveTarget {
    /// The column.
    pub column_id: i32,
    /// The column's name.
    pub name: String,
    /// How many cards it has (positions run 1 to this plus one).
    pub total: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: i32, column_id: i32, rank: &str) -> CardSummary {
        CardSummary {
            id,
            column_id,
            rank: rank.into(),
            title: format!("Card {id}"),
            version: 1,
            due_on: None,
            overdue: false,
            milestone_id: None,
            cover: None,
            badges: Default::default(),
        }
    }

    fn board() -> BoardView {
        let column = |id, cards: Vec<CardSummary>| ColumnView {
            id,
            name: format!("Column {id}"),
            wip_limit: Some(1),
            version: 1,
            total: cards.len(),
            matching: cards.len(),
            cards,
        };
        BoardView {
            id: 1,
            title: "Board".into(),
            gig_id: None,
            members: vec![],
            columns: vec![
                column(10, vec![card(1, 10, "40"), card(2, 10, "80")]),
                column(20, vec![card(3, 20, "80")]),
            ],
            me: 1,
            can_invite: false,
            labels: vec![],
            filter: CardFilter::default(),
        }
    }

    #[test]
    fn show_more_reads_a_column_and_a_bounded_count() {
        assert_eq!(
            ShowMore::parse("12:130"),
            Some(ShowMore {
                column: 12,
                cards: 130
            })
        );
        assert_eq!(
            ShowMore::parse("12:999999").map(|s| s.cards),
            Some(ShowMore::MAX_CARDS)
        );
        assert_eq!(
            ShowMore::parse("12:1").map(|s| s.cards),
            Some(CARDS_AT_FIRST)
        );
        assert_eq!(ShowMore::parse("twelve:5"), None);
        assert_eq!(ShowMore::parse(""), None);
        let filter = CardFilter::from_query("logo & co", "", "", "soon");
        assert_eq!(
            ShowMore::href(3, &filter, 12, 130),
            "/boards/3?q=logo+%26+co&due=soon&show=12:130#column-12"
        );
    }

    #[test]
    fn placing_a_card_moves_it_by_rank() {
        let mut b = board();
        b.place(card(1, 20, "8180"));
        assert_eq!(b.locate(1), Some((1, 1)));
        assert_eq!(b.columns[0].total, 1);
        assert_eq!(b.columns[1].total, 2);
        assert!(b.columns[1].over_limit());
        assert!(!b.columns[0].over_limit());
        b.place(card(1, 20, "3f80"));
        assert_eq!(b.locate(1), Some((1, 0)));
        assert_eq!(b.columns[1].total, 2);
    }

    #[test]
    fn moving_by_index_keeps_counts_and_order() {
        let mut b = board();
        b.move_to(2, 1, 0);
        assert_eq!(b.locate(2), Some((1, 0)));
        assert_eq!(b.columns[1].cards[0].column_id, 20);
        assert_eq!((b.columns[0].total, b.columns[1].total), (1, 2));
        b.move_to(2, 1, 99);
        assert_eq!(b.locate(2), Some((1, 1)));
        b.move_to(2, 7, 0);
        assert_eq!(b.locate(2), Some((1, 1)), "no such column: nothing moves");
    }

    #[test]
    fn filters_from_a_url_keep_what_names_something() {
        let f = CardFilter::from_query("  logo ", "7", "x", "soon");
        assert_eq!(f.q, "logo");
        assert_eq!(f.label, Some(7));
        assert_eq!(f.assignee, None);
        assert_eq!(f.due, Some(DueFilter::Soon));
        assert!(!f.is_empty());
        assert!(CardFilter::from_query("", "", "", "whenever").is_empty());
    }

    #[test]
    fn a_next_page_adds_only_cards_not_shown() {
        let mut b = board();
        b.columns[0].total = 4;
        b.columns[0].matching = 4;
        b.append(
            10,
            vec![card(2, 10, "80"), card(5, 10, "c0"), card(6, 10, "e0")],
        );
        let ids: Vec<i32> = b.columns[0].cards.iter().map(|k| k.id).collect();
        assert_eq!(ids, [1, 2, 5, 6]);
        assert_eq!(b.columns[0].total, 4, "counts come from the server");
    }

    #[test]
    fn a_card_beyond_the_shown_ones_is_counted_not_shown() {
        let mut b = board();
        b.columns[0].total = 5;
        b.columns[0].matching = 5;
        b.place(card(9, 10, "ff80"));
        assert_eq!(b.locate(9), None);
        assert_eq!(b.columns[0].total, 6);
        b.remove(1);
        assert_eq!(b.columns[0].total, 5);
    }
}
