//! `/onboarding` and `/onboarding/:step`: the guided profile flow.

use super::steps::StepForm;
use crate::accounts::components::use_auth;
use crate::error::AppError;
use crate::profiles::api::{
    StartOnboarding, SubmitProfile, my_freelancer_profile, onboarding_missing,
};
use crate::profiles::model::FreelancerProfile;
use crate::profiles::steps::{Step, flow, position, resume};
use crate::ui::widgets::ErrorNote;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_params_map;

/// Choose freelancing, coaching or both, or resume where you left off.
#[component]
pub fn OnboardingStartPage() -> impl IntoView {
    let auth = use_auth();
    let start = ServerAction::<StartOnboarding>::new();
    let profile = Resource::new(move || start.version().get(), |_| my_freelancer_profile());
    view! {
        <Title text="Set up your profile · Guild"/>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/onboarding"/> }.into_any();
                }
                match profile.await {
                    Ok(Some(p)) => view! { <ResumeCard profile=p/> }.into_any(),
                    Ok(None) => view! { <ChooseKind start/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChooseKind(start: ServerAction<StartOnboarding>) -> impl IntoView {
    let option = move |kind: &'static str,
                       title: &'static str,
                       text: &'static str,
                       steps: usize| {
        view! {
            <ActionForm action=start attr:class="card choice">
                <input type="hidden" name="kind" value=kind/>
                <h2>{title}</h2>
                <p class="muted">{text}</p>
                <p class="muted">{steps} " short steps; you can stop and come back at any time."</p>
                <button type="submit" class="button button--primary" data-kind=kind>"Start"</button>
            </ActionForm>
        }
    };
    view! {
        <section class="onboarding">
            <h1>"Set up your profile"</h1>
            <p class="muted">"Your profile is reviewed by our team before it appears in search. Start with what you offer:"</p>
            <div class="card-grid">
                {option("freelance", "I take on projects", "Websites, designs, videos, bookkeeping, repairs — work delivered for clients.", 8)}
                {option("coaching", "I teach or coach", "Lessons and coaching for students: maths, languages, music, careers and more.", 9)}
                {option("both", "Both", "Take on projects and teach; one profile, both kinds of work.", 9)}
            </div>
        </section>
    }
}

#[component]
fn ResumeCard(profile: FreelancerProfile) -> impl IntoView {
    let next = resume(profile.kind, profile.onboarding_step);
    view! {
        <section class="onboarding">
            <h1>"Your " {profile.kind.label().to_lowercase()} " profile"</h1>
            <p>"Status: " <strong>{profile.status.label()}</strong></p>
            <Progress profile=profile.clone() current=next/>
            <A href=next.href() attr:class="button button--primary">"Continue: " {next.title()}</A>
        </section>
    }
}

/// The step list: done steps link back, the current one is marked.
#[component]
pub fn Progress(
    /// The profile (its kind picks the flow, its progress marks steps done).
    profile: FreelancerProfile,
    /// The step being shown.
    current: Step,
) -> impl IntoView {
    let steps = flow(profile.kind);
    let total = steps.len();
    let here = position(profile.kind, current).unwrap_or(0);
    view! {
        <nav class="progress" aria-label="Onboarding progress">
            <p class="progress__label">"Step " {here + 1} " of " {total} ": " <strong>{current.title()}</strong></p>
            <progress class="progress__bar" max=total value=here + 1></progress>
            <ol class="progress__steps">
                {steps.iter().enumerate().map(|(i, step)| {
                    let done = (i as i32) < profile.onboarding_step;
                    let is_current = *step == current;
                    let class = if is_current { "is-current" } else if done { "is-done" } else { "" };
                    view! {
                        <li class=class aria-current=is_current.then_some("step")>
                            {if done || is_current {
                                view! { <A href=step.href()>{step.title()}</A> }.into_any()
                            } else {
                                view! { <span>{step.title()}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// Bumped when a save leaves the page where it is, so the profile reloads.
#[derive(Clone, Copy)]
pub struct ProfileSaved(pub RwSignal<u64>);

/// The review step's submit action and what is still missing, created at
/// the top of the page (before any `Suspense`) and found through context.
#[derive(Clone, Copy)]
pub struct Review {
    /// Submits the profile for approval.
    pub submit: ServerAction<SubmitProfile>,
    /// What the profile still lacks (fetched only on the review step).
    pub missing: Resource<Result<Vec<(String, String)>, AppError>>,
}

/// One onboarding step.
#[component]
pub fn OnboardingStepPage() -> impl IntoView {
    let auth = use_auth();
    let params = use_params_map();
    let step = move || params.read().get("step").and_then(|s| Step::from_slug(&s));
    let saved = ProfileSaved(RwSignal::new(0));
    provide_context(saved);
    let profile = Resource::new(
        move || (step().map(|s| s.slug()), saved.0.get()),
        |_| my_freelancer_profile(),
    );
    let submit = ServerAction::<SubmitProfile>::new();
    Effect::new(move |_| {
        if matches!(submit.value().get(), Some(Ok(()))) {
            saved.0.update(|v| *v += 1);
        }
    });
    let missing = Resource::new(
        move || (step() == Some(Step::Review), submit.version().get()),
        move |(review, _)| async move {
            if review && auth.signed_in().await.is_some() {
                onboarding_missing().await
            } else {
                Ok(Vec::new())
            }
        },
    );
    provide_context(Review { submit, missing });
    view! {
        <Title text="Set up your profile · Guild"/>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/onboarding"/> }.into_any();
                }
                match (profile.await, step()) {
                    (Ok(Some(p)), Some(s)) if position(p.kind, s).is_some() => view! {
                        <section class="onboarding">
                            <Progress profile=p.clone() current=s/>
                            <StepForm profile=p step=s/>
                        </section>
                    }.into_any(),
                    (Ok(Some(p)), _) => {
                        let first = resume(p.kind, p.onboarding_step).href();
                        view! { <Redirect path=first/> }.into_any()
                    }
                    (Ok(None), _) => view! { <Redirect path="/onboarding"/> }.into_any(),
                    (Err(e), _) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
