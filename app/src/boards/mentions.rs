//! `@username` mentions in comments.

/// The distinct usernames mentioned in `text`, lowercased, in order: an `@`
/// that starts a word, followed by 2 to 32 letters, digits or underscores.
pub fn mentioned(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if chars[i] == '@' && starts_word {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .collect();
            if (2..=32).contains(&name.len()) {
                let name = name.to_lowercase();
                if !found.contains(&name) {
                    found.push(name.clone());
                }
            }
            i += 1 + name.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::mentioned;

    #[test]
    fn finds_each_mention_once() {
        assert_eq!(
            mentioned("@Diego can you check? cc @maya_k, @diego"),
            vec!["diego", "maya_k"]
        );
    }

    #[test]
    fn email_addresses_and_lone_signs_are_not_mentions() {
        assert!(mentioned("write to bea@example.com or @ me").is_empty());
        assert!(mentioned("@a is too short").is_empty());
    }
}
