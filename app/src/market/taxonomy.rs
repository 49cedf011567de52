//! The role taxonomy (`app/data/roles/roles.csv`, also stored in the
//! `roles` table by a migration). Role ids are stable identifiers.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// One role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleInfo {
    /// Stable id, e.g. `web-developer`.
    pub id: String,
    /// Display name, e.g. `Web Developer`.
    pub name: String,
    /// Category id, e.g. `tech`.
    pub category: String,
    /// What the role covers, in plain words.
    pub covers: String,
}

static ROLES: LazyLock<Vec<RoleInfo>> = LazyLock::new(|| {
    csv::Reader::from_reader(include_str!("../../data/roles/roles.csv").as_bytes())
        .deserialize()
        .collect::<Result<Vec<RoleInfo>, _>>()
        .expect("roles.csv is valid")
});

/// Every role, in taxonomy order.
pub fn roles() -> &'static [RoleInfo] {
    &ROLES
}

/// A role by id.
pub fn role(id: &str) -> Option<&'static RoleInfo> {
    ROLES.iter().find(|r| r.id == id)
}

/// A role's display name, or the id itself when unknown.
pub fn role_name(id: &str) -> String {
    role(id).map_or_else(|| id.to_string(), |r| r.name.clone())
}

/// Category ids in display order with their labels.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("tech", "Tech & IT"),
    ("design", "Design"),
    ("creative", "Video, photo & audio"),
    ("writing", "Writing & translation"),
    ("business", "Business & marketing"),
    ("teaching", "Teaching & coaching"),
    ("home", "Home services"),
];

/// A category's label.
pub fn category_label(id: &str) -> &'static str {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == id)
        .map_or("Other", |(_, label)| label)
}

/// The roles of one category.
pub fn roles_in(category: &str) -> impl Iterator<Item = &'static RoleInfo> {
    let category = category.to_string();
    ROLES.iter().filter(move |r| r.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_49_roles_load_with_known_categories() {
        assert_eq!(roles().len(), 49);
        for role in roles() {
            assert!(
                CATEGORIES.iter().any(|(c, _)| *c == role.category),
                "{}",
                role.id
            );
        }
        assert_eq!(role_name("math-tutor"), "Math Tutor");
        assert_eq!(roles_in("home").count(), 8);
    }
}
