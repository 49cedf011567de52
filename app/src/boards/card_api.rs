//! `/api/boards/card/*` server functions for a card's own page, and the
//! board's archive. Every one checks the caller is on the card's board
//! (others get "not found"); all work as plain forms without JavaScript.

use super::card_model::{CardDetail, PutAwayCard};
use crate::error::AppError;
use leptos::prelude::*;

/// A card's page: text, labels, assignees, checklist, comments, links and
/// activity.
#[server(prefix = "/api", endpoint = "boards/card/get")]
pub async fn load_card(card_id: i32) -> Result<CardDetail, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_load::detail(&state.db, card_id, user.id).await
}

/// Saves a card's title, description (Markdown), due date and cover.
/// `version` and `base` are the version and field digests the writer saw:
/// a save against a newer version merges field by field, and only a field
/// both people changed is a Conflict (which keeps what was typed).
#[server(prefix = "/api", endpoint = "boards/card/edit")]
pub async fn edit_card(
    card_id: i32,
    version: i32,
    #[server(default)] base: String,
    title: String,
    #[server(default)] description: String,
    #[server(default)] due_on: String,
    #[server(default)] cover: String,
) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let input = super::server::card_edit::CardEdit {
        title,
        description,
        due_on,
        cover,
    };
    super::server::card_edit::edit(&state, &user, card_id, version, &base, &input).await
}

/// Puts a board label on a card (`on`) or takes it off.
#[server(prefix = "/api", endpoint = "boards/card/label")]
pub async fn set_card_label(card_id: i32, label_id: i32, on: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::set_label(&state, &user, card_id, label_id, on).await
}

/// Creates a board label and, with `card_id`, puts it on that card.
#[server(prefix = "/api", endpoint = "boards/label/create")]
pub async fn create_label(
    board_id: i32,
    name: String,
    colour: String,
    #[server(default)] card_id: Option<i32>,
) -> Result<i32, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::create_label(&state, &user, board_id, &name, &colour, card_id).await
}

/// Assigns a board member to a card (`on`) or unassigns them.
#[server(prefix = "/api", endpoint = "boards/card/assign")]
pub async fn set_card_assignee(card_id: i32, user_id: i32, on: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::set_assignee(&state, &user, card_id, user_id, on).await
}

/// Adds an item to a card's checklist.
#[server(prefix = "/api", endpoint = "boards/card/checklist/add")]
pub async fn add_checklist_item(card_id: i32, text: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::add_checklist_item(&state, &user, card_id, &text).await
}

/// Ticks a checklist item off (`done`) or opens it again.
#[server(prefix = "/api", endpoint = "boards/card/checklist/set")]
pub async fn set_checklist_item(item_id: i32, done: bool) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::set_checklist_item(&state, &user, item_id, done).await
}

/// Removes a checklist item.
#[server(prefix = "/api", endpoint = "boards/card/checklist/remove")]
pub async fn remove_checklist_item(item_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::remove_checklist_item(&state, &user, item_id).await
}

/// Comments on a card; an @mention of a board member notifies them.
#[server(prefix = "/api", endpoint = "boards/card/comment")]
pub async fn comment_on_card(card_id: i32, body: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::comments::comment(&state, &user, card_id, &body).await
}

/// Changes the text of a comment the caller wrote.
#[server(prefix = "/api", endpoint = "boards/card/comment/edit")]
pub async fn edit_card_comment(comment_id: i64, body: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::comments::edit_comment(&state, &user, comment_id, &body).await
}

/// Deletes a comment the caller wrote.
#[server(prefix = "/api", endpoint = "boards/card/comment/delete")]
pub async fn delete_card_comment(comment_id: i64) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::comments::delete_comment(&state, &user, comment_id).await
}

/// Attaches a link to a card.
#[server(prefix = "/api", endpoint = "boards/card/link/add")]
pub async fn add_card_link(
    card_id: i32,
    url: String,
    #[server(default)] link_title: String,
) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::add_link(&state, &user, card_id, &url, &link_title).await
}

/// Removes a link from a card.
#[server(prefix = "/api", endpoint = "boards/card/link/remove")]
pub async fn remove_card_link(link_id: i32) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_edit::remove_link(&state, &user, link_id).await
}

/// A board's archived and trashed cards (the archive page).
#[server(prefix = "/api", endpoint = "boards/put-away")]
pub async fn put_away_cards(board_id: i32) -> Result<Vec<PutAwayCard>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::card_load::put_away(&state.db, board_id, user.id).await
}
