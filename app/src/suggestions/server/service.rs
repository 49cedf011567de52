//! The need box: predict roles, find matching talent and skills, keep history.

use super::matching::talent_for_need;
use crate::accounts::model::CurrentUser;
use crate::accounts::server::now;
use crate::entity::{gig, gig_role, gig_skill, suggestion};
use crate::error::{AppError, FormErrors};
use crate::market::{skill_catalog, taxonomy};
use crate::search::index::index_gig;
use crate::state::AppState;
use crate::suggestions::model::{HistoryItem, NeedSuggestion, SuggestedRole};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

/// A repeated identical need within this many seconds reuses its history entry.
const DEDUPE_SECS: i64 = 600;
/// Most skills picked out of a statement.
const MAX_SKILLS: usize = 8;

fn role(id: &str, score: f32) -> SuggestedRole {
    let info = taxonomy::role(id);
    SuggestedRole {
        id: id.to_string(),
        name: info.map_or_else(|| id.to_string(), |r| r.name.clone()),
        category: info.map(|r| r.category.clone()).unwrap_or_default(),
        score,
    }
}

/// Checks a need statement (3 to 2,000 characters of text).
pub fn validate_need(raw: &str) -> Result<String, AppError> {
    const LENGTH: &str = "Describe what you need in 3 to 2,000 characters.";
    let problem = match crate::text::text(raw, 2000, Some(LENGTH)) {
        Ok(text) if text.chars().count() >= 3 => return Ok(text),
        Ok(_) => LENGTH.to_string(),
        Err(message) if message.starts_with("Keep this under") => LENGTH.to_string(),
        Err(message) => message,
    };
    let mut e = FormErrors::new();
    e.keep("text", raw).add("text", problem);
    Err(AppError::Invalid(e))
}

/// Approved skills the statement mentions (whole words, any case).
pub async fn mentioned_skills(state: &AppState, text: &str) -> Result<Vec<String>, AppError> {
    let skills = state.skills.skills(&state.db).await?;
    Ok(skill_catalog::mentioned(&skills, text, MAX_SKILLS))
}

/// Suggests roles, skills and talent for `text`. Reads only: the answer
/// names the signed-in user's latest history entry for the same text.
pub async fn suggest(
    state: &AppState,
    user: Option<&CurrentUser>,
    text: &str,
) -> Result<NeedSuggestion, AppError> {
    let text = validate_need(text)?;
    let prediction = state.roles.predict(&text);
    let scores: std::collections::HashMap<&str, f32> = prediction
        .ranked
        .iter()
        .map(|r| (r.role.as_str(), r.score))
        .collect();
    let roles: Vec<SuggestedRole> = prediction
        .roles
        .iter()
        .map(|r| role(r, scores.get(r.as_str()).copied().unwrap_or_default()))
        .collect();
    let ranked = prediction
        .ranked
        .iter()
        .map(|r| role(&r.role, r.score))
        .collect();
    let talent = if roles.is_empty() {
        Vec::new()
    } else {
        let top: Vec<String> = roles.iter().take(2).map(|r| r.id.clone()).collect();
        talent_for_need(state, &text, &top, user.map(|u| u.id), 6).await?
    };
    let skills = mentioned_skills(state, &text).await?;
    let history_id = match user {
        Some(u) => entry_for(&state.db, u.id, &text).await?,
        None => None,
    };
    Ok(NeedSuggestion {
        text,
        roles,
        ranked,
        talent,
        skills,
        history_id,
    })
}

/// The user's latest history entry for exactly `text`.
async fn entry_for(
    db: &DatabaseConnection,
    user_id: i32,
    text: &str,
) -> Result<Option<i32>, AppError> {
    Ok(suggestion::Entity::find()
        .filter(suggestion::Column::UserId.eq(user_id))
        .filter(suggestion::Column::Text.eq(text))
        .order_by_desc(suggestion::Column::Id)
        .one(db)
        .await?
        .map(|s| s.id))
}

/// Adds a (validated) need to the user's history with the roles predicted
/// for it; the same need again within ten minutes reuses its entry.
pub async fn remember(state: &AppState, user_id: i32, text: &str) -> Result<i32, AppError> {
    let db = &state.db;
    let roles = state.roles.predict(text).roles;
    let now = now();
    let last = suggestion::Entity::find()
        .filter(suggestion::Column::UserId.eq(user_id))
        .order_by_desc(suggestion::Column::CreatedAt)
        .order_by_desc(suggestion::Column::Id)
        .one(db)
        .await?;
    if let Some(last) = last.filter(|l| l.text == text && now - l.created_at < DEDUPE_SECS) {
        return Ok(last.id);
    }
    let row = suggestion::ActiveModel {
        user_id: Set(user_id),
        text: Set(text.to_string()),
        roles: Set(roles.join(",")),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The user's most recent suggestions.
pub async fn history(
    db: &DatabaseConnection,
    user_id: i32,
    limit: u64,
) -> Result<Vec<HistoryItem>, AppError> {
    Ok(suggestion::Entity::find()
        .filter(suggestion::Column::UserId.eq(user_id))
        .order_by_desc(suggestion::Column::CreatedAt)
        .order_by_desc(suggestion::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|s| HistoryItem {
            id: s.id,
            roles: s
                .roles
                .split(',')
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect(),
            text: s.text,
            created_at: s.created_at,
        })
        .collect())
}

/// A gig title from a need statement: its first sentence, at most 80 characters.
pub fn title_from(text: &str) -> String {
    let first = text
        .split(['.', '!', '?', '\n'])
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or(text);
    let mut title: String = first.chars().take(80).collect();
    if first.chars().count() > 80 {
        if let Some((head, _)) = title.rsplit_once(' ') {
            title = head.to_string();
        }
        title.push('…');
    }
    let mut chars = title.chars();
    let capitalised = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default();
    if capitalised.chars().count() < 8 {
        format!("Help needed: {capitalised}")
    } else {
        capitalised
    }
}

/// Creates a draft gig from one of the user's suggestions (roles and known
/// skills filled in; budget left for the owner) and returns its id.
pub async fn draft(
    state: &AppState,
    owner: &CurrentUser,
    suggestion_id: i32,
) -> Result<i32, AppError> {
    let entry = suggestion::Entity::find_by_id(suggestion_id)
        .one(&state.db)
        .await?
        .filter(|s| s.user_id == owner.id)
        .ok_or(AppError::NotFound)?;
    let roles: Vec<String> = entry
        .roles
        .split(',')
        .filter(|r| taxonomy::role(r).is_some())
        .take(3)
        .map(String::from)
        .collect();
    let lesson = roles
        .first()
        .and_then(|r| taxonomy::role(r))
        .is_some_and(|r| r.category == "teaching");
    let skills: Vec<(String, String)> = mentioned_skills(state, &entry.text)
        .await?
        .into_iter()
        .map(|s| {
            let slug = s.to_lowercase();
            (s, slug)
        })
        .collect();
    let now = now();
    let txn = state.db.begin().await?;
    let row = gig::ActiveModel {
        owner_id: Set(owner.id),
        kind: Set(if lesson { "lesson" } else { "project" }.into()),
        title: Set(title_from(&entry.text)),
        description: Set(entry.text.clone()),
        budget_type: Set(if lesson { "per_session" } else { "fixed" }.into()),
        budget_min_cents: Set(0),
        budget_max_cents: Set(0),
        currency: Set("USD".into()),
        deadline: Set(None),
        visibility: Set("public".into()),
        remote: Set(true),
        city: Set(String::new()),
        country: Set(String::new()),
        subject: Set(String::new()),
        level: Set(String::new()),
        goals: Set(String::new()),
        sessions_wanted: Set(None),
        status: Set("draft".into()),
        rejection_reason: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if !roles.is_empty() {
        gig_role::Entity::insert_many(roles.iter().map(|r| gig_role::ActiveModel {
            gig_id: Set(row.id),
            role_id: Set(r.clone()),
        }))
        .exec(&txn)
        .await?;
    }
    let ids = crate::profiles::server::repo::upsert_skills(&txn, &skills).await?;
    if !ids.is_empty() {
        gig_skill::Entity::insert_many(ids.into_iter().map(|s| gig_skill::ActiveModel {
            gig_id: Set(row.id),
            skill_id: Set(s),
        }))
        .exec(&txn)
        .await?;
    }
    index_gig(&txn, row.id).await?;
    txn.commit().await?;
    Ok(row.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_sentence() {
        assert_eq!(
            title_from("my bakery needs an online shop. we sell cakes"),
            "My bakery needs an online shop"
        );
        assert_eq!(title_from("logo"), "Help needed: Logo");
        let long = "word ".repeat(40);
        let t = title_from(&long);
        assert!(t.ends_with('…') && t.chars().count() <= 81);
    }

    #[test]
    fn needs_must_have_a_sensible_length() {
        assert!(validate_need("  ").is_err());
        assert!(validate_need(&"x".repeat(2001)).is_err());
        assert_eq!(validate_need("  fix my tap ").unwrap(), "fix my tap");
    }
}
