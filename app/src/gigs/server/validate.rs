//! Turning a submitted gig form into a valid gig, or field errors.

use crate::error::{AppError, FormErrors};
use crate::gigs::model::GigInput;
use crate::market::countries::normalise_country;
use crate::market::money::{CURRENCIES, parse_amount};
use crate::market::skills::parse_skill_list;
use crate::market::taxonomy;
use crate::market::{GigKind, Level, PriceType, Visibility};
use crate::profiles::validate::number;
use crate::text::{line, text};

/// A gig that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidGig {
    /// Project or lesson.
    pub kind: GigKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Role ids (1–3).
    pub roles: Vec<String>,
    /// Skills (display, key).
    pub skills: Vec<(String, String)>,
    /// Budget type.
    pub budget_type: PriceType,
    /// Budget lower bound in cents.
    pub budget_min_cents: i64,
    /// Budget upper bound in cents.
    pub budget_max_cents: i64,
    /// Currency.
    pub currency: String,
    /// Deadline.
    pub deadline: Option<String>,
    /// Visibility.
    pub visibility: Visibility,
    /// Remote.
    pub remote: bool,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Lesson subject.
    pub subject: String,
    /// Lesson level.
    pub level: Option<Level>,
    /// Lesson goals.
    pub goals: String,
    /// Sessions wanted.
    pub sessions_wanted: Option<i32>,
}

fn keep_all(errors: &mut FormErrors, input: &GigInput) {
    for (field, value) in [
        ("kind", &input.kind),
        ("title", &input.title),
        ("description", &input.description),
        ("skills", &input.skills),
        ("budget_type", &input.budget_type),
        ("budget_min", &input.budget_min),
        ("budget_max", &input.budget_max),
        ("currency", &input.currency),
        ("deadline", &input.deadline),
        ("visibility", &input.visibility),
        ("remote", &input.remote),
        ("city", &input.city),
        ("country", &input.country),
        ("subject", &input.subject),
        ("level", &input.level),
        ("goals", &input.goals),
        ("sessions_wanted", &input.sessions_wanted),
    ] {
        errors.keep(field, value);
    }
    errors.keep("roles", &input.roles.join(","));
}

/// Checks every field of a gig form; `today` is `YYYY-MM-DD` (deadlines may
/// not be in the past).
pub fn validate_gig(input: &GigInput, today: &str) -> Result<ValidGig, AppError> {
    let mut errors = FormErrors::new();
    keep_all(&mut errors, input);
    let kind = GigKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a project or a learning request.");
    }
    let kind = kind.unwrap_or(GigKind::Project);
    let title = line(&input.title, 90, Some("Give your gig a title."))
        .map_err(|m| errors.add("title", m))
        .unwrap_or_default();
    if !title.is_empty() && title.chars().count() < 8 {
        errors.add("title", "Use a title of at least 8 characters.");
    }
    let description = text(&input.description, 5000, Some("Describe what you need."))
        .map_err(|m| errors.add("description", m))
        .unwrap_or_default();
    if !description.is_empty() && description.chars().count() < 30 {
        errors.add(
            "description",
            "Describe what you need in at least 30 characters.",
        );
    }
    let mut roles: Vec<String> = Vec::new();
    for role in &input.roles {
        if taxonomy::role(role).is_none() {
            errors.add("roles", "Choose roles from the list.");
        } else if !roles.contains(role) {
            roles.push(role.clone());
        }
    }
    if roles.is_empty() {
        errors.add("roles", "Choose at least one role.");
    } else if roles.len() > 3 {
        errors.add("roles", "Choose at most 3 roles.");
    }
    let skills = parse_skill_list(&input.skills)
        .map_err(|m| errors.add("skills", m))
        .unwrap_or_default();

    let budget_type = if kind == GigKind::Lesson {
        Some(PriceType::PerSession)
    } else {
        PriceType::parse(&input.budget_type).filter(|t| *t != PriceType::PerSession)
    };
    if budget_type.is_none() {
        errors.add("budget_type", "Choose a fixed price or an hourly rate.");
    }
    let budget_type = budget_type.unwrap_or(PriceType::Fixed);
    let min = parse_amount(&input.budget_min)
        .map_err(|m| errors.add("budget_min", m))
        .ok();
    let max = if budget_type == PriceType::Hourly && !input.budget_max.trim().is_empty() {
        parse_amount(&input.budget_max)
            .map_err(|m| errors.add("budget_max", m))
            .ok()
    } else {
        min
    };
    if let Some(min) = min
        && min < 100
    {
        errors.add("budget_min", "Budgets start at 1.");
    }
    if let (Some(min), Some(max)) = (min, max)
        && max < min
    {
        errors.add("budget_max", "The maximum can't be below the minimum.");
    }
    if !CURRENCIES.contains(&input.currency.as_str()) {
        errors.add("currency", "Choose a currency.");
    }
    let deadline = match input.deadline.trim() {
        "" => None,
        d => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(_) if d < today => {
                errors.add("deadline", "The deadline can't be in the past.");
                None
            }
            Ok(_) => Some(d.to_string()),
            Err(_) => {
                errors.add("deadline", "Enter a date like 2026-12-31.");
                None
            }
        },
    };
    let visibility = Visibility::parse(&input.visibility);
    if visibility.is_none() {
        errors.add("visibility", "Choose who can see this gig.");
    }
    let remote = !input.remote.is_empty();
    let city = line(&input.city, 80, None)
        .map_err(|m| errors.add("city", m))
        .unwrap_or_default();
    let country = normalise_country(&input.country)
        .map_err(|m| errors.add("country", m))
        .unwrap_or_default();
    if !remote && country.is_empty() {
        errors.add("country", "On-site work needs a country.");
    }
    let (mut subject, mut level, mut goals, mut sessions_wanted) =
        (String::new(), None, String::new(), None);
    if kind == GigKind::Lesson {
        subject = line(&input.subject, 120, Some("Say what you want to learn."))
            .map_err(|m| errors.add("subject", m))
            .unwrap_or_default();
        level = Level::parse(&input.level);
        if level.is_none() {
            errors.add("level", "Choose your level.");
        }
        goals = text(&input.goals, 2000, None)
            .map_err(|m| errors.add("goals", m))
            .unwrap_or_default();
        sessions_wanted = number(&input.sessions_wanted, 1..=100)
            .map_err(|m| errors.add("sessions_wanted", m))
            .ok()
            .flatten();
        if sessions_wanted.is_none() && !errors.fields.contains_key("sessions_wanted") {
            errors.add("sessions_wanted", "How many sessions would you like?");
        }
    }
    errors.into_result()?;
    Ok(ValidGig {
        kind,
        title,
        description,
        roles,
        skills,
        budget_type,
        budget_min_cents: min.unwrap_or_default(),
        budget_max_cents: max.unwrap_or_default(),
        currency: input.currency.clone(),
        deadline,
        visibility: visibility.unwrap_or(Visibility::Public),
        remote,
        city,
        country,
        subject,
        level,
        goals,
        sessions_wanted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> GigInput {
        GigInput {
            kind: "project".into(),
            title: "Online shop for a bakery".into(),
            description: "We bake cakes and want customers to order and pay online.".into(),
            roles: vec!["web-developer".into()],
            skills: "Shopify, Payments".into(),
            budget_type: "fixed".into(),
            budget_min: "800".into(),
            currency: "USD".into(),
            visibility: "public".into(),
            remote: "on".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_project_passes() {
        let gig = validate_gig(&project(), "2026-11-21").unwrap();
        assert_eq!(gig.budget_min_cents, 80_000);
        assert_eq!(gig.budget_max_cents, 80_000);
        assert_eq!(gig.skills.len(), 2);
    }

    #[test]
    fn lessons_need_subject_level_and_sessions_and_are_per_session() {
        let lesson = GigInput {
            kind: "lesson".into(),
            budget_type: "fixed".into(),
            ..project()
        };
        let err = validate_gig(&lesson, "2026-11-21").unwrap_err();
        for field in ["subject", "level", "sessions_wanted"] {
            assert!(err.field(field).is_some(), "{field}");
        }
        let ok = GigInput {
            subject: "Algebra".into(),
            level: "beginner".into(),
            sessions_wanted: "6".into(),
            ..lesson
        };
        assert_eq!(
            validate_gig(&ok, "2026-11-21").unwrap().budget_type,
            PriceType::PerSession
        );
    }

    #[test]
    fn bad_fields_are_reported() {
        let bad = GigInput {
            title: "Hi".into(),
            roles: vec!["astronaut".into()],
            budget_type: "hourly".into(),
            budget_min: "50".into(),
            budget_max: "20".into(),
            deadline: "2026-01-01".into(),
            remote: String::new(),
            ..project()
        };
        let err = validate_gig(&bad, "2026-11-21").unwrap_err();
        for field in ["title", "roles", "budget_max", "deadline", "country"] {
            assert!(err.field(field).is_some(), "{field}");
        }
    }
}
