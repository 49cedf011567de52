//! The tab's live connection as components see it: its state (for the
//! status line), frame handlers and topic subscriptions. In the browser it
//! is backed by the socket in [`super::client`]; on the server it is inert.

use super::protocol::{ClientFrame, ServerFrame, Topic};
use leptos::prelude::*;

/// Where the tab's socket stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// Not connecting: a visitor, or the page is not interactive yet.
    Idle,
    /// Opening the first connection.
    Connecting,
    /// Connected and up to date.
    Connected,
    /// The connection dropped; trying again.
    Reconnecting,
}

impl LinkState {
    /// The words the status region announces.
    pub fn label(self) -> &'static str {
        match self {
            Self::Idle => "",
            Self::Connecting => "Connecting…",
            Self::Connected => "Connected",
            Self::Reconnecting => "Reconnecting…",
        }
    }
}

/// The tab's live connection (cheap to copy).
#[derive(Clone, Copy)]
pub struct Live {
    /// The connection's state.
    pub state: RwSignal<LinkState>,
    #[cfg(feature = "hydrate")]
    pub(crate) client: StoredValue<super::client::Client, LocalStorage>,
}

impl Live {
    /// Calls `handler` with every frame the server sends while the calling
    /// component lives.
    pub fn on_frame(&self, handler: impl Fn(&ServerFrame) + 'static) {
        #[cfg(feature = "hydrate")]
        {
            let client = self.client;
            let id = client.with_value(|c| c.add_handler(std::rc::Rc::new(handler)));
            on_cleanup(move || {
                client.try_with_value(|c| c.remove_handler(id));
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = handler;
    }

    /// Subscribes to `topic`'s signals while the calling component lives
    /// (and again after every reconnect).
    pub fn watch(&self, topic: Topic) {
        #[cfg(feature = "hydrate")]
        {
            let client = self.client;
            client.with_value(|c| c.watch(topic));
            on_cleanup(move || {
                client.try_with_value(|c| c.unwatch(topic));
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = topic;
    }

    /// Sends a frame if connected; answers whether it was sent.
    pub fn send(&self, frame: ClientFrame) -> bool {
        #[cfg(feature = "hydrate")]
        {
            self.client.with_value(|c| c.send(&frame))
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = frame;
            false
        }
    }
}

/// Creates the tab's live connection; call once, in `App`. In the browser
/// it connects while someone is signed in.
pub fn provide_live() -> Live {
    let state = RwSignal::new(LinkState::Idle);
    #[cfg(feature = "hydrate")]
    let live = {
        let client = StoredValue::new_local(super::client::Client::new(state));
        let live = Live { state, client };
        let auth = crate::accounts::components::use_auth();
        Effect::new(move |_| {
            let signed_in = matches!(auth.user.get(), Some(Ok(Some(_))));
            client.with_value(|c| c.set_wanted(signed_in));
        });
        live
    };
    #[cfg(not(feature = "hydrate"))]
    let live = Live { state };
    provide_context(live);
    live
}

/// The tab's live connection provided by `App`.
pub fn use_live() -> Live {
    expect_context::<Live>()
}
