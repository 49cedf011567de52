//! Profile pieces shown in several places: talent cards, portfolio cards,
//! reviews and language lists.

use crate::discovery::api::BookmarkTalent;
use crate::market::countries::place;
use crate::market::money::format_money;
use crate::market::taxonomy::role_name;
use crate::profiles::model::{LanguageEntry, PortfolioEntry, ReviewView, TalentCard};
use crate::ui::avatar::{Avatar, colour_index};
use crate::ui::format;
use crate::ui::widgets::{StarRow, Stars};
use leptos::prelude::*;
use leptos_router::components::A;

/// A freelancer in a list, with a bookmark button when `bookmark` is given.
#[component]
pub fn TalentCardView(
    /// The freelancer.
    card: TalentCard,
    /// The bookmark action, for signed-in viewers.
    #[prop(default = None)]
    bookmark: Option<ServerAction<BookmarkTalent>>,
) -> impl IntoView {
    let href = format!("/talent/{}", card.username);
    let rate = card
        .hourly_rate_cents
        .map(|c| format!("{}/hr", format_money(c, &card.currency)));
    let location = place(&card.city, &card.country);
    view! {
        <article class="talent-card" data-username=card.username.clone()>
            <div class="talent-card__head">
                <Avatar name=card.display_name.clone() seed=card.username.clone() size=48/>
                <div class="talent-card__who">
                    <h3><A href=href.clone()>{card.display_name.clone()}</A></h3>
                    <p class="muted">{card.tagline.clone()}</p>
                </div>
                {bookmark.map(|action| view! { <BookmarkButton action freelancer_id=card.user_id saved=card.saved/> })}
            </div>
            <div class="talent-card__facts">
                <Stars rating=card.rating_avg count=card.review_count/>
                {rate.map(|r| view! { <span class="talent-card__rate">{r}</span> })}
                {(!location.is_empty()).then(|| view! { <span class="muted">{location}</span> })}
                <span class="pill">{card.kind.label()}</span>
            </div>
            <ul class="tags" aria-label="Roles and skills">
                {card.roles.iter().map(|r| view! { <li class="tag tag--role">{role_name(r)}</li> }).collect_view()}
                {card.skills.iter().map(|s| view! { <li class="tag">{s.clone()}</li> }).collect_view()}
            </ul>
        </article>
    }
}

/// Save / unsave a freelancer (works without JavaScript too).
#[component]
pub fn BookmarkButton(
    /// The bookmark action.
    action: ServerAction<BookmarkTalent>,
    /// The freelancer.
    freelancer_id: i32,
    /// Whether they are saved now.
    saved: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=action attr:class="bookmark">
            <input type="hidden" name="freelancer_id" value=freelancer_id/>
            <input type="hidden" name="saved" value=(!saved).to_string()/>
            <button type="submit" class="button button--small" class:is-saved=saved
                aria-pressed=saved.to_string() data-test="bookmark-talent">
                {if saved { "★ Saved" } else { "☆ Save" }}
            </button>
        </ActionForm>
    }
}

/// A portfolio link as a card with a thumbnail: the given image, or a
/// generated tile showing the site it points to.
#[component]
pub fn PortfolioCard(
    /// The link.
    item: PortfolioEntry,
) -> impl IntoView {
    let host = item.host();
    let tile = format!("portfolio-card__tile avatar--c{}", colour_index(&host));
    let initial = host
        .chars()
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default();
    view! {
        <article class="portfolio-card">
            {match item.thumbnail_url.clone() {
                Some(src) => view! { <img class="portfolio-card__thumb" src=src alt="" loading="lazy" referrerpolicy="no-referrer"/> }.into_any(),
                None => view! { <div class=tile aria-hidden="true"><span>{initial}</span><small>{host.clone()}</small></div> }.into_any(),
            }}
            <div class="portfolio-card__body">
                <h3><a href=item.url.clone() rel="noopener noreferrer nofollow" target="_blank">{item.title.clone()}</a></h3>
                <p class="muted">{item.description.clone()}</p>
                <p class="portfolio-card__host muted">{host}</p>
            </div>
        </article>
    }
}

/// Reviews, newest first.
#[component]
pub fn ReviewList(
    /// The reviews.
    reviews: Vec<ReviewView>,
    /// Offer "Report" on each review.
    #[prop(optional)]
    can_report: bool,
) -> impl IntoView {
    if reviews.is_empty() {
        return view! { <p class="muted">"No reviews yet. Reviews appear once both sides of a completed contract have reviewed, or 14 days after completion."</p> }.into_any();
    }
    view! {
        <ul class="reviews">
            {reviews.into_iter().map(|r| view! {
                <li class="review">
                    <div class="review__head">
                        <Avatar name=r.reviewer_name.clone() seed=r.reviewer_username.clone() size=32/>
                        <strong>{r.reviewer_name.clone()}</strong>
                        <StarRow rating=r.rating/>
                        <span class="muted">{format::date(r.created_at)}</span>
                    </div>
                    <p class="review__contract muted">{r.contract_title.clone()}</p>
                    <p>{r.body.clone()}</p>
                    {can_report.then(|| view! {
                        <crate::moderation::pages::report::ReportButton kind=crate::moderation::model::ObjectKind::Review object_id=i64::from(r.id)/>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Languages with proficiency.
#[component]
pub fn LanguageList(
    /// The languages.
    languages: Vec<LanguageEntry>,
) -> impl IntoView {
    view! {
        <ul class="languages">
            {languages.into_iter().map(|l| view! {
                <li><strong>{l.language}</strong> " · " <span class="muted">{l.proficiency.label()}</span></li>
            }).collect_view()}
        </ul>
    }
}
