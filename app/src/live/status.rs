//! The connection status line in the header: a `role="status"` region that
//! announces "Reconnecting…" and "Connected" as they happen.

use super::context::{LinkState, use_live};
use leptos::prelude::*;

/// The connection status region.
#[component]
pub fn LiveStatus() -> impl IntoView {
    let live = use_live();
    let state = live.state;
    view! {
        <p
            role="status"
            class="live-status"
            data-state=move || format!("{:?}", state.get()).to_lowercase()
            class:live-status--quiet=move || matches!(state.get(), LinkState::Connected | LinkState::Idle)
        >
            {move || state.get().label()}
        </p>
    }
}
