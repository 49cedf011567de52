//! Comments on a card: writing one (its @mentions notify board members),
//! and its author editing or deleting it.

use super::card_edit::{card_path, push};
use super::service::{invalid, member_card, record};
use crate::accounts::model::CurrentUser;
use crate::boards::card_model::MAX_COMMENT;
use crate::boards::mentions::mentioned;
use crate::entity::{board_member, card, card_comment, user};
use crate::error::AppError;
use crate::live::server::hub::now_ms;
use crate::notifications::model::NotificationKind;
use crate::notifications::server::raise::{Notice, raise};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};

/// A comment's text, checked.
fn body_of(raw: &str) -> Result<String, AppError> {
    crate::text::text(raw, MAX_COMMENT, Some("Write a comment first."))
        .map_err(|m| invalid("body", m, raw))
}

/// Adds a comment. Each board member it @mentions (other than the writer)
/// is notified; a name that is not on the board is left as plain text.
pub async fn comment(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    raw: &str,
) -> Result<(), AppError> {
    let body = body_of(raw)?;
    let txn = state.db.begin().await?;
    let c = member_card(&txn, card_id, user.id).await?;
    card_comment::ActiveModel {
        card_id: Set(c.id),
        author_id: Set(user.id),
        body: Set(body.clone()),
        created_at: Set(now_ms()),
        edited_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let notices = mention_notices(&txn, user, &c, &body, "").await?;
    let stored = raise(&txn, notices).await?;
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} commented", user.display_name),
    )
    .await?;
    txn.commit().await?;
    crate::live::server::log::publish(&state.live, stored);
    push(state, &c, user.id).await
}

/// Changes a comment's text; only its author may. A member newly
/// @mentioned by the edit is notified (those named before are not again).
pub async fn edit_comment(
    state: &AppState,
    user: &CurrentUser,
    comment_id: i64,
    raw: &str,
) -> Result<(), AppError> {
    let body = body_of(raw)?;
    let txn = state.db.begin().await?;
    let (old, c) = own_comment(&txn, comment_id, user).await?;
    if old.body == body {
        return Ok(());
    }
    card_comment::Entity::update_many()
        .col_expr(card_comment::Column::Body, Expr::value(body.clone()))
        .col_expr(card_comment::Column::EditedAt, Expr::value(now_ms()))
        .filter(card_comment::Column::Id.eq(old.id))
        .exec(&txn)
        .await?;
    let notices = mention_notices(&txn, user, &c, &body, &old.body).await?;
    let stored = raise(&txn, notices).await?;
    txn.commit().await?;
    crate::live::server::log::publish(&state.live, stored);
    push(state, &c, user.id).await
}

/// Deletes a comment; only its author may. The card's activity keeps
/// that it was deleted.
pub async fn delete_comment(
    state: &AppState,
    user: &CurrentUser,
    comment_id: i64,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let (old, c) = own_comment(&txn, comment_id, user).await?;
    let gone = card_comment::Entity::delete_many()
        .filter(card_comment::Column::Id.eq(old.id))
        .exec(&txn)
        .await?;
    if gone.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} deleted a comment", user.display_name),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// A comment and its card, when `user` wrote it and is still on the
/// board. Someone else's comment is Forbidden to members and not found to
/// anyone else (as every card endpoint answers strangers).
async fn own_comment(
    db: &impl ConnectionTrait,
    comment_id: i64,
    user: &CurrentUser,
) -> Result<(card_comment::Model, card::Model), AppError> {
    let comment = card_comment::Entity::find_by_id(comment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = member_card(db, comment.card_id, user.id).await?;
    if comment.author_id != user.id {
        return Err(AppError::forbidden());
    }
    Ok((comment, c))
}

/// Notices for the board members `body` @mentions that `before` did not
/// (other than the writer).
async fn mention_notices(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    c: &card::Model,
    body: &str,
    before: &str,
) -> Result<Vec<Notice>, AppError> {
    let earlier = mentioned(before);
    let names: Vec<String> = mentioned(body)
        .into_iter()
        .filter(|n| !earlier.contains(n))
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let members: Vec<i32> = board_member::Entity::find()
        .select_only()
        .column(board_member::Column::UserId)
        .filter(board_member::Column::BoardId.eq(c.board_id))
        .into_tuple()
        .all(db)
        .await?;
    let named: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Username.is_in(names))
        .filter(user::Column::Id.is_in(members))
        .filter(user::Column::Id.ne(user.id))
        .into_tuple()
        .all(db)
        .await?;
    let excerpt: String = body.chars().take(140).collect();
    Ok(named
        .into_iter()
        .map(|person| {
            Notice::new(
                person,
                NotificationKind::CardMention,
                format!("{} mentioned you on “{}”", user.display_name, c.title),
                card_path(c),
            )
            .body(excerpt.clone())
        })
        .collect())
}
