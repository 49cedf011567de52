//! Matching people and work: gigs ranked for a freelancer, freelancers
//! ranked for a gig or a need. Scores combine role overlap, the role
//! classifier's view of the gig, TF-IDF similarity between texts, skills,
//! rate against budget and shared languages; each signal that counts comes
//! with a short reason.

use super::invitations::invited_to;
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::server::suspension::shown_sql;
use crate::entity::{
    freelancer_profile, gig, gig_invitation, portfolio_item, proposal, user_language,
};
use crate::error::AppError;
use crate::gigs::server::cards::summaries_by_id;
use crate::market::taxonomy::role_name;
use crate::market::{FreelancerKind, GigKind, PriceType};
use crate::profiles::server::cards::{
    cached_talent_cards, roles_by_user, skills_by_user, talent_cards,
};
use crate::search::TALENT_CHANGED;
use crate::search::cache::ListingCache;
use crate::state::AppState;
use crate::suggestions::classifier::RoleModel;
use crate::suggestions::classifier::features::SparseVec;
use crate::suggestions::classifier::model::sparse_dot;
use crate::suggestions::model::{GigRecommendation, TalentSuggestion};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter,
    Statement,
};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// How much each signal counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// A role the gig asks for is one of the freelancer's.
    pub role: f32,
    /// The classifier's probability that the gig needs one of the freelancer's roles.
    pub classifier: f32,
    /// Cosine similarity of the gig's and the profile's TF-IDF vectors.
    pub similarity: f32,
    /// Each matching skill (up to three).
    pub skill: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            role: 3.0,
            classifier: 2.0,
            similarity: 3.0,
            skill: 0.5,
        }
    }
}

impl Weights {
    /// Text-only signals (no declared roles or skills): for evaluating the
    /// classifier and similarity on their own.
    pub fn text_only() -> Self {
        Self {
            role: 0.0,
            classifier: 2.0,
            similarity: 3.0,
            skill: 0.0,
        }
    }
}

/// What matching needs to know about a freelancer.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Account id.
    pub user_id: i32,
    /// Freelance, coaching or both.
    pub kind: FreelancerKind,
    /// Role ids.
    pub roles: Vec<String>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Hourly rate in cents.
    pub rate_cents: Option<i64>,
    /// Currency of the rate.
    pub currency: String,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Average rating.
    pub rating: Option<f64>,
    /// Tagline, bio, experience, skills and portfolio, as one text.
    pub text: String,
}

/// Loads matching facts for the freelancer profiles among `ids` (any status).
pub async fn facts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Facts>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let profiles = freelancer_profile::Entity::find()
        .filter(freelancer_profile::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?;
    let mut roles = roles_by_user(db, ids).await?;
    let mut skills = skills_by_user(db, ids).await?;
    let mut languages: HashMap<i32, Vec<String>> = HashMap::new();
    for l in user_language::Entity::find()
        .filter(user_language::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?
    {
        languages.entry(l.user_id).or_default().push(l.language);
    }
    let mut portfolio: HashMap<i32, String> = HashMap::new();
    for p in portfolio_item::Entity::find()
        .filter(portfolio_item::Column::UserId.is_in(ids.to_vec()))
        .all(db)
        .await?
    {
        let text = portfolio.entry(p.user_id).or_default();
        text.push_str(&format!(" {} {}", p.title, p.description));
    }
    Ok(profiles
        .into_iter()
        .map(|p| {
            let id = p.user_id;
            let skill_list = skills.remove(&id).unwrap_or_default();
            let text = format!(
                "{} {} {} {} {}",
                p.tagline,
                p.bio,
                p.experience,
                skill_list.join(" "),
                portfolio.remove(&id).unwrap_or_default()
            );
            (
                id,
                Facts {
                    user_id: id,
                    kind: FreelancerKind::parse(&p.kind).unwrap_or(FreelancerKind::Freelance),
                    roles: roles.remove(&id).unwrap_or_default(),
                    skills: skill_list,
                    rate_cents: p.hourly_rate_cents,
                    currency: p.currency,
                    languages: languages.remove(&id).unwrap_or_default(),
                    rating: p.rating_avg,
                    text,
                },
            )
        })
        .collect())
}

/// What matching needs to know about a gig.
#[derive(Debug, Clone)]
struct GigFacts {
    row: gig::Model,
    roles: Vec<String>,
    skills: Vec<String>,
    owner_languages: Vec<String>,
    text: String,
}

/// The signals between one freelancer and one gig, scored with reasons.
struct Match {
    score: f32,
    reasons: Vec<String>,
    /// Whether the work itself fits (a shared role, two shared skills, the classifier
    /// or the texts agree); rate and language only rerank relevant gigs.
    relevant: bool,
}

/// The classifier probability above which a gig counts as in the freelancer's line of work.
const CLASSIFIER_RELEVANT: f32 = 0.3;
/// The text similarity above which a gig counts as close to the profile.
const SIMILARITY_RELEVANT: f32 = 0.12;

/// Scores the fit of a freelancer (`facts`, `profile_vec`) to a gig.
fn score(
    model: &RoleModel,
    weights: &Weights,
    f: &Facts,
    profile_vec: &SparseVec,
    g: &GigFacts,
    gig_vec: &SparseVec,
    for_owner: bool,
) -> Match {
    let mut score = 0.0;
    let mut reasons = Vec::new();
    let mut relevant = false;
    let shared_roles: Vec<&String> = g.roles.iter().filter(|r| f.roles.contains(r)).collect();
    if !shared_roles.is_empty() {
        score += weights.role * (1.0 + 0.25 * (shared_roles.len() as f32 - 1.0));
        relevant |= weights.role > 0.0;
        let names = shared_roles
            .iter()
            .map(|r| role_name(r))
            .collect::<Vec<_>>()
            .join(", ");
        reasons.push(if for_owner {
            names
        } else {
            format!("your role: {names}")
        });
    }
    if weights.classifier > 0.0 {
        let probs = model.probabilities(gig_vec);
        let best = f
            .roles
            .iter()
            .filter_map(|r| model.roles.iter().position(|m| &m.role == r))
            .map(|i| probs[i])
            .fold(0.0f32, f32::max);
        score += weights.classifier * best;
        relevant |= best >= CLASSIFIER_RELEVANT;
    }
    let similarity = sparse_dot(gig_vec, profile_vec);
    score += weights.similarity * similarity;
    relevant |= weights.similarity > 0.0 && similarity >= SIMILARITY_RELEVANT;
    if similarity >= SIMILARITY_RELEVANT && shared_roles.is_empty() {
        reasons.push(if for_owner {
            "profile close to the gig".into()
        } else {
            "close to your profile".into()
        });
    }
    let own: HashSet<String> = f.skills.iter().map(|s| s.to_lowercase()).collect();
    let matched: Vec<&String> = g
        .skills
        .iter()
        .filter(|s| own.contains(&s.to_lowercase()))
        .take(3)
        .collect();
    if !matched.is_empty() {
        score += weights.skill * matched.len() as f32;
        relevant |= weights.skill > 0.0 && matched.len() >= 2;
        reasons.push(format!(
            "matches: {}",
            matched
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let kind = GigKind::parse(&g.row.kind).unwrap_or(GigKind::Project);
    if (kind == GigKind::Lesson && !f.kind.teaches())
        || (kind == GigKind::Project && !f.kind.freelances())
    {
        score -= 2.0;
    }
    if let (Some(rate), true) = (f.rate_cents, f.currency == g.row.currency) {
        let budget = PriceType::parse(&g.row.budget_type).unwrap_or(PriceType::Fixed);
        if matches!(budget, PriceType::Hourly | PriceType::PerSession) {
            let (min, max) = (
                g.row.budget_min_cents,
                g.row.budget_max_cents.max(g.row.budget_min_cents),
            );
            if rate <= max && rate * 10 >= min * 7 {
                score += 0.5;
                reasons.push(if for_owner {
                    "rate fits the budget".into()
                } else {
                    "budget fits your rate".into()
                });
            } else if rate > max * 5 / 4 {
                score -= 0.5;
            }
        }
    }
    if let Some(language) = g
        .owner_languages
        .iter()
        .find(|l| *l != "English" && f.languages.contains(l))
    {
        score += 0.25;
        reasons.push(if for_owner {
            format!("speaks {language}")
        } else {
            format!("you both speak {language}")
        });
    }
    Match {
        score,
        reasons,
        relevant,
    }
}

#[derive(Debug, FromQueryResult)]
struct Id {
    id: i32,
}

async fn ids(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<i32>, AppError> {
    let stmt = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
    Ok(Id::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

async fn gig_facts(db: &impl ConnectionTrait, gig_ids: &[i32]) -> Result<Vec<GigFacts>, AppError> {
    let summaries = summaries_by_id(db, gig_ids, None).await?;
    let rows: HashMap<i32, gig::Model> = gig::Entity::find()
        .filter(gig::Column::Id.is_in(gig_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let owners: Vec<i32> = rows.values().map(|g| g.owner_id).collect();
    let mut languages: HashMap<i32, Vec<String>> = HashMap::new();
    for l in user_language::Entity::find()
        .filter(user_language::Column::UserId.is_in(owners))
        .all(db)
        .await?
    {
        languages.entry(l.user_id).or_default().push(l.language);
    }
    Ok(summaries
        .into_iter()
        .filter_map(|s| {
            let row = rows.get(&s.id)?.clone();
            let text = format!(
                "{} {} {} {} {}",
                row.title,
                row.description,
                row.subject,
                row.goals,
                s.skills.join(" ")
            );
            Some(GigFacts {
                owner_languages: languages.get(&row.owner_id).cloned().unwrap_or_default(),
                roles: s.roles,
                skills: s.skills,
                text,
                row,
            })
        })
        .collect())
}

/// Open gigs ranked by fit to `user_id`'s profile: gigs in their roles and
/// the newest others, without their own or ones they proposed on.
/// Invitations come first.
pub async fn recommend_gigs(
    db: &DatabaseConnection,
    model: &RoleModel,
    user_id: i32,
    weights: &Weights,
    limit: usize,
) -> Result<Vec<GigRecommendation>, AppError> {
    let Some(f) = facts(db, &[user_id]).await?.remove(&user_id) else {
        return Ok(Vec::new());
    };
    let base = format!(
        "FROM gigs g WHERE g.status = 'open' AND g.owner_id <> $1{} \
                AND (g.visibility = 'public' OR g.id IN (SELECT gig_id FROM gig_invitations WHERE freelancer_id = $1)) \
                AND g.id NOT IN (SELECT gig_id FROM proposals WHERE freelancer_id = $1)",
        shown_sql("g", "owner_id")
    );
    let mut candidates = ids(db, &format!("SELECT g.id {base} AND g.id IN (SELECT gig_id FROM gig_roles WHERE role_id IN (SELECT role_id FROM profile_roles WHERE user_id = $1)) ORDER BY g.published_at DESC LIMIT 300"), vec![user_id.into()]).await?;
    candidates.extend(
        ids(
            db,
            &format!("SELECT g.id {base} ORDER BY g.published_at DESC LIMIT 300"),
            vec![user_id.into()],
        )
        .await?,
    );
    candidates.sort_unstable();
    candidates.dedup();
    let invited = invited_to(db, user_id).await?;
    let profile_vec = model.vectorizer.transform(&f.text);
    let mut scored: Vec<(f32, Vec<String>, i32, bool)> = gig_facts(db, &candidates)
        .await?
        .iter()
        .filter_map(|g| {
            let m = score(
                model,
                weights,
                &f,
                &profile_vec,
                g,
                &model.vectorizer.transform(&g.text),
                false,
            );
            let is_invited = invited.contains(&g.row.id);
            let mut reasons = m.reasons;
            if is_invited {
                reasons.insert(0, "the client invited you".into());
            }
            (m.relevant || is_invited).then_some((
                m.score + if is_invited { 5.0 } else { 0.0 },
                reasons,
                g.row.id,
                is_invited,
            ))
        })
        .filter(|(s, ..)| *s > 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.2.cmp(&a.2)));
    scored.truncate(limit);
    let order: Vec<i32> = scored.iter().map(|s| s.2).collect();
    let mut summaries: HashMap<i32, _> = summaries_by_id(db, &order, Some(user_id))
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(scored
        .into_iter()
        .filter_map(|(score, reasons, id, invited)| {
            Some(GigRecommendation {
                gig: summaries.remove(&id)?,
                score,
                reasons,
                invited,
            })
        })
        .collect())
}

/// Approved freelancers with any of `roles`, best rated first (at most 300).
async fn candidates_with_roles(
    db: &impl ConnectionTrait,
    roles: &[String],
) -> Result<Vec<i32>, AppError> {
    if roles.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = (1..=roles.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    ids(
        db,
        &format!(
            "SELECT fp.user_id AS id FROM freelancer_profiles fp WHERE fp.status = 'approved'{shown} \
             AND fp.user_id IN (SELECT user_id FROM profile_roles WHERE role_id IN ({placeholders})) \
             ORDER BY fp.rating_avg DESC NULLS LAST, fp.review_count DESC, fp.user_id LIMIT 300",
            shown = shown_sql("fp", "user_id")
        ),
        roles.iter().map(|r| r.clone().into()).collect(),
    )
    .await
}

/// Approved freelancers for one of `owner`'s gigs: those in the gig's roles
/// (or the roles the classifier reads in its text) who have not proposed
/// yet, ranked by fit.
pub async fn suggest_talent(
    db: &DatabaseConnection,
    model: &RoleModel,
    owner: &CurrentUser,
    gig_id: i32,
    limit: usize,
) -> Result<Vec<TalentSuggestion>, AppError> {
    let row = crate::gigs::server::service::find(db, gig_id).await?;
    if row.owner_id != owner.id && !owner.has_role(Role::Admin) {
        return Err(AppError::Forbidden(
            "Only the gig's owner sees suggested talent.".into(),
        ));
    }
    let Some(g) = gig_facts(db, &[gig_id]).await?.pop() else {
        return Ok(Vec::new());
    };
    let gig_vec = model.vectorizer.transform(&g.text);
    let mut roles = g.roles.clone();
    for predicted in model.predict(&g.text).roles.into_iter().take(2) {
        if !roles.contains(&predicted) {
            roles.push(predicted);
        }
    }
    let proposed: HashSet<i32> = proposal::Entity::find()
        .filter(proposal::Column::GigId.eq(gig_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.freelancer_id)
        .collect();
    let mut candidate_ids = candidates_with_roles(db, &roles).await?;
    candidate_ids.retain(|id| *id != row.owner_id && !proposed.contains(id));
    let people = facts(db, &candidate_ids).await?;
    let invited: HashSet<i32> = gig_invitation::Entity::find()
        .filter(gig_invitation::Column::GigId.eq(gig_id))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.freelancer_id)
        .collect();
    let mut scored: Vec<(f32, Vec<String>, i32)> = people
        .values()
        .map(|f| {
            let m = score(
                model,
                &Weights::default(),
                f,
                &model.vectorizer.transform(&f.text),
                &g,
                &gig_vec,
                true,
            );
            let rating_bonus = f.rating.map_or(0.0, |r| (r as f32 - 3.0) * 0.2);
            (m.score + rating_bonus, m.reasons, f.user_id)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    scored.truncate(limit);
    let order: Vec<i32> = scored.iter().map(|s| s.2).collect();
    let mut cards: HashMap<i32, _> = talent_cards(db, &order, Some(owner.id))
        .await?
        .into_iter()
        .map(|c| (c.user_id, c))
        .collect();
    Ok(scored
        .into_iter()
        .filter_map(|(score, reasons, id)| {
            Some(TalentSuggestion {
                card: cards.remove(&id)?,
                score,
                reasons,
                invited: invited.contains(&id),
            })
        })
        .collect())
}

/// A freelancer as the need box ranks them: roles, rating and the TF-IDF
/// vector of their profile text, computed once per cache lifetime rather
/// than for every need.
#[derive(Debug, Clone)]
pub struct NeedCandidate {
    /// Account id.
    pub user_id: i32,
    /// Role ids.
    pub roles: Vec<String>,
    /// Average rating.
    pub rating: Option<f64>,
    /// The profile text as the classifier's vectoriser sees it.
    pub vector: SparseVec,
}

/// The approved freelancers in some roles, vectorised, per role set; dropped
/// whenever a profile's search entry or rating changes (and after the
/// listing TTL in any case).
static NEED_CANDIDATES: LazyLock<ListingCache<Vec<NeedCandidate>>> =
    LazyLock::new(|| ListingCache::new(&TALENT_CHANGED));

/// The candidates for a need in `roles`, from the cache or loaded and
/// vectorised now.
async fn need_candidates(
    state: &AppState,
    roles: &[String],
) -> Result<Arc<Vec<NeedCandidate>>, AppError> {
    let key = format!("{}:{roles:?}", state.listing_scope);
    NEED_CANDIDATES
        .get_or_fill(key, || async {
            let ids = candidates_with_roles(&state.db, roles).await?;
            Ok(facts(&state.db, &ids)
                .await?
                .into_values()
                .map(|f| NeedCandidate {
                    vector: state.roles.vectorizer.transform(&f.text),
                    user_id: f.user_id,
                    roles: f.roles,
                    rating: f.rating,
                })
                .collect())
        })
        .await
}

/// The approved freelancers who best fit a need statement: in the roles
/// the classifier read, ranked by how their profile text matches the need,
/// with the first role and a good rating counting.
pub async fn talent_for_need(
    state: &AppState,
    text: &str,
    roles: &[String],
    viewer: Option<i32>,
    limit: usize,
) -> Result<Vec<crate::profiles::model::TalentCard>, AppError> {
    let candidates = need_candidates(state, roles).await?;
    let need = state.roles.vectorizer.transform(text);
    let mut scored: Vec<(f32, i32)> = candidates
        .iter()
        .map(|c| {
            let role_bonus = roles
                .iter()
                .position(|r| c.roles.contains(r))
                .map_or(0.0, |i| if i == 0 { 1.0 } else { 0.5 });
            let rating = c.rating.map_or(0.0, |r| r as f32 / 10.0);
            (
                3.0 * sparse_dot(&need, &c.vector) + role_bonus + rating,
                c.user_id,
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(limit);
    let order: Vec<i32> = scored.into_iter().map(|s| s.1).collect();
    cached_talent_cards(state, &order, viewer).await
}
