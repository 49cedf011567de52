//! `/login/code`: the second step of a log-in with two-factor sign-in on.

use crate::accounts::components::refresh_on_success;
use crate::security::api::LoginCode;
use crate::ui::form::{FormAlert, TextField, action_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Asks for the code from the authenticator app (or a recovery code).
#[component]
pub fn LoginCodePage() -> impl IntoView {
    let submit = ServerAction::<LoginCode>::new();
    refresh_on_success(submit);
    let error = action_error(submit);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <Title text="Two-factor sign-in · Guild"/>
        <section class="auth-card">
            <h1>"Enter your code"</h1>
            <p class="muted">"Open your authenticator app and enter the 6-digit code for Guild, or use one of your recovery codes."</p>
            <FormAlert error=error/>
            <ActionForm action=submit attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next/>
                <TextField label="Authentication code" name="code" autocomplete="one-time-code"
                    error=field("code") required=true/>
                <button type="submit" class="button button--primary" disabled=move || submit.pending().get()>
                    "Verify"
                </button>
            </ActionForm>
            <p class="auth-card__switch"><A href="/login">"Start again"</A></p>
        </section>
    }
}
