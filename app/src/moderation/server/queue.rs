//! The admin queue: objects with reports (open or resolved), gigs and
//! profiles waiting for approval, and hidden content, filtered by kind and
//! age; and the counts the admin navigation shows.

use crate::accounts::server::now;
use crate::entity::{freelancer_profile, gig, message, report, review, user};
use crate::error::{AppError, FormErrors};
use crate::market::{GigStatus, ProfileStatus};
use crate::moderation::model::{
    AGE_CHOICES, ObjectKind, QueueCounts, QueueItem, QueueView, ReportLine, ReportStatus,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};
use std::collections::HashMap;

/// The most objects one view lists.
pub const MAX_ITEMS: usize = 100;

/// A checked queue filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFilter {
    /// Which part of the queue.
    pub view: QueueView,
    /// Only this kind of object.
    pub kind: Option<ObjectKind>,
    /// Only items waiting longer than this many days.
    pub older_than_days: Option<i64>,
}

/// Reads the filter from the address; each bad field gets its own message.
pub fn check_filter(
    view: Option<String>,
    kind: Option<String>,
    age: Option<String>,
) -> Result<QueueFilter, AppError> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut errors = FormErrors::new();
    let view = if blank(&view) {
        Some(QueueView::Open)
    } else {
        QueueView::parse(view.as_deref().unwrap_or_default().trim())
    };
    if view.is_none() {
        errors.add("view", "Choose a part of the queue.");
    }
    let kind_value = kind.as_deref().unwrap_or_default().trim();
    let kind = match kind_value {
        "" | "all" => None,
        other => match ObjectKind::parse(other).filter(|k| k.reportable()) {
            Some(k) => Some(k),
            None => {
                errors.add("kind", "Choose a kind of content.");
                None
            }
        },
    };
    let older_than_days = if blank(&age) {
        None
    } else {
        let age = age.as_deref().unwrap_or_default().trim();
        match AGE_CHOICES.iter().find(|(k, _)| *k == age) {
            Some((k, _)) => k.parse().ok(),
            None => {
                errors.add("age", "Choose an age.");
                None
            }
        }
    };
    match view {
        Some(view) if errors.is_empty() => Ok(QueueFilter {
            view,
            kind,
            older_than_days,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

type Key = (ObjectKind, i64);

/// What the queue shows of an object.
struct Described {
    title: String,
    link: String,
    author: Option<i32>,
    hidden: bool,
}

fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 140 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(140).collect::<String>())
    }
}

/// The queue's items for `filter`, oldest waiting first (resolved reports:
/// newest first).
pub async fn items(
    db: &impl ConnectionTrait,
    filter: &QueueFilter,
) -> Result<Vec<QueueItem>, AppError> {
    let cutoff = filter.older_than_days.map(|d| now() - d * 86_400);
    let wants = |k: ObjectKind| filter.kind.is_none_or(|f| f == k);
    let mut order: Vec<Key> = Vec::new();
    let mut since: HashMap<Key, i64> = HashMap::new();
    let mut reports: HashMap<Key, Vec<report::Model>> = HashMap::new();
    let mut approval = false;
    match filter.view {
        QueueView::Open | QueueView::Resolved => {
            let mut select = report::Entity::find().limit(1000);
            select = if filter.view == QueueView::Open {
                select
                    .filter(report::Column::Status.eq(ReportStatus::Open))
                    .order_by_asc(report::Column::CreatedAt)
            } else {
                select
                    .filter(report::Column::Status.ne(ReportStatus::Open))
                    .order_by_desc(report::Column::ResolvedAt)
            };
            if let Some(kind) = filter.kind {
                select = select.filter(report::Column::Kind.eq(kind));
            }
            if let Some(cutoff) = cutoff {
                select = select.filter(report::Column::CreatedAt.lte(cutoff));
            }
            for row in select.order_by_asc(report::Column::Id).all(db).await? {
                let key = (row.kind, row.object_id);
                if !reports.contains_key(&key) {
                    order.push(key);
                    since.insert(key, row.created_at);
                }
                reports.entry(key).or_default().push(row);
            }
        }
        QueueView::Approval => {
            approval = true;
            if wants(ObjectKind::Profile) {
                let mut select = freelancer_profile::Entity::find()
                    .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Pending.as_str()))
                    .order_by_asc(freelancer_profile::Column::SubmittedAt);
                if let Some(cutoff) = cutoff {
                    select = select.filter(freelancer_profile::Column::SubmittedAt.lte(cutoff));
                }
                for p in select.limit(MAX_ITEMS as u64).all(db).await? {
                    let key = (ObjectKind::Profile, i64::from(p.user_id));
                    order.push(key);
                    since.insert(key, p.submitted_at.unwrap_or(p.updated_at));
                }
            }
            if wants(ObjectKind::Gig) {
                let mut select = gig::Entity::find()
                    .filter(gig::Column::Status.eq(GigStatus::Pending.as_str()))
                    .order_by_asc(gig::Column::UpdatedAt);
                if let Some(cutoff) = cutoff {
                    select = select.filter(gig::Column::UpdatedAt.lte(cutoff));
                }
                for g in select.limit(MAX_ITEMS as u64).all(db).await? {
                    let key = (ObjectKind::Gig, i64::from(g.id));
                    order.push(key);
                    since.insert(key, g.updated_at);
                }
            }
        }
        QueueView::Hidden => {
            if wants(ObjectKind::Profile) {
                let mut select = freelancer_profile::Entity::find()
                    .filter(freelancer_profile::Column::HiddenAt.is_not_null());
                if let Some(cutoff) = cutoff {
                    select = select.filter(freelancer_profile::Column::HiddenAt.lte(cutoff));
                }
                for p in select.limit(MAX_ITEMS as u64).all(db).await? {
                    let key = (ObjectKind::Profile, i64::from(p.user_id));
                    order.push(key);
                    since.insert(key, p.hidden_at.unwrap_or_default());
                }
            }
            if wants(ObjectKind::Gig) {
                let mut select = gig::Entity::find().filter(gig::Column::HiddenAt.is_not_null());
                if let Some(cutoff) = cutoff {
                    select = select.filter(gig::Column::HiddenAt.lte(cutoff));
                }
                for g in select.limit(MAX_ITEMS as u64).all(db).await? {
                    let key = (ObjectKind::Gig, i64::from(g.id));
                    order.push(key);
                    since.insert(key, g.hidden_at.unwrap_or_default());
                }
            }
            if wants(ObjectKind::Review) {
                let mut select =
                    review::Entity::find().filter(review::Column::HiddenAt.is_not_null());
                if let Some(cutoff) = cutoff {
                    select = select.filter(review::Column::HiddenAt.lte(cutoff));
                }
                for r in select.limit(MAX_ITEMS as u64).all(db).await? {
                    let key = (ObjectKind::Review, i64::from(r.id));
                    order.push(key);
                    since.insert(key, r.hidden_at.unwrap_or_default());
                }
            }
            order.sort_by_key(|k| since.get(k).copied().unwrap_or_default());
        }
    }
    order.truncate(MAX_ITEMS);
    let described = describe(db, &order).await?;
    let mut people: Vec<i32> = described.values().filter_map(|d| d.author).collect();
    people.extend(reports.values().flatten().map(|r| r.reporter_id));
    people.sort_unstable();
    people.dedup();
    let accounts: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let at = now();
    Ok(order
        .into_iter()
        .map(|key| {
            let d = described.get(&key);
            let author = d.and_then(|d| d.author).and_then(|id| accounts.get(&id));
            QueueItem {
                kind: key.0,
                object_id: key.1,
                title: d.map_or_else(|| "(no longer exists)".into(), |d| d.title.clone()),
                link: d.map(|d| d.link.clone()).unwrap_or_default(),
                author: author.map(|a| a.username.clone()).unwrap_or_default(),
                author_suspended: author
                    .is_some_and(|a| crate::accounts::server::suspension::is_suspended_at(a, at)),
                hidden: d.is_some_and(|d| d.hidden),
                awaiting_approval: approval,
                reports: reports
                    .remove(&key)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| ReportLine {
                        id: r.id,
                        reporter: accounts
                            .get(&r.reporter_id)
                            .map(|a| a.username.clone())
                            .unwrap_or_default(),
                        reason: r.reason,
                        detail: r.detail,
                        status: r.status,
                        created_at: r.created_at,
                    })
                    .collect(),
                since: since.get(&key).copied().unwrap_or_default(),
            }
        })
        .collect())
}

fn ids_of(keys: &[Key], kind: ObjectKind) -> Vec<i64> {
    keys.iter().filter(|k| k.0 == kind).map(|k| k.1).collect()
}

fn small_ids(keys: &[Key], kind: ObjectKind) -> Vec<i32> {
    ids_of(keys, kind)
        .into_iter()
        .filter_map(|id| i32::try_from(id).ok())
        .collect()
}

/// Titles, links and authors of the objects (a query per kind).
async fn describe(
    db: &impl ConnectionTrait,
    keys: &[Key],
) -> Result<HashMap<Key, Described>, AppError> {
    let mut out = HashMap::new();
    for g in gig::Entity::find()
        .filter(gig::Column::Id.is_in(small_ids(keys, ObjectKind::Gig)))
        .all(db)
        .await?
    {
        out.insert(
            (ObjectKind::Gig, i64::from(g.id)),
            Described {
                title: g.title,
                link: format!("/gigs/{}", g.id),
                author: Some(g.owner_id),
                hidden: g.hidden_at.is_some(),
            },
        );
    }
    let profile_ids = small_ids(keys, ObjectKind::Profile);
    let owners: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(profile_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    for p in freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::UserId.is_in(profile_ids))
        .all(db)
        .await?
    {
        let Some(owner) = owners.get(&p.user_id) else {
            continue;
        };
        out.insert(
            (ObjectKind::Profile, i64::from(p.user_id)),
            Described {
                title: format!("{} — {}", owner.display_name, p.tagline),
                link: format!("/talent/{}", owner.username),
                author: Some(p.user_id),
                hidden: p.hidden_at.is_some(),
            },
        );
    }
    for r in review::Entity::find()
        .filter(review::Column::Id.is_in(small_ids(keys, ObjectKind::Review)))
        .all(db)
        .await?
    {
        out.insert(
            (ObjectKind::Review, i64::from(r.id)),
            Described {
                title: format!("{}★ “{}”", r.rating, excerpt(&r.body)),
                link: format!("/contracts/{}", r.contract_id),
                author: Some(r.reviewer_id),
                hidden: r.hidden_at.is_some(),
            },
        );
    }
    for m in message::Entity::find()
        .filter(message::Column::Id.is_in(ids_of(keys, ObjectKind::Message)))
        .all(db)
        .await?
    {
        out.insert(
            (ObjectKind::Message, m.id),
            Described {
                title: if m.deleted_at.is_some() {
                    "(deleted by its author)".into()
                } else {
                    format!("“{}”", excerpt(&m.body))
                },
                link: String::new(),
                author: m.sender_id,
                hidden: false,
            },
        );
    }
    Ok(out)
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
}

/// The counts of the admin navigation (four small queries).
pub async fn counts(db: &impl ConnectionTrait) -> Result<QueueCounts, AppError> {
    let backend = db.get_database_backend();
    let open_reports = Count::find_by_statement(Statement::from_string(
        backend,
        "SELECT COUNT(*) AS n FROM (SELECT kind, object_id FROM reports WHERE status = 'open' \
         GROUP BY kind, object_id) grouped",
    ))
    .one(db)
    .await?
    .map_or(0, |c| c.n);
    let pending_profiles = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::Status.eq(ProfileStatus::Pending.as_str()))
        .count(db)
        .await?;
    let pending_gigs = gig::Entity::find()
        .filter(gig::Column::Status.eq(GigStatus::Pending.as_str()))
        .count(db)
        .await?;
    let hidden = Count::find_by_statement(Statement::from_string(
        backend,
        "SELECT (SELECT COUNT(*) FROM gigs WHERE hidden_at IS NOT NULL) \
              + (SELECT COUNT(*) FROM freelancer_profiles WHERE hidden_at IS NOT NULL) \
              + (SELECT COUNT(*) FROM reviews WHERE hidden_at IS NOT NULL) AS n",
    ))
    .one(db)
    .await?
    .map_or(0, |c| c.n);
    Ok(QueueCounts {
        open_reports: open_reports.max(0) as u64,
        awaiting_approval: pending_profiles + pending_gigs,
        hidden: hidden.max(0) as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_defaults_to_open_reports_and_names_bad_fields() {
        let f = check_filter(None, None, None).unwrap();
        assert_eq!(f.view, QueueView::Open);
        assert_eq!(f.kind, None);
        let f = check_filter(Some("hidden".into()), Some("gig".into()), Some("7".into())).unwrap();
        assert_eq!(
            (f.view, f.kind, f.older_than_days),
            (QueueView::Hidden, Some(ObjectKind::Gig), Some(7))
        );
        let e = check_filter(Some("x".into()), Some("user".into()), Some("2".into())).unwrap_err();
        assert!(e.field("view").is_some() && e.field("kind").is_some() && e.field("age").is_some());
    }
}
