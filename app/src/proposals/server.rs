//! Proposal use cases: send, edit, withdraw, list, shortlist, decline and
//! accept into a contract with milestones.

use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::now;
use crate::entity::{contract, freelancer_profile, gig, milestone, proposal, user};
use crate::error::{AppError, FormErrors};
use crate::gigs::server::service::{find as find_gig, may_view, set_status, today};
use crate::live::server::hub::Hub;
use crate::live::server::log::publish;
use crate::market::money::parse_amount;
use crate::market::{
    ContractStatus, GigKind, GigStatus, MilestoneStatus, PriceType, ProposalStatus,
};
use crate::notifications::model::NotificationKind;
use crate::notifications::server::{Notice, raise};
use crate::profiles::server::access::is_approved_freelancer;
use crate::profiles::validate::number;
use crate::proposals::model::{MilestoneInput, ProposalInput, ProposalView};
use crate::search::index::index_gig;
use crate::text::{line, text};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, SqlErr, TransactionTrait,
};
use std::collections::HashMap;

/// Most milestones per contract.
pub const MAX_MILESTONES: usize = 10;

/// A validated proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProposal {
    cover_letter: String,
    price_type: PriceType,
    amount_cents: i64,
    sessions: Option<i32>,
    duration_days: i32,
}

/// Checks a proposal form against the gig's kind.
pub fn validate(input: &ProposalInput, kind: GigKind) -> Result<ValidProposal, AppError> {
    let mut errors = FormErrors::new();
    for (field, value) in [
        ("cover_letter", &input.cover_letter),
        ("price_type", &input.price_type),
        ("amount", &input.amount),
        ("sessions", &input.sessions),
        ("duration_days", &input.duration_days),
    ] {
        errors.keep(field, value);
    }
    let cover_letter = text(
        &input.cover_letter,
        5000,
        Some("Write a short cover letter."),
    )
    .map_err(|m| errors.add("cover_letter", m))
    .unwrap_or_default();
    if !cover_letter.is_empty() && cover_letter.chars().count() < 20 {
        errors.add(
            "cover_letter",
            "Write at least 20 characters about how you would help.",
        );
    }
    let price_type = match kind {
        GigKind::Lesson => Some(PriceType::PerSession),
        GigKind::Project => {
            PriceType::parse(&input.price_type).filter(|p| *p != PriceType::PerSession)
        }
    };
    if price_type.is_none() {
        errors.add("price_type", "Choose a fixed price or an hourly rate.");
    }
    let amount_cents = match parse_amount(&input.amount) {
        Ok(c) if c < 100 => {
            errors.add("amount", "Prices start at 1.");
            0
        }
        Ok(c) => c,
        Err(m) => {
            errors.add("amount", m);
            0
        }
    };
    let sessions = if kind == GigKind::Lesson {
        let n = number(&input.sessions, 1..=100)
            .map_err(|m| errors.add("sessions", m))
            .ok()
            .flatten();
        if n.is_none() && !errors.fields.contains_key("sessions") {
            errors.add("sessions", "How many sessions do you propose?");
        }
        n
    } else {
        None
    };
    let duration_days = number(&input.duration_days, 1..=365)
        .map_err(|m| errors.add("duration_days", m))
        .ok()
        .flatten();
    if duration_days.is_none() && !errors.fields.contains_key("duration_days") {
        errors.add("duration_days", "Estimate how many days it will take.");
    }
    errors.into_result()?;
    Ok(ValidProposal {
        cover_letter,
        price_type: price_type.unwrap_or(PriceType::Fixed),
        amount_cents,
        sessions,
        duration_days: duration_days.unwrap_or(1),
    })
}

fn status_of(row: &proposal::Model) -> ProposalStatus {
    ProposalStatus::parse(&row.status).unwrap_or(ProposalStatus::Pending)
}

fn kind_of(row: &gig::Model) -> GigKind {
    GigKind::parse(&row.kind).unwrap_or(GigKind::Project)
}

fn one_active() -> AppError {
    AppError::Conflict(
        FormErrors::new()
            .with_form("You already have an active proposal on this gig. Edit it instead."),
    )
}

/// Sends a proposal on an open gig the freelancer may see.
pub async fn submit(
    db: &DatabaseConnection,
    hub: &Hub,
    freelancer: &CurrentUser,
    gig_id: i32,
    input: &ProposalInput,
) -> Result<i32, AppError> {
    let gig = find_gig(db, gig_id).await?;
    if !may_view(db, &gig, Some(freelancer)).await? {
        return Err(AppError::NotFound);
    }
    if gig.owner_id == freelancer.id {
        return Err(AppError::Forbidden(
            "You can't send a proposal on your own gig.".into(),
        ));
    }
    if gig.status != GigStatus::Open.as_str() {
        return Err(AppError::Forbidden(
            "This gig isn't taking proposals.".into(),
        ));
    }
    if !is_approved_freelancer(db, freelancer.id).await? {
        return Err(AppError::Forbidden(
            "Your freelancer or coach profile must be approved before you can send proposals."
                .into(),
        ));
    }
    let valid = validate(input, kind_of(&gig))?;
    let already = proposal::Entity::find()
        .filter(proposal::Column::GigId.eq(gig_id))
        .filter(proposal::Column::FreelancerId.eq(freelancer.id))
        .filter(proposal::Column::Status.is_in([
            ProposalStatus::Pending.as_str(),
            ProposalStatus::Shortlisted.as_str(),
        ]))
        .one(db)
        .await?;
    if already.is_some() {
        return Err(one_active());
    }
    let now = now();
    let txn = db.begin().await?;
    let inserted = proposal::ActiveModel {
        gig_id: Set(gig_id),
        freelancer_id: Set(freelancer.id),
        cover_letter: Set(valid.cover_letter),
        price_type: Set(valid.price_type.as_str().into()),
        amount_cents: Set(valid.amount_cents),
        sessions: Set(valid.sessions),
        duration_days: Set(valid.duration_days),
        status: Set(ProposalStatus::Pending.as_str().into()),
        rejection_reason: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(row) => {
            let stored = raise(
                &txn,
                vec![
                    Notice::new(
                        gig.owner_id,
                        NotificationKind::ProposalReceived,
                        format!("New proposal on {}", gig.title),
                        format!("/gigs/{gig_id}"),
                    )
                    .body(format!("From {}", freelancer.display_name)),
                ],
            )
            .await?;
            txn.commit().await?;
            publish(hub, stored);
            // The board shows how many proposals a gig has.
            crate::search::GIGS_CHANGED.bump();
            Ok(row.id)
        }
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(one_active())
        }
        Err(e) => Err(e.into()),
    }
}

/// The author's proposal if it is still active.
async fn own_active(
    db: &impl ConnectionTrait,
    freelancer: &CurrentUser,
    id: i32,
) -> Result<proposal::Model, AppError> {
    let row = proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.freelancer_id != freelancer.id {
        return Err(AppError::Forbidden(
            "Only the proposal's author can change it.".into(),
        ));
    }
    if !status_of(&row).is_active() {
        return Err(AppError::Forbidden(
            "Only pending proposals can be changed.".into(),
        ));
    }
    Ok(row)
}

/// Edits a pending proposal.
pub async fn update(
    db: &DatabaseConnection,
    freelancer: &CurrentUser,
    id: i32,
    input: &ProposalInput,
) -> Result<(), AppError> {
    let row = own_active(db, freelancer, id).await?;
    let gig = find_gig(db, row.gig_id).await?;
    let valid = validate(input, kind_of(&gig))?;
    let mut active: proposal::ActiveModel = row.into();
    active.cover_letter = Set(valid.cover_letter);
    active.price_type = Set(valid.price_type.as_str().into());
    active.amount_cents = Set(valid.amount_cents);
    active.sessions = Set(valid.sessions);
    active.duration_days = Set(valid.duration_days);
    active.updated_at = Set(now());
    active.update(db).await?;
    Ok(())
}

/// Withdraws a pending proposal.
pub async fn withdraw(
    db: &DatabaseConnection,
    freelancer: &CurrentUser,
    id: i32,
) -> Result<(), AppError> {
    let row = own_active(db, freelancer, id).await?;
    let mut active: proposal::ActiveModel = row.into();
    active.status = Set(ProposalStatus::Withdrawn.as_str().into());
    active.updated_at = Set(now());
    active.update(db).await?;
    crate::search::GIGS_CHANGED.bump();
    Ok(())
}

/// Views of proposal rows with author and gig details, in order.
pub async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<proposal::Model>,
) -> Result<Vec<ProposalView>, AppError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let gig_ids: Vec<i32> = rows.iter().map(|p| p.gig_id).collect();
    let author_ids: Vec<i32> = rows.iter().map(|p| p.freelancer_id).collect();
    let gigs: HashMap<i32, gig::Model> = gig::Entity::find()
        .filter(gig::Column::Id.is_in(gig_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let authors: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(author_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let profiles: HashMap<i32, freelancer_profile::Model> = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::UserId.is_in(author_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect();
    let contracts: HashMap<i32, i32> = contract::Entity::find()
        .filter(contract::Column::ProposalId.is_in(rows.iter().map(|p| p.id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.proposal_id, c.id))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|p| {
            let gig = gigs.get(&p.gig_id)?;
            let author = authors.get(&p.freelancer_id)?;
            let profile = profiles.get(&p.freelancer_id);
            Some(ProposalView {
                id: p.id,
                gig_id: p.gig_id,
                gig_title: gig.title.clone(),
                gig_kind: kind_of(gig),
                freelancer_id: p.freelancer_id,
                freelancer_username: author.username.clone(),
                freelancer_name: author.display_name.clone(),
                freelancer_tagline: profile.map(|f| f.tagline.clone()).unwrap_or_default(),
                freelancer_rating: profile.and_then(|f| f.rating_avg),
                freelancer_reviews: profile.map_or(0, |f| f.review_count),
                cover_letter: p.cover_letter.clone(),
                price_type: PriceType::parse(&p.price_type).unwrap_or(PriceType::Fixed),
                amount_cents: p.amount_cents,
                currency: gig.currency.clone(),
                sessions: p.sessions,
                duration_days: p.duration_days,
                status: status_of(&p),
                rejection_reason: p.rejection_reason.clone(),
                created_at: p.created_at,
                contract_id: contracts.get(&p.id).copied(),
            })
        })
        .collect())
}

/// One proposal, for its author, the gig's owner or an admin.
pub async fn get(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
    id: i32,
) -> Result<ProposalView, AppError> {
    let row = proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let gig = find_gig(db, row.gig_id).await?;
    if row.freelancer_id != viewer.id && gig.owner_id != viewer.id && !viewer.has_role(Role::Admin)
    {
        return Err(AppError::NotFound);
    }
    views(db, vec![row]).await?.pop().ok_or(AppError::NotFound)
}

/// Proposals on a gig, for its owner (or an admin); withdrawn ones are left out.
pub async fn for_gig(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
    gig_id: i32,
) -> Result<Vec<ProposalView>, AppError> {
    let gig = find_gig(db, gig_id).await?;
    if gig.owner_id != viewer.id && !viewer.has_role(Role::Admin) {
        return Err(AppError::Forbidden(
            "Only the gig's owner can see its proposals.".into(),
        ));
    }
    let rows = proposal::Entity::find()
        .filter(proposal::Column::GigId.eq(gig_id))
        .filter(proposal::Column::Status.ne(ProposalStatus::Withdrawn.as_str()))
        .order_by_asc(proposal::Column::CreatedAt)
        .all(db)
        .await?;
    views(db, rows).await
}

/// The freelancer's own proposals, newest first.
pub async fn mine(
    db: &DatabaseConnection,
    freelancer: &CurrentUser,
) -> Result<Vec<ProposalView>, AppError> {
    let rows = proposal::Entity::find()
        .filter(proposal::Column::FreelancerId.eq(freelancer.id))
        .order_by_desc(proposal::Column::UpdatedAt)
        .all(db)
        .await?;
    views(db, rows).await
}

/// A proposal on one of the owner's gigs that is still active.
async fn owners_active(
    db: &impl ConnectionTrait,
    owner: &CurrentUser,
    id: i32,
) -> Result<(proposal::Model, gig::Model), AppError> {
    let row = proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let gig = find_gig(db, row.gig_id).await?;
    if gig.owner_id != owner.id {
        return Err(AppError::Forbidden(
            "Only the gig's owner can decide on its proposals.".into(),
        ));
    }
    if !status_of(&row).is_active() {
        return Err(AppError::Forbidden(format!(
            "This proposal is already {}.",
            status_of(&row).label().to_lowercase()
        )));
    }
    Ok((row, gig))
}

/// Shortlists a proposal.
pub async fn shortlist(
    db: &DatabaseConnection,
    hub: &Hub,
    owner: &CurrentUser,
    id: i32,
) -> Result<(), AppError> {
    let (row, gig) = owners_active(db, owner, id).await?;
    let freelancer = row.freelancer_id;
    let txn = db.begin().await?;
    let mut active: proposal::ActiveModel = row.into();
    active.status = Set(ProposalStatus::Shortlisted.as_str().into());
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let stored = raise(
        &txn,
        vec![Notice::new(
            freelancer,
            NotificationKind::ProposalShortlisted,
            format!("Your proposal on {} was shortlisted", gig.title),
            format!("/gigs/{}", gig.id),
        )],
    )
    .await?;
    txn.commit().await?;
    publish(hub, stored);
    Ok(())
}

/// Declines a proposal with an optional reason.
pub async fn reject(
    db: &DatabaseConnection,
    hub: &Hub,
    owner: &CurrentUser,
    id: i32,
    reason: &str,
) -> Result<(), AppError> {
    let (row, gig) = owners_active(db, owner, id).await?;
    let freelancer = row.freelancer_id;
    let reason = text(reason, 1000, None).map_err(|m| {
        let mut e = FormErrors::new();
        e.add("reason", m);
        AppError::Invalid(e)
    })?;
    let txn = db.begin().await?;
    let mut active: proposal::ActiveModel = row.into();
    active.status = Set(ProposalStatus::Rejected.as_str().into());
    active.rejection_reason = Set(reason.clone());
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let stored = raise(
        &txn,
        vec![
            Notice::new(
                freelancer,
                NotificationKind::ProposalDeclined,
                format!("Your proposal on {} was declined", gig.title),
                "/proposals",
            )
            .body(reason),
        ],
    )
    .await?;
    txn.commit().await?;
    publish(hub, stored);
    Ok(())
}

/// A validated milestone: title, amount in cents, due date.
type ValidMilestone = (String, i64, Option<String>);

/// Checks the milestone rows of the accept form.
pub fn validate_milestones(
    rows: &[MilestoneInput],
    today: &str,
) -> Result<Vec<ValidMilestone>, AppError> {
    let mut errors = FormErrors::new();
    let mut milestones = Vec::new();
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| !r.is_blank()) {
        let field = |name: &str| format!("milestones[{i}][{name}]");
        errors
            .keep(&field("title"), &row.title)
            .keep(&field("amount"), &row.amount)
            .keep(&field("due_date"), &row.due_date);
        let title = line(&row.title, 120, Some("Name this milestone."))
            .map_err(|m| errors.add(&field("title"), m))
            .ok();
        let amount = match parse_amount(&row.amount) {
            Ok(c) if c < 100 => {
                errors.add(&field("amount"), "Amounts start at 1.");
                None
            }
            Ok(c) => Some(c),
            Err(m) => {
                errors.add(&field("amount"), m);
                None
            }
        };
        let due = match row.due_date.trim() {
            "" => Some(None),
            d => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(_) if d < today => {
                    errors.add(&field("due_date"), "The due date can't be in the past.");
                    None
                }
                Ok(_) => Some(Some(d.to_string())),
                Err(_) => {
                    errors.add(&field("due_date"), "Enter a date like 2026-12-31.");
                    None
                }
            },
        };
        if let (Some(title), Some(amount), Some(due)) = (title, amount, due) {
            milestones.push((title, amount, due));
        }
    }
    if milestones.is_empty() && errors.is_empty() {
        errors.add("milestones", "Add at least one milestone.");
    }
    if milestones.len() > MAX_MILESTONES {
        errors.add(
            "milestones",
            format!("Use at most {MAX_MILESTONES} milestones."),
        );
    }
    errors.into_result()?;
    Ok(milestones)
}

/// Checks that milestones stay within what the freelancer proposed: a fixed
/// price is paid in full and no more; per-session and hourly prices are paid
/// in whole sessions or hours at the proposed price (no more sessions than
/// proposed). The client cannot set other terms alone: the freelancer
/// changes their proposal first.
pub fn check_terms(
    price_type: PriceType,
    price_cents: i64,
    sessions: Option<i32>,
    currency: &str,
    amounts: &[i64],
) -> Result<(), String> {
    let money = |cents: i64| crate::market::money::format_money(cents, currency);
    let total: i64 = amounts.iter().sum();
    let ask = "To change the terms, ask the freelancer to update their proposal.";
    match price_type {
        PriceType::Fixed if total != price_cents => Err(format!(
            "The milestones add up to {}, but the proposal's price is {}. {ask}",
            money(total),
            money(price_cents)
        )),
        PriceType::PerSession | PriceType::Hourly
            if price_cents <= 0 || amounts.iter().any(|a| a % price_cents != 0) =>
        {
            let unit = if price_type == PriceType::Hourly {
                "hour"
            } else {
                "session"
            };
            Err(format!(
                "Each milestone pays whole {unit}s at the proposed {} per {unit}. {ask}",
                money(price_cents)
            ))
        }
        PriceType::PerSession if sessions.is_some_and(|n| total / price_cents > i64::from(n)) => {
            Err(format!(
                "The milestones pay for {} sessions, but the proposal offers {}. {ask}",
                total / price_cents,
                sessions.unwrap_or_default()
            ))
        }
        _ => Ok(()),
    }
}

/// Accepts a proposal: creates the contract and its milestones and moves the
/// gig to in progress. Project gigs may hire several freelancers (a team);
/// a lesson request hires one coach and declines the other proposals.
pub async fn accept(
    db: &DatabaseConnection,
    hub: &Hub,
    owner: &CurrentUser,
    id: i32,
    milestones: &[MilestoneInput],
) -> Result<i32, AppError> {
    let (row, gig) = owners_active(db, owner, id).await?;
    let kind = kind_of(&gig);
    let status = GigStatus::parse(&gig.status).unwrap_or(GigStatus::Draft);
    let allowed =
        status == GigStatus::Open || (status == GigStatus::InProgress && kind == GigKind::Project);
    if !allowed {
        return Err(AppError::Forbidden(format!(
            "Proposals can't be accepted while the gig is {}.",
            status.label().to_lowercase()
        )));
    }
    let milestones = validate_milestones(milestones, &today())?;
    let price_type = PriceType::parse(&row.price_type).unwrap_or(PriceType::Fixed);
    let amounts: Vec<i64> = milestones.iter().map(|m| m.1).collect();
    check_terms(
        price_type,
        row.amount_cents,
        row.sessions,
        &gig.currency,
        &amounts,
    )
    .map_err(|message| {
        let mut errors = FormErrors::new();
        errors.add("milestones", message);
        AppError::Invalid(errors)
    })?;
    let now = now();
    let txn = db.begin().await?;
    let total: i64 = milestones.iter().map(|m| m.1).sum();
    let contract = contract::ActiveModel {
        gig_id: Set(gig.id),
        proposal_id: Set(row.id),
        client_id: Set(gig.owner_id),
        freelancer_id: Set(row.freelancer_id),
        title: Set(gig.title.clone()),
        price_type: Set(row.price_type.clone()),
        amount_cents: Set(total),
        currency: Set(gig.currency.clone()),
        status: Set(ContractStatus::Active.as_str().into()),
        cancel_requested_by: Set(None),
        created_at: Set(now),
        completed_at: Set(None),
        cancelled_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    milestone::Entity::insert_many(milestones.into_iter().enumerate().map(
        |(i, (title, amount, due))| milestone::ActiveModel {
            contract_id: Set(contract.id),
            position: Set(i as i32),
            title: Set(title),
            amount_cents: Set(amount),
            due_date: Set(due),
            status: Set(MilestoneStatus::Pending.as_str().into()),
            submitted_at: Set(None),
            approved_at: Set(None),
            ..Default::default()
        },
    ))
    .exec(&txn)
    .await?;
    let accepted = proposal::Entity::update_many()
        .col_expr(
            proposal::Column::Status,
            Expr::value(ProposalStatus::Accepted.as_str()),
        )
        .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
        .filter(proposal::Column::Id.eq(row.id))
        .filter(proposal::Column::Status.eq(row.status.clone()))
        .filter(proposal::Column::UpdatedAt.eq(row.updated_at))
        .filter(proposal::Column::PriceType.eq(row.price_type.clone()))
        .filter(proposal::Column::AmountCents.eq(row.amount_cents))
        .filter(match row.sessions {
            Some(n) => proposal::Column::Sessions.eq(n),
            None => proposal::Column::Sessions.is_null(),
        })
        .exec(&txn)
        .await?;
    if accepted.rows_affected != 1 {
        return Err(AppError::Conflict(FormErrors::new().with_form(
            "This proposal changed while you were accepting it. Reload it and check its terms.",
        )));
    }
    set_status(&txn, &gig, GigStatus::InProgress).await?;
    if kind == GigKind::Lesson {
        proposal::Entity::update_many()
            .col_expr(
                proposal::Column::Status,
                Expr::value(ProposalStatus::Rejected.as_str()),
            )
            .col_expr(
                proposal::Column::RejectionReason,
                Expr::value("The student chose another coach."),
            )
            .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
            .filter(proposal::Column::GigId.eq(gig.id))
            .filter(proposal::Column::Status.is_in([
                ProposalStatus::Pending.as_str(),
                ProposalStatus::Shortlisted.as_str(),
            ]))
            .exec(&txn)
            .await?;
    }
    index_gig(&txn, gig.id).await?;
    let (_, joined) = crate::chat::server::conversations::join_team(
        &txn,
        gig.id,
        gig.owner_id,
        row.freelancer_id,
    )
    .await?;
    crate::boards::server::team::join_board(&txn, contract.id).await?;
    let mut stored = raise(
        &txn,
        vec![Notice::new(
            row.freelancer_id,
            NotificationKind::ProposalAccepted,
            format!("Your proposal on {} was accepted", gig.title),
            format!("/contracts/{}", contract.id),
        )],
    )
    .await?;
    txn.commit().await?;
    stored.extend(joined);
    publish(hub, stored);
    Ok(contract.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_prices_are_paid_in_full_and_no_more() {
        assert!(check_terms(PriceType::Fixed, 80_000, None, "USD", &[40_000, 40_000]).is_ok());
        let less = check_terms(PriceType::Fixed, 80_000, None, "USD", &[10_000]).unwrap_err();
        assert!(less.contains("update their proposal"), "{less}");
        assert!(check_terms(PriceType::Fixed, 80_000, None, "USD", &[90_000]).is_err());
    }

    #[test]
    fn sessions_and_hours_are_paid_whole_at_the_proposed_price() {
        assert!(
            check_terms(
                PriceType::PerSession,
                3_000,
                Some(4),
                "USD",
                &[3_000, 9_000]
            )
            .is_ok()
        );
        assert!(check_terms(PriceType::PerSession, 3_000, Some(4), "USD", &[2_000]).is_err());
        assert!(check_terms(PriceType::PerSession, 3_000, Some(4), "USD", &[15_000]).is_err());
        assert!(check_terms(PriceType::Hourly, 5_000, None, "USD", &[100_000]).is_ok());
        assert!(check_terms(PriceType::Hourly, 5_000, None, "USD", &[12_345]).is_err());
    }

    fn input() -> ProposalInput {
        ProposalInput {
            cover_letter: "I have built twenty shops like this one.".into(),
            price_type: "fixed".into(),
            amount: "750".into(),
            sessions: String::new(),
            duration_days: "14".into(),
        }
    }

    #[test]
    fn project_proposals_are_fixed_or_hourly() {
        assert_eq!(
            validate(&input(), GigKind::Project).unwrap().amount_cents,
            75_000
        );
        let per_session = ProposalInput {
            price_type: "per_session".into(),
            ..input()
        };
        assert!(
            validate(&per_session, GigKind::Project)
                .unwrap_err()
                .field("price_type")
                .is_some()
        );
    }

    #[test]
    fn lesson_proposals_need_sessions() {
        let err = validate(&input(), GigKind::Lesson).unwrap_err();
        assert!(err.field("sessions").is_some());
        let ok = ProposalInput {
            sessions: "8".into(),
            ..input()
        };
        let valid = validate(&ok, GigKind::Lesson).unwrap();
        assert_eq!(valid.price_type, PriceType::PerSession);
        assert_eq!(valid.sessions, Some(8));
    }

    #[test]
    fn milestones_are_checked_row_by_row() {
        let rows = vec![
            MilestoneInput {
                title: "Design".into(),
                amount: "300".into(),
                due_date: "2026-12-01".into(),
            },
            MilestoneInput::default(),
            MilestoneInput {
                title: String::new(),
                amount: "x".into(),
                due_date: "2020-01-01".into(),
            },
        ];
        let err = validate_milestones(&rows, "2026-11-21").unwrap_err();
        assert!(err.field("milestones[2][title]").is_some());
        assert!(err.field("milestones[2][amount]").is_some());
        assert!(err.field("milestones[2][due_date]").is_some());
        assert_eq!(
            validate_milestones(&rows[..2], "2026-11-21").unwrap().len(),
            1
        );
        assert!(
            validate_milestones(&[], "2026-11-21")
                .unwrap_err()
                .field("milestones")
                .is_some()
        );
    }
}
