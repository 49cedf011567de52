//! `/gigs/saved`: bookmarked gigs.

use super::card::GigCard;
use crate::accounts::components::use_auth;
use crate::gigs::api::{BookmarkGig, saved_gigs};
use crate::ui::widgets::{Empty, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};

/// The saved gigs page.
#[component]
pub fn SavedGigsPage() -> impl IntoView {
    let auth = use_auth();
    let bookmark = ServerAction::<BookmarkGig>::new();
    let gigs = Resource::new(move || bookmark.version().get(), |_| saved_gigs());
    view! {
        <Title text="Saved gigs · Guild"/>
        <h1>"Saved gigs"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/gigs/saved"/> }.into_any();
                }
                match gigs.await {
                    Ok(list) if list.is_empty() => view! { <Empty title="Nothing saved yet">"Save gigs from the " <A href="/gigs">"gig board"</A> " to come back to them."</Empty> }.into_any(),
                    Ok(list) => view! { <div class="card-list">{list.into_iter().map(|gig| view! { <GigCard gig bookmark=Some(bookmark)/> }).collect_view()}</div> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}
