//! `/messages` (my conversations, search across them) and `/messages/:id`
//! (one conversation).

use super::api::{get_conversation, list_conversations, search_messages};
use super::components::{MessageBody, Thread, time_label};
use super::model::{ConversationSummary, SearchHit};
use crate::live::context::use_live;
use crate::live::protocol::{Event, ServerFrame};
use crate::ui::widgets::ErrorNote;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The Messages page: conversations by activity with previews and unread
/// badges, updated live; a search across my messages.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let live = use_live();
    let query = use_query_map();
    let version = RwSignal::new(0_u64);
    let auth = crate::accounts::components::use_auth();
    let list = Resource::new(
        move || version.get(),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => list_conversations().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let q = move || query.read().get("q").unwrap_or_default();
    let within = move || query.read().get("in").and_then(|i| i.parse::<i32>().ok());
    let hits = Resource::new(
        move || (q(), within()),
        |(q, within)| async move {
            if q.trim().is_empty() {
                Ok(None)
            } else {
                search_messages(q, within).await.map(Some)
            }
        },
    );
    live.on_frame(move |frame| {
        if matches!(
            frame,
            ServerFrame::Event {
                event: Event::Message { .. } | Event::Read { .. } | Event::Joined { .. },
                ..
            } | ServerFrame::Resync { .. }
        ) {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <Title text="Messages · Guild"/>
        <h1>"Messages"</h1>
        <form method="get" action="/messages" class="chat-search" role="search">
            <label for="chat-search">"Search my messages"</label>
            <input id="chat-search" name="q" type="search" value=q minlength="2" maxlength="200"/>
            {move || within().map(|id| view! { <input type="hidden" name="in" value=id/> })}
            <button type="submit" class="button">"Search"</button>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match hits.await {
                    Ok(Some(hits)) => view! { <SearchResults hits/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(Some(list)) => view! { <ConversationList list/> }.into_any(),
                    Ok(None) => view! { <Redirect path="/login?next=/messages"/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ConversationList(list: Vec<ConversationSummary>) -> impl IntoView {
    if list.is_empty() {
        return view! {
            <p class="empty-state">
                "No conversations yet. Write to a freelancer or coach from their profile; a team conversation starts when a proposal is accepted."
            </p>
        }
        .into_any();
    }
    view! {
        <ul class="conversation-list" aria-label="Conversations">
            {list.into_iter().map(|c| {
                let label = if c.unread > 0 {
                    format!("{}, {} unread", c.title, c.unread)
                } else {
                    c.title.clone()
                };
                let unread = c.unread > 0;
                view! {
                    <li class="conversation-list__item" class:is-unread=unread>
                        <A href=format!("/messages/{}", c.id) attr:aria-label=label>
                            <span class="conversation-list__title">{c.title.clone()}</span>
                            {c.team.then(|| view! { <span class="pill pill--muted">"Team"</span> })}
                            {(c.unread > 0).then(|| view! { <span class="badge" aria-hidden="true">{c.unread}</span> })}
                            <span class="conversation-list__preview muted">{c.preview.clone()}</span>
                            <time class="conversation-list__time muted">{time_label(c.last_activity_at)}</time>
                        </A>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn SearchResults(hits: Vec<SearchHit>) -> impl IntoView {
    view! {
        <section class="chat-results" aria-label="Search results">
            <h2>{format!("{} matching message{}", hits.len(), if hits.len() == 1 { "" } else { "s" })}</h2>
            <ul>
                {hits.into_iter().map(|hit| view! {
                    <li>
                        <A href=format!("/messages/{}", hit.message.conversation_id)>{hit.conversation_title}</A>
                        " · " {hit.message.sender_name.clone()} " · " {time_label(hit.message.created_at)}
                        <MessageBody body=hit.message.body/>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One conversation: its history (`?before=` pages back without
/// JavaScript), the live list and the composer.
#[component]
pub fn ConversationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let version = RwSignal::new(0_u64);
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let auth = crate::accounts::components::use_auth();
    let page = Resource::new(
        move || (id(), before(), version.get()),
        move |(id, before, _)| async move {
            match auth.signed_in().await {
                Some(_) => get_conversation(id, before).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let refetch = move || version.update(|v| *v += 1);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(page)) => view! {
                        <Title text=format!("{} · Messages · Guild", page.title)/>
                        <p><A href="/messages">"← All messages"</A></p>
                        <h1>{page.title.clone()}</h1>
                        {page.gig_id.map(|gig| view! { <p><A href=format!("/gigs/{gig}")>"View the gig"</A></p> })}
                        <form method="get" action="/messages" class="chat-search" role="search">
                            <label for="conversation-search">"Search this conversation"</label>
                            <input id="conversation-search" name="q" type="search" minlength="2" maxlength="200"/>
                            <input type="hidden" name="in" value=page.id/>
                            <button type="submit" class="button">"Search"</button>
                        </form>
                        <Thread page refetch/>
                    }
                    .into_any(),
                    Ok(None) => view! { <Redirect path=format!("/login?next=/messages/{}", id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
