//! `/admin`: the minimal admin console (users and admin grants).

use super::api::{
    AdminUserRow, DecideGig, DecideProfile, PendingProfileRow, SetAdmin, list_users, pending_gigs,
    pending_profiles,
};
use crate::accounts::components::use_auth;
use crate::accounts::model::{CurrentUser, Role};
use crate::error::AppError;
use crate::gigs::model::PendingGig;
use crate::gigs::pages::card::GigCard;
use crate::moderation::pages::nav::AdminNav;
use crate::profiles::components::TalentCardView;
use crate::ui::avatar::Avatar;
use crate::ui::form::action_error;
use crate::ui::format;
use crate::ui::widgets::{ActionError, Empty};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::components::{Form, Redirect};
use leptos_router::hooks::use_query_map;

/// The admin console's lists, created at the top of the page (before any
/// `Suspense`) and fetched only for admins.
#[derive(Clone, Copy)]
struct Console {
    profiles: Resource<Result<Vec<PendingProfileRow>, AppError>>,
    gigs: Resource<Result<Vec<PendingGig>, AppError>>,
    users: Resource<Result<Vec<AdminUserRow>, AppError>>,
    counts: Resource<Result<crate::moderation::model::QueueCounts, AppError>>,
    decide_profile: ServerAction<DecideProfile>,
    decide_gig: ServerAction<DecideGig>,
    set_admin: ServerAction<SetAdmin>,
}

impl Console {
    fn new() -> Self {
        let auth = use_auth();
        let is_admin = move || async move {
            auth.signed_in()
                .await
                .is_some_and(|u| u.has_role(Role::Admin))
        };
        let query = use_query_map();
        let decide_profile = ServerAction::<DecideProfile>::new();
        let decide_gig = ServerAction::<DecideGig>::new();
        let set_admin = ServerAction::<SetAdmin>::new();
        Self {
            profiles: Resource::new(
                move || decide_profile.version().get(),
                move |_| async move {
                    if is_admin().await {
                        pending_profiles().await
                    } else {
                        Ok(Vec::new())
                    }
                },
            ),
            gigs: Resource::new(
                move || decide_gig.version().get(),
                move |_| async move {
                    if is_admin().await {
                        pending_gigs().await
                    } else {
                        Ok(Vec::new())
                    }
                },
            ),
            users: Resource::new(
                move || (query.read().get("q"), set_admin.version().get()),
                move |(q, _)| async move {
                    if is_admin().await {
                        list_users(q).await
                    } else {
                        Ok(Vec::new())
                    }
                },
            ),
            counts: Resource::new(
                move || (decide_profile.version().get(), decide_gig.version().get()),
                move |_| async move {
                    if is_admin().await {
                        crate::moderation::api::admin_counts().await
                    } else {
                        Ok(Default::default())
                    }
                },
            ),
            decide_profile,
            decide_gig,
            set_admin,
        }
    }
}

/// Shows `page` to a signed-in user holding `role`; anyone else signed in
/// gets the 403 page, and a visitor is sent to log in and back to `path`.
/// (The page's server functions check the role again.)
#[component]
pub fn RoleGate<F>(role: Role, path: &'static str, page: F) -> impl IntoView
where
    F: Fn(CurrentUser) -> AnyView + Clone + Send + Sync + 'static,
{
    let auth = use_auth();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match auth.user.await {
                        Ok(Some(user)) if user.has_role(role) => page(user),
                        Ok(Some(_)) => view! { <Forbidden/> }.into_any(),
                        _ => view! { <Redirect path=format!("/login?next={path}")/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Admins see the console; others are sent to log in or told they lack access.
#[component]
pub fn AdminPage() -> impl IntoView {
    let console = Console::new();
    view! {
        <Title text="Admin · Guild"/>
        <RoleGate role=Role::Admin path="/admin" page=move |user: CurrentUser| view! {
            <AdminNav user=user.clone() current="/admin" counts=console.counts/>
            <nav class="tabs" aria-label="Admin sections">
                <a href="#review-profiles">"Profiles"</a>
                <a href="#review-gigs">"Gigs"</a>
                <a href="#users">"Users"</a>
            </nav>
            <ReviewProfiles console/>
            <ReviewGigs console/>
            <AdminUsers actor=user console/>
        }.into_any()/>
    }
}

/// The 403 page of the admin pages.
#[component]
pub fn Forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! {
        <section class="empty-state">
            <h1>"Admins only"</h1>
            <p class="muted">"Your account doesn't have access to the admin console."</p>
        </section>
    }
}

#[component]
fn AdminUsers(actor: CurrentUser, console: Console) -> impl IntoView {
    let query = use_query_map();
    let Console {
        users, set_admin, ..
    } = console;
    let can_grant = actor.has_role(Role::SuperAdmin);
    view! {
        <section class="admin" id="users">
            <h2>"Users"</h2>
            <Form method="GET" action="" attr:class="search-bar">
                <label for="admin-q" class="visually-hidden">"Search users"</label>
                <input id="admin-q" type="search" name="q" placeholder="Name, username or email"
                    value=move || query.read().get("q").unwrap_or_default()/>
                <button type="submit" class="button">"Search"</button>
            </Form>
            <Transition fallback=|| view! { <p class="muted">"Loading users…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"No users match."</p> }.into_any(),
                        Ok(rows) => view! {
                            <ul class="user-list">
                                {rows.into_iter().map(|row| view! { <UserRow row can_grant set_admin/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="alert alert--error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UserRow(row: AdminUserRow, can_grant: bool, set_admin: ServerAction<SetAdmin>) -> impl IntoView {
    let sides = match (row.has_client, row.has_freelancer) {
        (true, true) => "Client & freelancer",
        (true, false) => "Client",
        (false, true) => "Freelancer",
        (false, false) => "—",
    };
    let badge = if row.is_super_admin {
        Some("Super admin")
    } else if row.is_admin {
        Some("Admin")
    } else {
        None
    };
    let toggle = (can_grant && !row.is_super_admin).then(|| {
        let grant = !row.is_admin;
        view! {
            <ActionForm action=set_admin>
                <input type="hidden" name="user_id" value=row.id/>
                <input type="hidden" name="grant" value=grant.to_string()/>
                <button type="submit" class="button button--small">
                    {if grant { "Make admin" } else { "Remove admin" }}
                </button>
            </ActionForm>
        }
    });
    view! {
        <li class="user-list__item" data-username=row.username.clone()>
            <Avatar name=row.display_name.clone() seed=row.username.clone() size=32/>
            <div class="user-list__who">
                <strong>{row.display_name.clone()}</strong>
                <span class="muted">"@" {row.username.clone()} " · " {row.email.clone()}</span>
            </div>
            <span class="pill">{sides}</span>
            {badge.map(|b| view! { <span class="pill pill--accent">{b}</span> })}
            {toggle}
        </li>
    }
}

/// A reason box plus approve and reject buttons for one item (inside an
/// `ActionForm`); the decision applies to the `revision` shown.
#[component]
fn DecisionFields(id_name: &'static str, id: i32, revision: i32) -> impl IntoView {
    view! {
        <input type="hidden" name=id_name value=id/>
        <input type="hidden" name="revision" value=revision/>
        <label for=format!("reason-{id_name}-{id}")>"Reason (required to reject)"</label>
        <input id=format!("reason-{id_name}-{id}") type="text" name="reason"/>
        <div class="button-row">
            <button type="submit" name="approve" value="true" class="button button--primary button--small" data-test="approve">"Approve"</button>
            <button type="submit" name="approve" value="false" class="button button--danger button--small" data-test="reject">"Reject"</button>
        </div>
    }
}

#[component]
fn ReviewProfiles(console: Console) -> impl IntoView {
    let (decide, pending) = (console.decide_profile, console.profiles);
    view! {
        <section class="admin" id="review-profiles">
            <h1>"Admin"</h1>
            <h2>"Profiles waiting for approval"</h2>
            <ActionError error=action_error(decide)/>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match pending.await {
                        Ok(rows) if rows.is_empty() => view! { <Empty title="Nothing to review">"New profiles appear here when submitted."</Empty> }.into_any(),
                        Ok(rows) => view! {
                            <div class="card-list">
                                {rows.into_iter().map(|row| {
                                    let id = row.card.user_id;
                                    let revision = row.revision;
                                    let username = row.card.username.clone();
                                    view! {
                                        <div class="review-item" data-username=username.clone()>
                                            <TalentCardView card=row.card/>
                                            <p class="muted">{row.submitted_at.map(|t| format!("Submitted {}", format::date(t)))}
                                                " · " <A href=format!("/talent/{username}")>"Open full profile"</A></p>
                                            <ActionForm action=decide attr:class="decision"><DecisionFields id_name="user_id" id revision/></ActionForm>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="alert alert--error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ReviewGigs(console: Console) -> impl IntoView {
    let (decide, pending) = (console.decide_gig, console.gigs);
    view! {
        <section class="admin" id="review-gigs">
            <h2>"Gigs waiting for approval"</h2>
            <ActionError error=action_error(decide)/>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match pending.await {
                        Ok(rows) if rows.is_empty() => view! { <Empty title="Nothing to review">"Gigs submitted for approval appear here."</Empty> }.into_any(),
                        Ok(rows) => view! {
                            <div class="card-list">
                                {rows.into_iter().map(|row| {
                                    let (id, revision, gig) = (row.gig.id, row.revision, row.gig);
                                    view! {
                                        <div class="review-item">
                                            <GigCard gig/>
                                            <ActionForm action=decide attr:class="decision"><DecisionFields id_name="gig_id" id revision/></ActionForm>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="alert alert--error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
