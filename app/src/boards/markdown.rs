//! Markdown for card descriptions and comments, rendered on the server to
//! HTML that is safe to insert: raw HTML in the source shows as text, links
//! keep only http(s), mailto and same-site addresses and carry
//! `rel="noopener nofollow ugc"`, and images become plain links (no
//! third-party request from a viewer's browser).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders `source` to safe HTML.
pub fn render(source: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // For each open link or image: whether its opening tag was written.
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(source, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
            let safe = is_safe_address(&dest_url);
            open.push(safe);
            safe.then(|| Event::InlineHtml(CowStr::from(anchor(&dest_url))))
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => open
            .pop()
            .unwrap_or(false)
            .then_some(Event::InlineHtml(CowStr::Borrowed("</a>"))),
        other => Some(other),
    });
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    html::push_html(&mut out, events);
    out
}

/// Whether a link may point there: http(s), mailto, or a path on this site.
fn is_safe_address(address: &str) -> bool {
    let a = address.trim().to_ascii_lowercase();
    a.starts_with("https://")
        || a.starts_with("http://")
        || a.starts_with("mailto:")
        || (a.starts_with('/') && !a.starts_with("//") && !a.contains('\\'))
        || a.starts_with('#')
}

fn anchor(address: &str) -> String {
    format!(
        r#"<a href="{}" rel="noopener nofollow ugc">"#,
        escape_attribute(address.trim())
    )
}

fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formatting_lists_and_code_render() {
        let html = render("# Plan\n\n- **logo** and `css`\n- [x] done\n");
        assert!(html.contains("<h1>Plan</h1>"), "{html}");
        assert!(html.contains("<strong>logo</strong>"), "{html}");
        assert!(html.contains("<code>css</code>"), "{html}");
        assert!(html.contains("checkbox"), "{html}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_are_links_and_they_carry_rel() {
        let html = render(
            "[site](https://guild.example/a?b=1&c=\"2\") [bad](javascript:alert(1)) [data](DATA:text/html,x) [proto](//evil.example)",
        );
        assert!(
            html.contains(r#"<a href="https://guild.example/a?b=1&amp;c=%222%22" rel="noopener nofollow ugc">site</a>"#)
                || html.contains(r#"<a href="https://guild.example/a?b=1&amp;c=&quot;2&quot;" rel="noopener nofollow ugc">site</a>"#),
            "{html}"
        );
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(!html.to_lowercase().contains("data:"), "{html}");
        assert!(!html.contains("//evil"), "{html}");
        assert!(
            html.contains("bad") && html.contains("proto"),
            "the text stays: {html}"
        );
    }

    #[test]
    fn images_become_links_to_them() {
        let html = render("![mockup](https://img.example/m.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://img.example/m.png" rel="noopener nofollow ugc">mockup</a>"#
            ),
            "{html}"
        );
    }
}
