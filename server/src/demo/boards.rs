//! Demo boards: every team board gets labels, its milestone cards assigned
//! to the freelancer, a few working cards with checklists, a description
//! and a comment that mentions the freelancer, all made through the same
//! services people use, so the activity logs read as real history.

use app::accounts::model::CurrentUser;
use app::boards::server::card_edit::{self, CardEdit};
use app::boards::server::comments;
use app::boards::server::{load, service};
use app::entity::{board, board_member, card, checklist_item};
use app::error::AppError;
use app::state::AppState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The labels every demo team board has: (name, colour).
const LABELS: [(&str, &str); 4] = [
    ("Design", "purple"),
    ("Build", "blue"),
    ("Content", "green"),
    ("Urgent", "red"),
];

/// Working cards beside the milestones: (title, column index, label,
/// checklist, items done).
const WORK: [(&str, usize, &str, &[&str], usize); 3] = [
    (
        "Collect product photos",
        0,
        "Content",
        &[
            "Shortlist 20 photos",
            "Ask for the originals",
            "Crop for the shop",
        ],
        1,
    ),
    (
        "Set up hosting",
        1,
        "Build",
        &["Choose a plan", "Point the domain", "Turn on HTTPS"],
        2,
    ),
    (
        "Agree on the colour palette",
        2,
        "Design",
        &["Three options", "Pick one"],
        2,
    ),
];

/// What was seeded.
#[derive(Debug, Clone, Copy, Default)]
pub struct BoardCounts {
    /// Team boards filled in.
    pub boards: usize,
    /// Cards on them.
    pub cards: usize,
}

/// Fills in every team board (after the marketplace made them).
pub async fn seed(
    state: &AppState,
    users: &HashMap<String, CurrentUser>,
) -> Result<BoardCounts, AppError> {
    let by_id: HashMap<i32, &CurrentUser> = users.values().map(|u| (u.id, u)).collect();
    let mut counts = BoardCounts::default();
    let boards = board::Entity::find()
        .filter(board::Column::Kind.eq(board::Kind::Contract))
        .order_by_asc(board::Column::Id)
        .all(&state.db)
        .await?;
    for b in boards {
        let members = board_member::Entity::find()
            .filter(board_member::Column::BoardId.eq(b.id))
            .all(&state.db)
            .await?;
        let Some(client) = by_id.get(&b.owner_id) else {
            continue;
        };
        let Some(freelancer) = members
            .iter()
            .filter(|m| m.user_id != b.owner_id)
            .find_map(|m| by_id.get(&m.user_id))
        else {
            continue;
        };
        counts.cards += fill(state, &b, client, freelancer).await?;
        counts.boards += 1;
    }
    Ok(counts)
}

/// Labels, assignments, working cards, a description and a comment on one
/// board; returns how many cards it holds.
async fn fill(
    state: &AppState,
    b: &board::Model,
    client: &CurrentUser,
    freelancer: &CurrentUser,
) -> Result<usize, AppError> {
    let mut labels: HashMap<&str, i32> = HashMap::new();
    for (name, colour) in LABELS {
        let id = card_edit::create_label(state, client, b.id, name, colour, None).await?;
        labels.insert(name, id);
    }
    let milestones = card::Entity::find()
        .filter(card::Column::BoardId.eq(b.id))
        .order_by_asc(card::Column::Id)
        .all(&state.db)
        .await?;
    for (i, c) in milestones.iter().enumerate() {
        card_edit::set_assignee(state, freelancer, c.id, freelancer.id, true).await?;
        let label = if i == 0 { "Design" } else { "Build" };
        if let Some(id) = labels.get(label) {
            card_edit::set_label(state, client, c.id, *id, true).await?;
        }
    }
    let columns = load::columns(&state.db, b.id).await?;
    for (title, column, label, checklist, done) in WORK {
        let Some(column) = columns.get(column) else {
            continue;
        };
        let added = service::add_card(state, client, b.id, column.id, title).await?;
        if let Some(id) = labels.get(label) {
            card_edit::set_label(state, client, added.id, *id, true).await?;
        }
        card_edit::set_assignee(state, client, added.id, freelancer.id, true).await?;
        for item in checklist.iter() {
            card_edit::add_checklist_item(state, freelancer, added.id, item).await?;
        }
        let items = checklist_item::Entity::find()
            .filter(checklist_item::Column::CardId.eq(added.id))
            .order_by_asc(checklist_item::Column::Rank)
            .all(&state.db)
            .await?;
        for item in items.iter().take(done) {
            card_edit::set_checklist_item(state, freelancer, item.id, true).await?;
        }
    }
    if let Some(first) = milestones.first() {
        let now = card::Entity::find_by_id(first.id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let edit = CardEdit {
            title: now.title.clone(),
            description: "What we agreed:\n\n- a **home page** with the story\n- a shop page per product\n- checkout on one page\n\nBrand sheet: [brand-sheet](https://example.com/brand-sheet)".into(),
            due_on: String::new(),
            cover: "purple".into(),
        };
        card_edit::edit(state, client, now.id, now.version, "", &edit).await?;
        comments::comment(
            state,
            client,
            now.id,
            &format!(
                "@{} could you post the first mock-ups here when they are ready?",
                freelancer.username
            ),
        )
        .await?;
        comments::comment(
            state,
            freelancer,
            now.id,
            "Will do: two directions by Friday, then we pick one.",
        )
        .await?;
    }
    Ok(milestones.len() + WORK.len())
}
