//! `/settings/sessions`: my signed-in sessions; revoke one or all others.

use super::security::SecurityTabs;
use crate::accounts::components::use_auth;
use crate::security::api::{RevokeOtherSessions, RevokeSession, my_sessions};
use crate::security::model::SessionView;
use crate::ui::form::action_error;
use crate::ui::format;
use crate::ui::widgets::ActionProblem;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// Lists my sessions with their devices; the others can be ended.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let auth = use_auth();
    let revoke = ServerAction::<RevokeSession>::new();
    let revoke_others = ServerAction::<RevokeOtherSessions>::new();
    let sessions = Resource::new(
        move || (revoke.version().get(), revoke_others.version().get()),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => my_sessions().await.map(Some),
                None => Ok(None),
            }
        },
    );
    let ended = move || match revoke_others.value().get() {
        Some(Ok(n)) => Some(format!(
            "Logged out {n} other session{}.",
            if n == 1 { "" } else { "s" }
        )),
        _ => None,
    };
    view! {
        <Title text="Sessions · Guild"/>
        <h1>"Sessions"</h1>
        <SecurityTabs current="/settings/sessions"/>
        <p class="muted">"Where your account is signed in. Revoke a session you don't recognise, then change your password."</p>
        <ActionProblem error=action_error(revoke)/>
        {move || ended().map(|m| view! { <p role="status" class="alert alert--ok">{m}</p> })}
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || sessions.get().map(|list| match list {
                Ok(Some(list)) => {
                    let others = list.iter().filter(|s| !s.current).count();
                    view! {
                        <table class="ledger sessions">
                            <caption class="visually-hidden">"Your sessions"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Device"</th>
                                    <th scope="col">"Network"</th>
                                    <th scope="col">"Signed in"</th>
                                    <th scope="col">"Last active"</th>
                                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|s| view! { <SessionRow s revoke/> }).collect_view()}
                            </tbody>
                        </table>
                        {(others > 0).then(|| view! {
                            <ActionForm action=revoke_others>
                                <button type="submit" class="button button--danger">"Log out all other sessions"</button>
                            </ActionForm>
                        })}
                    }.into_any()
                }
                Ok(None) => view! { <Redirect path="/login?next=/settings/sessions"/> }.into_any(),
                Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn SessionRow(s: SessionView, revoke: ServerAction<RevokeSession>) -> impl IntoView {
    let label = format!("Revoke the session on {}", s.device);
    let handle = s.handle.clone();
    view! {
        <tr data-handle=s.handle.clone() data-current=s.current.to_string()>
            <td>{s.device.clone()} {s.current.then(|| view! { " " <span class="pill pill--ok">"This device"</span> })}</td>
            <td>{s.ip.clone()}</td>
            <td>{format::date_time(s.created_at)}</td>
            <td>{format::date_time(s.last_seen)}</td>
            <td>
                {(!s.current).then(|| view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="handle" value=handle.clone()/>
                        <button type="submit" class="button button--small" aria-label=label>"Revoke"</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
