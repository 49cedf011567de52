//! `/talent/:username`: a freelancer's or coach's public page.

use crate::discovery::api::BookmarkTalent;
use crate::market::countries::place;
use crate::market::money::format_money;
use crate::market::taxonomy::role_name;
use crate::messaging::api::StartConversation;
use crate::moderation::model::ObjectKind;
use crate::moderation::pages::report::ReportButton;
use crate::profiles::api::public_profile;
use crate::profiles::components::{BookmarkButton, LanguageList, PortfolioCard, ReviewList};
use crate::profiles::model::{FreelancerProfile, PublicProfilePage as PageData, ReviewView};
use crate::ui::avatar::Avatar;
use crate::ui::form::action_error;
use crate::ui::format;
use crate::ui::widgets::{ActionError, ErrorNote, Stars};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The public profile page.
#[component]
pub fn PublicProfilePage() -> impl IntoView {
    let params = use_params_map();
    let bookmark = ServerAction::<BookmarkTalent>::new();
    let contact = ServerAction::<StartConversation>::new();
    let page = Resource::new(
        move || {
            (
                params.read().get("username").unwrap_or_default(),
                bookmark.version().get(),
                contact.version().get(),
            )
        },
        |(username, _, _)| public_profile(username),
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <ProfileView data bookmark contact/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileView(
    data: PageData,
    bookmark: ServerAction<BookmarkTalent>,
    contact: ServerAction<StartConversation>,
) -> impl IntoView {
    let profile = data.profile.clone();
    let contact_error = action_error(contact);
    let signed_in = data.signed_in;
    view! {
        <Title text=format!("{} · Guild", profile.display_name)/>
        <div class="profile-actions">
            {data.is_own.then(|| view! { <A href="/onboarding/review" attr:class="button">"Edit profile"</A> })}
            {(signed_in && !data.is_own).then(|| view! { <BookmarkButton action=bookmark freelancer_id=profile.user_id saved=data.saved/> })}
            {data.can_contact.then(|| {
                let username = profile.username.clone();
                let name = profile.display_name.clone();
                let contacted = data.contacted;
                let label = format!("Message {name}");
                view! {
                    <ActionForm action=contact>
                        <input type="hidden" name="username" value=username/>
                        <button type="submit" class="button button--primary" data-test="contact">{label}</button>
                    </ActionForm>
                    {contacted.then(|| view! { <p class="muted" data-test="contacted">"You're in touch with " {name} "; they can reply to you."</p> })}
                }.into_any()
            })}
        </div>
        <ActionError error=contact_error/>
        {(signed_in && !data.is_own).then(|| view! {
            <ReportButton kind=ObjectKind::Profile object_id=i64::from(profile.user_id)/>
        })}
        <ProfileBody profile reviews=data.reviews can_report=signed_in && !data.is_own/>
    }
}

/// The body of a freelancer profile (also the onboarding preview).
#[component]
pub fn ProfileBody(
    profile: FreelancerProfile,
    reviews: Vec<ReviewView>,
    /// Offer "Report" on each review (a signed-in visitor).
    #[prop(optional)]
    can_report: bool,
) -> impl IntoView {
    let location = place(&profile.city, &profile.country);
    let rate = profile
        .hourly_rate_cents
        .map(|c| format!("{}/hr", format_money(c, &profile.currency)));
    view! {
        <article class="profile" data-username=profile.username.clone()>
            <header class="profile__header">
                <Avatar name=profile.display_name.clone() seed=profile.username.clone() size=96/>
                <div>
                    <h1>{profile.display_name.clone()}</h1>
                    <p class="profile__tagline">{profile.tagline.clone()}</p>
                    <p class="profile__facts">
                        <Stars rating=profile.rating_avg count=profile.review_count/>
                        {rate.map(|r| view! { <span class="talent-card__rate">{r}</span> })}
                        {(!location.is_empty()).then(|| view! { <span class="muted">{location}</span> })}
                        <span class="pill">{profile.kind.label()}</span>
                        {profile.availability.map(|a| view! { <span class="pill">{a.label()}</span> })}
                    </p>
                    <p class="muted">"Member since " {format::date(profile.member_since)}</p>
                </div>
            </header>
            <ul class="tags">
                {profile.roles.iter().map(|r| view! { <li class="tag tag--role">{role_name(r)}</li> }).collect_view()}
                {profile.skills.iter().map(|s| view! { <li class="tag">{s.clone()}</li> }).collect_view()}
            </ul>
            <section class="profile__section">
                <h2>"About"</h2>
                <p class="prose">{profile.bio.clone()}</p>
            </section>
            {profile.kind.teaches().then(|| view! {
                <section class="profile__section">
                    <h2>"Teaching"</h2>
                    <p>
                        {profile.teaching_format.map(|f| f.label()).unwrap_or("")}
                        " · "
                        {profile.teaching_levels.iter().map(|l| l.label()).collect::<Vec<_>>().join(", ")}
                    </p>
                </section>
            })}
            {(!profile.experience.is_empty() || profile.years_experience > 0).then(|| view! {
                <section class="profile__section">
                    <h2>"Experience"</h2>
                    {(profile.years_experience > 0).then(|| view! { <p><strong>{profile.years_experience} " years"</strong></p> })}
                    <p class="prose">{profile.experience.clone()}</p>
                </section>
            })}
            {(!profile.credentials.is_empty()).then(|| view! {
                <section class="profile__section">
                    <h2>"Education & certificates"</h2>
                    <ul class="credentials">
                        {profile.credentials.iter().map(|c| view! {
                            <li>
                                <strong>{c.title.clone()}</strong>
                                {(!c.institution.is_empty()).then(|| format!(" · {}", c.institution))}
                                {c.year.map(|y| format!(" · {y}"))}
                                {(c.kind == "certificate").then(|| view! { " " <span class="pill">"Certificate"</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="profile__section">
                <h2>"Languages"</h2>
                <LanguageList languages=profile.languages.clone()/>
            </section>
            {(!profile.portfolio.is_empty()).then(|| view! {
                <section class="profile__section">
                    <h2>"Portfolio"</h2>
                    <div class="portfolio-grid">
                        {profile.portfolio.iter().cloned().map(|item| view! { <PortfolioCard item/> }).collect_view()}
                    </div>
                </section>
            })}
            <section class="profile__section">
                <h2>"Reviews"</h2>
                <ReviewList reviews can_report/>
            </section>
        </article>
    }
}
