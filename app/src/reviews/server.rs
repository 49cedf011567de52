//! Writing reviews, deciding when they become visible, and keeping the
//! cached ratings on freelancer profiles equal to the visible reviews.

use super::REVIEW_WINDOW_DAYS;
use crate::accounts::server::now;
use crate::entity::{contract, freelancer_profile, review, user};
use crate::error::{AppError, FormErrors};
use crate::market::ContractStatus;
use crate::profiles::model::ReviewView;
use crate::text::text;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Statement,
    TransactionTrait,
};
use std::collections::HashMap;

const DAY: i64 = 24 * 60 * 60;

/// Whether the review window of a contract completed at `completed_at` is open at `now`.
pub fn window_open(completed_at: i64, now: i64) -> bool {
    now <= completed_at + REVIEW_WINDOW_DAYS * DAY
}

/// Writes `reviewer_id`'s review of the other party of a completed contract.
/// Both reviews become visible when the second is written, otherwise when
/// the window closes.
pub async fn submit(
    db: &DatabaseConnection,
    hub: &crate::live::server::hub::Hub,
    reviewer_id: i32,
    contract_id: i32,
    rating: &str,
    body: &str,
) -> Result<(), AppError> {
    let contract = contract::Entity::find_by_id(contract_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let reviewee_id = if contract.client_id == reviewer_id {
        contract.freelancer_id
    } else if contract.freelancer_id == reviewer_id {
        contract.client_id
    } else {
        return Err(AppError::NotFound);
    };
    let now = now();
    let completed_at = match (contract.status.as_str(), contract.completed_at) {
        (s, Some(at)) if s == ContractStatus::Completed.as_str() => at,
        _ => {
            return Err(AppError::Forbidden(
                "Reviews open when the contract is completed.".into(),
            ));
        }
    };
    if !window_open(completed_at, now) {
        return Err(AppError::Forbidden(format!(
            "The {REVIEW_WINDOW_DAYS}-day review window for this contract has closed."
        )));
    }
    let mut errors = FormErrors::new();
    errors.keep("rating", rating).keep("body", body);
    let stars = match rating.trim().parse::<i32>() {
        Ok(n) if (1..=5).contains(&n) => n,
        _ => {
            errors.add("rating", "Choose from 1 to 5 stars.");
            0
        }
    };
    let body = text(
        body,
        2000,
        Some("Write a few words about working together."),
    )
    .map_err(|m| errors.add("body", m))
    .ok();
    errors.into_result()?;

    let txn = db.begin().await?;
    let existing = review::Entity::find()
        .filter(review::Column::ContractId.eq(contract_id))
        .all(&txn)
        .await?;
    if existing.iter().any(|r| r.reviewer_id == reviewer_id) {
        return Err(AppError::Conflict(
            FormErrors::new().with_form("You have already reviewed this contract."),
        ));
    }
    let other_reviewed = existing.iter().any(|r| r.reviewer_id == reviewee_id);
    let visible_at = if other_reviewed {
        now
    } else {
        completed_at + REVIEW_WINDOW_DAYS * DAY
    };
    let inserted = review::ActiveModel {
        contract_id: Set(contract_id),
        reviewer_id: Set(reviewer_id),
        reviewee_id: Set(reviewee_id),
        rating: Set(stars),
        body: Set(body.unwrap_or_default()),
        created_at: Set(now),
        visible_at: Set(visible_at),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    if let Err(e) = inserted {
        return Err(match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(
                FormErrors::new().with_form("You have already reviewed this contract."),
            ),
            _ => e.into(),
        });
    }
    if other_reviewed {
        review::Entity::update_many()
            .col_expr(review::Column::VisibleAt, Expr::value(now))
            .filter(review::Column::ContractId.eq(contract_id))
            .exec(&txn)
            .await?;
    }
    refresh_rating(&txn, contract.freelancer_id).await?;
    let notice = crate::notifications::server::Notice::new(
        reviewee_id,
        crate::notifications::model::NotificationKind::ReviewReceived,
        format!("You received a review for {}", contract.title),
        format!("/contracts/{contract_id}"),
    )
    .body(if other_reviewed {
        "Both reviews are now visible."
    } else {
        "It becomes visible when you write yours, or when the review window closes."
    });
    let stored = crate::notifications::server::raise(&txn, vec![notice]).await?;
    txn.commit().await?;
    crate::live::server::log::publish(hub, stored);
    Ok(())
}

#[derive(Debug, FromQueryResult)]
struct Aggregate {
    avg: Option<f64>,
    n: i64,
}

/// Recomputes a freelancer's cached rating from the visible reviews they
/// received as the freelancer of a contract.
pub async fn refresh_rating(db: &impl ConnectionTrait, freelancer_id: i32) -> Result<(), AppError> {
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT AVG(CAST(r.rating AS DOUBLE PRECISION)) AS avg, COUNT(*) AS n FROM reviews r \
         JOIN contracts c ON c.id = r.contract_id \
         WHERE r.reviewee_id = $1 AND c.freelancer_id = $1 AND r.visible_at <= $2 \
           AND r.hidden_at IS NULL",
        [freelancer_id.into(), now().into()],
    );
    let aggregate = Aggregate::find_by_statement(stmt)
        .one(db)
        .await?
        .unwrap_or(Aggregate { avg: None, n: 0 });
    freelancer_profile::Entity::update_many()
        .col_expr(
            freelancer_profile::Column::RatingAvg,
            Expr::value(aggregate.avg.map(|a| (a * 100.0).round() / 100.0)),
        )
        .col_expr(
            freelancer_profile::Column::ReviewCount,
            Expr::value(aggregate.n as i32),
        )
        .filter(freelancer_profile::Column::UserId.eq(freelancer_id))
        .exec(db)
        .await?;
    crate::search::TALENT_CHANGED.bump();
    Ok(())
}

/// Refreshes the ratings of freelancers whose reviews became visible in
/// `(since, until]` because their window closed. Returns how many.
pub async fn refresh_due(
    db: &DatabaseConnection,
    since: i64,
    until: i64,
) -> Result<usize, AppError> {
    let due: Vec<i32> = review::Entity::find()
        .select_only()
        .column(review::Column::RevieweeId)
        .filter(review::Column::VisibleAt.gt(since))
        .filter(review::Column::VisibleAt.lte(until))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    for id in &due {
        refresh_rating(db, *id).await?;
    }
    Ok(due.len())
}

/// Visible reviews received by `user_id` in the given side of contracts,
/// newest first, with reviewer names and contract titles.
pub async fn visible_reviews_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    as_freelancer: bool,
    limit: u64,
) -> Result<Vec<ReviewView>, AppError> {
    let contracts: HashMap<i32, contract::Model> = contract::Entity::find()
        .filter(if as_freelancer {
            contract::Column::FreelancerId.eq(user_id)
        } else {
            contract::Column::ClientId.eq(user_id)
        })
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    if contracts.is_empty() {
        return Ok(Vec::new());
    }
    let reviews = review::Entity::find()
        .filter(review::Column::RevieweeId.eq(user_id))
        .filter(review::Column::ContractId.is_in(contracts.keys().copied().collect::<Vec<_>>()))
        .filter(review::Column::VisibleAt.lte(now()))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?;
    let reviewers: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(reviews.iter().map(|r| r.reviewer_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(reviews
        .into_iter()
        .map(|r| {
            let reviewer = reviewers.get(&r.reviewer_id);
            ReviewView {
                id: r.id,
                reviewer_name: reviewer.map(|u| u.display_name.clone()).unwrap_or_default(),
                reviewer_username: reviewer.map(|u| u.username.clone()).unwrap_or_default(),
                rating: r.rating,
                body: r.body,
                contract_title: contracts
                    .get(&r.contract_id)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                created_at: r.created_at,
            }
        })
        .collect())
}

/// The average of the visible reviews a client received, if any.
pub fn average(reviews: &[ReviewView]) -> Option<f64> {
    (!reviews.is_empty()).then(|| {
        let sum: i32 = reviews.iter().map(|r| r.rating).sum();
        (f64::from(sum) / reviews.len() as f64 * 100.0).round() / 100.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_fourteen_days() {
        assert!(window_open(0, 14 * DAY));
        assert!(!window_open(0, 14 * DAY + 1));
    }

    #[test]
    fn averages_round_to_two_places() {
        let r = |rating| ReviewView {
            id: 0,
            reviewer_name: String::new(),
            reviewer_username: String::new(),
            rating,
            body: String::new(),
            contract_title: String::new(),
            created_at: 0,
        };
        assert_eq!(average(&[r(5), r(4), r(4)]), Some(4.33));
        assert_eq!(average(&[]), None);
    }
}
