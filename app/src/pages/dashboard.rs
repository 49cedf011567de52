//! `/dashboard`: the signed-in home, one per mode.

use crate::accounts::components::use_auth;
use crate::accounts::model::{CurrentUser, Mode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// Shows the dashboard of the active mode; visitors are sent to log in.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Title text="Dashboard · Guild"/>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(user)) => match user.active_mode {
                        Mode::Client => view! { <ClientDashboard user/> }.into_any(),
                        Mode::Freelancer => view! { <FreelancerDashboard user/> }.into_any(),
                    },
                    _ => view! { <Redirect path="/login?next=/dashboard"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The client/student dashboard.
#[component]
fn ClientDashboard(user: CurrentUser) -> impl IntoView {
    view! {
        <section class="dashboard" data-mode="client">
            <header class="dashboard__header">
                <h1>"Hello, " {user.display_name.clone()}</h1>
                <p class="muted">"You're in " <strong>{Mode::Client.label()}</strong> " mode."</p>
            </header>
            <div class="card-grid">
                <article class="card">
                    <h2>"Your gigs and learning requests"</h2>
                    <p class="muted">"Nothing posted yet. Gigs and learning requests you post will be listed here with their proposals."</p>
                </article>
                <article class="card">
                    <h2>"Contracts"</h2>
                    <p class="muted">"When you accept a proposal, the contract and its milestones appear here."</p>
                </article>
            </div>
        </section>
    }
}

/// The freelancer/coach dashboard.
#[component]
fn FreelancerDashboard(user: CurrentUser) -> impl IntoView {
    view! {
        <section class="dashboard" data-mode="freelancer">
            <header class="dashboard__header">
                <h1>"Hello, " {user.display_name.clone()}</h1>
                <p class="muted">"You're in " <strong>{Mode::Freelancer.label()}</strong> " mode."</p>
            </header>
            <div class="card-grid">
                <article class="card">
                    <h2>"Recommended gigs"</h2>
                    <p class="muted">"Gigs that match your skills will be suggested here once your profile is set up."</p>
                </article>
                <article class="card">
                    <h2>"Proposals and earnings"</h2>
                    <p class="muted">"Your proposals, active contracts and earnings will be tracked here."</p>
                </article>
            </div>
        </section>
    }
}
