//! Creating conversations: a direct one between a client and a freelancer,
//! and a gig team's one, which every freelancer hired on the gig joins.

use crate::entity::{conversation, conversation_member as member};
use crate::error::AppError;
use crate::live::protocol::Event;
use crate::live::server::hub::now_ms;
use crate::live::server::log;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

/// Adds `users` to `conversation` (those already in stay as they are);
/// returns a `Joined` event for each new member.
async fn add_members(
    db: &impl ConnectionTrait,
    conversation: i32,
    users: &[i32],
) -> Result<Vec<(i32, Event)>, AppError> {
    let mut events = Vec::new();
    for &user in users {
        let added = member::Entity::insert(member::ActiveModel {
            conversation_id: Set(conversation),
            user_id: Set(user),
            last_read_id: Set(0),
            joined_at: Set(now_ms()),
        })
        .on_conflict(
            OnConflict::columns([member::Column::ConversationId, member::Column::UserId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        if added > 0 {
            events.push((
                user,
                Event::Joined {
                    conversation_id: conversation,
                },
            ));
        }
    }
    Ok(events)
}

/// The direct conversation of `client` and `freelancer`, opened by
/// `started_by` if it does not exist yet (the messaging rule is checked by
/// the caller). Returns its id and the events to store.
pub async fn open_direct(
    db: &impl ConnectionTrait,
    client: i32,
    freelancer: i32,
    started_by: i32,
) -> Result<(i32, Vec<log::Stored>), AppError> {
    if let Some(existing) = conversation::Entity::find()
        .filter(conversation::Column::Kind.eq(conversation::Kind::Direct))
        .filter(conversation::Column::ClientId.eq(client))
        .filter(conversation::Column::FreelancerId.eq(freelancer))
        .one(db)
        .await?
    {
        return Ok((existing.id, Vec::new()));
    }
    let now = now_ms();
    let row = conversation::ActiveModel {
        client_id: Set(client),
        freelancer_id: Set(freelancer),
        started_by: Set(started_by),
        created_at: Set(now / 1000),
        kind: Set(conversation::Kind::Direct),
        gig_id: Set(None),
        last_message_id: Set(0),
        last_activity_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let events = add_members(db, row.id, &[client, freelancer]).await?;
    Ok((row.id, log::append(db, events).await?))
}

/// Puts `freelancer` (and the gig's owner `client`) in the team
/// conversation of `gig`, creating it on the first hire. Call inside the
/// transaction that accepts the proposal; publish the answer after commit.
pub async fn join_team(
    db: &impl ConnectionTrait,
    gig: i32,
    client: i32,
    freelancer: i32,
) -> Result<(i32, Vec<log::Stored>), AppError> {
    let id = match team_of(db, gig).await? {
        Some(id) => id,
        None => {
            let now = now_ms();
            conversation::ActiveModel {
                client_id: Set(client),
                freelancer_id: Set(freelancer),
                started_by: Set(client),
                created_at: Set(now / 1000),
                kind: Set(conversation::Kind::Team),
                gig_id: Set(Some(gig)),
                last_message_id: Set(0),
                last_activity_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    };
    let events = add_members(db, id, &[client, freelancer]).await?;
    Ok((id, log::append(db, events).await?))
}

/// The team conversation of `gig`, if anyone was hired on it.
pub async fn team_of(db: &impl ConnectionTrait, gig: i32) -> Result<Option<i32>, AppError> {
    Ok(conversation::Entity::find()
        .filter(conversation::Column::GigId.eq(gig))
        .one(db)
        .await?
        .map(|c| c.id))
}

/// Gives every gig with contracts made before team conversations existed
/// its team conversation (members: the client and each hired freelancer).
/// Returns how many hires were added; nothing once all are in.
pub async fn backfill_teams(db: &sea_orm::DatabaseConnection) -> Result<usize, AppError> {
    use crate::entity::contract;
    use sea_orm::{QuerySelect, TransactionTrait};
    let hires: Vec<(i32, i32, i32)> = contract::Entity::find()
        .select_only()
        .columns([
            contract::Column::GigId,
            contract::Column::ClientId,
            contract::Column::FreelancerId,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let teams: std::collections::HashMap<i32, i32> = conversation::Entity::find()
        .select_only()
        .columns([conversation::Column::GigId, conversation::Column::Id])
        .filter(conversation::Column::Kind.eq(conversation::Kind::Team))
        .into_tuple::<(Option<i32>, i32)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(gig, id)| gig.map(|g| (g, id)))
        .collect();
    let members: std::collections::HashSet<(i32, i32)> = member::Entity::find()
        .select_only()
        .columns([member::Column::ConversationId, member::Column::UserId])
        .filter(member::Column::ConversationId.is_in(teams.values().copied().collect::<Vec<_>>()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let missing: Vec<(i32, i32, i32)> = hires
        .into_iter()
        .filter(|(gig, _, freelancer)| {
            !teams
                .get(gig)
                .is_some_and(|id| members.contains(&(*id, *freelancer)))
        })
        .collect();
    if missing.is_empty() {
        return Ok(0);
    }
    let txn = db.begin().await?;
    for (gig, client, freelancer) in &missing {
        join_team(&txn, *gig, *client, *freelancer).await?;
    }
    txn.commit().await?;
    Ok(missing.len())
}
