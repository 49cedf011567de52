//! The conversation view shared by the Messages page and the contract page:
//! history (paged backwards), the live list, "Seen", typing, presence, the
//! composer, and edit/delete/report on each message. Every action is a form,
//! so it also works without JavaScript.

use super::api::{DeleteMessage, EditMessage, ReportMessage, SendMessage, get_conversation};
use super::markup::{Block, Inline, parse};
use super::model::{ChatMessage, ConversationPage, MemberView, MessageKind};
use crate::live::context::use_live;
use crate::live::protocol::{
    ClientFrame, EDIT_WINDOW_MS, Event, MAX_MESSAGE_CHARS, ServerFrame, Signal as LiveSignal, Topic,
};
use crate::ui::form::action_error;
use crate::ui::widgets::ActionError;
use leptos::prelude::*;

/// A fresh id for the next message (retries of one message reuse it).
pub fn new_client_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        format!(
            "c{:x}{:x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e12) as u64
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        format!("s{nanos:x}{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// `HH:MM` (UTC) for today-ish times, with the day for older ones.
pub fn time_label(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.format("%-d %b, %H:%M").to_string())
        .unwrap_or_default()
}

/// A message's text: lines, links (http/https only, `rel="noopener nofollow
/// ugc"`), inline code, and code blocks with a copy button.
#[component]
pub fn MessageBody(body: String) -> impl IntoView {
    parse(&body)
        .into_iter()
        .map(|block| match block {
            Block::Line(parts) => view! {
                <p class="chat-line">
                    {parts.into_iter().map(|part| match part {
                        Inline::Text(text) => view! { <span>{text}</span> }.into_any(),
                        Inline::Link(url) => {
                            let href = url.clone();
                            view! {
                                <a href=href rel="noopener nofollow ugc" target="_blank">{url}</a>
                            }.into_any()
                        }
                        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
                    }).collect_view()}
                </p>
            }
            .into_any(),
            Block::Code(code) => view! { <CodeBlock code/> }.into_any(),
        })
        .collect_view()
}

/// A fenced code block with a copy button (the button needs JavaScript).
#[component]
fn CodeBlock(code: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let text = code.clone();
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&text);
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
    };
    view! {
        <div class="chat-code">
            <button type="button" class="chat-code__copy button button--small" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy code" }}
            </button>
            <pre><code>{code}</code></pre>
        </div>
    }
}

/// Inserts or replaces `message`, keeping the list in id order.
fn upsert(list: &mut Vec<ChatMessage>, message: ChatMessage) {
    match list.binary_search_by_key(&message.id, |m| m.id) {
        Ok(i) => list[i] = message,
        Err(i) => list.insert(i, message),
    }
}

/// Who has seen my newest message: "Seen", "Seen by Ana, Bo", or nothing.
fn seen_line(messages: &[ChatMessage], members: &[MemberView], me: i32, team: bool) -> String {
    let Some(mine) = messages
        .iter()
        .rev()
        .find(|m| m.sender_id == Some(me) && !m.deleted)
    else {
        return String::new();
    };
    let seen: Vec<&str> = members
        .iter()
        .filter(|m| m.user_id != me && m.last_read_id >= mine.id)
        .map(|m| m.display_name.as_str())
        .collect();
    match (seen.is_empty(), team) {
        (true, _) => String::new(),
        (false, false) => "Seen".into(),
        (false, true) => format!("Seen by {}", seen.join(", ")),
    }
}

/// The presence line of the other people in the conversation.
fn presence_line(members: &[MemberView], me: i32) -> String {
    let others: Vec<&MemberView> = members.iter().filter(|m| m.user_id != me).collect();
    let online: Vec<&str> = others
        .iter()
        .filter(|m| m.online)
        .map(|m| m.display_name.as_str())
        .collect();
    match others.as_slice() {
        [one] if one.online => "Online".into(),
        [one] => one
            .last_seen
            .map(|at| format!("Last seen {}", time_label(at)))
            .unwrap_or_default(),
        _ if online.is_empty() => String::new(),
        _ => format!("Online: {}", online.join(", ")),
    }
}

/// A live conversation. `page` is its newest page (loaded by the caller's
/// resource); `refetch` reloads it after a resync.
#[component]
pub fn Thread(page: ConversationPage, #[prop(into)] refetch: Callback<()>) -> impl IntoView {
    let live = use_live();
    let id = page.id;
    let me = page.me;
    let team = page.team;
    let messages = RwSignal::new(page.messages.clone());
    let members = RwSignal::new(page.members.clone());
    let has_earlier = RwSignal::new(page.has_earlier);
    let loaded_at = page.now;
    let typing = RwSignal::new(None::<(String, u64)>);
    let typing_seq = StoredValue::new(0_u64);
    let read_up_to = StoredValue::new(
        page.members
            .iter()
            .find(|m| m.user_id == me)
            .map_or(0, |m| m.last_read_id),
    );

    live.watch(Topic::Conversation { id });
    for member in page.members.iter().filter(|m| m.user_id != me) {
        live.watch(Topic::Presence {
            user_id: member.user_id,
        });
    }
    live.on_frame(move |frame| match frame {
        ServerFrame::Event { event, .. } => match event {
            Event::Message { message } | Event::MessageChanged { message }
                if message.conversation_id == id =>
            {
                if matches!(event, Event::Message { .. }) && message.sender_id != Some(me) {
                    typing.set(None);
                }
                messages.update(|list| upsert(list, message.clone()));
            }
            Event::Read {
                conversation_id,
                user_id,
                message_id,
            } if *conversation_id == id => members.update(|list| {
                if let Some(m) = list.iter_mut().find(|m| m.user_id == *user_id) {
                    m.last_read_id = m.last_read_id.max(*message_id);
                }
            }),
            _ => {}
        },
        ServerFrame::Signal {
            signal: LiveSignal::Typing { user_id, name },
            topic: Topic::Conversation { id: topic },
        } if *topic == id && *user_id != me => {
            let seq = typing_seq.get_value() + 1;
            typing_seq.set_value(seq);
            typing.set(Some((name.clone(), seq)));
            set_timeout(
                move || {
                    if typing.get_untracked().is_some_and(|(_, s)| s == seq) {
                        typing.set(None);
                    }
                },
                std::time::Duration::from_secs(4),
            );
        }
        ServerFrame::Signal {
            signal:
                LiveSignal::Presence {
                    user_id,
                    online,
                    last_seen,
                },
            ..
        } => members.update(|list| {
            if let Some(m) = list.iter_mut().find(|m| m.user_id == *user_id) {
                m.online = *online;
                if last_seen.is_some() {
                    m.last_seen = *last_seen;
                }
            }
        }),
        ServerFrame::Welcome { resumed: false, .. } | ServerFrame::Resync { .. } => refetch.run(()),
        _ => {}
    });

    // Seen: tell the others what I have read while the page is visible.
    Effect::new(move |_| {
        let newest = messages.with(|list| {
            list.iter()
                .rev()
                .find(|m| m.sender_id != Some(me))
                .map(|m| m.id)
        });
        let Some(newest) = newest else { return };
        if newest <= read_up_to.get_value() {
            return;
        }
        #[cfg(feature = "hydrate")]
        if document().visibility_state() != web_sys::VisibilityState::Visible {
            return;
        }
        read_up_to.set_value(newest);
        let frame = ClientFrame::Read {
            conversation_id: id,
            message_id: newest,
        };
        if !live.send(frame) {
            leptos::task::spawn_local(async move {
                let _ = super::api::mark_read(id, newest).await;
            });
        }
    });

    let load_earlier = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let Some(first) = messages.with_untracked(|list| list.first().map(|m| m.id)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(older) = get_conversation(id, Some(first)).await {
                has_earlier.set(older.has_earlier);
                messages.update(|list| {
                    for m in older.messages {
                        upsert(list, m);
                    }
                });
            }
        });
    };
    let earlier_href = move || {
        messages.with(|list| {
            list.first()
                .map(|m| format!("/messages/{id}?before={}", m.id))
                .unwrap_or_default()
        })
    };
    let presence = move || members.with(|list| presence_line(list, me));
    let seen = move || messages.with(|list| members.with(|ms| seen_line(list, ms, me, team)));

    view! {
        <section class="chat" aria-label="Conversation">
            <p class="chat__presence muted" data-test="presence">{presence}</p>
            <div class="chat__history">
                <Show when=move || has_earlier.get()>
                    <a class="chat__earlier" href=earlier_href on:click=load_earlier>"Load earlier messages"</a>
                </Show>
                <ol class="chat__messages" aria-label="Messages" aria-live="polite">
                    <For
                        each=move || messages.get()
                        key=|m| (m.id, m.body.clone(), m.deleted, m.edited)
                        let:message
                    >
                        <MessageItem message me loaded_at/>
                    </For>
                </ol>
                <p class="chat__seen muted" data-test="seen">{seen}</p>
                <p class="chat__typing muted" data-test="typing">
                    {move || typing.get().map(|(name, _)| format!("{name} is typing…"))}
                </p>
            </div>
            <Composer conversation_id=id messages/>
        </section>
    }
}

/// One message, with its controls.
#[component]
fn MessageItem(message: ChatMessage, me: i32, loaded_at: i64) -> impl IntoView {
    let own = message.sender_id == Some(me);
    let system = message.kind == MessageKind::System;
    // Judged at the server's clock when the page was read (newer messages
    // are new), so the page and its hydration agree.
    let now = loaded_at.max(message.created_at);
    let changeable = own && !message.deleted && now - message.created_at <= EDIT_WINDOW_MS;
    let reportable = !own && !system && !message.deleted;
    let class = if system {
        "chat-message chat-message--system"
    } else if own {
        "chat-message chat-message--own"
    } else {
        "chat-message"
    };
    let id = message.id;
    let body = message.body.clone();
    view! {
        <li class=class data-message-id=id>
            {(!system).then(|| view! {
                <p class="chat-message__meta">
                    <strong>{message.sender_name.clone()}</strong>
                    " "
                    <time class="muted">{time_label(message.created_at)}</time>
                    {message.edited.then(|| view! { " " <span class="muted">"(edited)"</span> })}
                </p>
            })}
            {if message.deleted {
                view! { <p class="chat-message__deleted muted">"This message was deleted."</p> }.into_any()
            } else {
                view! { <div class="chat-message__body"><MessageBody body=message.body.clone()/></div> }.into_any()
            }}
            {changeable.then(|| view! { <OwnMessageControls id body=body.clone()/> })}
            {reportable.then(|| view! { <ReportControl id/> })}
        </li>
    }
}

/// Edit and delete, for one's own recent message.
#[component]
fn OwnMessageControls(id: i64, body: String) -> impl IntoView {
    let edit = ServerAction::<EditMessage>::new();
    let delete = ServerAction::<DeleteMessage>::new();
    let edit_error = action_error(edit);
    let delete_error = action_error(delete);
    view! {
        <div class="chat-message__controls">
            <details class="chat-message__edit">
                <summary>"Edit"</summary>
                <ActionForm action=edit>
                    <input type="hidden" name="message_id" value=id/>
                    <label class="visually-hidden" for=format!("edit-{id}")>"Edited message"</label>
                    <textarea id=format!("edit-{id}") name="body" rows="2" maxlength=MAX_MESSAGE_CHARS>{body}</textarea>
                    <button type="submit" class="button button--small">"Save"</button>
                </ActionForm>
                <ActionError error=edit_error/>
            </details>
            <ActionForm action=delete attr:class="chat-message__delete">
                <input type="hidden" name="message_id" value=id/>
                <button type="submit" class="button button--small button--ghost">"Delete"</button>
            </ActionForm>
            <ActionError error=delete_error/>
        </div>
    }
}

/// Report a message to the admins, with a reason.
#[component]
fn ReportControl(id: i64) -> impl IntoView {
    let report = ServerAction::<ReportMessage>::new();
    let error = action_error(report);
    let done = move || matches!(report.value().get(), Some(Ok(())));
    view! {
        <details class="chat-message__report">
            <summary>"Report"</summary>
            <Show
                when=done
                fallback=move || view! {
                    <ActionForm action=report>
                        <input type="hidden" name="message_id" value=id/>
                        <label for=format!("report-{id}")>"Why should an admin look at this?"</label>
                        <input id=format!("report-{id}") name="reason" required maxlength="1000"/>
                        <button type="submit" class="button button--small">"Send report"</button>
                    </ActionForm>
                    <ActionError error/>
                }
            >
                <p class="muted">"Thanks: the admins will look at it."</p>
            </Show>
        </details>
    }
}

/// The composer: a "Message" textbox and a "Send" button. Sent over HTTP
/// (works without JavaScript); the message then arrives live everywhere.
#[component]
fn Composer(conversation_id: i32, messages: RwSignal<Vec<ChatMessage>>) -> impl IntoView {
    let live = use_live();
    let send = ServerAction::<SendMessage>::new();
    let error = action_error(send);
    let client_id = RwSignal::new(new_client_id());
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let last_typing = StoredValue::new(0.0_f64);
    Effect::new(move |_| {
        if let Some(Ok(message)) = send.value().get() {
            messages.update(|list| upsert(list, message));
            client_id.set(new_client_id());
            // A new message starts a new burst of typing: say so at once.
            last_typing.set_value(0.0);
            if let Some(el) = textarea.get() {
                el.set_value("");
            }
        }
    });
    let on_input = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let now = js_sys::Date::now();
            if now - last_typing.get_value() > 3000.0 {
                last_typing.set_value(now);
                live.send(ClientFrame::Typing { conversation_id });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (live, last_typing);
    };
    let field = format!("message-{conversation_id}");
    view! {
        <ActionForm action=send attr:class="chat-composer">
            <input type="hidden" name="conversation_id" value=conversation_id/>
            <input type="hidden" name="client_id" prop:value=move || client_id.get() value=client_id.get_untracked()/>
            <label for=field.clone()>"Message"</label>
            <textarea
                id=field
                name="body"
                rows="3"
                required
                maxlength=MAX_MESSAGE_CHARS
                node_ref=textarea
                on:input=on_input
                placeholder="Write a message. `code` and ``` blocks are shown as code."
            ></textarea>
            <button type="submit" class="button button--primary" disabled=move || send.pending().get()>"Send"</button>
        </ActionForm>
        <ActionError error/>
    }
}
