//! The form of each onboarding step. Every form posts to its own server
//! function, which validates, saves the draft and redirects to the next step.

use crate::market::money::{CURRENCIES, amount_input};
use crate::market::{Availability, FreelancerKind, Level, ProfileStatus, TeachingFormat};
use crate::profiles::api::{
    SaveEducation, SaveExperience, SaveLanguages, SavePortfolio, SaveRate, SaveRoles, SaveSkills,
    SaveTeaching,
};
use crate::profiles::inputs::MAX_ROWS;
use crate::profiles::model::FreelancerProfile;
use crate::profiles::pages::public::ProfileBody;
use crate::profiles::steps::Step;
use crate::ui::fields::{
    LanguageRows, RoleChecklist, Select, SkillsInput, TextArea, country_options,
};
use crate::ui::form::{FormAlert, TextField, action_error, field_error, field_value};
use leptos::prelude::*;
use leptos_router::components::A;

/// The form for `step`.
#[component]
pub fn StepForm(profile: FreelancerProfile, step: Step) -> impl IntoView {
    match step {
        Step::Teaching => view! { <TeachingStep profile/> }.into_any(),
        Step::Roles => view! { <RolesStep profile/> }.into_any(),
        Step::Skills => view! { <SkillsStep profile/> }.into_any(),
        Step::Experience => view! { <ExperienceStep profile/> }.into_any(),
        Step::Education => view! { <EducationStep profile/> }.into_any(),
        Step::Languages => view! { <LanguagesStep profile/> }.into_any(),
        Step::Portfolio => view! { <PortfolioStep profile/> }.into_any(),
        Step::Rate => view! { <RateStep profile/> }.into_any(),
        Step::Review => view! { <ReviewStep profile/> }.into_any(),
    }
}

/// "Save and continue", disabled while saving.
#[component]
fn SaveButton(pending: Signal<bool>) -> impl IntoView {
    view! {
        <div class="form__actions">
            <button type="submit" class="button button--primary" disabled=move || pending.get()>
                {move || if pending.get() { "Saving…" } else { "Save and continue" }}
            </button>
        </div>
    }
}

/// Enough rows to show what exists plus two empty ones.
fn row_count(existing: usize) -> usize {
    (existing + 2).clamp(3, MAX_ROWS)
}

#[component]
fn TeachingStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveTeaching>::new();
    let error = action_error(action);
    let kind = if profile.kind == FreelancerKind::Both {
        "both"
    } else {
        "coaching"
    };
    let format = profile.teaching_format.map(|f| f.as_str()).unwrap_or("");
    let levels = profile.teaching_levels.clone();
    view! {
        <h1>"Welcome, coach"</h1>
        <p class="muted">"Students search for coaches by how and whom they teach. Tell them."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <fieldset class="field">
                <legend>"What you offer"</legend>
                <label class="checkbox"><input type="radio" name="kind" value="coaching" checked=kind == "coaching"/>"Lessons and coaching only"</label>
                <label class="checkbox"><input type="radio" name="kind" value="both" checked=kind == "both"/>"Lessons and project work"</label>
                {move || field_error(error, "kind").get().map(|m| view! { <p class="field__error" data-field="kind">{m}</p> })}
            </fieldset>
            <fieldset class="field">
                <legend>"How you teach"</legend>
                {TeachingFormat::ALL.iter().map(|f| view! {
                    <label class="checkbox"><input type="radio" name="teaching_format" value=f.as_str() checked=format == f.as_str()/>{f.label()}</label>
                }).collect_view()}
                {move || field_error(error, "teaching_format").get().map(|m| view! { <p class="field__error" data-field="teaching_format">{m}</p> })}
            </fieldset>
            <fieldset class="field">
                <legend>"Levels you teach"</legend>
                {Level::ALL.iter().map(|l| view! {
                    <label class="checkbox"><input type="checkbox" name="levels[]" value=l.as_str() checked=levels.contains(l)/>{l.label()}</label>
                }).collect_view()}
                {move || field_error(error, "levels").get().map(|m| view! { <p class="field__error" data-field="levels">{m}</p> })}
            </fieldset>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn RolesStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveRoles>::new();
    let error = action_error(action);
    let roles = profile.roles.clone();
    view! {
        <h1>"What roles do you take on?"</h1>
        <p class="muted">"Choose up to three. Clients find you by these roles."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <RoleChecklist legend="Roles" selected=Signal::derive(move || roles.clone()) error=field_error(error, "roles")/>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn SkillsStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveSkills>::new();
    let error = action_error(action);
    view! {
        <h1>"Your skills"</h1>
        <p class="muted">"Tools, techniques and subjects you're good at. Up to 15."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <SkillsInput name="skills" label="Skills" value=field_value(error, "skills", profile.skills.join(", ")) error=field_error(error, "skills")/>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn ExperienceStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveExperience>::new();
    let error = action_error(action);
    let years = if profile.years_experience > 0 {
        profile.years_experience.to_string()
    } else {
        String::new()
    };
    view! {
        <h1>"About you and your experience"</h1>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <TextField label="Tagline" name="tagline" hint="One line clients read first, e.g. “Shopify stores for small food businesses”."
                value=field_value(error, "tagline", profile.tagline.clone()) error=field_error(error, "tagline")/>
            <TextArea label="About you" name="bio" rows=6 hint="Who you help, how you work, what you're proud of."
                value=field_value(error, "bio", profile.bio.clone()) error=field_error(error, "bio")/>
            <div class="form__row">
                <TextField label="City" name="city" value=field_value(error, "city", profile.city.clone()) error=field_error(error, "city")/>
                <Select label="Country" name="country" options=country_options("Choose your country")
                    selected=field_value(error, "country", profile.country.clone()) error=field_error(error, "country")/>
            </div>
            <TextField label="Years of experience" name="years_experience" kind="number"
                value=field_value(error, "years_experience", years) error=field_error(error, "years_experience")/>
            <TextArea label="Experience" name="experience" rows=4 hint="Past roles, notable clients or projects."
                value=field_value(error, "experience", profile.experience.clone()) error=field_error(error, "experience")/>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn EducationStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveEducation>::new();
    let error = action_error(action);
    let rows = row_count(profile.credentials.len());
    view! {
        <h1>"Education and certificates"</h1>
        <p class="muted">"Optional, but it helps students and clients trust you. Leave rows empty to skip them."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            {(0..rows).map(|i| {
                let existing = profile.credentials.get(i).cloned();
                let name = move |f: &str| format!("credentials[{i}][{f}]");
                let kind = existing.as_ref().map(|c| c.kind.clone()).unwrap_or_else(|| "education".into());
                view! {
                    <fieldset class="rows__row">
                        <legend>"Entry " {i + 1}</legend>
                        <Select label="Type" name=name("kind")
                            options=vec![("education".into(), "Education".into()), ("certificate".into(), "Certificate".into())]
                            selected=field_value(error, name("kind"), kind)/>
                        <TextField label="Degree or certificate" name=name("title")
                            value=field_value(error, name("title"), existing.as_ref().map(|c| c.title.clone()).unwrap_or_default())
                            error=field_error(error, name("title"))/>
                        <TextField label="School or issuer" name=name("institution")
                            value=field_value(error, name("institution"), existing.as_ref().map(|c| c.institution.clone()).unwrap_or_default())
                            error=field_error(error, name("institution"))/>
                        <TextField label="Year" name=name("year") kind="number"
                            value=field_value(error, name("year"), existing.as_ref().and_then(|c| c.year).map(|y| y.to_string()).unwrap_or_default())
                            error=field_error(error, name("year"))/>
                    </fieldset>
                }
            }).collect_view()}
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn LanguagesStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveLanguages>::new();
    let error = action_error(action);
    let rows = (0..row_count(profile.languages.len()))
        .map(|i| {
            let existing = profile.languages.get(i);
            let value = |f: &str, current: String| {
                error
                    .get_untracked()
                    .and_then(|e| e.value(&format!("languages[{i}][{f}]")))
                    .unwrap_or(current)
            };
            (
                value(
                    "language",
                    existing.map(|l| l.language.clone()).unwrap_or_default(),
                ),
                value(
                    "proficiency",
                    existing
                        .map(|l| l.proficiency.as_str().to_string())
                        .unwrap_or_default(),
                ),
            )
        })
        .collect();
    view! {
        <h1>"Languages"</h1>
        <p class="muted">"The languages you can work or teach in."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <LanguageRows rows error=Callback::new(move |name: String| error.get().and_then(|e| e.field(&name)))/>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn PortfolioStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SavePortfolio>::new();
    let error = action_error(action);
    let rows = row_count(profile.portfolio.len());
    view! {
        <h1>"Portfolio"</h1>
        <p class="muted">"Link to your work: GitHub, Behance, YouTube, Google Drive or any https page. Links only — nothing is uploaded."</p>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            {(0..rows).map(|i| {
                let existing = profile.portfolio.get(i).cloned();
                let name = move |f: &str| format!("portfolio[{i}][{f}]");
                let current = move |f: fn(&crate::profiles::model::PortfolioEntry) -> String| existing.as_ref().map(f).unwrap_or_default();
                view! {
                    <fieldset class="rows__row">
                        <legend>"Link " {i + 1}</legend>
                        <TextField label="Title" name=name("title")
                            value=field_value(error, name("title"), current(|p| p.title.clone())) error=field_error(error, name("title"))/>
                        <TextField label="Link (https://…)" name=name("url") kind="url"
                            value=field_value(error, name("url"), current(|p| p.url.clone())) error=field_error(error, name("url"))/>
                        <TextField label="Description" name=name("description")
                            value=field_value(error, name("description"), current(|p| p.description.clone())) error=field_error(error, name("description"))/>
                        <TextField label="Thumbnail image link (optional)" name=name("thumbnail_url") kind="url"
                            value=field_value(error, name("thumbnail_url"), current(|p| p.thumbnail_url.clone().unwrap_or_default()))
                            error=field_error(error, name("thumbnail_url"))/>
                    </fieldset>
                }
            }).collect_view()}
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn RateStep(profile: FreelancerProfile) -> impl IntoView {
    let action = ServerAction::<SaveRate>::new();
    let error = action_error(action);
    let rate = profile
        .hourly_rate_cents
        .map(amount_input)
        .unwrap_or_default();
    let currencies: Vec<(String, String)> = CURRENCIES
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let availability: Vec<(String, String)> =
        std::iter::once((String::new(), "Choose".to_string()))
            .chain(
                Availability::ALL
                    .iter()
                    .map(|a| (a.as_str().to_string(), a.label().to_string())),
            )
            .collect();
    let rate_label = if profile.kind.teaches() {
        "Hourly rate (lessons are priced per session in proposals)"
    } else {
        "Hourly rate"
    };
    view! {
        <h1>"Rate and availability"</h1>
        <FormAlert error=error/>
        <ActionForm action=action attr:class="form">
            <div class="form__row">
                <TextField label=rate_label name="hourly_rate" value=field_value(error, "hourly_rate", rate) error=field_error(error, "hourly_rate")/>
                <Select label="Currency" name="currency" options=currencies
                    selected=field_value(error, "currency", profile.currency.clone()) error=field_error(error, "currency")/>
            </div>
            <Select label="Availability" name="availability" options=availability
                selected=field_value(error, "availability", profile.availability.map(|a| a.as_str().to_string()).unwrap_or_default())
                error=field_error(error, "availability")/>
            <SaveButton pending=action.pending().into()/>
        </ActionForm>
    }
}

#[component]
fn ReviewStep(profile: FreelancerProfile) -> impl IntoView {
    let super::onboarding::Review { submit, missing } = expect_context();
    let error = action_error(submit);
    let status = profile.status;
    let username = profile.username.clone();
    view! {
        <h1>"Review and submit"</h1>
        {match status {
            ProfileStatus::Pending => view! { <p class="alert alert--info" data-test="profile-status">"Submitted — waiting for approval. We'll let you know; you can still edit any step."</p> }.into_any(),
            ProfileStatus::Approved => view! {
                <p class="alert alert--ok" data-test="profile-status">"Approved — your profile is live. "
                    <A href=format!("/talent/{username}")>"See your public profile"</A></p>
                <p class="muted" data-test="review-note">"Changing your tagline, bio, experience, city, skills, education or portfolio sends your profile back to an admin for review, and it is hidden from search until the change is approved. Rate, availability, languages and roles change at once."</p>
            }.into_any(),
            ProfileStatus::Rejected => view! {
                <p class="alert alert--error" data-test="profile-status">"Changes requested: " {profile.rejection_reason.clone()}
                    " Edit the steps, then submit again."</p>
            }.into_any(),
            ProfileStatus::Draft => view! { <p class="muted">"Check your profile as clients will see it, then submit it for approval."</p> }.into_any(),
        }}
        <FormAlert error=error/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let missing = missing.await.unwrap_or_default();
                (!missing.is_empty()).then(|| view! {
                    <div class="alert alert--warn">
                        <p><strong>"Before you submit:"</strong></p>
                        <ul>
                            {missing.into_iter().map(|(slug, message)| view! {
                                <li><A href=format!("/onboarding/{slug}")>{message}</A></li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            })}
        </Suspense>
        <div class="preview">
            <ProfileBody profile=profile.clone() reviews=Vec::new()/>
        </div>
        {matches!(status, ProfileStatus::Draft | ProfileStatus::Rejected).then(|| view! {
            <ActionForm action=submit attr:class="form__actions">
                <button type="submit" class="button button--primary button--large" data-test="submit-profile"
                    disabled=move || submit.pending().get()>"Submit for approval"</button>
            </ActionForm>
        })}
    }
}
