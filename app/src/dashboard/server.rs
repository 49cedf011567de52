//! Assembling the dashboards.

use super::api::{ClientDashboardData, FreelancerDashboardData};
use crate::accounts::model::CurrentUser;
use crate::contracts::model::{ContractSide, ContractSummary};
use crate::entity::client_profile;
use crate::error::AppError;
use crate::market::{ContractStatus, FreelancerKind, ProfileStatus};
use crate::profiles::server::repo::find_row;
use crate::profiles::steps;
use crate::suggestions::classifier::RoleModel;
use crate::suggestions::server::matching::{Weights, recommend_gigs};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, Statement};

/// The freelancer/coach dashboard.
pub async fn freelancer(
    db: &DatabaseConnection,
    model: &RoleModel,
    user: &CurrentUser,
) -> Result<FreelancerDashboardData, AppError> {
    let row = find_row(db, user.id).await?;
    let kind = row.as_ref().and_then(|r| FreelancerKind::parse(&r.kind));
    let status = row.as_ref().and_then(|r| ProfileStatus::parse(&r.status));
    let resume_href = match (&row, kind, status) {
        (Some(r), Some(k), Some(ProfileStatus::Draft)) => {
            Some(steps::resume(k, r.onboarding_step).href())
        }
        (None, _, _) => Some("/onboarding".to_string()),
        _ => None,
    };
    let recommended = match status {
        Some(ProfileStatus::Approved) => {
            recommend_gigs(db, model, user.id, &Weights::default(), 6).await?
        }
        _ => Vec::new(),
    };
    let mut proposals = crate::proposals::server::mine(db, user).await?;
    proposals.truncate(10);
    let contracts: Vec<ContractSummary> = crate::contracts::server::mine(db, user)
        .await?
        .into_iter()
        .filter(|c| c.side == ContractSide::Freelancer && c.status == ContractStatus::Active)
        .collect();
    Ok(FreelancerDashboardData {
        profile_status: status,
        kind,
        rejection_reason: row.map(|r| r.rejection_reason).unwrap_or_default(),
        resume_href,
        recommended,
        proposals,
        contracts,
        earnings: crate::contracts::server::earnings(db, user.id).await?,
    })
}

#[derive(Debug, FromQueryResult)]
struct RoleCount {
    role_id: String,
    n: i64,
}

/// Roles with the most approved talent.
pub async fn popular_roles(
    db: &DatabaseConnection,
    limit: i64,
) -> Result<Vec<(String, i64)>, AppError> {
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT pr.role_id, COUNT(*) AS n FROM profile_roles pr JOIN freelancer_profiles fp ON fp.user_id = pr.user_id \
         WHERE fp.status = 'approved' GROUP BY pr.role_id ORDER BY n DESC, pr.role_id LIMIT $1",
        [limit.into()],
    );
    Ok(RoleCount::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.role_id, r.n))
        .collect())
}

/// The client/student dashboard.
pub async fn client(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<ClientDashboardData, AppError> {
    let profile_done = client_profile::Entity::find_by_id(user.id)
        .one(db)
        .await?
        .is_some();
    let contracts = crate::contracts::server::mine(db, user)
        .await?
        .into_iter()
        .filter(|c| c.side == ContractSide::Client)
        .collect();
    Ok(ClientDashboardData {
        profile_done,
        gigs: crate::gigs::server::service::mine(db, user).await?,
        contracts,
        popular_roles: popular_roles(db, 8).await?,
    })
}
