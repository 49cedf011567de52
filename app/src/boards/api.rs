//! `/api/boards/*` server functions. Every one checks that the caller is on
//! the board; writes carry the version the writer saw and are refused with
//! a Conflict when it is stale. They work as plain forms without JavaScript.

use super::model::{BoardSummary, BoardView, CardSummary, MoveTarget};
use crate::error::AppError;
use leptos::prelude::*;

/// The boards the signed-in user is on.
#[server(prefix = "/api", endpoint = "boards/list")]
pub async fn list_boards() -> Result<Vec<BoardSummary>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::load::mine(&state.db, user.id).await
}

/// One board with each column's first cards (members only), optionally
/// only the cards whose title contains `q`, that carry `label`, are
/// assigned to `assignee` or are due (`due`: `overdue` or `soon`); `show`
/// (`COLUMN:COUNT`) sends more of one column.
#[server(prefix = "/api", endpoint = "boards/get")]
pub async fn get_board(
    id: i32,
    #[server(default)] q: String,
    #[server(default)] label: String,
    #[server(default)] assignee: String,
    #[server(default)] due: String,
    #[server(default)] show: String,
) -> Result<BoardView, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let board = super::server::access::member_board(&state.db, id, user.id).await?;
    let filter = super::model::CardFilter::from_query(&q, &label, &assignee, &due);
    let more = super::model::ShowMore::parse(&show);
    super::server::load::board_view(&state.db, &board, user.id, &filter, more).await
}

/// More of a column's cards, from `offset` ("Show more"), picked by the
/// same search and filters as [`get_board`].
#[server(prefix = "/api", endpoint = "boards/column")]
pub async fn column_cards(
    board_id: i32,
    column_id: i32,
    offset: u32,
    #[server(default)] q: String,
    #[server(default)] label: String,
    #[server(default)] assignee: String,
    #[server(default)] due: String,
) -> Result<Vec<CardSummary>, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::access::member_board(&state.db, board_id, user.id).await?;
    let columns = super::server::load::columns(&state.db, board_id).await?;
    if !columns.iter().any(|c| c.id == column_id) {
        return Err(AppError::NotFound);
    }
    super::server::load::column_cards(
        &state.db,
        column_id,
        offset as u64,
        super::model::CARDS_PER_PAGE as u64,
        &super::model::CardFilter::from_query(&q, &label, &assignee, &due),
    )
    .await
}

/// Creates a personal board and goes to it.
#[server(prefix = "/api", endpoint = "boards/create")]
pub async fn create_board(title: String) -> Result<i32, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let id = super::server::service::create_personal(&state, &user, &title).await?;
    leptos_axum::redirect(&format!("/boards/{id}"));
    Ok(id)
}

/// The owner of a personal board invites someone by username.
#[server(prefix = "/api", endpoint = "boards/invite")]
pub async fn invite_member(board_id: i32, username: String) -> Result<(), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::invite(&state, &user, board_id, &username).await
}

/// Adds a card at the end of a column.
#[server(prefix = "/api", endpoint = "boards/card/add")]
pub async fn add_card(
    board_id: i32,
    column_id: i32,
    title: String,
) -> Result<CardSummary, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::service::add_card(&state, &user, board_id, column_id, &title).await
}

/// What a move answers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MoveOutcome {
    /// The card where it is now.
    pub card: CardSummary,
    /// Where the freelancer can deliver the milestone this card tracks, when
    /// they just moved it to "Done" and it is not delivered yet (an offer,
    /// never an automatic delivery).
    pub deliver_at: Option<String>,
}

/// Moves a card to `position` (1 = top) of a column on its board.
/// `version` is the card's version the mover saw. `to_board` (the "Move…"
/// form) goes back to the board afterwards.
#[server(prefix = "/api", endpoint = "boards/card/move")]
pub async fn move_card(
    card_id: i32,
    column_id: i32,
    position: u32,
    version: i32,
    #[server(default)] to_board: Option<String>,
) -> Result<MoveOutcome, AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let moved = super::server::service::move_card(
        &state,
        &user,
        card_id,
        column_id,
        position.saturating_sub(1) as usize,
        version,
    )
    .await?;
    if to_board.is_some() {
        leptos_axum::redirect(&format!("/boards/{}#card-{card_id}", moved.board_id));
    }
    Ok(MoveOutcome {
        card: moved.card,
        deliver_at: match moved.milestone_done {
            Some(milestone) => {
                super::server::milestones::delivery_offer(&state.db, milestone, user.id).await?
            }
            None => None,
        },
    })
}

/// Archives (`archive`), trashes (`trash`) or restores (`restore`) a card.
#[server(prefix = "/api", endpoint = "boards/card/state")]
pub async fn set_card_state(
    card_id: i32,
    action: String,
    version: i32,
) -> Result<CardSummary, AppError> {
    use crate::entity::card::State;
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    let to = match action.as_str() {
        "archive" => State::Archived,
        "trash" => State::Trashed,
        "restore" => State::Active,
        _ => {
            let mut errors = crate::error::FormErrors::new();
            errors.add("action", "Choose archive, trash or restore.");
            return Err(AppError::Invalid(errors));
        }
    };
    super::server::service::set_state(&state, &user, card_id, to, version).await
}

/// A card and the places it can move to (the "Move…" form).
#[server(prefix = "/api", endpoint = "boards/card/targets")]
pub async fn move_targets(card_id: i32) -> Result<(i32, CardSummary, Vec<MoveTarget>), AppError> {
    let user = crate::accounts::server::guard::require_user().await?;
    let state = crate::state::app_state()?;
    super::server::load::move_targets(&state.db, card_id, user.id).await
}
