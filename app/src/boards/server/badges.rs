//! The badges a column shows on its cards (labels, assignees, checklist
//! progress, comment count), loaded for any number of cards in five
//! queries: never one per card.

use crate::boards::card_model::LabelTag;
use crate::boards::model::CardSummary;
use crate::entity::{board_label, card_assignee, card_comment, card_label, checklist_item, user};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Fills in the badges of `cards`.
pub async fn fill(db: &impl ConnectionTrait, cards: &mut [CardSummary]) -> Result<(), AppError> {
    if cards.is_empty() {
        return Ok(());
    }
    let ids: Vec<i32> = cards.iter().map(|c| c.id).collect();
    let labels = labels_of(db, &ids).await?;
    let assignees = assignees_of(db, &ids).await?;
    let checklists = checklists_of(db, &ids).await?;
    let comments: HashMap<i32, i64> = card_comment::Entity::find()
        .select_only()
        .column(card_comment::Column::CardId)
        .column_as(card_comment::Column::Id.count(), "n")
        .filter(card_comment::Column::CardId.is_in(ids))
        .group_by(card_comment::Column::CardId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for card in cards.iter_mut() {
        let badges = &mut card.badges;
        badges.labels = labels.get(&card.id).cloned().unwrap_or_default();
        badges.assignees = assignees.get(&card.id).cloned().unwrap_or_default();
        let (done, total) = checklists.get(&card.id).copied().unwrap_or((0, 0));
        badges.checklist_done = done;
        badges.checklist_total = total;
        badges.comments = comments.get(&card.id).copied().unwrap_or(0) as u32;
    }
    Ok(())
}

/// Each card's labels, by name.
async fn labels_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<LabelTag>>, AppError> {
    let pairs: Vec<(i32, i32)> = card_label::Entity::find()
        .select_only()
        .column(card_label::Column::CardId)
        .column(card_label::Column::LabelId)
        .filter(card_label::Column::CardId.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    if pairs.is_empty() {
        return Ok(HashMap::new());
    }
    let mut label_ids: Vec<i32> = pairs.iter().map(|(_, l)| *l).collect();
    label_ids.sort_unstable();
    label_ids.dedup();
    let tags: HashMap<i32, LabelTag> = board_label::Entity::find()
        .filter(board_label::Column::Id.is_in(label_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|l| {
            (
                l.id,
                LabelTag {
                    id: l.id,
                    name: l.name,
                    colour: l.color,
                },
            )
        })
        .collect();
    let mut by_card: HashMap<i32, Vec<LabelTag>> = HashMap::new();
    for (card, label) in pairs {
        if let Some(tag) = tags.get(&label) {
            by_card.entry(card).or_default().push(tag.clone());
        }
    }
    for list in by_card.values_mut() {
        list.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(by_card)
}

/// Each card's assignees' display names, by name.
async fn assignees_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let pairs: Vec<(i32, i32)> = card_assignee::Entity::find()
        .select_only()
        .column(card_assignee::Column::CardId)
        .column(card_assignee::Column::UserId)
        .filter(card_assignee::Column::CardId.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    if pairs.is_empty() {
        return Ok(HashMap::new());
    }
    let mut user_ids: Vec<i32> = pairs.iter().map(|(_, u)| *u).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let names: HashMap<i32, String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .filter(user::Column::Id.is_in(user_ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut by_card: HashMap<i32, Vec<String>> = HashMap::new();
    for (card, person) in pairs {
        if let Some(name) = names.get(&person) {
            by_card.entry(card).or_default().push(name.clone());
        }
    }
    for list in by_card.values_mut() {
        list.sort();
    }
    Ok(by_card)
}

/// Each card's checklist as (done, total).
async fn checklists_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, (u32, u32)>, AppError> {
    let rows: Vec<(i32, bool, i64)> = checklist_item::Entity::find()
        .select_only()
        .column(checklist_item::Column::CardId)
        .column(checklist_item::Column::Done)
        .column_as(checklist_item::Column::Id.count(), "n")
        .filter(checklist_item::Column::CardId.is_in(ids.to_vec()))
        .group_by(checklist_item::Column::CardId)
        .group_by(checklist_item::Column::Done)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_card: HashMap<i32, (u32, u32)> = HashMap::new();
    for (card, done, n) in rows {
        let entry = by_card.entry(card).or_default();
        entry.1 += n as u32;
        if done {
            entry.0 += n as u32;
        }
    }
    Ok(by_card)
}
