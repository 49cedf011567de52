//! The notification centre (`/notifications`, unread or all, mark read) and
//! the preferences page (`/settings/notifications`).

use super::api::{
    MarkAllNotificationsRead, MarkNotificationRead, SaveNotificationPreferences,
    list_notifications, notification_preferences,
};
use super::model::{EmailChoice, NotificationView, Preference};
use crate::chat::components::time_label;
use crate::live::context::use_live;
use crate::live::protocol::{Event, ServerFrame};
use crate::ui::form::action_error;
use crate::ui::widgets::{ActionError, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_query_map;

/// Whether a frame changes what the bell or the centre shows.
pub fn touches_notifications(frame: &ServerFrame) -> bool {
    matches!(
        frame,
        ServerFrame::Event {
            event: Event::Notification { .. } | Event::NotificationsRead { .. },
            ..
        } | ServerFrame::Welcome { resumed: false, .. }
            | ServerFrame::Resync { .. }
    )
}

/// The notification centre.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let live = use_live();
    let query = use_query_map();
    let auth = crate::accounts::components::use_auth();
    let version = RwSignal::new(0_u64);
    let read_one = ServerAction::<MarkNotificationRead>::new();
    let read_all = ServerAction::<MarkAllNotificationsRead>::new();
    let all = move || query.read().get("show").as_deref() == Some("all");
    let list = Resource::new(
        move || {
            (
                all(),
                version.get(),
                read_one.version().get(),
                read_all.version().get(),
            )
        },
        move |(all, ..)| async move {
            match auth.signed_in().await {
                Some(_) => list_notifications(all).await.map(Some),
                None => Ok(None),
            }
        },
    );
    live.on_frame(move |frame| {
        if touches_notifications(frame) {
            version.update(|v| *v += 1);
        }
    });
    let error = action_error(read_all);
    view! {
        <Title text="Notifications · Guild"/>
        <h1>"Notifications"</h1>
        <nav class="tabs" aria-label="Which notifications">
            <A href="/notifications" attr:aria-current=move || (!all()).then_some("page")>"Unread"</A>
            <A href="/notifications?show=all" attr:aria-current=move || all().then_some("page")>"All"</A>
            <A href="/settings/notifications">"Preferences"</A>
        </nav>
        <ActionForm action=read_all>
            <button type="submit" class="button">"Mark all as read"</button>
        </ActionForm>
        <ActionError error/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(Some(items)) if items.is_empty() => view! {
                        <p class="empty-state">"Nothing new. You're all caught up."</p>
                    }.into_any(),
                    Ok(Some(items)) => view! {
                        <ul class="notification-list" aria-label="Notifications">
                            {items.into_iter().map(|n| view! { <NotificationItem n read_one/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(None) => view! { <Redirect path="/login?next=/notifications"/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NotificationItem(
    n: NotificationView,
    read_one: ServerAction<MarkNotificationRead>,
) -> impl IntoView {
    let title = if n.count > 1 {
        format!("{} ({})", n.title, n.count)
    } else {
        n.title.clone()
    };
    view! {
        <li class="notification" class:is-unread=!n.read data-kind=n.kind.as_str()>
            <A href=n.link.clone()>{title}</A>
            {(!n.body.is_empty()).then(|| view! { <p class="muted">{n.body.clone()}</p> })}
            <time class="muted">{time_label(n.updated_at)}</time>
            {(!n.read).then(|| view! {
                <ActionForm action=read_one>
                    <input type="hidden" name="id" value=n.id/>
                    <button type="submit" class="button button--small button--ghost">"Mark read"</button>
                </ActionForm>
            })}
        </li>
    }
}

/// Per-kind preferences: in the app, and email off / instant / daily.
#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    let auth = crate::accounts::components::use_auth();
    let save = ServerAction::<SaveNotificationPreferences>::new();
    let prefs = Resource::new(
        move || save.version().get(),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => notification_preferences().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let error = action_error(save);
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <Title text="Notification preferences · Guild"/>
        <h1>"Notification preferences"</h1>
        <p><A href="/notifications">"← Notifications"</A></p>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match prefs.await {
                    Ok(Some(prefs)) => view! {
                        <ActionForm action=save attr:class="prefs-form">
                            <table class="prefs">
                                <caption class="visually-hidden">"How each kind of notification reaches you"</caption>
                                <thead><tr><th scope="col">"Notification"</th><th scope="col">"In the app"</th><th scope="col">"Email"</th></tr></thead>
                                <tbody>
                                    {prefs.into_iter().map(|p| view! { <PreferenceRow p/> }).collect_view()}
                                </tbody>
                            </table>
                            <button type="submit" class="button button--primary">"Save preferences"</button>
                        </ActionForm>
                    }.into_any(),
                    Ok(None) => view! { <Redirect path="/login?next=/settings/notifications"/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <ActionError error/>
        <Show when=saved><p role="status" class="alert alert--ok">"Preferences saved."</p></Show>
    }
}

#[component]
fn PreferenceRow(p: Preference) -> impl IntoView {
    let kind = p.kind.as_str();
    let label = p.kind.label();
    let in_app_id = format!("pref-app-{kind}");
    let email_id = format!("pref-email-{kind}");
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>
                <input type="checkbox" id=in_app_id.clone() name="in_app[]" value=kind checked=p.in_app/>
                <label for=in_app_id class="visually-hidden">{format!("{label}: in the app")}</label>
            </td>
            <td>
                <label for=email_id.clone() class="visually-hidden">{format!("{label}: email")}</label>
                <select id=email_id name="email[]">
                    {[EmailChoice::Off, EmailChoice::Instant, EmailChoice::Daily].into_iter().map(|c| {
                        let text = match c { EmailChoice::Off => "Off", EmailChoice::Instant => "Right away", EmailChoice::Daily => "Daily digest" };
                        view! { <option value=format!("{kind}={}", c.as_str()) selected=p.email == c>{text}</option> }
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}
