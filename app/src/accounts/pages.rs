//! Sign-up and log-in pages. Both are `ActionForm`s: without JavaScript the
//! browser posts and the server redirects back with the error, which the
//! action picks up, so field errors show in both flows.

use super::api::{Login, Signup};
use super::components::refresh_on_success;
use crate::ui::form::{CheckboxField, FormAlert, TextField, action_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/signup`: create an account on one or both sides of the market.
#[component]
pub fn SignupPage() -> impl IntoView {
    let signup = ServerAction::<Signup>::new();
    refresh_on_success(signup);
    let error = action_error(signup);
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let value =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.value(name)));
    let checked = move |name: &'static str, default: bool| {
        Signal::derive(move || match error.get() {
            Some(e) => e.value(name).is_some_and(|v| !v.is_empty()),
            None => default,
        })
    };
    view! {
        <Title text="Create your account · Guild"/>
        <section class="auth-card">
            <h1>"Create your Guild account"</h1>
            <p class="muted">"One account for both sides: hire or learn, work or teach. You can switch at any time."</p>
            <FormAlert error=error/>
            <ActionForm action=signup attr:class="form" attr:novalidate=true>
                <TextField label="Email" name="email" kind="email" autocomplete="email"
                    value=value("email") error=field("email") required=true/>
                <TextField label="Username" name="username" autocomplete="username"
                    hint="3–30 letters, digits, '_' or '-'; shown in your profile address."
                    value=value("username") error=field("username") required=true/>
                <TextField label="Display name" name="display_name" autocomplete="name"
                    hint="The name clients, students and freelancers will see."
                    value=value("display_name") error=field("display_name") required=true/>
                <TextField label="Password" name="password" kind="password" autocomplete="new-password"
                    hint="8–128 characters. Common passwords are refused; a few words together work well."
                    error=field("password") required=true/>
                <fieldset class="field" aria-describedby="sides-error">
                    <legend>"I want to…"</legend>
                    <CheckboxField name="wants_client" label="Hire freelancers or learn from coaches"
                        checked=checked("wants_client", true)/>
                    <CheckboxField name="wants_freelancer" label="Work on gigs or teach as a coach"
                        checked=checked("wants_freelancer", false)/>
                    {move || field("sides").get().map(|m| view! {
                        <p class="field__error" id="sides-error" data-field="sides">{m}</p>
                    })}
                </fieldset>
                <button type="submit" class="button button--primary" disabled=move || signup.pending().get()>
                    {move || if signup.pending().get() { "Creating your account…" } else { "Create account" }}
                </button>
            </ActionForm>
            <p class="auth-card__switch">"Already have an account? " <A href="/login">"Log in"</A></p>
        </section>
    }
}

/// `/login`: log in with email or username.
#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    refresh_on_success(login);
    let error = action_error(login);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let identifier = Signal::derive(move || error.get().and_then(|e| e.value("identifier")));
    view! {
        <Title text="Log in · Guild"/>
        <section class="auth-card">
            <h1>"Welcome back"</h1>
            <FormAlert error=error/>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next/>
                <TextField label="Email or username" name="identifier" autocomplete="username"
                    value=identifier error=field("identifier") required=true/>
                <TextField label="Password" name="password" kind="password" autocomplete="current-password"
                    error=field("password") required=true/>
                <button type="submit" class="button button--primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { "Logging in…" } else { "Log in" }}
                </button>
            </ActionForm>
            <p class="auth-card__switch">"New to Guild? " <A href="/signup">"Create an account"</A></p>
        </section>
    }
}
