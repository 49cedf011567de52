//! A gig in a list.

use crate::gigs::api::BookmarkGig;
use crate::gigs::model::GigSummary;
use crate::market::countries::place;
use crate::market::taxonomy::role_name;
use crate::market::{GigKind, GigStatus};
use crate::ui::format;
use leptos::prelude::*;
use leptos_router::components::A;

/// A gig card; `bookmark` adds a save button, `show_status` the lifecycle pill.
#[component]
pub fn GigCard(
    /// The gig.
    gig: GigSummary,
    /// The bookmark action, for signed-in viewers.
    #[prop(default = None)]
    bookmark: Option<ServerAction<BookmarkGig>>,
    /// Show the status (owner lists).
    #[prop(optional)]
    show_status: bool,
) -> impl IntoView {
    let where_ = if gig.remote {
        "Remote".to_string()
    } else {
        place(&gig.city, &gig.country)
    };
    let kind_class = if gig.kind == GigKind::Lesson {
        "pill pill--lesson"
    } else {
        "pill pill--project"
    };
    let status_tone = match gig.status {
        GigStatus::Open => "pill pill--ok",
        GigStatus::Pending | GigStatus::Draft => "pill pill--warn",
        _ => "pill",
    };
    let title = gig.title.clone();
    view! {
        <article class="gig-card" data-gig=gig.id>
            <div class="gig-card__head">
                <h3><A href=format!("/gigs/{}", gig.id)>{title}</A></h3>
                {bookmark.map(|action| view! { <BookmarkGigButton action gig_id=gig.id saved=gig.saved/> })}
            </div>
            <p class="gig-card__meta">
                <span class=kind_class>{gig.kind.label()}</span>
                {show_status.then(|| view! { <span class=status_tone data-test="gig-status">{gig.status.label()}</span> })}
                <strong class="gig-card__budget">{gig.budget()}</strong>
                <span class="muted">{where_}</span>
                {gig.deadline.clone().map(|d| view! { <span class="muted">"Due " {format::day(&d)}</span> })}
            </p>
            <p class="gig-card__excerpt">{gig.excerpt.clone()}</p>
            <ul class="tags">
                {gig.roles.iter().map(|r| view! { <li class="tag tag--role">{role_name(r)}</li> }).collect_view()}
                {gig.skills.iter().map(|s| view! { <li class="tag">{s.clone()}</li> }).collect_view()}
            </ul>
            <p class="gig-card__foot muted">
                {gig.owner_name.clone()}
                {gig.published_at.map(|t| format!(" · posted {}", format::date(t)))}
                " · " {gig.proposal_count} {if gig.proposal_count == 1 { " proposal" } else { " proposals" }}
            </p>
        </article>
    }
}

/// Save / unsave a gig (works without JavaScript too).
#[component]
pub fn BookmarkGigButton(
    action: ServerAction<BookmarkGig>,
    gig_id: i32,
    saved: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=action attr:class="bookmark">
            <input type="hidden" name="id" value=gig_id/>
            <input type="hidden" name="saved" value=(!saved).to_string()/>
            <button type="submit" class="button button--small" class:is-saved=saved aria-pressed=saved.to_string() data-test="bookmark-gig">
                {if saved { "★ Saved" } else { "☆ Save" }}
            </button>
        </ActionForm>
    }
}
