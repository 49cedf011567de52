//! `/dashboard`: the client/student and freelancer/coach dashboards.

use super::api::{
    ClientDashboardData, FreelancerDashboardData, client_dashboard, freelancer_dashboard,
};
use super::charts::EarningsChart;
use crate::accounts::components::use_auth;
use crate::accounts::model::{CurrentUser, Mode};
use crate::contracts::pages::ContractRow;
use crate::error::AppError;
use crate::gigs::pages::card::GigCard;
use crate::market::ProfileStatus;
use crate::market::money::format_money;
use crate::market::taxonomy::role_name;
use crate::proposals::pages::ProposalCard;
use crate::suggestions::pages::{
    HistoryResource, NeedBox, RecommendationList, SuggestionHistory, history_resource,
};
use crate::ui::widgets::{Empty, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};

/// A dashboard's data: `None` when the visitor is not in that mode.
type Panel<T> = Resource<Result<Option<T>, AppError>>;

/// Shows the dashboard of the active mode; visitors are sent to log in.
/// Every resource is created here, before any `Suspense`, and fetches only
/// for the mode the signed-in user is in.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let auth = use_auth();
    let in_mode = move |mode: Mode| async move {
        auth.signed_in()
            .await
            .is_some_and(|u| u.active_mode == mode)
    };
    let client: Panel<ClientDashboardData> = Resource::new(
        || (),
        move |_| async move {
            if in_mode(Mode::Client).await {
                client_dashboard().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let freelancer: Panel<FreelancerDashboardData> = Resource::new(
        || (),
        move |_| async move {
            if in_mode(Mode::Freelancer).await {
                freelancer_dashboard().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let history = history_resource(move || async move { in_mode(Mode::Client).await });
    view! {
        <Title text="Dashboard · Guild"/>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(user)) => match user.active_mode {
                        Mode::Client => view! { <ClientHome user data=client history/> }.into_any(),
                        Mode::Freelancer => view! { <FreelancerHome user data=freelancer/> }.into_any(),
                    },
                    _ => view! { <Redirect path="/login?next=/dashboard"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClientHome(
    user: CurrentUser,
    data: Panel<ClientDashboardData>,
    history: HistoryResource,
) -> impl IntoView {
    view! {
        <section class="dashboard" data-mode="client">
            <header class="dashboard__header">
                <h1>"Hello, " {user.display_name.clone()}</h1>
                <p class="muted">"You're in " <strong>{Mode::Client.label()}</strong> " mode."</p>
                <div class="button-row">
                    <A href="/gigs/new" attr:class="button button--primary">"Post a gig"</A>
                    <A href="/gigs/new?kind=lesson" attr:class="button">"Post a learning request"</A>
                    <A href="/talent" attr:class="button">"Find talent"</A>
                </div>
            </header>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(d)) => view! { <ClientPanels data=d/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                    }
                })}
            </Suspense>
            <div class="dashboard__grid">
                <NeedBox heading="Not sure who you need? Describe it"/>
                <SuggestionHistory history/>
            </div>
        </section>
    }
}

#[component]
fn ClientPanels(data: ClientDashboardData) -> impl IntoView {
    view! {
        {(!data.profile_done).then(|| view! {
            <p class="alert alert--info">"Tell freelancers a little about you: " <A href="/onboarding/client">"complete your client profile"</A> "."</p>
        })}
        <div class="dashboard__grid">
            <section class="panel" aria-labelledby="my-gigs">
                <h2 id="my-gigs">"Your gigs and learning requests"</h2>
                {if data.gigs.is_empty() {
                    view! { <Empty title="Nothing posted yet">"Post a gig or a learning request and proposals will arrive here."</Empty> }.into_any()
                } else {
                    view! { <div class="card-list">{data.gigs.into_iter().map(|gig| view! { <GigCard gig show_status=true/> }).collect_view()}</div> }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="client-contracts">
                <h2 id="client-contracts">"Contracts"</h2>
                {if data.contracts.is_empty() {
                    view! { <Empty title="No contracts yet">"Accept a proposal to start one."</Empty> }.into_any()
                } else {
                    view! { <div class="card-list">{data.contracts.into_iter().map(|c| view! { <ContractRow contract=c/> }).collect_view()}</div> }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="discover">
                <h2 id="discover">"Discover talent"</h2>
                <ul class="shortcut-list">
                    {data.popular_roles.into_iter().map(|(role, n)| view! {
                        <li><A href=format!("/talent?role={role}")>{role_name(&role)}</A> <span class="muted">" " {n}</span></li>
                    }).collect_view()}
                </ul>
                <A href="/talent/saved">"Saved talent →"</A>
            </section>
        </div>
    }
}

#[component]
fn FreelancerHome(user: CurrentUser, data: Panel<FreelancerDashboardData>) -> impl IntoView {
    let username = user.username.clone();
    view! {
        <section class="dashboard" data-mode="freelancer">
            <header class="dashboard__header">
                <h1>"Hello, " {user.display_name.clone()}</h1>
                <p class="muted">"You're in " <strong>{Mode::Freelancer.label()}</strong> " mode."</p>
                <div class="button-row">
                    <A href="/gigs" attr:class="button button--primary">"Find work"</A>
                    <A href="/proposals" attr:class="button">"Your proposals"</A>
                    <A href="/gigs/saved" attr:class="button">"Saved gigs"</A>
                </div>
            </header>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    let username = username.clone();
                    Suspend::new(async move {
                    match data.await {
                        Ok(Some(d)) => view! { <FreelancerPanels data=d username/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}

#[component]
fn FreelancerPanels(data: FreelancerDashboardData, username: String) -> impl IntoView {
    let status_note = match (data.profile_status, data.resume_href.clone()) {
        (None, _) => Some(view! { <p class="alert alert--info">"Set up your profile to appear in search and send proposals. " <A href="/onboarding">"Start now"</A></p> }.into_any()),
        (Some(ProfileStatus::Draft), Some(href)) => Some(view! { <p class="alert alert--info">"Your profile is a draft. " <A href=href>"Continue onboarding"</A></p> }.into_any()),
        (Some(ProfileStatus::Pending), _) => Some(view! { <p class="alert alert--info">"Your profile is waiting for approval."</p> }.into_any()),
        (Some(ProfileStatus::Rejected), _) => Some(view! { <p class="alert alert--error">"Changes requested: " {data.rejection_reason.clone()} " " <A href="/onboarding/review">"Edit your profile"</A></p> }.into_any()),
        (Some(ProfileStatus::Approved), _) => Some(view! { <p class="muted">"Your profile is live: " <A href=format!("/talent/{username}")>"view it"</A></p> }.into_any()),
        _ => None,
    };
    let e = data.earnings.clone();
    view! {
        {status_note}
        <div class="dashboard__grid">
            <section class="panel" aria-labelledby="earnings">
                <h2 id="earnings">"Earnings"</h2>
                {if e.by_currency.is_empty() {
                    view! { <p class="muted">"Approved milestones are recorded here."</p> }.into_any()
                } else {
                    view! {
                        <dl class="facts">
                            {e.by_currency.clone().into_iter().map(|c| view! {
                                <div><dt>"This month (" {c.currency.clone()} ")"</dt><dd data-test="earned-month">{format_money(c.this_month_cents, &c.currency)}</dd></div>
                                <div><dt>"Total (" {c.currency.clone()} ")"</dt><dd data-test="earned-total">{format_money(c.total_cents, &c.currency)}</dd></div>
                            }).collect_view()}
                        </dl>
                        <EarningsChart months=e.monthly.clone() currency=e.main_currency.clone()/>
                        <ul class="per-contract">
                            {e.per_contract.clone().into_iter().map(|c| view! {
                                <li><A href=format!("/contracts/{}", c.contract_id)>{c.title.clone()}</A>
                                    <span class="muted">" " {format_money(c.earned_cents, &c.currency)} " of " {format_money(c.total_cents, &c.currency)}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="recommended">
                <h2 id="recommended">"Recommended gigs"</h2>
                <RecommendationList items=data.recommended/>
            </section>
            <section class="panel" aria-labelledby="active-contracts">
                <h2 id="active-contracts">"Active contracts"</h2>
                {if data.contracts.is_empty() {
                    view! { <Empty title="No active contracts">"When a client accepts your proposal, the contract appears here."</Empty> }.into_any()
                } else {
                    view! { <div class="card-list">{data.contracts.into_iter().map(|c| view! { <ContractRow contract=c/> }).collect_view()}</div> }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="proposals">
                <h2 id="proposals">"Proposals"</h2>
                {if data.proposals.is_empty() {
                    view! { <Empty title="No proposals yet">"Send one from any open gig."</Empty> }.into_any()
                } else {
                    view! { <div class="card-list">{data.proposals.into_iter().map(|p| view! { <ProposalCard proposal=p show_author=false/> }).collect_view()}</div> }.into_any()
                }}
            </section>
        </div>
    }
}
