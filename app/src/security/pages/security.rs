//! `/settings/security`: change my password, turn two-factor sign-in on or
//! off, download my data and delete my account.

use crate::accounts::components::use_auth;
use crate::error::AppError;
use crate::security::api::{
    BeginTwoFactor, ChangePassword, ConfirmTwoFactor, DeleteAccount, DisableTwoFactor,
    two_factor_state,
};
use crate::security::model::TwoFactorStatus;
use crate::ui::form::{FormAlert, TextField, action_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// Links between the account security pages.
#[component]
pub fn SecurityTabs(
    /// The page shown.
    current: &'static str,
) -> impl IntoView {
    let link = move |href: &'static str, label: &'static str| {
        view! { <a href=href aria-current=(href == current).then_some("page")>{label}</a> }
    };
    view! {
        <nav class="tabs admin-nav" aria-label="Account security">
            {link("/settings/security", "Password & sign-in")}
            {link("/settings/sessions", "Sessions")}
            {link("/settings/notifications", "Notifications")}
        </nav>
    }
}

/// The account security page.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let auth = use_auth();
    let password = ServerAction::<ChangePassword>::new();
    let begin = ServerAction::<BeginTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let delete = ServerAction::<DeleteAccount>::new();
    crate::accounts::components::refresh_on_success(delete);
    let status = Resource::new(
        move || (confirm.version().get(), disable.version().get()),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => two_factor_state().await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text="Password & sign-in · Guild"/>
        <h1>"Password & sign-in"</h1>
        <SecurityTabs current="/settings/security"/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || status.get().map(|s| match s {
                Ok(Some(s)) => view! {
                    <PasswordSection password/>
                    <TwoFactorSection status=s begin confirm disable/>
                    <section class="profile__section" aria-labelledby="data-heading">
                        <h2 id="data-heading">"Your data"</h2>
                        <p>"Everything Guild holds about you, as one JSON file."</p>
                        <p><a href="/settings/export.json" class="button" download="guild-my-data.json">"Download my data"</a></p>
                    </section>
                    <DeleteSection delete/>
                }.into_any(),
                Ok(None) => view! { <Redirect path="/login?next=/settings/security"/> }.into_any(),
                Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn PasswordSection(password: ServerAction<ChangePassword>) -> impl IntoView {
    let error = action_error(password);
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let done = move || match password.value().get() {
        Some(Ok(n)) => Some(format!(
            "Password changed. {n} other session{} logged out.",
            if n == 1 { " was" } else { "s were" }
        )),
        _ => None,
    };
    view! {
        <section class="profile__section" aria-labelledby="password-heading">
            <h2 id="password-heading">"Change password"</h2>
            {move || done().map(|m| view! { <p role="status" class="alert alert--ok">{m}</p> })}
            <FormAlert error=error/>
            <ActionForm action=password attr:class="form" attr:novalidate=true>
                <TextField label="Current password" name="current_password" kind="password"
                    autocomplete="current-password" error=field("current_password") required=true/>
                <TextField label="New password" name="new_password" kind="password"
                    autocomplete="new-password" error=field("new_password") required=true
                    hint="At least 12 characters; a phrase is easiest to remember."/>
                <button type="submit" class="button button--primary">"Change password"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TwoFactorSection(
    status: TwoFactorStatus,
    begin: ServerAction<BeginTwoFactor>,
    confirm: ServerAction<ConfirmTwoFactor>,
    disable: ServerAction<DisableTwoFactor>,
) -> impl IntoView {
    let codes = move || confirm.value().get().and_then(Result::ok);
    let enrolment = move || begin.value().get().and_then(Result::ok);
    let begin_error = action_error(begin);
    let confirm_error = action_error(confirm);
    let disable_error = action_error(disable);
    let field = |error: Signal<Option<AppError>>, name: &'static str| {
        Signal::derive(move || error.get().and_then(|e| e.field(name)))
    };
    view! {
        <section class="profile__section" aria-labelledby="two-factor-heading">
            <h2 id="two-factor-heading">"Two-factor sign-in"</h2>
            {move || codes().map(|codes| view! {
                <div class="alert alert--ok" role="status">
                    <p><strong>"Two-factor sign-in is on."</strong> " Save these recovery codes somewhere safe: each signs you in once if you lose your phone. They are shown only now."</p>
                    <ul class="recovery-codes" aria-label="Recovery codes">
                        {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                </div>
            })}
            {if status.enabled {
                view! {
                    <p data-test="two-factor-state">{format!(
                        "Two-factor sign-in is on. {} recovery code{} left.",
                        status.recovery_codes_left,
                        if status.recovery_codes_left == 1 { "" } else { "s" }
                    )}</p>
                    <FormAlert error=disable_error/>
                    <ActionForm action=disable attr:class="form" attr:novalidate=true>
                        <TextField label="Password" name="password" kind="password" autocomplete="current-password"
                            error=field(disable_error, "password") required=true/>
                        <TextField label="Code from your app or a recovery code" name="code" autocomplete="one-time-code"
                            error=field(disable_error, "code") required=true/>
                        <button type="submit" class="button button--danger">"Turn off two-factor sign-in"</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <p data-test="two-factor-state">"Two-factor sign-in is off. With it on, logging in also asks for a code from an authenticator app."</p>
                    <FormAlert error=begin_error/>
                    {move || match enrolment() {
                        None => view! {
                            <ActionForm action=begin>
                                <button type="submit" class="button button--primary">"Set up two-factor sign-in"</button>
                            </ActionForm>
                        }.into_any(),
                        Some(e) => view! {
                            <ol class="enrolment">
                                <li>
                                    "Scan this QR code with your authenticator app"
                                    <div class="enrolment__qr" role="img" aria-label="QR code for your authenticator app" inner_html=e.qr_svg.clone()></div>
                                    "or type this key: " <code data-test="totp-secret">{e.secret.clone()}</code>
                                </li>
                                <li>
                                    "Enter the 6-digit code the app shows."
                                    <FormAlert error=confirm_error/>
                                    <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                                        <TextField label="Code from your app" name="code" autocomplete="one-time-code"
                                            error=field(confirm_error, "code") required=true/>
                                        <button type="submit" class="button button--primary">"Turn on"</button>
                                    </ActionForm>
                                </li>
                            </ol>
                        }.into_any(),
                    }}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn DeleteSection(delete: ServerAction<DeleteAccount>) -> impl IntoView {
    let error = action_error(delete);
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <section class="profile__section danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete my account"</h2>
            <p>"Your profile, portfolio, saved items, history and notifications are removed and you are signed out everywhere. Contracts, payments, reviews and messages stay for the people you worked with, shown as by \u{201c}Deleted user\u{201d}. Finish or cancel active contracts first. This can't be undone."</p>
            <FormAlert error=error/>
            <ActionForm action=delete attr:class="form" attr:novalidate=true>
                <TextField label="Password" name="password" kind="password" autocomplete="current-password"
                    error=field("password") required=true/>
                <TextField label="Type DELETE to confirm" name="confirm" error=field("confirm") required=true/>
                <button type="submit" class="button button--danger">"Delete my account"</button>
            </ActionForm>
        </section>
    }
}
