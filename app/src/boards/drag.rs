//! Dragging cards with a mouse, pen or finger, through pointer events.
//! A mouse picks a card up after it moved a few pixels; a finger after a
//! long press (350 ms without moving), so a quick swipe still scrolls.
//! While a card is carried the page does not scroll under the finger, and
//! the board and the column scroll when the pointer nears their edges.

use super::live_board::DragCtx;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, PointerEvent};

/// How far a mouse moves before a press becomes a drag, in pixels.
const MOUSE_SLOP: f64 = 5.0;
/// How far a finger may wander during the long press, in pixels.
const TOUCH_SLOP: f64 = 8.0;
/// How long a finger presses before the card is picked up.
const LONG_PRESS_MS: i32 = 350;
/// How near an edge the pointer must be to scroll, in pixels.
const EDGE: f64 = 40.0;

/// A listener kept until the press ends: where, which event, the closure.
type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(web_sys::Event)>,
);

struct Press {
    card: i32,
    pointer: i32,
    touch: bool,
    start: (f64, f64),
    active: bool,
    ctx: DragCtx,
    timer: Option<i32>,
    listeners: Vec<Listener>,
}

thread_local! {
    static PRESS: RefCell<Option<Rc<RefCell<Press>>>> = const { RefCell::new(None) };
}

/// Starts watching a press on a card (ignored on its buttons and links).
pub fn pointer_down(ctx: DragCtx, card: i32, ev: PointerEvent) {
    if ev.button() != 0 || !ev.is_primary() {
        return;
    }
    let on_control = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| {
            e.closest("button, a, input, select, textarea")
                .ok()
                .flatten()
        })
        .is_some();
    if on_control {
        return;
    }
    end_press(false);
    let touch = ev.pointer_type() != "mouse";

    let press = Rc::new(RefCell::new(Press {
        card,
        pointer: ev.pointer_id(),
        touch,
        start: (ev.client_x() as f64, ev.client_y() as f64),
        active: false,
        ctx,
        timer: None,
        listeners: Vec::new(),
    }));
    if touch {
        let weak = Rc::downgrade(&press);
        let fire = Closure::once_into_js(move || {
            if let Some(press) = weak.upgrade() {
                activate(&press);
            }
        });
        press.borrow_mut().timer = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                fire.unchecked_ref(),
                LONG_PRESS_MS,
            )
            .ok();
    }
    let win: web_sys::EventTarget = window().into();
    listen(&press, &win, "pointermove", false, on_move);
    listen(&press, &win, "pointerup", false, |press, ev| {
        let Some(ev) = ev.dyn_ref::<PointerEvent>() else {
            return;
        };
        if ev.pointer_id() == press.borrow().pointer {
            end_press(true);
        }
    });
    listen(&press, &win, "pointercancel", false, |_, _| {
        end_press(false)
    });
    listen(&press, &win, "keydown", false, |_, ev| {
        if let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>()
            && key.key() == "Escape"
        {
            end_press(false);
        }
    });
    // Not passive: once a card is carried, the finger must not scroll. On
    // the element the finger touched, because touch events keep going to it
    // even after the card moved (and that element left the page).
    if let Some(touched) = ev.target() {
        listen(&press, &touched, "touchmove", true, |press, ev| {
            if press.borrow().active {
                ev.prevent_default();
            }
        });
    }
    PRESS.with(|p| *p.borrow_mut() = Some(press));
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn listen(
    press: &Rc<RefCell<Press>>,
    target: &web_sys::EventTarget,
    event: &'static str,
    not_passive: bool,
    handler: fn(&Rc<RefCell<Press>>, &web_sys::Event),
) {
    let weak = Rc::downgrade(press);
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(press) = weak.upgrade() {
            handler(&press, &ev);
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(!not_passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        closure.as_ref().unchecked_ref(),
        &options,
    );
    press
        .borrow_mut()
        .listeners
        .push((target.clone(), event, closure));
}

fn activate(press: &Rc<RefCell<Press>>) {
    let mut p = press.borrow_mut();
    if p.active {
        return;
    }
    p.active = true;
    p.timer = None;
    // A finger's pointer is captured by the card it touched, and a card that
    // moves to another column is a new element, whose events would no longer
    // reach the window: the board itself, which stays, takes the capture.
    if let Some(board) = window()
        .document()
        .and_then(|d| d.query_selector(".board").ok().flatten())
    {
        let _ = board.set_pointer_capture(p.pointer);
    }
    (p.ctx.pick_up)(p.card);
}

fn on_move(press: &Rc<RefCell<Press>>, ev: &web_sys::Event) {
    let Some(ev) = ev.dyn_ref::<PointerEvent>() else {
        return;
    };
    if ev.pointer_id() != press.borrow().pointer {
        return;
    }
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    let (start, touch, active) = {
        let p = press.borrow();
        (p.start, p.touch, p.active)
    };
    let moved = ((x - start.0).powi(2) + (y - start.1).powi(2)).sqrt();
    if !active {
        if touch {
            if moved > TOUCH_SLOP {
                // A swipe, not a long press: let the page scroll.
                end_press(false);
            }
            return;
        }
        if moved < MOUSE_SLOP {
            return;
        }
        activate(press);
    }
    auto_scroll(x, y);
    if let Some((column, index)) = drop_point(press.borrow().card, x, y) {
        let p = press.borrow();
        (p.ctx.hover)(p.card, column, index);
    }
}

/// The column id and index the pointer is over, judged by the midpoints of
/// the column's other cards.
fn drop_point(card: i32, x: f64, y: f64) -> Option<(i32, usize)> {
    let doc = window().document()?;
    let under = doc.element_from_point(x as f32, y as f32)?;
    let column = under.closest(".board-column").ok()??;
    let column_id = column.get_attribute("data-column")?.parse().ok()?;
    let cards = column.query_selector_all("li[data-card]").ok()?;
    let mut index = 0;
    for i in 0..cards.length() {
        let Some(el) = cards.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if el
            .get_attribute("data-card")
            .and_then(|v| v.parse::<i32>().ok())
            == Some(card)
        {
            continue;
        }
        let rect = el.get_bounding_client_rect();
        if y > rect.top() + rect.height() / 2.0 {
            index += 1;
        }
    }
    Some((column_id, index))
}

/// Scrolls the board sideways and the column under the pointer up or down
/// when the pointer is near their edges.
fn auto_scroll(x: f64, y: f64) {
    let Some(doc) = window().document() else {
        return;
    };
    let nudge = |el: &Element, horizontal: bool| {
        let rect = el.get_bounding_client_rect();
        let (pos, low, high) = if horizontal {
            (x, rect.left(), rect.right())
        } else {
            (y, rect.top(), rect.bottom())
        };
        let delta = if pos < low + EDGE {
            -12
        } else if pos > high - EDGE {
            12
        } else {
            0
        };
        if delta != 0 {
            if horizontal {
                el.set_scroll_left(el.scroll_left() + delta);
            } else {
                el.set_scroll_top(el.scroll_top() + delta);
            }
        }
    };
    if let Ok(Some(board)) = doc.query_selector(".board") {
        nudge(&board, true);
    }
    if let Some(list) = doc
        .element_from_point(x as f32, y as f32)
        .and_then(|e| e.closest(".board-column").ok().flatten())
        .and_then(|c| c.query_selector(".card-list").ok().flatten())
    {
        nudge(&list, false);
    }
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if y < EDGE {
        window().scroll_by_with_x_and_y(0.0, -12.0);
    } else if height > 0.0 && y > height - EDGE {
        window().scroll_by_with_x_and_y(0.0, 12.0);
    }
}

/// Ends the current press: drops the card (`dropped`) or puts it back.
fn end_press(dropped: bool) {
    let Some(press) = PRESS.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let mut p = press.borrow_mut();
    if let Some(timer) = p.timer.take() {
        window().clear_timeout_with_handle(timer);
    }
    let listeners: Vec<_> = p.listeners.drain(..).collect();
    for (target, event, closure) in &listeners {
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    }
    // One of these closures may be running right now: free them later.
    let later = Closure::once_into_js(move || drop(listeners));
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    if p.active {
        if dropped {
            (p.ctx.drop)(p.card);
        } else {
            (p.ctx.cancel)(p.card);
        }
    }
}
