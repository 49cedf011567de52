//! The messaging rule, and opening direct conversations under it.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::repo::find_by_username;
use crate::chat::server::conversations::open_direct;
use crate::error::AppError;
use crate::live::server::log;
use crate::profiles::server::access::{MessageRule, message_rule};
use crate::state::AppState;
use sea_orm::{DatabaseConnection, TransactionTrait};

/// Whether `from` may write to the account called `username`. An unknown
/// username (or an email address) answers `false`, exactly like a refusal,
/// so the question cannot be used to find out who has an account.
pub async fn can_message(
    db: &DatabaseConnection,
    from: &CurrentUser,
    username: &str,
) -> Result<bool, AppError> {
    Ok(match find_by_username(db, username).await? {
        Some(to) => message_rule(db, from.id, to.id).await? != MessageRule::Refused,
        None => false,
    })
}

/// Opens (or reopens) the direct conversation of the signed-in user with
/// `username` under the messaging rule: a client or student with an
/// approved freelancer or coach, or a freelancer or coach with someone who
/// contacted them first or accepted their proposal. Returns its id. An
/// unknown username is refused exactly like a forbidden one.
pub async fn start(state: &AppState, from: &CurrentUser, username: &str) -> Result<i32, AppError> {
    let refused = || {
        AppError::Forbidden(
            "You can write to freelancers and coaches, and to clients who contacted you or hired you.".into(),
        )
    };
    let to = find_by_username(&state.db, username)
        .await?
        .ok_or_else(refused)?;
    let (client, freelancer) = match message_rule(&state.db, from.id, to.id).await? {
        MessageRule::ClientToFreelancer if from.has_client => (from.id, to.id),
        MessageRule::FreelancerInvited => (to.id, from.id),
        _ => return Err(refused()),
    };
    let txn = state.db.begin().await?;
    let (id, stored) = open_direct(&txn, client, freelancer, from.id).await?;
    txn.commit().await?;
    log::publish(&state.live, stored);
    Ok(id)
}
