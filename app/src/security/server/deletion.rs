//! Deleting an account. Personal data goes: profiles, portfolio, saved
//! items, history, notifications, sessions; the account row stays under
//! a placeholder name ("Deleted user") so the contracts, ledger entries,
//! reviews and messages the other side relies on keep their meaning.
//! Refused while a contract is active, and for super admins.

use crate::accounts::model::CurrentUser;
use crate::accounts::server::repo::{self, audit};
use crate::accounts::server::service::too_many;
use crate::accounts::server::throttle::ThrottleKey;
use crate::accounts::server::{now, session};
use crate::entity::{
    client_profile, contract, credential, freelancer_profile, gig, mode_switch, notification,
    notification_pref, portfolio_item, profile_role, profile_skill, proposal, recovery_code,
    saved_gig, saved_talent, suggestion, user, user_language,
};
use crate::error::{AppError, FormErrors};
use crate::market::{ContractStatus, GigStatus, ProposalStatus};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};

/// The word typed to confirm.
pub const CONFIRM_WORD: &str = "DELETE";

/// The name a deleted account shows under.
pub const DELETED_NAME: &str = "Deleted user";

fn field(name: &str, message: &str) -> AppError {
    let mut errors = FormErrors::new();
    errors.add(name, message);
    AppError::Invalid(errors)
}

/// Deletes `user`'s account after checking the password and the typed
/// confirmation.
pub async fn delete_account(
    state: &AppState,
    user: &CurrentUser,
    password: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let account = repo::find_by_id(&state.db, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if confirm.trim() != CONFIRM_WORD {
        return Err(field("confirm", "Type DELETE to confirm."));
    }
    if account.is_super_admin {
        return Err(AppError::Forbidden(
            "A super admin's account can't be deleted from the app.".into(),
        ));
    }
    let who = ThrottleKey::Account(account.id);
    state.throttles.login.take(&[who]).map_err(too_many)?;
    if !state
        .hasher
        .verify(password.to_string(), Some(account.password_hash.clone()))
        .await?
    {
        return Err(field("password", "That isn't your password."));
    }
    let active = contract::Entity::find()
        .filter(contract::Column::Status.eq(ContractStatus::Active.as_str()))
        .filter(
            Condition::any()
                .add(contract::Column::ClientId.eq(account.id))
                .add(contract::Column::FreelancerId.eq(account.id)),
        )
        .count(&state.db)
        .await?;
    if active > 0 {
        return Err(AppError::Conflict(FormErrors::new().with_form(
            "Finish or cancel your active contracts before deleting your account.",
        )));
    }
    let txn = state.db.begin().await?;
    let gigs = erase(&txn, account.id).await?;
    audit(
        &txn,
        Some(account.id),
        "account.delete",
        Some(account.id),
        "",
    )
    .await?;
    txn.commit().await?;
    for id in gigs {
        crate::search::index::index_gig(&state.db, id).await?;
    }
    crate::search::index::remove_freelancer(&state.db, account.id).await?;
    crate::search::TALENT_CHANGED.bump();
    crate::search::GIGS_CHANGED.bump();
    state.skills.invalidate();
    session::revoke_all(&state.db, &state.live, account.id).await?;
    Ok(())
}

/// Removes the personal data of `id` and renames the account; returns the
/// gigs whose status changed (to re-index).
async fn erase(txn: &impl ConnectionTrait, id: i32) -> Result<Vec<i32>, AppError> {
    user::Entity::update_many()
        // Neither can be signed up for (no '@'; '.' is not allowed in
        // usernames), so the placeholders never clash with a real account.
        .col_expr(user::Column::Email, Expr::value(format!("#deleted.{id}")))
        .col_expr(user::Column::Username, Expr::value(format!("deleted.{id}")))
        .col_expr(user::Column::DisplayName, Expr::value(DELETED_NAME))
        .col_expr(user::Column::PasswordHash, Expr::value("!deleted"))
        .col_expr(user::Column::IsAdmin, Expr::value(false))
        .col_expr(user::Column::TotpSecret, Expr::value(""))
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(now()))
        .filter(user::Column::Id.eq(id))
        .exec(txn)
        .await?;
    macro_rules! delete_where {
        ($($entity:ident :: $column:ident),* $(,)?) => {
            $(
                $entity::Entity::delete_many()
                    .filter($entity::Column::$column.eq(id))
                    .exec(txn)
                    .await?;
            )*
        };
    }
    delete_where!(
        profile_role::UserId,
        profile_skill::UserId,
        portfolio_item::UserId,
        credential::UserId,
        user_language::UserId,
        freelancer_profile::UserId,
        client_profile::UserId,
        saved_gig::UserId,
        saved_talent::UserId,
        saved_talent::FreelancerId,
        suggestion::UserId,
        mode_switch::UserId,
        notification::UserId,
        notification_pref::UserId,
        recovery_code::UserId,
    );
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::Status,
            Expr::value(ProposalStatus::Withdrawn.as_str()),
        )
        .filter(proposal::Column::FreelancerId.eq(id))
        .filter(proposal::Column::Status.is_in([
            ProposalStatus::Pending.as_str(),
            ProposalStatus::Shortlisted.as_str(),
        ]))
        .exec(txn)
        .await?;
    let unfinished: Vec<i32> = gig::Entity::find()
        .filter(gig::Column::OwnerId.eq(id))
        .filter(gig::Column::Status.is_in([
            GigStatus::Draft.as_str(),
            GigStatus::Pending.as_str(),
            GigStatus::Open.as_str(),
        ]))
        .all(txn)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    gig::Entity::update_many()
        .col_expr(
            gig::Column::Status,
            Expr::value(GigStatus::Cancelled.as_str()),
        )
        .filter(gig::Column::Id.is_in(unfinished.clone()))
        .exec(txn)
        .await?;
    Ok(unfinished)
}
