//! The board as members use it: a local copy of the board that live
//! changes, drags (mouse and touch, through pointer events) and keyboard
//! moves update at once. A move is optimistic: the card moves, the server
//! confirms it (with its new rank) or it goes back with a message.

use super::api::{AddCard, move_card};
use super::model::{BoardChange, BoardView, CARDS_PER_PAGE, CardSummary, ColumnView, ShowMore};
use crate::live::context::use_live;
use crate::live::protocol::{ServerFrame, Signal as LiveSignal, Topic};
use crate::ui::form::action_error;
use crate::ui::widgets::ActionError;
use leptos::prelude::*;

/// A card being moved by keyboard or pointer: where it is now on screen
/// and the board as it was before the move started (for Escape).
#[derive(Clone, Debug, PartialEq)]
struct Carrying {
    card: i32,
    before: BoardView,
    by_pointer: bool,
}

/// Everything the board's parts share.
#[derive(Clone, Copy)]
struct BoardCtx {
    store: RwSignal<BoardView>,
    carrying: RwSignal<Option<Carrying>>,
    announce: RwSignal<String>,
    error: RwSignal<Option<String>>,
    /// Where to deliver the milestone whose card was just moved to Done.
    deliver: RwSignal<Option<String>>,
    refetch: Callback<()>,
}

/// The live board.
#[component]
pub fn LiveBoard(board: BoardView, #[prop(into)] refetch: Callback<()>) -> impl IntoView {
    let live = use_live();
    let board_id = board.id;
    let ctx = BoardCtx {
        store: RwSignal::new(board),
        carrying: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        deliver: RwSignal::new(None),
        refetch,
    };
    provide_context(ctx);
    live.on_frame(move |frame| match frame {
        ServerFrame::Signal {
            topic: Topic::Board { id },
            signal: LiveSignal::Board { change },
        } if *id == board_id => apply(ctx, change),
        ServerFrame::Welcome { resumed: false, .. } => refetch.run(()),
        _ => {}
    });
    let viewers = use_context::<super::presence::Viewers>().map(|v| v.0);
    let looking = move || {
        viewers.and_then(|viewers| {
            viewers.with(|v| {
                (!v.is_empty()).then(|| v.values().cloned().collect::<Vec<_>>().join(", "))
            })
        })
    };
    let columns = move || {
        ctx.store
            .with(|b| b.columns.iter().map(|c| c.id).collect::<Vec<_>>())
    };
    keys_while_refocusing(ctx);
    view! {
        <p class="visually-hidden" aria-live="assertive" data-test="board-announcer">{move || ctx.announce.get()}</p>
        <p class="muted board-viewers" data-test="board-viewers">
            {move || looking().map(|names| format!("Also looking at this board: {names}"))}
        </p>
        {move || ctx.error.get().map(|message| view! {
            <p class="alert alert--error" role="alert">{message}</p>
        })}
        {move || ctx.deliver.get().map(|href| view! {
            <p class="alert" role="status" data-test="deliver-offer">
                "This card tracks a milestone of your contract. "
                <a href=href>"Deliver milestone"</a>
            </p>
        })}
        <p class="muted board-help">
            "Drag cards, or focus one and press Space to pick it up, arrows to move it, Space to drop, Escape to cancel."
        </p>
        <div class="board" data-board=board_id>
            <For each=columns key=|id| *id let:column_id>
                <Column column_id/>
            </For>
        </div>
    }
}

/// Applies a change pushed by the server (a card being carried by this tab
/// is left alone until it is dropped).
fn apply(ctx: BoardCtx, change: &BoardChange) {
    let carried = ctx.carrying.with_untracked(|c| c.as_ref().map(|c| c.card));
    match change {
        BoardChange::Card { .. } if ctx.store.with_untracked(|b| !b.filter.is_empty()) => {
            // Only the server knows whether the card still matches.
            ctx.refetch.run(())
        }
        BoardChange::Card { card, .. } if Some(card.id) != carried => {
            ctx.store.update(|b| b.place(card.clone()))
        }
        BoardChange::CardGone { id, .. } => {
            if Some(*id) == carried {
                ctx.carrying.set(None);
            }
            ctx.store.update(|b| b.remove(*id))
        }
        BoardChange::Reload { .. } => ctx.refetch.run(()),
        BoardChange::Card { .. } => {}
    }
}

fn column_of(store: &BoardView, id: i32) -> Option<&ColumnView> {
    store.columns.iter().find(|c| c.id == id)
}

#[component]
fn Column(column_id: i32) -> impl IntoView {
    let ctx = expect_context::<BoardCtx>();
    let add = ServerAction::<AddCard>::new();
    let board_id = ctx.store.with_untracked(|b| b.id);
    let name = move || {
        ctx.store.with(|b| {
            column_of(b, column_id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    let counts = move || {
        ctx.store.with(|b| {
            column_of(b, column_id)
                .map(|c| {
                    (
                        c.total,
                        c.wip_limit,
                        c.over_limit(),
                        c.cards.len(),
                        c.matching,
                    )
                })
                .unwrap_or_default()
        })
    };
    let cards = move || {
        ctx.store.with(|b| {
            column_of(b, column_id)
                .map(|c| {
                    c.cards
                        .iter()
                        .map(|k| (k.id, k.version, k.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // One page at a time: a scroll past the end while a page is on its
    // way asks for nothing more.
    let loading = RwSignal::new(false);
    let on_scroll = move |ev: leptos::ev::Event| {
        if near_the_end(&ev) {
            show_more(ctx, column_id, loading);
        }
    };
    let heading = format!("column-{column_id}");
    let labelled_by = heading.clone();
    let field = format!("new-card-{column_id}");
    let field_for = field.clone();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(Ok(card)) = add.value().get() {
            ctx.store.update(|b| b.place(card));
            if let Some(el) = input.get() {
                el.set_value("");
            }
        }
    });
    view! {
        <section class="board-column" data-column=column_id aria-labelledby=labelled_by>
            <h2 id=heading>
                {name}
                <span class="muted">
                    {move || {
                        let (total, limit, _, _, _) = counts();
                        match limit {
                            Some(limit) => format!(" · {total} of {limit}"),
                            None => format!(" · {total}"),
                        }
                    }}
                </span>
            </h2>
            {move || counts().2.then(|| view! {
                <p class="wip-warning" role="note">"Over its work-in-progress limit"</p>
            })}
            <ul role="list" aria-label=name class="card-list" data-column-list=column_id on:scroll=on_scroll>
                <For each=cards key=|k| k.clone() let:card>
                    <Card card_id=card.0/>
                </For>
            </ul>
            {move || {
                let (_, _, _, shown, matching) = counts();
                (matching > shown).then(|| view! {
                    <p class="muted column-more">
                        {format!("{} more cards ", matching - shown)}
                        <a
                            class="button button--small"
                            href=move || more_href(ctx, column_id)
                            aria-disabled=move || loading.get().then_some("true")
                            on:click=move |ev| {
                                ev.prevent_default();
                                show_more(ctx, column_id, loading);
                            }
                        >
                            "Show more"
                        </a>
                    </p>
                })
            }}
            <ActionForm action=add attr:class="add-card">
                <input type="hidden" name="board_id" value=board_id/>
                <input type="hidden" name="column_id" value=column_id/>
                <label for=field_for class="visually-hidden">{move || format!("New card in {}", name())}</label>
                <input id=field name="title" required maxlength="200" placeholder="Card title" node_ref=input/>
                <button type="submit" class="button">"Add card"</button>
            </ActionForm>
            <ActionError error=action_error(add)/>
        </section>
    }
}

/// Where "Show more" leads without JavaScript: the board with this
/// column's next page added.
fn more_href(ctx: BoardCtx, column: i32) -> String {
    ctx.store.with(|b| {
        let shown = column_of(b, column).map_or(0, |c| c.cards.len());
        ShowMore::href(b.id, &b.filter, column, shown + CARDS_PER_PAGE)
    })
}

/// Whether a scrolled card list is within a few cards of its end.
fn near_the_end(ev: &leptos::ev::Event) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|list| {
                list.scroll_top() + list.client_height() + 300 >= list.scroll_height()
            })
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        false
    }
}

/// Fetches the next page of a column's cards (with the board's filters),
/// unless a page is already on its way or every matching card is shown.
fn show_more(ctx: BoardCtx, column: i32, loading: RwSignal<bool>) {
    let (board, offset, more, [q, label, assignee, due]) = ctx.store.with_untracked(|b| {
        let column = column_of(b, column);
        (
            b.id,
            column.map_or(0, |c| c.cards.len()),
            column.is_some_and(|c| c.matching > c.cards.len()),
            b.filter.to_query(),
        )
    });
    if !more || loading.get_untracked() {
        return;
    }
    loading.set(true);
    leptos::task::spawn_local(async move {
        match super::api::column_cards(board, column, offset as u32, q, label, assignee, due).await
        {
            Ok(cards) => ctx.store.update(|b| b.append(column, cards)),
            Err(e) => ctx.error.set(Some(e.summary())),
        }
        loading.set(false);
    });
}

fn find_card(b: &BoardView, id: i32) -> Option<CardSummary> {
    b.locate(id).map(|(c, i)| b.columns[c].cards[i].clone())
}

#[component]
fn Card(card_id: i32) -> impl IntoView {
    let ctx = expect_context::<BoardCtx>();
    let board_id = ctx.store.with_untracked(|b| b.id);
    // Memos: a change elsewhere on the board re-runs only this lookup, not
    // the card's attributes and badges (a move on a big board touched every
    // card's DOM before).
    let card = Memo::new(move |_| ctx.store.with(|b| find_card(b, card_id)));
    let card = move || card.get();
    let carried = Memo::new(move |_| {
        ctx.carrying
            .with(|c| c.as_ref().is_some_and(|c| c.card == card_id))
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // Keys pressed on the card's own controls (its "Move" button) are theirs.
        if ev.target() != ev.current_target() {
            return;
        }
        if let Some(handled) = keyboard(ctx, card_id, &ev.key())
            && handled
        {
            ev.prevent_default();
        }
    };
    #[cfg(feature = "hydrate")]
    let on_pointer =
        move |ev: leptos::ev::PointerEvent| super::drag::pointer_down(ctx_drag(ctx), card_id, ev);
    #[cfg(not(feature = "hydrate"))]
    let on_pointer = move |_: leptos::ev::PointerEvent| {};
    view! {
        <li
            class="card"
            data-cover=move || card().and_then(|c| c.cover)
            class:card--carried=move || carried.get()
            id=format!("card-{card_id}")
            data-card=card_id
            data-version=move || card().map(|c| c.version)
            aria-label=move || card().map(|c| c.title).unwrap_or_default()
            tabindex="0"
            on:keydown=on_key
            on:pointerdown=on_pointer
        >
            <span class="card-title">{move || card().map(|c| c.title).unwrap_or_default()}</span>
            {move || card().map(|c| view! { <CardBadgeRow card=c/> })}
            <a class="button button--small button--quiet card-open" href=format!("/boards/{board_id}/cards/{card_id}")>"Details"</a>
            <form method="get" action=format!("/boards/{board_id}/cards/{card_id}/move") class="card-move">
                <button type="submit" class="button button--small">"Move"</button>
            </form>
        </li>
    }
}

/// What a card shows under its title: milestone, due date, labels,
/// assignees, checklist progress and comments.
#[component]
fn CardBadgeRow(card: CardSummary) -> impl IntoView {
    let b = card.badges;
    let people = b.assignees.join(", ");
    view! {
        <div class="card-badges">
            {card.milestone_id.map(|_| view! { <span class="pill">"Milestone"</span> })}
            {card.due_on.map(|due| view! {
                <span class="card-due" class:overdue=card.overdue>
                    {if card.overdue { "Overdue: " } else { "Due " }} {due}
                </span>
            })}
            {(!b.labels.is_empty()).then(|| view! {
                <span class="card-labels">
                    {b.labels.into_iter().map(|l| view! {
                        <span class=format!("label-chip swatch--{}", l.colour)>{l.name}</span>
                    }).collect_view()}
                </span>
            })}
            {(b.checklist_total > 0).then(|| view! {
                <span class="card-count" class:complete=b.checklist_done == b.checklist_total>
                    {format!("☑ {}/{}", b.checklist_done, b.checklist_total)}
                </span>
            })}
            {(b.comments > 0).then(|| view! {
                <span class="card-count">{format!("💬 {}", b.comments)}<span class="visually-hidden">" comments"</span></span>
            })}
            {(!people.is_empty()).then(|| view! {
                <span class="card-people">{people}</span>
            })}
        </div>
    }
    .into_any()
}

/// Where a carried card would go for an arrow key: (column index, index).
fn step(b: &BoardView, card: i32, key: &str) -> Option<(usize, usize)> {
    let (c, i) = b.locate(card)?;
    match key {
        "ArrowUp" => (i > 0).then(|| (c, i - 1)),
        "ArrowDown" => (i + 1 < b.columns[c].cards.len()).then_some((c, i + 1)),
        "ArrowLeft" => (c > 0).then(|| (c - 1, i.min(b.columns[c - 1].cards.len()))),
        "ArrowRight" => {
            (c + 1 < b.columns.len()).then(|| (c + 1, i.min(b.columns[c + 1].cards.len())))
        }
        _ => None,
    }
}

/// The sentence announced after a card lands somewhere.
fn placed_sentence(b: &BoardView, card: i32, verb: &str) -> String {
    match b.locate(card) {
        Some((c, i)) => {
            let column = &b.columns[c];
            let title = &column.cards[i].title;
            format!(
                "Card '{title}' {verb} {}, position {} of {}",
                column.name,
                i + 1,
                column.cards.len()
            )
        }
        None => String::new(),
    }
}

/// Handles a key on a focused card; `Some(true)` when it was used.
fn keyboard(ctx: BoardCtx, card: i32, key: &str) -> Option<bool> {
    let carrying = ctx
        .carrying
        .get_untracked()
        .filter(|c| c.card == card && !c.by_pointer);
    match (key, carrying) {
        (" " | "Enter", None) => {
            let before = ctx.store.get_untracked();
            let title = find_card(&before, card)?.title;
            ctx.carrying.set(Some(Carrying {
                card,
                before,
                by_pointer: false,
            }));
            ctx.announce.set(format!(
                "Picked up card '{title}'. Use the arrow keys to move it, Space to drop it, Escape to cancel."
            ));
            Some(true)
        }
        (" " | "Enter", Some(c)) => {
            drop_card(ctx, c);
            Some(true)
        }
        ("Escape", Some(c)) => {
            ctx.store.set(c.before.clone());
            ctx.carrying.set(None);
            let title = find_card(&c.before, card)
                .map(|k| k.title)
                .unwrap_or_default();
            ctx.announce.set(format!(
                "Move cancelled. Card '{title}' is back where it was."
            ));
            focus_card(card);
            Some(true)
        }
        ("ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight", Some(_)) => {
            let target = ctx.store.with_untracked(|b| step(b, card, key));
            if let Some((c, i)) = target {
                ctx.store.update(|b| b.move_to(card, c, i));
                ctx.announce.set(
                    ctx.store
                        .with_untracked(|b| placed_sentence(b, card, "is over")),
                );
                focus_card(card);
            }
            Some(true)
        }
        _ => None,
    }
}

/// Drops a carried card where it is now: nothing to do if it did not
/// move; otherwise the server is asked, and the card goes back on refusal.
fn drop_card(ctx: BoardCtx, carrying: Carrying) {
    ctx.carrying.set(None);
    let card = carrying.card;
    let now = ctx.store.with_untracked(|b| b.locate(card));
    let was = carrying.before.locate(card);
    let (Some((c, i)), Some(_)) = (now, was) else {
        return;
    };
    if now == was {
        ctx.announce
            .set(placed_sentence(&carrying.before, card, "dropped in"));
        focus_card(card);
        return;
    }
    let (column_id, version) = ctx.store.with_untracked(|b| {
        (
            b.columns[c].id,
            find_card(&carrying.before, card).map_or(0, |k| k.version),
        )
    });
    ctx.announce.set(
        ctx.store
            .with_untracked(|b| placed_sentence(b, card, "moved to")),
    );
    focus_card(card);
    let before = carrying.before;
    leptos::task::spawn_local(async move {
        match move_card(card, column_id, i as u32 + 1, version, None).await {
            Ok(outcome) => {
                ctx.error.set(None);
                ctx.deliver.set(outcome.deliver_at);
                ctx.store.update(|b| b.place(outcome.card));
            }
            Err(e) => {
                ctx.store.set(before);
                ctx.error.set(Some(format!("The card went back: {e}")));
                ctx.announce.set(format!("The move was refused: {e}"));
                ctx.refetch.run(());
            }
        }
    });
}

/// A card carried by keyboard is re-rendered in its new place and focused
/// on the next frame; a key pressed before that lands on the page, not the
/// card. This routes such keys to the carried card, so a quick Escape or
/// arrow is never lost.
fn keys_while_refocusing(ctx: BoardCtx) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let carried = ctx
                .carrying
                .with_untracked(|c| c.as_ref().filter(|c| !c.by_pointer).map(|c| c.card));
            let Some(card) = carried else { return };
            let on_a_control = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| {
                    e.closest(".card, input, select, textarea, button, a")
                        .ok()
                        .flatten()
                        .is_some()
                });
            if !on_a_control && keyboard(ctx, card, &ev.key()) == Some(true) {
                ev.prevent_default();
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ctx;
}

/// Keeps keyboard focus on a card after it was re-rendered elsewhere.
fn focus_card(card: i32) {
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(&format!("card-{card}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = card;
}

/// What the pointer drag needs from the board.
#[cfg(feature = "hydrate")]
pub(super) struct DragCtx {
    /// Starts carrying `card` (the board as it is now is kept for a cancel).
    pub pick_up: Box<dyn Fn(i32)>,
    /// Moves the carried card to a column (by id) and an index in it.
    pub hover: Box<dyn Fn(i32, i32, usize)>,
    /// Drops it where it is.
    pub drop: Box<dyn Fn(i32)>,
    /// Puts it back.
    pub cancel: Box<dyn Fn(i32)>,
}

#[cfg(feature = "hydrate")]
fn ctx_drag(ctx: BoardCtx) -> DragCtx {
    DragCtx {
        pick_up: Box::new(move |card| {
            let before = ctx.store.get_untracked();
            ctx.carrying.set(Some(Carrying {
                card,
                before,
                by_pointer: true,
            }));
        }),
        hover: Box::new(move |card, column_id, index| {
            let (here, column) = ctx.store.with_untracked(|b| {
                (
                    b.locate(card),
                    b.columns.iter().position(|c| c.id == column_id),
                )
            });
            if let Some(column) = column
                && here != Some((column, index))
            {
                ctx.store.update(|b| b.move_to(card, column, index));
            }
        }),
        drop: Box::new(move |card| {
            if let Some(c) = ctx.carrying.get_untracked().filter(|c| c.card == card) {
                drop_card(ctx, c);
            }
        }),
        cancel: Box::new(move |card| {
            if let Some(c) = ctx.carrying.get_untracked().filter(|c| c.card == card) {
                ctx.store.set(c.before);
                ctx.carrying.set(None);
            }
        }),
    }
}
