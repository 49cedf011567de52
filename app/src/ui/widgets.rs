//! Small display components: stars, pills, pagination, empty states, errors.

use crate::error::AppError;
use crate::ui::format;
use leptos::prelude::*;
use leptos_router::components::A;

/// A star rating with its number and count, e.g. ★ 4.8 (12 reviews).
#[component]
pub fn Stars(
    /// Average rating, if any reviews are visible.
    rating: Option<f64>,
    /// How many reviews.
    count: i32,
) -> impl IntoView {
    match rating {
        Some(r) if count > 0 => {
            let label = format!(
                "Rated {} out of 5 from {count} review{}",
                format::rating(r),
                if count == 1 { "" } else { "s" }
            );
            view! {
                <span class="stars" title=label.clone() aria-label=label>
                    <span class="stars__icon" aria-hidden="true">"★"</span>
                    <span class="stars__value">{format::rating(r)}</span>
                    <span class="stars__count muted">"(" {count} ")"</span>
                </span>
            }
            .into_any()
        }
        _ => view! { <span class="stars stars--new muted">"New"</span> }.into_any(),
    }
}

/// Five stars for one review.
#[component]
pub fn StarRow(
    /// 1–5.
    rating: i32,
) -> impl IntoView {
    let filled = "★".repeat(rating.clamp(0, 5) as usize);
    let empty = "☆".repeat((5 - rating.clamp(0, 5)) as usize);
    view! {
        <span class="star-row" role="img" aria-label=format!("{rating} out of 5 stars")>
            <span aria-hidden="true">{filled}{empty}</span>
        </span>
    }
}

/// A status label.
#[component]
pub fn Pill(
    /// The text.
    #[prop(into)]
    text: String,
    /// A modifier class suffix (`accent`, `warn`, `ok`, `muted`).
    #[prop(optional)]
    tone: &'static str,
) -> impl IntoView {
    let class = if tone.is_empty() {
        "pill".to_string()
    } else {
        format!("pill pill--{tone}")
    };
    view! { <span class=class>{text}</span> }
}

/// Previous/next links that keep the other query parameters.
#[component]
pub fn Pagination(
    /// The page path, e.g. `/talent`.
    path: &'static str,
    /// The other query parameters (without `page`).
    query: Vec<(String, String)>,
    /// The current page (1-based).
    page: u32,
    /// The number of pages.
    pages: u32,
) -> impl IntoView {
    let href = move |p: u32| {
        let mut params: Vec<(String, String)> = query
            .iter()
            .filter(|(k, v)| k != "page" && !v.is_empty())
            .cloned()
            .collect();
        params.push(("page".into(), p.to_string()));
        let qs = params
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        format!("{path}?{qs}")
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Pages">
                {(page > 1).then(|| view! { <A href=href(page - 1) attr:rel="prev">"← Previous"</A> })}
                <span class="muted">"Page " {page} " of " {pages}</span>
                {(page < pages).then(|| view! { <A href=href(page + 1) attr:rel="next">"Next →"</A> })}
            </nav>
        }
    })
}

/// Percent-encodes a query component.
pub fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A friendly empty list.
#[component]
pub fn Empty(
    /// What is missing.
    #[prop(into)]
    title: String,
    /// What to do about it.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="empty">
            <p class="empty__title">{title}</p>
            <div class="muted">{children()}</div>
        </div>
    }
}

/// An error from a server function, as a message (404s read as "not found").
#[component]
pub fn ErrorNote(
    /// The failure.
    error: AppError,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
    if error == AppError::Unauthenticated {
        let location = leptos_router::hooks::use_location();
        let (path, query) = (
            location.pathname.get_untracked(),
            location.search.get_untracked(),
        );
        let here = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        let login = format!("/login?next={}", urlencode(&here));
        return view! {
            <div class="alert alert--error" role="alert">
                "Please log in to see this page. " <a href=login>"Log in"</a>
            </div>
        }
        .into_any();
    }
    view! { <div class="alert alert--error" role="alert">{error.summary()}</div> }.into_any()
}

/// The message of the last failed run of an action, if any.
#[component]
pub fn ActionError(
    /// The failure, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <p class="alert alert--error" role="alert">{e.summary()}</p> })
    }
}

/// The last failed run of an action, for forms without highlighted fields
/// of their own (toggles, one-field rows): the summary and each field's
/// message.
#[component]
pub fn ActionProblem(
    /// The failure, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let mut text = e
                .form_errors()
                .map(|f| f.fields.values().cloned().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            if text.is_empty() {
                text = e.summary();
            }
            view! { <p class="alert alert--error" role="alert">{text}</p> }
        })
    }
}
