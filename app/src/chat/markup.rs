//! Safe rendering of message text: users never send HTML. A body is split
//! into paragraphs of plain text, http(s) links and `inline code`, and
//! fenced code blocks (```), which the page shows monospace with a copy
//! button. Everything is rendered as text nodes, so nothing is interpreted.

/// A piece of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// An http or https link.
    Link(String),
    /// `inline code`.
    Code(String),
}

/// A block of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A line of text.
    Line(Vec<Inline>),
    /// A fenced code block.
    Code(String),
}

/// Splits a message body into blocks.
pub fn parse(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut code: Option<Vec<&str>> = None;
    for line in body.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut code, fence) {
            (Some(lines), true) => {
                blocks.push(Block::Code(lines.join("\n")));
                code = None;
            }
            (Some(lines), false) => lines.push(line),
            (None, true) => code = Some(Vec::new()),
            (None, false) => blocks.push(Block::Line(inline(line))),
        }
    }
    if let Some(lines) = code {
        blocks.push(Block::Code(lines.join("\n")));
    }
    blocks
}

/// Splits one line into text, links and inline code.
pub fn inline(line: &str) -> Vec<Inline> {
    let parts: Vec<&str> = line.split('`').collect();
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let closed = i + 1 < parts.len();
        if i % 2 == 0 {
            links(&mut out, part);
        } else if closed && !part.is_empty() {
            out.push(Inline::Code((*part).to_string()));
        } else {
            let close = if closed { "`" } else { "" };
            push_text(&mut out, &format!("`{part}{close}"));
        }
    }
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_string()));
    }
}

fn links(out: &mut Vec<Inline>, text: &str) {
    let mut rest = text;
    while let Some(start) = find_link(rest) {
        push_text(out, &rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let mut url = &tail[..end];
        while let Some(c) = url.chars().last() {
            if ".,;:!?)]}'\"".contains(c) {
                url = &url[..url.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        if url.len() <= "https://".len() {
            push_text(out, url);
        } else {
            out.push(Inline::Link(url.to_string()));
        }
        rest = &tail[url.len()..];
    }
    push_text(out, rest);
}

fn find_link(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_stays_text() {
        assert_eq!(
            parse("<script>alert(1)</script>"),
            vec![Block::Line(vec![Inline::Text(
                "<script>alert(1)</script>".into()
            )])]
        );
    }

    #[test]
    fn only_http_links_become_links() {
        assert_eq!(
            inline("see https://guild.example/a?b=1, or javascript:alert(1)"),
            vec![
                Inline::Text("see ".into()),
                Inline::Link("https://guild.example/a?b=1".into()),
                Inline::Text(", or javascript:alert(1)".into()),
            ]
        );
        assert_eq!(inline("http://"), vec![Inline::Text("http://".into())]);
    }

    #[test]
    fn inline_code_and_fences() {
        assert_eq!(
            inline("run `cargo test` now"),
            vec![
                Inline::Text("run ".into()),
                Inline::Code("cargo test".into()),
                Inline::Text(" now".into()),
            ]
        );
        assert_eq!(inline("a `b"), vec![Inline::Text("a `b".into())]);
        assert_eq!(
            parse("look:\n```rust\nfn main() {}\n```\nok"),
            vec![
                Block::Line(vec![Inline::Text("look:".into())]),
                Block::Code("fn main() {}".into()),
                Block::Line(vec![Inline::Text("ok".into())]),
            ]
        );
    }
}
