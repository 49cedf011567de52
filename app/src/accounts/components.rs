//! Account UI pieces shared across pages: the auth context, the mode
//! switcher and the account menu.

use super::api::{AddMode, Logout, SwitchMode, me};
use super::model::{CurrentUser, Mode, Role};
use crate::error::AppError;
use crate::ui::avatar::Avatar;
use leptos::prelude::*;
use leptos_router::components::A;

/// Who is signed in, shared by the header and every page.
#[derive(Clone, Copy)]
pub struct AuthContext {
    /// `me()`, refetched whenever `version` changes.
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    version: RwSignal<u64>,
}

impl AuthContext {
    /// Waits for the signed-in user (`None` for a visitor or on an error).
    /// Resources a page creates at its top await this to fetch only what
    /// the visitor may see.
    pub async fn signed_in(&self) -> Option<CurrentUser> {
        self.user.await.ok().flatten()
    }

    /// Asks the server again who is signed in (after log-in, log-out, a switch).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// Creates the auth context; call once, in `App`. The resource is blocking so
/// the server knows who is signed in before it sends the first byte (needed
/// for redirects in pages rendered without JavaScript).
pub fn provide_auth() -> AuthContext {
    let version = RwSignal::new(0_u64);
    let user = Resource::new_blocking(move || version.get(), |_| me());
    let ctx = AuthContext { user, version };
    provide_context(ctx);
    ctx
}

/// The auth context provided by `App`.
pub fn use_auth() -> AuthContext {
    expect_context::<AuthContext>()
}

/// Refreshes the auth context whenever `action` succeeds.
pub fn refresh_on_success<S>(action: ServerAction<S>)
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let auth = use_auth();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            auth.refresh();
        }
    });
}

/// The two-sided switch in the header. Each side is its own small form, so it
/// also works without JavaScript; a side the account lacks offers to add it.
#[component]
pub fn ModeSwitcher(user: CurrentUser) -> impl IntoView {
    let switch = ServerAction::<SwitchMode>::new();
    let add = ServerAction::<AddMode>::new();
    refresh_on_success(switch);
    refresh_on_success(add);
    let sides = Mode::ALL.map(|mode| {
        let active = user.active_mode == mode;
        let held = user.holds(mode);
        let label = mode.label();
        if active {
            view! {
                <span class="mode-switch__side is-active" aria-current="true" data-mode=mode.as_str()>
                    {label}
                </span>
            }
            .into_any()
        } else if held {
            view! {
                <ActionForm action=switch attr:class="mode-switch__form">
                    <input type="hidden" name="mode" value=mode.as_str()/>
                    <button type="submit" class="mode-switch__side" data-mode=mode.as_str()
                        title=format!("Switch to {label} mode")>
                        {label}
                    </button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! {
                <ActionForm action=add attr:class="mode-switch__form">
                    <input type="hidden" name="mode" value=mode.as_str()/>
                    <button type="submit" class="mode-switch__side is-new" data-mode=mode.as_str()
                        title=format!("Add {label} mode to your account")>
                        "+ " {label}
                    </button>
                </ActionForm>
            }
            .into_any()
        }
    });
    view! {
        <div class="mode-switch" role="group" aria-label="Mode">
            {sides}
        </div>
    }
}

/// The signed-in user's menu: avatar, name, links and log-out. A `<details>`
/// element, so it opens with the keyboard and without JavaScript.
#[component]
pub fn AccountMenu(user: CurrentUser) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    refresh_on_success(logout);
    let is_admin = user.has_role(Role::Admin);
    view! {
        <details class="account-menu">
            <summary class="account-menu__toggle" aria-label="Account menu">
                <Avatar name=user.display_name.clone() seed=user.username.clone() size=32/>
                <span class="account-menu__name">{user.display_name.clone()}</span>
            </summary>
            <div class="account-menu__panel">
                <p class="account-menu__who">
                    <strong>{user.display_name.clone()}</strong>
                    <span class="muted">"@" {user.username.clone()}</span>
                </p>
                <A href="/dashboard">"Dashboard"</A>
                {user.has_freelancer.then(|| view! { <A href="/onboarding">"Freelancer profile"</A> })}
                {user.has_client.then(|| view! { <A href="/onboarding/client">"Client profile"</A> })}
                <A href="/contracts">"Contracts"</A>
                <A href="/proposals">"Proposals"</A>
                <A href="/gigs/saved">"Saved gigs"</A>
                <A href="/talent/saved">"Saved talent"</A>
                <A href="/settings/security">"Password & sign-in"</A>
                <A href="/settings/sessions">"Sessions"</A>
                {is_admin.then(|| view! { <A href="/admin">"Admin"</A> })}
                <ActionForm action=logout>
                    <button type="submit" class="link-button" data-test="logout">"Log out"</button>
                </ActionForm>
            </div>
        </details>
    }
}
