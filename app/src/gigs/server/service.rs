//! Gig use cases: post and edit, view with visibility rules, cancel, close,
//! bookmarks, the owner's list and the board.

use super::cards::{mark_saved, rows_by_id, summaries, summaries_by_id};
use super::moderation::public_text_digest;
use super::validate::validate_gig;
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::{now, suspension};
use crate::entity::{contract, gig, gig_role, gig_skill, proposal, saved_gig};
use crate::error::{AppError, FormErrors};
use crate::gigs::model::{GigDetail, GigFilters, GigInput, GigSummary, Page};
use crate::market::filters as filter;
use crate::market::{GigKind, GigStatus, Level, ProposalStatus, Visibility};
use crate::profiles::server::access::is_approved_freelancer;
use crate::profiles::server::repo::upsert_skills;
use crate::search::GIG_PAGES;
use crate::search::gigs::{GigQuery, search};
use crate::search::index::index_gig;
use crate::state::AppState;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

/// Results per page on the board.
pub const PER_PAGE: u32 = 20;

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::DateTime::from_timestamp(now(), 0)
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default()
}

/// A gig row by id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<gig::Model, AppError> {
    gig::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

fn status_of(row: &gig::Model) -> GigStatus {
    GigStatus::parse(&row.status).unwrap_or(GigStatus::Draft)
}

/// The gig if `owner` owns it; someone else's gig is forbidden.
pub async fn owned(
    db: &impl ConnectionTrait,
    owner: &CurrentUser,
    id: i32,
) -> Result<gig::Model, AppError> {
    let row = find(db, id).await?;
    if row.owner_id != owner.id {
        return Err(AppError::Forbidden(
            "Only the gig's owner can do that.".into(),
        ));
    }
    Ok(row)
}

/// Creates a gig, or updates one the owner may still edit. `submit` sends a
/// draft for approval; changing the public text (title, description,
/// subject, goals, city or skills) of an open gig sends it back to review,
/// off the board until an admin approves the new text. Every edit bumps
/// the gig's revision. Returns the gig id.
pub async fn save(
    db: &DatabaseConnection,
    owner: &CurrentUser,
    id: Option<i32>,
    input: &GigInput,
    submit: bool,
) -> Result<i32, AppError> {
    let existing = match id {
        Some(id) => {
            let row = owned(db, owner, id).await?;
            if !status_of(&row).editable() {
                return Err(AppError::Forbidden(
                    "A gig can't be edited once work has started.".into(),
                ));
            }
            Some(row)
        }
        None => None,
    };
    let valid = validate_gig(input, &today())?;
    let now = now();
    let slugs: Vec<String> = valid.skills.iter().map(|(_, slug)| slug.clone()).collect();
    let public_text = public_text_digest(
        &valid.title,
        &valid.description,
        &valid.subject,
        &valid.goals,
        &valid.city,
        &slugs,
    );
    let status = match existing.as_ref() {
        None if submit => GigStatus::Pending,
        None => GigStatus::Draft,
        Some(row) => match status_of(row) {
            GigStatus::Draft if submit => GigStatus::Pending,
            GigStatus::Open if public_text != row.approved_digest => GigStatus::Pending,
            current => current,
        },
    };
    let txn = db.begin().await?;
    let mut row = match &existing {
        Some(row) => row.clone().into(),
        None => gig::ActiveModel {
            owner_id: Set(owner.id),
            created_at: Set(now),
            rejection_reason: Set(String::new()),
            published_at: Set(None),
            ..Default::default()
        },
    };
    row.kind = Set(valid.kind.as_str().into());
    row.title = Set(valid.title);
    row.description = Set(valid.description);
    row.budget_type = Set(valid.budget_type.as_str().into());
    row.budget_min_cents = Set(valid.budget_min_cents);
    row.budget_max_cents = Set(valid.budget_max_cents);
    row.currency = Set(valid.currency);
    row.deadline = Set(valid.deadline);
    row.visibility = Set(valid.visibility.as_str().into());
    row.remote = Set(valid.remote);
    row.city = Set(valid.city);
    row.country = Set(valid.country);
    row.subject = Set(valid.subject);
    row.level = Set(valid
        .level
        .map(|l| l.as_str().to_string())
        .unwrap_or_default());
    row.goals = Set(valid.goals);
    row.sessions_wanted = Set(valid.sessions_wanted);
    row.status = Set(status.as_str().into());
    row.updated_at = Set(now);
    let saved = match &existing {
        Some(old) => {
            row.revision = Set(old.revision + 1);
            let updated = gig::Entity::update_many()
                .set(row)
                .filter(gig::Column::Id.eq(old.id))
                .filter(gig::Column::Status.eq(old.status.clone()))
                .filter(gig::Column::Revision.eq(old.revision))
                .exec(&txn)
                .await?;
            if updated.rows_affected != 1 {
                return Err(changed_meanwhile());
            }
            find(&txn, old.id).await?
        }
        None => row.insert(&txn).await?,
    };
    gig_role::Entity::delete_many()
        .filter(gig_role::Column::GigId.eq(saved.id))
        .exec(&txn)
        .await?;
    gig_role::Entity::insert_many(valid.roles.iter().map(|r| gig_role::ActiveModel {
        gig_id: Set(saved.id),
        role_id: Set(r.clone()),
    }))
    .exec(&txn)
    .await?;
    let skill_ids = upsert_skills(&txn, &valid.skills).await?;
    gig_skill::Entity::delete_many()
        .filter(gig_skill::Column::GigId.eq(saved.id))
        .exec(&txn)
        .await?;
    if !skill_ids.is_empty() {
        gig_skill::Entity::insert_many(skill_ids.into_iter().map(|s| gig_skill::ActiveModel {
            gig_id: Set(saved.id),
            skill_id: Set(s),
        }))
        .exec(&txn)
        .await?;
    }
    index_gig(&txn, saved.id).await?;
    txn.commit().await?;
    Ok(saved.id)
}

/// Whether `viewer` was invited to the gig or has a proposal on it.
async fn involved(db: &impl ConnectionTrait, gig_id: i32, viewer: i32) -> Result<bool, AppError> {
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::GigId.eq(gig_id))
        .filter(proposal::Column::FreelancerId.eq(viewer))
        .count(db)
        .await?;
    Ok(proposals > 0
        || crate::suggestions::server::invitations::is_invited(db, gig_id, viewer).await?)
}

/// Whether a gig is visible, or needs the viewer to be involved in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visible {
    Yes,
    No,
    IfInvolved,
}

/// The visibility rule: owners and admins always see a gig; others see it
/// once an admin approved it (open, in progress, completed or closed) and
/// unless an admin hid it, and then public gigs always, invite-only gigs
/// only when they are involved. (A suspended owner's gigs are hidden too:
/// see [`may_view`] and [`visible_to`].)
fn visibility(row: &gig::Model, viewer: Option<&CurrentUser>) -> Visible {
    if let Some(v) = viewer
        && (v.id == row.owner_id || v.has_role(Role::Admin))
    {
        return Visible::Yes;
    }
    if row.hidden_at.is_some() {
        return Visible::No;
    }
    let listed = matches!(
        status_of(row),
        GigStatus::Open | GigStatus::InProgress | GigStatus::Completed | GigStatus::Closed
    );
    if !listed {
        Visible::No
    } else if row.visibility == Visibility::Public.as_str() {
        Visible::Yes
    } else if viewer.is_some() {
        Visible::IfInvolved
    } else {
        Visible::No
    }
}

/// Whether `viewer` may see the gig (see [`visibility`]).
pub async fn may_view(
    db: &impl ConnectionTrait,
    row: &gig::Model,
    viewer: Option<&CurrentUser>,
) -> Result<bool, AppError> {
    let verdict = visibility(row, viewer);
    let privileged = viewer.is_some_and(|v| v.id == row.owner_id || v.has_role(Role::Admin));
    if verdict != Visible::No
        && !privileged
        && suspension::is_suspended_id(db, row.owner_id).await?
    {
        return Ok(false);
    }
    match (verdict, viewer) {
        (Visible::Yes, _) => Ok(true),
        (Visible::IfInvolved, Some(v)) => involved(db, row.id, v.id).await,
        _ => Ok(false),
    }
}

/// The gigs among `rows` that `viewer` may see, in order, with the
/// involvement of invite-only gigs looked up in two queries for all.
pub async fn visible_to(
    db: &impl ConnectionTrait,
    rows: Vec<gig::Model>,
    viewer: &CurrentUser,
) -> Result<Vec<gig::Model>, AppError> {
    let to_check: Vec<i32> = rows
        .iter()
        .filter(|r| visibility(r, Some(viewer)) == Visible::IfInvolved)
        .map(|r| r.id)
        .collect();
    let mut involved: std::collections::HashSet<i32> = std::collections::HashSet::new();
    if !to_check.is_empty() {
        involved.extend(
            proposal::Entity::find()
                .filter(proposal::Column::FreelancerId.eq(viewer.id))
                .filter(proposal::Column::GigId.is_in(to_check.clone()))
                .all(db)
                .await?
                .into_iter()
                .map(|p| p.gig_id),
        );
        involved.extend(
            crate::suggestions::server::invitations::invited_among(db, viewer.id, &to_check)
                .await?,
        );
    }
    let owners: Vec<i32> = rows
        .iter()
        .filter(|r| r.owner_id != viewer.id)
        .map(|r| r.owner_id)
        .collect();
    let suspended = if viewer.has_role(Role::Admin) {
        Default::default()
    } else {
        suspension::suspended_among(db, &owners).await?
    };
    Ok(rows
        .into_iter()
        .filter(|r| !suspended.contains(&r.owner_id))
        .filter(|r| match visibility(r, Some(viewer)) {
            Visible::Yes => true,
            Visible::IfInvolved => involved.contains(&r.id),
            Visible::No => false,
        })
        .collect())
}

/// Why `viewer` may not propose on the gig right now, if so.
async fn proposal_block(
    db: &impl ConnectionTrait,
    row: &gig::Model,
    viewer: Option<&CurrentUser>,
) -> Result<Result<(), String>, AppError> {
    let Some(viewer) = viewer else {
        return Ok(Err(
            "Log in as a freelancer or coach to send a proposal.".into()
        ));
    };
    if viewer.id == row.owner_id {
        return Ok(Err("This is your own gig.".into()));
    }
    if status_of(row) != GigStatus::Open {
        return Ok(Err("This gig isn't taking proposals.".into()));
    }
    if !is_approved_freelancer(db, viewer.id).await? {
        return Ok(Err(
            "Your freelancer or coach profile must be approved before you can send proposals."
                .into(),
        ));
    }
    Ok(Ok(()))
}

/// The gig page for `viewer` (404 when they may not see it).
pub async fn detail(
    db: &DatabaseConnection,
    viewer: Option<&CurrentUser>,
    id: i32,
) -> Result<GigDetail, AppError> {
    let row = find(db, id).await?;
    if !may_view(db, &row, viewer).await? {
        return Err(AppError::NotFound);
    }
    let my_proposal = match viewer {
        Some(v) => proposal::Entity::find()
            .filter(proposal::Column::GigId.eq(id))
            .filter(proposal::Column::FreelancerId.eq(v.id))
            .filter(proposal::Column::Status.is_in([
                ProposalStatus::Pending.as_str(),
                ProposalStatus::Shortlisted.as_str(),
                ProposalStatus::Accepted.as_str(),
            ]))
            .one(db)
            .await?
            .map(|p| p.id),
        None => None,
    };
    let mut can_propose = proposal_block(db, &row, viewer).await?;
    if can_propose.is_ok() && my_proposal.is_some() {
        can_propose = Err("You already have a proposal on this gig.".into());
    }
    let summary = summaries(db, vec![row.clone()], viewer.map(|v| v.id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(GigDetail {
        summary,
        description: row.description,
        visibility: Visibility::parse(&row.visibility).unwrap_or(Visibility::Public),
        subject: row.subject,
        level: Level::parse(&row.level),
        goals: row.goals,
        sessions_wanted: row.sessions_wanted,
        rejection_reason: row.rejection_reason,
        owner_id: row.owner_id,
        signed_in: viewer.is_some(),
        is_owner: viewer.is_some_and(|v| v.id == row.owner_id),
        viewer_is_admin: viewer.is_some_and(|v| v.has_role(Role::Admin)),
        my_proposal_id: my_proposal,
        can_propose,
    })
}

/// The owner's gig as its edit form shows it.
pub async fn form_of(
    db: &DatabaseConnection,
    owner: &CurrentUser,
    id: i32,
) -> Result<GigInput, AppError> {
    let row = owned(db, owner, id).await?;
    let roles = gig_role::Entity::find()
        .filter(gig_role::Column::GigId.eq(id))
        .all(db)
        .await?;
    let summary = summaries(db, vec![row.clone()], None)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let amount = crate::market::money::amount_input;
    Ok(GigInput {
        kind: row.kind,
        title: row.title,
        description: row.description,
        roles: roles.into_iter().map(|r| r.role_id).collect(),
        skills: summary.skills.join(", "),
        budget_type: row.budget_type,
        budget_min: amount(row.budget_min_cents),
        budget_max: if row.budget_max_cents != row.budget_min_cents {
            amount(row.budget_max_cents)
        } else {
            String::new()
        },
        currency: row.currency,
        deadline: row.deadline.unwrap_or_default(),
        visibility: row.visibility,
        remote: if row.remote {
            "on".into()
        } else {
            String::new()
        },
        city: row.city,
        country: row.country,
        subject: row.subject,
        level: row.level,
        goals: row.goals,
        sessions_wanted: row
            .sessions_wanted
            .map(|s| s.to_string())
            .unwrap_or_default(),
    })
}

async fn decline_open_proposals(
    db: &impl ConnectionTrait,
    gig_id: i32,
    reason: &str,
) -> Result<(), AppError> {
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::Status,
            sea_orm::sea_query::Expr::value(ProposalStatus::Rejected.as_str()),
        )
        .col_expr(
            proposal::Column::RejectionReason,
            sea_orm::sea_query::Expr::value(reason),
        )
        .col_expr(
            proposal::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .filter(proposal::Column::GigId.eq(gig_id))
        .filter(proposal::Column::Status.is_in([
            ProposalStatus::Pending.as_str(),
            ProposalStatus::Shortlisted.as_str(),
        ]))
        .exec(db)
        .await?;
    Ok(())
}

/// The conflict when a gig changed between reading and writing it.
fn changed_meanwhile() -> AppError {
    AppError::Conflict(
        FormErrors::new()
            .with_form("This gig was changed at the same time elsewhere. Reload it and try again."),
    )
}

/// Moves `row` to `to` if it is still in the status and revision it was read
/// with, bumping the revision. Every status change goes through here, so a
/// change made meanwhile (an edit that sent the gig back to review, another
/// status change) is never overwritten.
pub async fn set_status(
    db: &impl ConnectionTrait,
    row: &gig::Model,
    to: GigStatus,
) -> Result<(), AppError> {
    let updated = gig::Entity::update_many()
        .col_expr(gig::Column::Status, Expr::value(to.as_str()))
        .col_expr(gig::Column::UpdatedAt, Expr::value(now()))
        .col_expr(
            gig::Column::Revision,
            Expr::col(gig::Column::Revision).add(1),
        )
        .filter(gig::Column::Id.eq(row.id))
        .filter(gig::Column::Status.eq(row.status.clone()))
        .filter(gig::Column::Revision.eq(row.revision))
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Err(changed_meanwhile());
    }
    Ok(())
}

/// Moves the gig to `to` if it is in one of `from`, declining open proposals.
async fn transition(
    db: &DatabaseConnection,
    owner: &CurrentUser,
    id: i32,
    from: &[GigStatus],
    to: GigStatus,
    reason: &str,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let row = owned(&txn, owner, id).await?;
    if !from.contains(&status_of(&row)) {
        return Err(AppError::Forbidden(format!(
            "A gig that is {} can't be {}.",
            status_of(&row).label().to_lowercase(),
            to.label().to_lowercase()
        )));
    }
    set_status(&txn, &row, to).await?;
    decline_open_proposals(&txn, id, reason).await?;
    index_gig(&txn, id).await?;
    txn.commit().await?;
    Ok(())
}

/// Cancels a gig that has no contract yet.
pub async fn cancel(db: &DatabaseConnection, owner: &CurrentUser, id: i32) -> Result<(), AppError> {
    transition(
        db,
        owner,
        id,
        &[GigStatus::Draft, GigStatus::Pending, GigStatus::Open],
        GigStatus::Cancelled,
        "The client cancelled this gig.",
    )
    .await
}

/// Stops an open gig taking proposals.
pub async fn close(db: &DatabaseConnection, owner: &CurrentUser, id: i32) -> Result<(), AppError> {
    transition(
        db,
        owner,
        id,
        &[GigStatus::Open],
        GigStatus::Closed,
        "The client closed this gig.",
    )
    .await
}

/// Bookmarks or un-bookmarks a gig the user may see.
pub async fn set_saved(
    db: &DatabaseConnection,
    user: &CurrentUser,
    gig_id: i32,
    saved: bool,
) -> Result<(), AppError> {
    let row = find(db, gig_id).await?;
    if !may_view(db, &row, Some(user)).await? {
        return Err(AppError::NotFound);
    }
    if saved {
        saved_gig::Entity::insert(saved_gig::ActiveModel {
            user_id: Set(user.id),
            gig_id: Set(gig_id),
            created_at: Set(now()),
        })
        .on_conflict(
            OnConflict::columns([saved_gig::Column::UserId, saved_gig::Column::GigId])
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec(db)
        .await?;
    } else {
        saved_gig::Entity::delete_many()
            .filter(saved_gig::Column::UserId.eq(user.id))
            .filter(saved_gig::Column::GigId.eq(gig_id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The user's bookmarked gigs that they may still see, most recent first.
pub async fn saved_list(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<GigSummary>, AppError> {
    let ids: Vec<i32> = saved_gig::Entity::find()
        .filter(saved_gig::Column::UserId.eq(user.id))
        .order_by_desc(saved_gig::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.gig_id)
        .collect();
    let rows = rows_by_id(db, &ids).await?;
    summaries(db, visible_to(db, rows, user).await?, Some(user.id)).await
}

/// The owner's gigs, newest first, with proposal counts.
pub async fn mine(
    db: &DatabaseConnection,
    owner: &CurrentUser,
) -> Result<Vec<GigSummary>, AppError> {
    let rows = gig::Entity::find()
        .filter(gig::Column::OwnerId.eq(owner.id))
        .order_by_desc(gig::Column::UpdatedAt)
        .all(db)
        .await?;
    summaries(db, rows, Some(owner.id)).await
}

/// Checks board filters and turns them into a search query.
pub fn board_query(filters: &GigFilters, per_page: u32) -> Result<GigQuery, AppError> {
    let mut errors = FormErrors::new();
    let kind = match filters.kind.as_str() {
        "" => None,
        k => {
            let kind = GigKind::parse(k);
            if kind.is_none() {
                errors.add("kind", "Use project or lesson.");
            }
            kind
        }
    };
    let role = filter::role(&filters.role, &mut errors);
    let skills = filter::skills(&filters.skills, &mut errors);
    let budget = filter::amount_range(
        ("min_budget", &filters.min_budget),
        ("max_budget", &filters.max_budget),
        &filters.currency,
        &mut errors,
    );
    let posted_since = match filters.posted_within.as_str() {
        "" => None,
        d => match d.parse::<i64>() {
            Ok(days) if (1..=365).contains(&days) => Some(now() - days * 86_400),
            _ => {
                errors.add("posted_within", "Use a number of days from 1 to 365.");
                None
            }
        },
    };
    let country = filter::country(&filters.country, &mut errors);
    if !filters.sort.is_empty() && crate::market::GigSort::parse(&filters.sort).is_none() {
        errors.add("sort", "Use newest, budget_desc or budget_asc.");
    }
    let text = filter::search_text(&filters.q, &mut errors);
    errors.into_result()?;
    Ok(GigQuery {
        text,
        kind,
        role,
        skills,
        min_budget_cents: budget.min,
        max_budget_cents: budget.max,
        currency: budget.currency,
        posted_since,
        remote_only: !filters.remote.is_empty(),
        country,
        sort: Some(filters.sort()),
        offset: u64::from(filters.page().saturating_sub(1)) * u64::from(per_page),
        limit: u64::from(per_page),
    })
}

/// A page of the gig board, searched and loaded now.
pub async fn board(
    db: &DatabaseConnection,
    viewer: Option<i32>,
    filters: &GigFilters,
    per_page: u32,
) -> Result<Page<GigSummary>, AppError> {
    let query = board_query(filters, per_page)?;
    let (ids, total) = search(db, &query).await?;
    Ok(Page {
        items: summaries_by_id(db, &ids, viewer).await?,
        total,
        page: filters.page(),
        per_page,
    })
}

/// A page of the gig board as pages and the API serve it: the
/// viewer-independent part from the listing cache (or searched and stored
/// there), then the viewer's bookmarks.
pub async fn cached_board(
    state: &AppState,
    viewer: Option<i32>,
    filters: &GigFilters,
    per_page: u32,
) -> Result<Page<GigSummary>, AppError> {
    let query = board_query(filters, per_page)?;
    let key = format!("{}:{query:?}", state.listing_scope);
    let cached = GIG_PAGES
        .get_or_fill(key, || async {
            let (ids, total) = search(&state.db, &query).await?;
            Ok::<_, AppError>((summaries_by_id(&state.db, &ids, None).await?, total))
        })
        .await?;
    let (items, total) = (*cached).clone();
    Ok(Page {
        items: mark_saved(&state.db, items, viewer).await?,
        total,
        page: filters.page(),
        per_page,
    })
}

/// Called when a contract ends: the gig completes when every contract has
/// ended and at least one completed, or closes when all were cancelled.
pub async fn settle_after_contracts(
    db: &impl ConnectionTrait,
    gig_id: i32,
) -> Result<(), AppError> {
    let contracts = contract::Entity::find()
        .filter(contract::Column::GigId.eq(gig_id))
        .all(db)
        .await?;
    if contracts.is_empty() || contracts.iter().any(|c| c.status == "active") {
        return Ok(());
    }
    let to = if contracts.iter().any(|c| c.status == "completed") {
        GigStatus::Completed
    } else {
        GigStatus::Closed
    };
    let row = find(db, gig_id).await?;
    if status_of(&row) != GigStatus::InProgress {
        return Ok(());
    }
    set_status(db, &row, to).await?;
    decline_open_proposals(db, gig_id, "The client finished hiring for this gig.").await?;
    Ok(())
}
