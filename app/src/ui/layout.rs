//! The page frame: skip link, header with navigation, mode switcher and
//! account menu, and the footer.

use crate::accounts::components::{AccountMenu, ModeSwitcher, use_auth};
use crate::chat::api::unread_total;
use crate::live::context::use_live;
use crate::live::protocol::{Event, ServerFrame};
use crate::live::status::LiveStatus;
use crate::notifications::api::unread_notifications;
use crate::notifications::pages::touches_notifications;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site header.
#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let live = use_live();
    let unread_version = RwSignal::new(0_u64);
    let unread = Resource::new(
        move || unread_version.get(),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => unread_total().await.unwrap_or(0),
                None => 0,
            }
        },
    );
    let bell_version = RwSignal::new(0_u64);
    let bell = Resource::new(
        move || bell_version.get(),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => unread_notifications().await.unwrap_or(0),
                None => 0,
            }
        },
    );
    live.on_frame(move |frame| {
        if touches_notifications(frame) {
            bell_version.update(|v| *v += 1);
        }
        if matches!(
            frame,
            ServerFrame::Event {
                event: Event::Message { .. } | Event::Read { .. } | Event::MessageChanged { .. },
                ..
            } | ServerFrame::Welcome { .. }
                | ServerFrame::Resync { .. }
        ) {
            unread_version.update(|v| *v += 1);
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">
                    <span class="brand__mark" aria-hidden="true">"G"</span>
                    <span class="brand__name">"Guild"</span>
                </A>
                <nav class="site-nav" aria-label="Main">
                    <A href="/talent">"Find talent"</A>
                    <A href="/gigs">"Find work"</A>
                    <A href="/dashboard">"Dashboard"</A>
                </nav>
                <MessagesLink unread/>
                <Bell bell/>
                <div class="site-header__account">
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match auth.user.await {
                                Ok(Some(user)) => view! {
                                    <ModeSwitcher user=user.clone()/>
                                    <AccountMenu user=user/>
                                }
                                .into_any(),
                                _ => view! {
                                    <A href="/login" attr:class="button button--ghost">"Log in"</A>
                                    <A href="/signup" attr:class="button button--primary">"Sign up"</A>
                                }
                                .into_any(),
                            }
                        })}
                    </Transition>
                </div>
            </div>
            <LiveStatus/>
        </header>
    }
}

/// The header's "Messages" link for a signed-in user; its accessible name
/// includes the unread count ("Messages, 3 unread").
#[component]
fn MessagesLink(unread: Resource<i64>) -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                if auth.signed_in().await.is_none() {
                    return ().into_any();
                }
                let count = unread.await;
                let label = match count {
                    0 => "Messages".to_string(),
                    n => format!("Messages, {n} unread"),
                };
                view! {
                    <A href="/messages" attr:class="header-link" attr:aria-label=label attr:data-test="messages-link">
                        "Messages"
                        {(count > 0).then(|| view! { <span class="badge" aria-hidden="true">{count}</span> })}
                    </A>
                }
                .into_any()
            })}
        </Transition>
    }
}

/// The header's "Notifications" button (a form that opens the notification
/// centre, so it works without JavaScript); its accessible name includes
/// the unread count ("Notifications, 2 unread").
#[component]
fn Bell(bell: Resource<u64>) -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                if auth.signed_in().await.is_none() {
                    return ().into_any();
                }
                let count = bell.await;
                let label = match count {
                    0 => "Notifications".to_string(),
                    n => format!("Notifications, {n} unread"),
                };
                view! {
                    <form method="get" action="/notifications" class="bell">
                        <button type="submit" class="header-link bell__button" aria-label=label data-test="bell">
                            <span aria-hidden="true">"🔔"</span>
                            {(count > 0).then(|| view! { <span class="badge" aria-hidden="true">{count}</span> })}
                        </button>
                    </form>
                }
                .into_any()
            })}
        </Transition>
    }
}

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Guild — an open marketplace for hiring and learning."</p>
        </footer>
    }
}
