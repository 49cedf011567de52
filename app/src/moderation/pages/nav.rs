//! The admin navigation shared by the admin pages, with the number of
//! items waiting in the queue.

use crate::accounts::model::{CurrentUser, Role};
use crate::error::AppError;
use crate::moderation::model::QueueCounts;
use leptos::prelude::*;

/// Links between the admin pages; "Queue" shows how many items wait.
#[component]
pub fn AdminNav(
    /// The signed-in admin.
    user: CurrentUser,
    /// The page shown (its path), marked as current.
    current: &'static str,
    /// The queue's counts (a resource of the page, created at its top).
    counts: Resource<Result<QueueCounts, AppError>>,
) -> impl IntoView {
    let link = move |href: &'static str, label: &'static str| {
        view! {
            <a href=href aria-current=(href == current).then_some("page")>{label}</a>
        }
    };
    view! {
        <nav class="tabs admin-nav" aria-label="Admin pages">
            {link("/admin", "Console")}
            <a href="/admin/queue" aria-current=("/admin/queue" == current).then_some("page")>
                "Queue"
                <Transition fallback=|| ()>
                    {move || counts.get().and_then(Result::ok).map(|c| {
                        let waiting = c.waiting();
                        view! {
                            <span class="badge" data-test="queue-count"
                                aria-label=format!("{waiting} waiting")>{waiting}</span>
                        }
                    })}
                </Transition>
            </a>
            {link("/admin/audit", "Audit log")}
            {link("/admin/analytics", "Analytics")}
            {user.has_role(Role::SuperAdmin).then(|| view! {
                {link("/admin/health", "System health")}
                {link("/admin/ledger", "Ledger")}
            })}
        </nav>
    }
}
