//! Reading one card's page, and a board's archived and trashed cards.

use super::access::member_board;
use super::load::{card_summary, labels as board_labels, members};
use crate::boards::card_model::{
    ActivityLine, AssigneeChoice, CardDetail, CardPlace, ChecklistEntry, CommentView, LabelChoice,
    LinkView, PutAwayCard,
};
use crate::boards::markdown::render;
use crate::entity::{
    board_column, card, card_activity, card_assignee, card_comment, card_link, checklist_item, user,
};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// How many lines of a card's history its page shows.
pub const ACTIVITY_SHOWN: u64 = 50;

/// Where a card is, as pages say it.
pub fn place_of(state: card::State) -> CardPlace {
    match state {
        card::State::Active => CardPlace::Active,
        card::State::Archived => CardPlace::Archived,
        card::State::Trashed => CardPlace::Trashed,
    }
}

/// A card's page, for a member of its board (others: not found).
pub async fn detail(
    db: &impl ConnectionTrait,
    card_id: i32,
    me: i32,
) -> Result<CardDetail, AppError> {
    let c = card::Entity::find_by_id(card_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let b = member_board(db, c.board_id, me).await?;
    let column_name = board_column::Entity::find_by_id(c.column_id)
        .one(db)
        .await?
        .map(|col| col.name)
        .unwrap_or_default();
    let summary = card_summary(db, &c).await?;
    let labels = board_labels(db, b.id)
        .await?
        .into_iter()
        .map(|label| LabelChoice {
            on: summary.badges.labels.iter().any(|t| t.id == label.id),
            label,
        })
        .collect();
    let assigned: Vec<i32> = card_assignee::Entity::find()
        .select_only()
        .column(card_assignee::Column::UserId)
        .filter(card_assignee::Column::CardId.eq(c.id))
        .into_tuple()
        .all(db)
        .await?;
    let assignees = members(db, b.id)
        .await?
        .into_iter()
        .map(|m| AssigneeChoice {
            on: assigned.contains(&m.user_id),
            member: m,
        })
        .collect();
    let checklist = checklist_item::Entity::find()
        .filter(checklist_item::Column::CardId.eq(c.id))
        .order_by_asc(checklist_item::Column::Rank)
        .order_by_asc(checklist_item::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|i| ChecklistEntry {
            id: i.id,
            text: i.text,
            done: i.done,
        })
        .collect();
    let links = card_link::Entity::find()
        .filter(card_link::Column::CardId.eq(c.id))
        .order_by_asc(card_link::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|l| LinkView {
            id: l.id,
            url: l.url,
            title: l.title,
        })
        .collect();
    let activity = card_activity::Entity::find()
        .filter(card_activity::Column::CardId.eq(c.id))
        .order_by_desc(card_activity::Column::Id)
        .limit(ACTIVITY_SHOWN)
        .all(db)
        .await?
        .into_iter()
        .map(|a| ActivityLine {
            line: a.line,
            at: a.created_at,
        })
        .collect();
    Ok(CardDetail {
        board_id: b.id,
        board_title: b.title,
        column_name,
        place: place_of(c.state),
        description_html: render(&c.description),
        edit_base: super::merge::base_of(&super::card_edit::fields_of(&c)),
        description: c.description,
        labels,
        assignees,
        checklist,
        comments: comments(db, c.id, me).await?,
        links,
        activity,
        card: summary,
    })
}

/// A card's comments, oldest first, with their authors' names.
async fn comments(
    db: &impl ConnectionTrait,
    card_id: i32,
    me: i32,
) -> Result<Vec<CommentView>, AppError> {
    let rows = card_comment::Entity::find()
        .filter(card_comment::Column::CardId.eq(card_id))
        .order_by_asc(card_comment::Column::Id)
        .all(db)
        .await?;
    let mut authors: Vec<i32> = rows.iter().map(|r| r.author_id).collect();
    authors.sort_unstable();
    authors.dedup();
    let names: HashMap<i32, (String, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .column(user::Column::Username)
        .filter(user::Column::Id.is_in(authors))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name, username)| (id, (name, username)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let (author, author_username) = names.get(&r.author_id).cloned().unwrap_or_default();
            CommentView {
                id: r.id,
                author,
                author_username,
                html: render(&r.body),
                mine: r.author_id == me,
                body: if r.author_id == me {
                    r.body
                } else {
                    String::new()
                },
                created_at: r.created_at,
                edited_at: r.edited_at,
            }
        })
        .collect())
}

/// A board's archived and trashed cards, most recently put away first
/// (members only).
pub async fn put_away(
    db: &impl ConnectionTrait,
    board_id: i32,
    me: i32,
) -> Result<Vec<PutAwayCard>, AppError> {
    member_board(db, board_id, me).await?;
    Ok(card::Entity::find()
        .filter(card::Column::BoardId.eq(board_id))
        .filter(card::Column::State.ne(card::State::Active))
        .order_by_desc(card::Column::UpdatedAt)
        .order_by_desc(card::Column::Id)
        .limit(500)
        .all(db)
        .await?
        .into_iter()
        .map(|c| PutAwayCard {
            id: c.id,
            title: c.title,
            place: place_of(c.state),
            version: c.version,
            updated_at: c.updated_at,
        })
        .collect())
}
