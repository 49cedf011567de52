//! `/clients/:username` (private client profiles) and `/onboarding/client`.

use crate::accounts::components::use_auth;
use crate::market::countries::place;
use crate::profiles::api::{SaveClientProfile, get_client_profile, my_client_profile};
use crate::profiles::components::{LanguageList, ReviewList};
use crate::profiles::model::ClientProfile;
use crate::ui::avatar::Avatar;
use crate::ui::fields::{LanguageRows, Select, TextArea, country_options};
use crate::ui::form::{FormAlert, TextField, action_error, field_error, field_value};
use crate::ui::format;
use crate::ui::widgets::{ErrorNote, Stars};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;

/// A client's profile, for the people allowed to see it.
#[component]
pub fn ClientProfilePage() -> impl IntoView {
    let params = use_params_map();
    let profile = Resource::new(
        move || params.read().get("username").unwrap_or_default(),
        get_client_profile,
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(p) => view! { <ClientView profile=p/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClientView(profile: ClientProfile) -> impl IntoView {
    let location = place(&profile.city, &profile.country);
    let count = profile.reviews.len() as i32;
    view! {
        <Title text=format!("{} · Guild", profile.display_name)/>
        <article class="profile" data-username=profile.username.clone()>
            <header class="profile__header">
                <Avatar name=profile.display_name.clone() seed=profile.username.clone() size=96/>
                <div>
                    <h1>{profile.display_name.clone()}</h1>
                    <p class="profile__facts">
                        <Stars rating=profile.rating_avg count=count/>
                        {(!location.is_empty()).then(|| view! { <span class="muted">{location}</span> })}
                    </p>
                    <p class="muted">"Client since " {format::date(profile.member_since)}</p>
                    {profile.is_own.then(|| view! { <p class="muted">"Only you, admins, and freelancers you contact or hire can see this page."</p> })}
                </div>
            </header>
            {(!profile.about.is_empty()).then(|| view! { <section class="profile__section"><h2>"About"</h2><p class="prose">{profile.about.clone()}</p></section> })}
            {(!profile.learning_goals.is_empty()).then(|| view! { <section class="profile__section"><h2>"Wants to learn"</h2><p class="prose">{profile.learning_goals.clone()}</p></section> })}
            {(!profile.languages.is_empty()).then(|| view! { <section class="profile__section"><h2>"Languages"</h2><LanguageList languages=profile.languages.clone()/></section> })}
            <section class="profile__section">
                <h2>"Reviews from freelancers"</h2>
                <ReviewList reviews=profile.reviews.clone()/>
            </section>
        </article>
    }
}

/// The one-page client/student onboarding (and profile editor).
#[component]
pub fn ClientOnboardingPage() -> impl IntoView {
    let auth = use_auth();
    let profile = Resource::new(|| (), |_| my_client_profile());
    view! {
        <Title text="Your client profile · Guild"/>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/onboarding/client"/> }.into_any();
                }
                match profile.await {
                    Ok(p) => view! { <ClientForm profile=p/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClientForm(profile: ClientProfile) -> impl IntoView {
    let action = ServerAction::<SaveClientProfile>::new();
    let error = action_error(action);
    let rows = (0..(profile.languages.len() + 2).clamp(3, crate::profiles::inputs::MAX_ROWS))
        .map(|i| {
            let l = profile.languages.get(i);
            (
                l.map(|l| l.language.clone()).unwrap_or_default(),
                l.map(|l| l.proficiency.as_str().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    view! {
        <section class="auth-card auth-card--wide">
            <h1>"Your client and student profile"</h1>
            <p class="muted">"Freelancers and coaches see this only after you contact them or accept their proposal."</p>
            <FormAlert error=error/>
            <ActionForm action=action attr:class="form">
                <div class="form__row">
                    <TextField label="City" name="city" value=field_value(error, "city", profile.city.clone()) error=field_error(error, "city")/>
                    <Select label="Country" name="country" options=country_options("Choose your country")
                        selected=field_value(error, "country", profile.country.clone()) error=field_error(error, "country")/>
                </div>
                <TextArea label="About you" name="about" hint="Your business, team or situation, in a few words."
                    value=field_value(error, "about", profile.about.clone()) error=field_error(error, "about")/>
                <TextArea label="What you want to learn (students)" name="learning_goals" rows=3
                    value=field_value(error, "learning_goals", profile.learning_goals.clone()) error=field_error(error, "learning_goals")/>
                <LanguageRows rows error=Callback::new(move |name: String| error.get().and_then(|e| e.field(&name)))/>
                <button type="submit" class="button button--primary" disabled=move || action.pending().get()>"Save profile"</button>
            </ActionForm>
        </section>
    }
}
