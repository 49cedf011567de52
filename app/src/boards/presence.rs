//! Who else is looking at a board. Opening a board announces you on its
//! topic (the server does, on subscribe); every viewer's tab answers an
//! arrival with "here", so a newcomer learns who is already looking; a
//! leave (unsubscribe or a closed socket) is announced too.

use crate::live::context::use_live;
use crate::live::protocol::{ClientFrame, ServerFrame, Signal as LiveSignal, Topic};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The other people looking at the board, by account id.
#[derive(Clone, Copy)]
pub struct Viewers(pub RwSignal<BTreeMap<i32, String>>);

/// Starts following who looks at `board_id`; call before subscribing to
/// the board's topic, so no answer arrives before it listens. Provides
/// [`Viewers`] to the page.
pub fn track_viewers(board_id: impl Fn() -> i32 + Copy + 'static) -> Viewers {
    let live = use_live();
    let auth = crate::accounts::components::use_auth();
    let viewers = Viewers(RwSignal::new(BTreeMap::new()));
    live.on_frame(move |frame| match frame {
        ServerFrame::Signal {
            topic: Topic::Board { id },
            signal:
                LiveSignal::Viewing {
                    user_id,
                    name,
                    here,
                    answer,
                },
        } if *id == untrack(board_id) => {
            let me = auth
                .user
                .get_untracked()
                .and_then(|r| r.ok())
                .flatten()
                .map(|u| u.id);
            let board_id = *id;
            if Some(*user_id) == me {
                // Another tab of mine left: this one is still looking.
                if !*here {
                    live.send(ClientFrame::Here { board_id });
                }
            } else if *here {
                viewers.0.update(|v| {
                    v.insert(*user_id, name.clone());
                });
                if !*answer {
                    live.send(ClientFrame::Here { board_id });
                }
            } else {
                viewers.0.update(|v| {
                    v.remove(user_id);
                });
            }
        }
        // A new connection subscribes again, and whoever is still looking
        // answers that.
        ServerFrame::Welcome { .. } => viewers.0.update(|v| v.clear()),
        _ => {}
    });
    provide_context(viewers);
    viewers
}
