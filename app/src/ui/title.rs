//! The document title. leptos_meta 0.8 writes `<Title>` text into the
//! server-rendered `<head>` without escaping it, so a gig titled
//! `</title><meta http-equiv="refresh" …>` would inject markup into every
//! visit of its page. [`TitleEscaper`] installs one formatter at the root
//! that every page's `<Title>` passes through: on the server it escapes the
//! text for HTML; in the browser, where the title is set as
//! `document.title` (plain text), it leaves it alone.

use leptos::prelude::*;
use leptos_meta::Title;

/// Escapes `text` for use as the text of the server-rendered `<title>`
/// element (`&`, `<` and `>`; quotes are harmless in element text).
pub fn escape_title_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// What every page title passes through before it is written.
fn format_title(text: String) -> String {
    if cfg!(feature = "ssr") {
        escape_title_html(&text)
    } else {
        text
    }
}

/// The site's default title, and the formatter that makes every page's
/// `<Title text=…/>` safe. Rendered once, at the root of the app.
#[component]
pub fn TitleEscaper(
    /// The title of pages that set none.
    default: &'static str,
) -> impl IntoView {
    view! { <Title formatter=format_title text=default/> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_is_escaped() {
        assert_eq!(
            escape_title_html("x </title><meta http-equiv=\"refresh\"> & co"),
            "x &lt;/title&gt;&lt;meta http-equiv=\"refresh\"&gt; &amp; co"
        );
        assert_eq!(escape_title_html("Plain · Guild"), "Plain · Guild");
    }
}
