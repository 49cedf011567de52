//! Contract use cases: view, deliver and approve milestones (recording
//! earnings), cancel by agreement, and the earnings summary.

use super::model::{
    ContractEarnings, ContractSide, ContractSummary, ContractView, CurrencyEarnings, Earnings,
    MilestoneView, MonthEarnings, Party,
};
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::now;
use crate::entity::{contract, ledger_entry, milestone, review, user};
use crate::error::{AppError, FormErrors};
use crate::gigs::server::service::settle_after_contracts;
use crate::live::server::hub::Hub;
use crate::live::server::log::publish;
use crate::market::{ContractStatus, MilestoneStatus, PriceType};
use crate::notifications::model::NotificationKind;
use crate::notifications::server::{Notice, raise};
use crate::reviews::REVIEW_WINDOW_DAYS;
use crate::reviews::server::window_open;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap};

fn status_of(row: &contract::Model) -> ContractStatus {
    ContractStatus::parse(&row.status).unwrap_or(ContractStatus::Active)
}

fn side_of(row: &contract::Model, viewer: &CurrentUser) -> Option<ContractSide> {
    if row.client_id == viewer.id {
        Some(ContractSide::Client)
    } else if row.freelancer_id == viewer.id {
        Some(ContractSide::Freelancer)
    } else if viewer.has_role(Role::Admin) {
        Some(ContractSide::Admin)
    } else {
        None
    }
}

/// A contract the viewer is a party to (or any, for admins); 404 otherwise.
pub async fn visible(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: i32,
) -> Result<(contract::Model, ContractSide), AppError> {
    let row = contract::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let side = side_of(&row, viewer).ok_or(AppError::NotFound)?;
    Ok((row, side))
}

async fn party(db: &impl ConnectionTrait, id: i32) -> Result<Party, AppError> {
    let u = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Party {
        id: u.id,
        username: u.username,
        display_name: u.display_name,
    })
}

async fn milestones_of(
    db: &impl ConnectionTrait,
    contract_id: i32,
) -> Result<Vec<milestone::Model>, AppError> {
    Ok(milestone::Entity::find()
        .filter(milestone::Column::ContractId.eq(contract_id))
        .order_by_asc(milestone::Column::Position)
        .all(db)
        .await?)
}

/// The contract page.
pub async fn view(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
    id: i32,
) -> Result<ContractView, AppError> {
    let (row, side) = visible(db, viewer, id).await?;
    let milestones = milestones_of(db, id).await?;
    let paid: i64 = milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Approved.as_str())
        .map(|m| m.amount_cents)
        .sum();
    let reviews = review::Entity::find()
        .filter(review::Column::ContractId.eq(id))
        .all(db)
        .await?;
    let now = now();
    let reviewed = reviews.iter().any(|r| r.reviewer_id == viewer.id);
    let completed = status_of(&row) == ContractStatus::Completed;
    let can_review = completed
        && side != ContractSide::Admin
        && !reviewed
        && row.completed_at.is_some_and(|at| window_open(at, now));
    let mut visible_reviews = Vec::new();
    let shown = |r: &&review::Model| {
        r.visible_at <= now
            && (r.hidden_at.is_none() || r.reviewer_id == viewer.id || side == ContractSide::Admin)
    };
    for r in reviews.iter().filter(shown) {
        let author = party(db, r.reviewer_id).await?;
        visible_reviews.push(crate::profiles::model::ReviewView {
            id: r.id,
            reviewer_name: author.display_name,
            reviewer_username: author.username,
            rating: r.rating,
            body: r.body.clone(),
            contract_title: row.title.clone(),
            created_at: r.created_at,
        });
    }
    let conversation_id = match crate::chat::server::conversations::team_of(db, row.gig_id).await? {
        Some(conversation) => crate::chat::server::access::membership(db, conversation, viewer.id)
            .await
            .ok()
            .map(|_| conversation),
        None => None,
    };
    let board_id = match crate::boards::server::team::board_of_gig(db, row.gig_id).await? {
        Some(board) if crate::boards::server::access::is_member(db, board, viewer.id).await? => {
            Some(board)
        }
        _ => None,
    };
    Ok(ContractView {
        id,
        gig_id: row.gig_id,
        title: row.title.clone(),
        client: party(db, row.client_id).await?,
        freelancer: party(db, row.freelancer_id).await?,
        price_type: PriceType::parse(&row.price_type).unwrap_or(PriceType::Fixed),
        amount_cents: row.amount_cents,
        paid_cents: paid,
        currency: row.currency.clone(),
        status: status_of(&row),
        cancel_requested_by: row.cancel_requested_by,
        created_at: row.created_at,
        completed_at: row.completed_at,
        milestones: milestones
            .into_iter()
            .map(|m| MilestoneView {
                id: m.id,
                title: m.title,
                amount_cents: m.amount_cents,
                due_date: m.due_date,
                status: MilestoneStatus::parse(&m.status).unwrap_or(MilestoneStatus::Pending),
            })
            .collect(),
        side,
        viewer_id: viewer.id,
        can_review,
        reviewed,
        review_deadline: row.completed_at.map(|at| at + REVIEW_WINDOW_DAYS * 86_400),
        visible_reviews,
        conversation_id,
        board_id,
    })
}

/// The viewer's contracts on either side, newest first.
pub async fn mine(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
) -> Result<Vec<ContractSummary>, AppError> {
    let rows = contract::Entity::find()
        .filter(
            Condition::any()
                .add(contract::Column::ClientId.eq(viewer.id))
                .add(contract::Column::FreelancerId.eq(viewer.id)),
        )
        .order_by_desc(contract::Column::CreatedAt)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = rows.iter().map(|c| c.id).collect();
    let mut by_contract: HashMap<i32, Vec<milestone::Model>> = HashMap::new();
    for m in milestone::Entity::find()
        .filter(milestone::Column::ContractId.is_in(ids))
        .order_by_asc(milestone::Column::Position)
        .all(db)
        .await?
    {
        by_contract.entry(m.contract_id).or_default().push(m);
    }
    let others: Vec<i32> = rows
        .iter()
        .map(|c| {
            if c.client_id == viewer.id {
                c.freelancer_id
            } else {
                c.client_id
            }
        })
        .collect();
    let people: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(others))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(rows
        .into_iter()
        .map(|c| {
            let is_client = c.client_id == viewer.id;
            let other = people.get(&if is_client {
                c.freelancer_id
            } else {
                c.client_id
            });
            let milestones = by_contract.remove(&c.id).unwrap_or_default();
            ContractSummary {
                id: c.id,
                title: c.title.clone(),
                other_name: other.map(|u| u.display_name.clone()).unwrap_or_default(),
                other_username: other.map(|u| u.username.clone()).unwrap_or_default(),
                side: if is_client {
                    ContractSide::Client
                } else {
                    ContractSide::Freelancer
                },
                status: status_of(&c),
                amount_cents: c.amount_cents,
                paid_cents: milestones
                    .iter()
                    .filter(|m| m.status == "approved")
                    .map(|m| m.amount_cents)
                    .sum(),
                currency: c.currency.clone(),
                next_milestone: milestones
                    .iter()
                    .find(|m| m.status != "approved")
                    .map(|m| m.title.clone()),
            }
        })
        .collect())
}

/// A milestone of an active contract, with the contract.
async fn active_milestone(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    milestone_id: i32,
) -> Result<(milestone::Model, contract::Model), AppError> {
    let m = milestone::Entity::find_by_id(milestone_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, _) = visible(db, viewer, m.contract_id).await?;
    if status_of(&c) != ContractStatus::Active {
        return Err(AppError::Forbidden("This contract has ended.".into()));
    }
    Ok((m, c))
}

/// The freelancer marks a milestone delivered.
pub async fn submit_milestone(
    db: &DatabaseConnection,
    hub: &Hub,
    freelancer: &CurrentUser,
    milestone_id: i32,
) -> Result<(), AppError> {
    let (m, c) = active_milestone(db, freelancer, milestone_id).await?;
    if c.freelancer_id != freelancer.id {
        return Err(AppError::Forbidden(
            "Only the freelancer on this contract can submit work.".into(),
        ));
    }
    if m.status != MilestoneStatus::Pending.as_str() {
        return Err(AppError::Forbidden(
            "This milestone was already submitted.".into(),
        ));
    }
    let title = m.title.clone();
    let txn = db.begin().await?;
    let mut active: milestone::ActiveModel = m.into();
    active.status = Set(MilestoneStatus::Submitted.as_str().into());
    active.submitted_at = Set(Some(now()));
    active.update(&txn).await?;
    let stored = raise(
        &txn,
        vec![
            Notice::new(
                c.client_id,
                NotificationKind::MilestoneDelivered,
                format!("Milestone delivered: {title}"),
                format!("/contracts/{}", c.id),
            )
            .body(format!("{} on {}", freelancer.display_name, c.title)),
        ],
    )
    .await?;
    let card = crate::boards::server::milestones::follow(
        &txn,
        milestone_id,
        crate::boards::server::milestones::Stage::Delivered,
    )
    .await?;
    txn.commit().await?;
    publish(hub, stored);
    crate::boards::server::milestones::publish(hub, card);
    Ok(())
}

/// The client approves a delivered milestone: its amount is recorded as
/// earned, and when every milestone is approved the contract completes.
pub async fn approve_milestone(
    db: &DatabaseConnection,
    hub: &Hub,
    client: &CurrentUser,
    milestone_id: i32,
) -> Result<(), AppError> {
    let (m, c) = active_milestone(db, client, milestone_id).await?;
    if c.client_id != client.id {
        return Err(AppError::Forbidden(
            "Only the client on this contract can approve work.".into(),
        ));
    }
    if m.status != MilestoneStatus::Submitted.as_str() {
        return Err(AppError::Forbidden(
            "Only submitted milestones can be approved.".into(),
        ));
    }
    let now = now();
    let txn = db.begin().await?;
    let amount = m.amount_cents;
    let id = m.id;
    let mut notices = vec![
        Notice::new(
            c.freelancer_id,
            NotificationKind::MilestoneApproved,
            format!("Milestone approved: {}", m.title),
            format!("/contracts/{}", c.id),
        )
        .body(crate::market::money::format_money(amount, &c.currency)),
    ];
    let mut active: milestone::ActiveModel = m.into();
    active.status = Set(MilestoneStatus::Approved.as_str().into());
    active.approved_at = Set(Some(now));
    active.update(&txn).await?;
    ledger_entry::ActiveModel {
        contract_id: Set(c.id),
        milestone_id: Set(id),
        freelancer_id: Set(c.freelancer_id),
        client_id: Set(c.client_id),
        amount_cents: Set(amount),
        currency: Set(c.currency.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let all_done = milestones_of(&txn, c.id)
        .await?
        .iter()
        .all(|m| m.status == MilestoneStatus::Approved.as_str());
    if all_done {
        for party in [c.client_id, c.freelancer_id] {
            notices.push(Notice::new(
                party,
                NotificationKind::ContractCompleted,
                format!("Contract completed: {}", c.title),
                format!("/contracts/{}", c.id),
            ));
        }
        let gig_id = c.gig_id;
        let mut done: contract::ActiveModel = c.into();
        done.status = Set(ContractStatus::Completed.as_str().into());
        done.completed_at = Set(Some(now));
        done.cancel_requested_by = Set(None);
        done.update(&txn).await?;
        settle_after_contracts(&txn, gig_id).await?;
    }
    let stored = raise(&txn, notices).await?;
    let card = crate::boards::server::milestones::follow(
        &txn,
        milestone_id,
        crate::boards::server::milestones::Stage::Approved,
    )
    .await?;
    txn.commit().await?;
    publish(hub, stored);
    crate::boards::server::milestones::publish(hub, card);
    Ok(())
}

/// Asks to cancel an active contract; when the other party asked already,
/// the contract is cancelled (by agreement).
pub async fn request_cancel(
    db: &DatabaseConnection,
    hub: &Hub,
    viewer: &CurrentUser,
    contract_id: i32,
) -> Result<ContractStatus, AppError> {
    let (c, side) = visible(db, viewer, contract_id).await?;
    if side == ContractSide::Admin {
        return Err(AppError::Forbidden(
            "Only the parties can cancel a contract.".into(),
        ));
    }
    if status_of(&c) != ContractStatus::Active {
        return Err(AppError::Forbidden("This contract has ended.".into()));
    }
    match c.cancel_requested_by {
        Some(by) if by == viewer.id => Err(AppError::Conflict(
            FormErrors::new()
                .with_form("You already asked to cancel; waiting for the other party."),
        )),
        Some(_) => {
            let txn = db.begin().await?;
            let gig_id = c.gig_id;
            let notices = [c.client_id, c.freelancer_id]
                .into_iter()
                .map(|party| {
                    Notice::new(
                        party,
                        NotificationKind::ContractCancelled,
                        format!("Contract cancelled: {}", c.title),
                        format!("/contracts/{}", c.id),
                    )
                })
                .collect();
            let mut active: contract::ActiveModel = c.into();
            active.status = Set(ContractStatus::Cancelled.as_str().into());
            active.cancelled_at = Set(Some(now()));
            active.update(&txn).await?;
            settle_after_contracts(&txn, gig_id).await?;
            let stored = raise(&txn, notices).await?;
            txn.commit().await?;
            publish(hub, stored);
            Ok(ContractStatus::Cancelled)
        }
        None => {
            let mut active: contract::ActiveModel = c.into();
            active.cancel_requested_by = Set(Some(viewer.id));
            active.update(db).await?;
            Ok(ContractStatus::Active)
        }
    }
}

/// Takes back one's own request to cancel.
pub async fn withdraw_cancel(
    db: &DatabaseConnection,
    viewer: &CurrentUser,
    contract_id: i32,
) -> Result<(), AppError> {
    let (c, _) = visible(db, viewer, contract_id).await?;
    if c.cancel_requested_by != Some(viewer.id) || status_of(&c) != ContractStatus::Active {
        return Err(AppError::Forbidden(
            "There is no cancellation request of yours to withdraw.".into(),
        ));
    }
    let mut active: contract::ActiveModel = c.into();
    active.cancel_requested_by = Set(None);
    active.update(db).await?;
    Ok(())
}

/// `YYYY-MM` of a Unix time.
fn month_of(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m").to_string())
        .unwrap_or_default()
}

/// The `count` months ending with the one containing `now`, oldest first.
pub fn last_months(now: i64, count: usize) -> Vec<String> {
    use chrono::Datelike;
    let Some(date) = chrono::DateTime::from_timestamp(now, 0) else {
        return Vec::new();
    };
    let (mut year, mut month) = (date.year(), date.month() as i32);
    let mut months = Vec::with_capacity(count);
    for _ in 0..count {
        months.push(format!("{year:04}-{month:02}"));
        month -= 1;
        if month == 0 {
            month = 12;
            year -= 1;
        }
    }
    months.reverse();
    months
}

/// Sums ledger entries into totals, a monthly series and per-contract figures.
pub fn summarise(
    entries: &[ledger_entry::Model],
    contracts: &[contract::Model],
    now: i64,
) -> Earnings {
    let this_month = month_of(now);
    let mut by_currency: BTreeMap<String, CurrencyEarnings> = BTreeMap::new();
    for e in entries {
        let c = by_currency
            .entry(e.currency.clone())
            .or_insert_with(|| CurrencyEarnings {
                currency: e.currency.clone(),
                this_month_cents: 0,
                total_cents: 0,
            });
        c.total_cents += e.amount_cents;
        if month_of(e.created_at) == this_month {
            c.this_month_cents += e.amount_cents;
        }
    }
    let main_currency = by_currency
        .values()
        .max_by_key(|c| c.total_cents)
        .map_or_else(
            || {
                contracts
                    .first()
                    .map(|c| c.currency.clone())
                    .unwrap_or_else(|| "USD".into())
            },
            |c| c.currency.clone(),
        );
    let monthly = last_months(now, 6)
        .into_iter()
        .map(|month| MonthEarnings {
            cents: entries
                .iter()
                .filter(|e| e.currency == main_currency && month_of(e.created_at) == month)
                .map(|e| e.amount_cents)
                .sum(),
            month,
        })
        .collect();
    let per_contract = contracts
        .iter()
        .map(|c| ContractEarnings {
            contract_id: c.id,
            title: c.title.clone(),
            currency: c.currency.clone(),
            earned_cents: entries
                .iter()
                .filter(|e| e.contract_id == c.id)
                .map(|e| e.amount_cents)
                .sum(),
            total_cents: c.amount_cents,
        })
        .collect();
    Earnings {
        by_currency: by_currency.into_values().collect(),
        main_currency,
        monthly,
        per_contract,
    }
}

/// The freelancer's earnings, from the ledger.
pub async fn earnings(db: &DatabaseConnection, freelancer_id: i32) -> Result<Earnings, AppError> {
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::FreelancerId.eq(freelancer_id))
        .all(db)
        .await?;
    let contracts = contract::Entity::find()
        .filter(contract::Column::FreelancerId.eq(freelancer_id))
        .order_by_desc(contract::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(summarise(&entries, &contracts, now()))
}

/// Posts a line from Guild in the contract's team conversation; a failure
/// is logged, never undoing the change it reports.
pub async fn announce(state: &crate::state::AppState, contract_id: i32, line: String) {
    let posted = async {
        let Some(c) = contract::Entity::find_by_id(contract_id)
            .one(&state.db)
            .await?
        else {
            return Ok(());
        };
        let Some(conversation) =
            crate::chat::server::conversations::team_of(&state.db, c.gig_id).await?
        else {
            return Ok(());
        };
        crate::chat::server::service::post_system(state, conversation, line).await
    }
    .await;
    if let Err(e) = posted {
        tracing::warn!(error = %e, contract_id, "could not post a contract line in chat");
    }
}

/// Posts "Milestone delivered/approved" (and "Contract completed" when it
/// was the last one) in the contract's team conversation.
pub async fn announce_milestone(state: &crate::state::AppState, milestone_id: i32, approved: bool) {
    let Ok(Some(m)) = milestone::Entity::find_by_id(milestone_id)
        .one(&state.db)
        .await
    else {
        return;
    };
    let verb = if approved { "approved" } else { "delivered" };
    announce(
        state,
        m.contract_id,
        format!("Milestone {verb}: {}", m.title),
    )
    .await;
    if approved
        && let Ok(Some(c)) = contract::Entity::find_by_id(m.contract_id)
            .one(&state.db)
            .await
        && c.status == ContractStatus::Completed.as_str()
    {
        announce(state, c.id, format!("Contract completed: {}", c.title)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(contract_id: i32, cents: i64, currency: &str, at: i64) -> ledger_entry::Model {
        ledger_entry::Model {
            id: 0,
            contract_id,
            milestone_id: 0,
            freelancer_id: 1,
            client_id: 2,
            amount_cents: cents,
            currency: currency.into(),
            created_at: at,
        }
    }

    #[test]
    fn months_wrap_around_the_year() {
        let jan_2027 = 1_798_761_600 + 86_400 * 10;
        assert_eq!(last_months(jan_2027, 3), ["2026-11", "2026-12", "2027-01"]);
    }

    #[test]
    fn earnings_add_up_per_currency_month_and_contract() {
        let now = 1_795_000_000; // 2026-11
        let entries = [
            entry(1, 30_000, "USD", now - 100),
            entry(1, 20_000, "USD", now - 40 * 86_400),
            entry(2, 5_000, "EUR", now - 10),
        ];
        let earnings = summarise(&entries, &[], now);
        assert_eq!(earnings.main_currency, "USD");
        let usd = earnings
            .by_currency
            .iter()
            .find(|c| c.currency == "USD")
            .unwrap();
        assert_eq!((usd.this_month_cents, usd.total_cents), (30_000, 50_000));
        assert_eq!(earnings.monthly.len(), 6);
        assert_eq!(earnings.monthly.last().unwrap().cents, 30_000);
        assert_eq!(
            earnings.monthly.iter().map(|m| m.cents).sum::<i64>(),
            50_000
        );
    }
}
