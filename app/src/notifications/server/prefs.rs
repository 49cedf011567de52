//! Notification preferences: in-app on for every kind and email off until
//! the user chooses otherwise.

use crate::entity::notification_pref as pref;
use crate::error::AppError;
use crate::notifications::model::{EmailChoice, NotificationKind, Preference};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The default for a kind nobody chose for.
pub fn default_for(kind: NotificationKind) -> Preference {
    Preference {
        kind,
        in_app: true,
        email: EmailChoice::Off,
    }
}

/// `user`'s preference for `kind`.
pub async fn preference(
    db: &impl ConnectionTrait,
    user: i32,
    kind: NotificationKind,
) -> Result<Preference, AppError> {
    Ok(pref::Entity::find_by_id((user, kind))
        .one(db)
        .await?
        .map_or_else(
            || default_for(kind),
            |row| Preference {
                kind,
                in_app: row.in_app,
                email: row.email,
            },
        ))
}

/// Every kind's preference for `user`, in page order.
pub async fn all(db: &impl ConnectionTrait, user: i32) -> Result<Vec<Preference>, AppError> {
    let rows = pref::Entity::find()
        .filter(pref::Column::UserId.eq(user))
        .all(db)
        .await?;
    Ok(NotificationKind::ALL
        .into_iter()
        .map(|kind| {
            rows.iter().find(|r| r.kind == kind).map_or_else(
                || default_for(kind),
                |row| Preference {
                    kind,
                    in_app: row.in_app,
                    email: row.email,
                },
            )
        })
        .collect())
}

/// Saves `user`'s preferences.
pub async fn save(
    db: &impl ConnectionTrait,
    user: i32,
    prefs: &[Preference],
) -> Result<(), AppError> {
    for p in prefs {
        pref::Entity::insert(pref::ActiveModel {
            user_id: Set(user),
            kind: Set(p.kind),
            in_app: Set(p.in_app),
            email: Set(p.email),
        })
        .on_conflict(
            OnConflict::columns([pref::Column::UserId, pref::Column::Kind])
                .update_columns([pref::Column::InApp, pref::Column::Email])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}
