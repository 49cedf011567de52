//! Skill tags: free text, normalised so "react" and "React" are one skill.

/// Most skills per profile or gig.
pub const MAX_SKILLS: usize = 15;
/// Longest skill name.
pub const MAX_SKILL_LEN: usize = 40;

/// Cleans one skill name: trims, collapses spaces, keeps letters, digits and
/// `+ # . - / & '`. Returns the display name and its lower-case key.
pub fn normalise_skill(raw: &str) -> Result<(String, String), String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("Skill names can't be empty.".into());
    }
    if name.chars().count() > MAX_SKILL_LEN {
        return Err(format!(
            "Keep skill names under {MAX_SKILL_LEN} characters."
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || " +#.-/&'".contains(*c)))
    {
        return Err(format!("Skill names can't contain '{bad}'."));
    }
    let slug = name.to_lowercase();
    Ok((name, slug))
}

/// Splits a comma-separated list into normalised, de-duplicated skills.
pub fn parse_skill_list(input: &str) -> Result<Vec<(String, String)>, String> {
    let mut skills: Vec<(String, String)> = Vec::new();
    for part in input.split([',', '\n']).filter(|p| !p.trim().is_empty()) {
        let skill = normalise_skill(part)?;
        if !skills.iter().any(|(_, slug)| *slug == skill.1) {
            skills.push(skill);
        }
    }
    if skills.len() > MAX_SKILLS {
        return Err(format!("List at most {MAX_SKILLS} skills."));
    }
    Ok(skills)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_cleaned_and_deduplicated() {
        let skills = parse_skill_list(" React,  figma , react ,C++, Node.js").unwrap();
        let names: Vec<_> = skills.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["React", "figma", "C++", "Node.js"]);
        assert_eq!(skills[1].1, "figma");
    }

    #[test]
    fn bad_names_are_refused() {
        assert!(parse_skill_list("<script>").is_err());
        assert!(normalise_skill(&"x".repeat(41)).is_err());
        let many = (0..16)
            .map(|i| format!("s{i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert!(parse_skill_list(&many).is_err());
    }
}
