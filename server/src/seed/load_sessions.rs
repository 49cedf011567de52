//! Signed-in sessions for the live load tool, minted straight into the
//! database (thousands of argon2 log-ins would take minutes): `users` new
//! accounts in pairs, each pair in a direct conversation, each account with
//! a session. The accounts cannot log in (their password hash is not a
//! hash); the sessions expire like any other.

use app::accounts::server::{now, session_keys};
use app::entity::{conversation, conversation_member as member, session, user};
use app::error::AppError;
use app::live::server::hub::now_ms;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde::Serialize;
use tower_sessions::session::Id;

/// One minted user, as the load tool reads it.
#[derive(Debug, Serialize)]
pub struct LoadUser {
    /// The account id.
    pub user_id: i32,
    /// The `Cookie` header value.
    pub cookie: String,
    /// The pair's direct conversation.
    pub conversation_id: i32,
    /// The other member of the pair.
    pub partner_id: i32,
}

/// Mints `users` (rounded up to even) accounts with sessions and pairwise
/// conversations.
pub async fn mint(
    db: &DatabaseConnection,
    users: usize,
    cookie_name: &str,
) -> Result<Vec<LoadUser>, AppError> {
    let users = users.div_ceil(2) * 2;
    let run = format!("{:x}", fastrand::u32(..));
    let now_s = now();
    let txn = db.begin().await?;
    for chunk in (0..users).collect::<Vec<_>>().chunks(500) {
        user::Entity::insert_many(chunk.iter().map(|i| user::ActiveModel {
            email: Set(format!("load-{run}-{i}@load.guild")),
            username: Set(format!("load_{run}_{i}")),
            display_name: Set(format!("Load {i}")),
            password_hash: Set("!".into()),
            has_client: Set(i % 2 == 0),
            has_freelancer: Set(i % 2 == 1),
            active_mode: Set(if i % 2 == 0 { "client" } else { "freelancer" }.into()),
            is_admin: Set(false),
            is_super_admin: Set(false),
            created_at: Set(now_s),
            updated_at: Set(now_s),
            ..Default::default()
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    let ids: Vec<i32> = user::Entity::find()
        .filter(user::Column::Username.starts_with(format!("load_{run}_")))
        .order_by_asc(user::Column::Id)
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut out = Vec::with_capacity(users);
    let now = now_ms();
    for pair in ids.chunks(2) {
        let [a, b] = [pair[0], pair[1]];
        let conversation = conversation::Entity::insert(conversation::ActiveModel {
            client_id: Set(a),
            freelancer_id: Set(b),
            started_by: Set(a),
            created_at: Set(now_s),
            kind: Set(conversation::Kind::Direct),
            gig_id: Set(None),
            last_message_id: Set(0),
            last_activity_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        member::Entity::insert_many([a, b].map(|u| member::ActiveModel {
            conversation_id: Set(conversation),
            user_id: Set(u),
            last_read_id: Set(0),
            joined_at: Set(now),
        }))
        .exec_without_returning(&txn)
        .await?;
        for (me, partner) in [(a, b), (b, a)] {
            let id = Id::default();
            let data = serde_json::json!({
                session_keys::USER_ID: me,
                session_keys::STARTED_AT: now_s,
                session_keys::TOUCHED_AT: now_s,
            });
            session::Entity::insert(session::ActiveModel {
                id: Set(id.to_string()),
                user_id: Set(Some(me)),
                data: Set(data.to_string()),
                expires_at: Set(now_s + 11 * 3600),
            })
            .exec_without_returning(&txn)
            .await?;
            out.push(LoadUser {
                user_id: me,
                cookie: format!("{cookie_name}={id}"),
                conversation_id: conversation,
                partner_id: partner,
            });
        }
    }
    txn.commit().await?;
    Ok(out)
}
