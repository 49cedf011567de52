//! The page frame: skip link, header with navigation, mode switcher and
//! account menu, and the footer.

use crate::accounts::components::{AccountMenu, ModeSwitcher, use_auth};
use leptos::prelude::*;
use leptos_router::components::A;

/// The site header.
#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
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
        </header>
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
