//! Suggestion UI: the "Describe what you need" box, the results page,
//! history, recommended gigs and suggested talent.

use super::api::{
    AskForSuggestions, DraftFromSuggestion, InviteToGig, suggest_roles, suggestion_history,
};
use super::model::{
    GigRecommendation, HistoryItem, NeedSuggestion, SuggestedRole, TalentSuggestion,
};
use crate::accounts::components::use_auth;
use crate::error::AppError;
use crate::gigs::pages::card::GigCard;
use crate::market::taxonomy::{CATEGORIES, role_name, roles_in};
use crate::profiles::components::TalentCardView;
use crate::ui::form::{action_error, field_error};
use crate::ui::format;
use crate::ui::widgets::{ActionError, Empty, ErrorNote, urlencode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Examples shown under the need box.
const EXAMPLES: &[&str] = &[
    "my bakery needs a website where people can order cakes",
    "my son is failing algebra",
    "our office wifi keeps dropping",
];

/// The "Describe what you need" box. Submitting it posts the need (which
/// keeps it in a signed-in user's history) and opens `/suggest?need=…`;
/// it works with and without JavaScript.
#[component]
pub fn NeedBox(
    /// Text to start with.
    #[prop(optional, into)]
    initial: String,
    /// The heading above the box.
    #[prop(default = "Describe what you need")]
    heading: &'static str,
) -> impl IntoView {
    let ask = ServerAction::<AskForSuggestions>::new();
    let error = action_error(ask);
    view! {
        <section class="need-box" aria-labelledby="need-heading">
            <h2 id="need-heading">{heading}</h2>
            <ActionForm action=ask attr:class="need-box__form">
                <label for="need-text" class="visually-hidden">"What do you need?"</label>
                <textarea id="need-text" name="need" rows="3" maxlength="2000"
                    aria-invalid=move || field_error(error, "text").get().map(|_| "true")
                    placeholder="e.g. my bakery needs a website where people can order cakes">{initial}</textarea>
                <button type="submit" class="button button--primary" data-test="suggest">"Suggest roles"</button>
            </ActionForm>
            {move || error.get().map(|e| view! {
                <p class="alert alert--error" role="alert" data-test="need-error">
                    {e.field("text").unwrap_or_else(|| e.summary())}
                </p>
            })}
            <p class="muted need-box__examples">"Try: "
                {EXAMPLES.iter().enumerate().map(|(i, e)| view! {
                    {(i > 0).then_some(" · ")}
                    <A href=format!("/suggest?need={}", urlencode(e))>{*e}</A>
                }).collect_view()}
            </p>
        </section>
    }
}

/// Roles with confidence bars, each linking to discovery filtered by the role.
#[component]
pub fn RoleBars(roles: Vec<SuggestedRole>) -> impl IntoView {
    view! {
        <ol class="role-bars">
            {roles.into_iter().map(|r| {
                let (pct, name) = (r.percent(), r.name.clone());
                view! {
                    <li class="role-bar" data-role=r.id.clone()>
                        <A href=format!("/talent?role={}", r.id) attr:class="role-bar__name">{name}</A>
                        <meter min="0" max="100" value=pct title=format!("{pct}% confident")></meter>
                        <span class="role-bar__pct">{pct} "%"</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// `/suggest?need=…`: roles, matching talent and skills for a need.
#[component]
pub fn SuggestPage() -> impl IntoView {
    let query = use_query_map();
    let need = move || query.read().get("need").unwrap_or_default();
    let result = Resource::new(need, |need| async move {
        if need.trim().is_empty() {
            Ok(None)
        } else {
            suggest_roles(need).await.map(Some)
        }
    });
    view! {
        <Title text="Suggested roles · Guild"/>
        <NeedBox initial=need() heading="What do you need?"/>
        <Suspense fallback=|| view! { <p class="muted">"Thinking…"</p> }>
            {move || Suspend::new(async move {
                match result.await {
                    Ok(Some(s)) => view! { <SuggestionResult suggestion=s/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SuggestionResult(suggestion: NeedSuggestion) -> impl IntoView {
    let auth = use_auth();
    let draft = ServerAction::<DraftFromSuggestion>::new();
    let draft_error = action_error(draft);
    let history_id = suggestion.history_id;
    let need = suggestion.text.clone();
    let top_role = suggestion.roles.first().map(|r| r.name.clone());
    let confident = suggestion.confident();
    view! {
        <section class="suggestion" aria-live="polite" data-test="suggestion">
            {if suggestion.confident() {
                view! {
                    <h2>"Roles that fit"</h2>
                    <RoleBars roles=suggestion.roles.clone()/>
                }.into_any()
            } else {
                view! {
                    <h2>"We're not sure which role fits yet"</h2>
                    <p class="muted" data-test="not-confident">"Add a few details — what you want done, for whom, by when — or browse the kinds of work on Guild:"</p>
                    <div class="category-grid">
                        {CATEGORIES.iter().map(|(id, label)| view! {
                            <div class="category">
                                <h3>{*label}</h3>
                                <ul>{roles_in(id).map(|r| view! { <li><A href=format!("/talent?role={}", r.id)>{r.name.clone()}</A></li> }).collect_view()}</ul>
                            </div>
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
            {(!suggestion.skills.is_empty()).then(|| view! {
                <p class="muted">"Skills mentioned: "
                    <span class="tags tags--inline">{suggestion.skills.iter().map(|s| view! { <span class="tag">{s.clone()}</span> }).collect_view()}</span>
                </p>
            })}
            {(!suggestion.talent.is_empty()).then(|| view! {
                <h2>"Best matches" {top_role.map(|r| format!(" for {r}"))}</h2>
                <div class="card-list">
                    {suggestion.talent.iter().cloned().map(|card| view! { <TalentCardView card/> }).collect_view()}
                </div>
            })}
            {move || {
                let need = need.clone();
                Suspend::new(async move {
                let can_post = matches!(auth.user.await, Ok(Some(ref u)) if u.has_client);
                (can_post && confident).then(|| view! {
                    <ActionForm action=draft attr:class="suggestion__post">
                        {match history_id {
                            Some(id) => view! { <input type="hidden" name="id" value=id/> }.into_any(),
                            None => view! { <input type="hidden" name="need" value=need/> }.into_any(),
                        }}
                        <button type="submit" class="button button--primary" data-test="post-as-gig">"Post this as a gig"</button>
                        <span class="muted">" We'll start a draft with these roles; you add the budget."</span>
                    </ActionForm>
                })
            })}}
            <ActionError error=draft_error/>
        </section>
    }
}

/// The signed-in user's suggestion history, as a page loads it.
pub type HistoryResource = Resource<Result<Vec<HistoryItem>, AppError>>;

/// The history resource, fetched only when `wanted` resolves to true (the
/// page decides, e.g. for signed-in clients). Create it at the top of the
/// page, before any `Suspense`.
pub fn history_resource<F, Fut>(wanted: F) -> HistoryResource
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    Resource::new(
        || (),
        move |_| async move {
            if wanted().await {
                suggestion_history().await
            } else {
                Ok(Vec::new())
            }
        },
    )
}

/// The signed-in user's recent needs, each reusable as a gig draft.
#[component]
pub fn SuggestionHistory(history: HistoryResource) -> impl IntoView {
    let draft = ServerAction::<DraftFromSuggestion>::new();
    view! {
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">"Your recent needs"</h2>
            <ActionError error=action_error(draft)/>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(items) if items.is_empty() => view! { <p class="muted">"Needs you describe are kept here so you can turn them into gigs."</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="history">
                                {items.into_iter().map(|item| view! {
                                    <li class="history__item">
                                        <A href=format!("/suggest?need={}", urlencode(&item.text))>{item.text.clone()}</A>
                                        <span class="muted">" · " {format::date(item.created_at)} " · "
                                            {item.roles.iter().map(|r| role_name(r)).collect::<Vec<_>>().join(", ")}</span>
                                        {(!item.roles.is_empty()).then(|| view! {
                                            <ActionForm action=draft attr:class="history__use">
                                                <input type="hidden" name="id" value=item.id/>
                                                <button type="submit" class="button button--small">"Use as gig draft"</button>
                                            </ActionForm>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Recommended gigs with the reasons they fit.
#[component]
pub fn RecommendationList(items: Vec<GigRecommendation>) -> impl IntoView {
    if items.is_empty() {
        return view! { <Empty title="No matches right now">"Gigs that fit your roles, skills and rate show up here. Browse the " <A href="/gigs">"gig board"</A> "."</Empty> }.into_any();
    }
    view! {
        <div class="card-list">
            {items.into_iter().map(|r| {
                let id = r.gig.id;
                view! {
                <div class="recommendation" data-gig=id>
                    <p class="recommendation__why">
                        {r.invited.then(|| view! { <span class="pill pill--accent">"Invited"</span> " " })}
                        {r.reasons.join(" · ")}
                    </p>
                    <GigCard gig=r.gig/>
                </div>
            }}).collect_view()}
        </div>
    }
    .into_any()
}

/// Suggested talent for a gig, as the gig page loads it (only for its owner).
pub type TalentResource = Resource<Result<Vec<TalentSuggestion>, AppError>>;

/// Suggested talent for a gig, with invitations (the gig's owner). The page
/// creates `talent` and `invite` at its top.
#[component]
pub fn SuggestedTalent(
    gig_id: i32,
    can_invite: bool,
    talent: TalentResource,
    invite: ServerAction<InviteToGig>,
) -> impl IntoView {
    view! {
        <section class="suggested-talent" aria-labelledby="suggested-heading">
            <h3 id="suggested-heading">"Suggested talent"</h3>
            <ActionError error=action_error(invite)/>
            <Transition fallback=|| view! { <p class="muted">"Finding people…"</p> }>
                {move || Suspend::new(async move {
                    match talent.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">"No approved freelancers fit this gig yet."</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="card-list">
                                {list.into_iter().map(|s| {
                                    let id = s.card.user_id;
                                    let username = s.card.username.clone();
                                    view! {
                                        <div class="recommendation" data-username=username>
                                            <p class="recommendation__why">{s.reasons.join(" · ")}</p>
                                            <TalentCardView card=s.card/>
                                            {if s.invited {
                                                view! { <span class="pill pill--ok" data-test="invited">"Invited"</span> }.into_any()
                                            } else if can_invite {
                                                view! {
                                                    <ActionForm action=invite>
                                                        <input type="hidden" name="gig_id" value=gig_id/>
                                                        <input type="hidden" name="freelancer_id" value=id/>
                                                        <button type="submit" class="button button--small" data-test="invite">"Invite to propose"</button>
                                                    </ActionForm>
                                                }.into_any()
                                            } else {
                                                ().into_any()
                                            }}
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
