//! The 404 page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Shown for any unknown path, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found · Guild"/>
        <section class="empty-state">
            <p class="empty-state__code" aria-hidden="true">"404"</p>
            <h1>"We couldn't find that page"</h1>
            <p class="muted">"The link may be broken, or the page may have moved."</p>
            <A href="/" attr:class="button button--primary">"Back to the home page"</A>
        </section>
    }
}
