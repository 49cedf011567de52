//! The browser's socket (one per tab): connects while someone is signed in,
//! says `hello` with the last sequence number it saw, drops duplicates,
//! re-subscribes its topics after every reconnect, and reconnects with
//! exponential backoff and full jitter (sooner when the browser comes back
//! online).

use super::context::LinkState;
use super::protocol::{ClientFrame, PROTOCOL_VERSION, ServerFrame, Topic};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// A frame handler.
pub(crate) type Handler = Rc<dyn Fn(&ServerFrame)>;

/// Backoff ceiling.
const MAX_DELAY_MS: f64 = 30_000.0;
/// First retry delay.
const BASE_DELAY_MS: f64 = 500.0;

struct Shared {
    state: RwSignal<LinkState>,
    wanted: bool,
    socket: Option<WebSocket>,
    generation: u64,
    last_seq: Option<i64>,
    attempt: u32,
    handlers: Vec<(u64, Handler)>,
    next_handler: u64,
    topics: BTreeMap<Topic, usize>,
    listening: bool,
}

/// The tab's socket and what is registered on it.
pub(crate) struct Client {
    shared: Rc<RefCell<Shared>>,
}

impl Client {
    /// A client that is not connected yet.
    pub(crate) fn new(state: RwSignal<LinkState>) -> Self {
        Self {
            shared: Rc::new(RefCell::new(Shared {
                state,
                wanted: false,
                socket: None,
                generation: 0,
                last_seq: None,
                attempt: 0,
                handlers: Vec::new(),
                next_handler: 1,
                topics: BTreeMap::new(),
                listening: false,
            })),
        }
    }

    /// Connects (signed in) or disconnects (signed out).
    pub(crate) fn set_wanted(&self, wanted: bool) {
        let changed = {
            let mut s = self.shared.borrow_mut();
            let changed = s.wanted != wanted;
            s.wanted = wanted;
            changed
        };
        listen_to_network(&self.shared);
        if !changed {
            return;
        }
        if wanted {
            self.shared.borrow().state.set(LinkState::Connecting);
            connect(&self.shared);
        } else {
            let mut s = self.shared.borrow_mut();
            s.generation += 1;
            if let Some(socket) = s.socket.take() {
                let _ = socket.close();
            }
            s.last_seq = None;
            s.state.set(LinkState::Idle);
        }
    }

    pub(crate) fn add_handler(&self, handler: Handler) -> u64 {
        let mut s = self.shared.borrow_mut();
        let id = s.next_handler;
        s.next_handler += 1;
        s.handlers.push((id, handler));
        id
    }

    pub(crate) fn remove_handler(&self, id: u64) {
        self.shared.borrow_mut().handlers.retain(|(h, _)| *h != id);
    }

    pub(crate) fn watch(&self, topic: Topic) {
        let first = {
            let mut s = self.shared.borrow_mut();
            let count = s.topics.entry(topic).or_default();
            *count += 1;
            *count == 1
        };
        if first {
            self.send(&ClientFrame::Subscribe { topic });
        }
    }

    pub(crate) fn unwatch(&self, topic: Topic) {
        let last = {
            let mut s = self.shared.borrow_mut();
            match s.topics.get_mut(&topic) {
                Some(count) if *count > 1 => {
                    *count -= 1;
                    false
                }
                Some(_) => {
                    s.topics.remove(&topic);
                    true
                }
                None => false,
            }
        };
        if last {
            self.send(&ClientFrame::Unsubscribe { topic });
        }
    }

    pub(crate) fn send(&self, frame: &ClientFrame) -> bool {
        send_on(&self.shared, frame)
    }
}

fn send_on(shared: &Rc<RefCell<Shared>>, frame: &ClientFrame) -> bool {
    let s = shared.borrow();
    match &s.socket {
        Some(socket) if socket.ready_state() == WebSocket::OPEN => {
            let text = serde_json::to_string(frame).unwrap_or_default();
            socket.send_with_str(&text).is_ok()
        }
        _ => false,
    }
}

fn socket_url() -> Option<String> {
    let location = window().location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/ws", location.host().ok()?))
}

fn connect(shared: &Rc<RefCell<Shared>>) {
    let Some(url) = socket_url() else { return };
    let Ok(socket) = WebSocket::new(&url) else {
        schedule_retry(shared);
        return;
    };
    let generation = {
        let mut s = shared.borrow_mut();
        s.generation += 1;
        s.socket = Some(socket.clone());
        s.generation
    };

    let on_open = {
        let shared = shared.clone();
        Closure::<dyn FnMut()>::new(move || {
            if shared.borrow().generation != generation {
                return;
            }
            let last_seq = shared.borrow().last_seq;
            send_on(
                &shared,
                &ClientFrame::Hello {
                    version: PROTOCOL_VERSION,
                    last_seq,
                },
            );
            let topics: Vec<Topic> = shared.borrow().topics.keys().copied().collect();
            for topic in topics {
                send_on(&shared, &ClientFrame::Subscribe { topic });
            }
        })
    };
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    on_open.forget();

    let on_message = {
        let shared = shared.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if shared.borrow().generation != generation {
                return;
            }
            let Some(text) = event.data().as_string() else {
                return;
            };
            let Ok(frame) = serde_json::from_str::<ServerFrame>(&text) else {
                return;
            };
            receive(&shared, frame);
        })
    };
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    let on_close = {
        let shared = shared.clone();
        Closure::<dyn FnMut(CloseEvent)>::new(move |_event: CloseEvent| {
            let wanted = {
                let mut s = shared.borrow_mut();
                if s.generation != generation {
                    return;
                }
                s.socket = None;
                s.wanted
            };
            if wanted {
                shared.borrow().state.set(LinkState::Reconnecting);
                schedule_retry(&shared);
            }
        })
    };
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
}

/// Applies a frame: keeps the sequence number, drops duplicates, then
/// hands it to every handler.
fn receive(shared: &Rc<RefCell<Shared>>, frame: ServerFrame) {
    {
        let mut s = shared.borrow_mut();
        match &frame {
            ServerFrame::Welcome { seq, resumed, .. } => {
                if !*resumed {
                    s.last_seq = Some(*seq);
                }
                s.attempt = 0;
                s.state.set(LinkState::Connected);
            }
            ServerFrame::Event { seq, .. } => {
                if s.last_seq.is_some_and(|last| *seq <= last) {
                    return;
                }
                s.last_seq = Some(*seq);
            }
            ServerFrame::Resync { seq } => s.last_seq = Some(*seq),
            _ => {}
        }
    }
    let handlers: Vec<Handler> = shared
        .borrow()
        .handlers
        .iter()
        .map(|(_, h)| h.clone())
        .collect();
    for handler in handlers {
        handler(&frame);
    }
}

fn schedule_retry(shared: &Rc<RefCell<Shared>>) {
    let (delay, generation) = {
        let mut s = shared.borrow_mut();
        let ceiling = (BASE_DELAY_MS * 2f64.powi(s.attempt.min(10) as i32)).min(MAX_DELAY_MS);
        s.attempt += 1;
        // Full jitter: anywhere up to the ceiling, but not instantly.
        ((ceiling * js_sys::Math::random()).max(250.0), s.generation)
    };
    let shared = shared.clone();
    set_timeout(
        move || {
            let go = {
                let s = shared.borrow();
                s.wanted && s.socket.is_none() && s.generation == generation
            };
            if go {
                connect(&shared);
            }
        },
        Duration::from_millis(delay as u64),
    );
}

/// Closes the socket when the browser goes offline and reconnects at once
/// when it is back.
fn listen_to_network(shared: &Rc<RefCell<Shared>>) {
    if std::mem::replace(&mut shared.borrow_mut().listening, true) {
        return;
    }
    let offline = {
        let shared = shared.clone();
        Closure::<dyn FnMut()>::new(move || {
            let socket = shared.borrow_mut().socket.clone();
            if let Some(socket) = socket {
                let _ = socket.close();
            }
        })
    };
    let online = {
        let shared = shared.clone();
        Closure::<dyn FnMut()>::new(move || {
            let go = {
                let mut s = shared.borrow_mut();
                s.attempt = 0;
                let open = s
                    .socket
                    .as_ref()
                    .is_some_and(|socket| socket.ready_state() == WebSocket::OPEN);
                if !open {
                    s.generation += 1;
                    if let Some(stale) = s.socket.take() {
                        let _ = stale.close();
                    }
                }
                s.wanted && !open
            };
            if go {
                connect(&shared);
            }
        })
    };
    let w = window();
    let _ = w.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    offline.forget();
    online.forget();
}
