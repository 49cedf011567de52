//! `/boards` (my boards, a new personal board), `/boards/:id` (a board,
//! live) and `/boards/:id/cards/:card/move` (the "Move…" form, which also
//! works without JavaScript).

use super::api::{AddCard, CreateBoard, MoveCard, get_board, list_boards, move_targets};
use super::model::{BoardView, CardSummary, ColumnView};
use crate::live::context::use_live;
use crate::live::protocol::{ServerFrame, Signal as LiveSignal, Topic};
use crate::ui::form::action_error;
use crate::ui::widgets::{ActionError, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_params_map;

fn param(name: &'static str) -> impl Fn() -> i32 + Copy {
    let params = use_params_map();
    move || {
        params
            .read()
            .get(name)
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or(0)
    }
}

/// My boards, and a form for a new personal board.
#[component]
pub fn BoardsPage() -> impl IntoView {
    let auth = crate::accounts::components::use_auth();
    let create = ServerAction::<CreateBoard>::new();
    let boards = Resource::new(
        || (),
        move |_| async move {
            match auth.signed_in().await {
                Some(_) => list_boards().await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text="Boards · Guild"/>
        <h1>"Boards"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match boards.await {
                    Ok(Some(list)) if list.is_empty() => view! {
                        <p class="muted">"No boards yet. A board appears for every hired team; start a personal one below."</p>
                    }.into_any(),
                    Ok(Some(list)) => view! {
                        <ul class="board-list">
                            {list.into_iter().map(|b| view! {
                                <li>
                                    <A href=format!("/boards/{}", b.id)>{b.title.clone()}</A>
                                    <span class="muted">
                                        {if b.team { " · team board · " } else { " · personal · " }}
                                        {format!("{} cards", b.cards)}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(None) => view! { <Redirect path="/login?next=/boards"/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <h2>"New personal board"</h2>
        <ActionForm action=create attr:class="inline-form">
            <label for="board-title">"Board name"</label>
            <input id="board-title" name="title" required maxlength="200"/>
            <button type="submit" class="button button--primary">"Create board"</button>
        </ActionForm>
        <ActionError error=action_error(create)/>
    }
}

/// A board: its columns and cards, live for every member viewing it.
#[component]
pub fn BoardPage() -> impl IntoView {
    let id = param("id");
    let live = use_live();
    let auth = crate::accounts::components::use_auth();
    let version = RwSignal::new(0_u64);
    let board = Resource::new(
        move || (id(), version.get()),
        move |(id, _)| async move {
            match auth.signed_in().await {
                Some(_) => get_board(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    live.watch(Topic::Board { id: id() });
    live.on_frame(move |frame| {
        let ours = match frame {
            ServerFrame::Welcome { .. } => true,
            ServerFrame::Signal {
                topic: Topic::Board { id: board },
                signal: LiveSignal::Board { .. },
            } => *board == id(),
            _ => false,
        };
        if ours {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(Some(b)) => view! { <Board board=b/> }.into_any(),
                    Ok(None) => view! { <Redirect path=format!("/login?next=/boards/{}", id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Board(board: BoardView) -> impl IntoView {
    let names: Vec<String> = board
        .members
        .iter()
        .map(|m| m.display_name.clone())
        .collect();
    let board_id = board.id;
    view! {
        <Title text=format!("{} · Board · Guild", board.title)/>
        <p><A href="/boards">"← All boards"</A></p>
        <h1>{board.title.clone()}</h1>
        <p class="muted">"Members: " {names.join(", ")}</p>
        <div class="board" data-board=board_id>
            {board.columns.into_iter().map(|c| view! { <Column board_id column=c/> }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn Column(board_id: i32, column: ColumnView) -> impl IntoView {
    let add = ServerAction::<AddCard>::new();
    let over = column.over_limit();
    let heading = format!("column-{}", column.id);
    let labelled_by = heading.clone();
    let field = format!("new-card-{}", column.id);
    let more = column.total.saturating_sub(column.cards.len());
    view! {
        <section class="board-column" data-column=column.id aria-labelledby=labelled_by>
            <h2 id=heading>
                {column.name.clone()}
                <span class="muted">" · " {column.total}
                    {column.wip_limit.map(|limit| format!(" of {limit}"))}
                </span>
            </h2>
            {over.then(|| view! {
                <p class="wip-warning" role="note">"Over its work-in-progress limit"</p>
            })}
            <ul role="list" aria-label=column.name.clone() class="card-list">
                {column.cards.into_iter().map(|card| view! { <Card board_id card/> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="muted">{format!("{more} more cards")}</p> })}
            <ActionForm action=add attr:class="add-card">
                <input type="hidden" name="board_id" value=board_id/>
                <input type="hidden" name="column_id" value=column.id/>
                <label for=field.clone() class="visually-hidden">{format!("New card in {}", column.name)}</label>
                <input id=field name="title" required maxlength="200" placeholder="Card title"/>
                <button type="submit" class="button">"Add card"</button>
            </ActionForm>
            <ActionError error=action_error(add)/>
        </section>
    }
}

#[component]
fn Card(board_id: i32, card: CardSummary) -> impl IntoView {
    let overdue = card.overdue;
    view! {
        <li class="card" id=format!("card-{}", card.id) data-card=card.id data-version=card.version aria-label=card.title.clone()>
            <span class="card-title">{card.title.clone()}</span>
            {card.milestone_id.map(|_| view! { <span class="pill">"Milestone"</span> })}
            {card.due_on.clone().map(|due| view! {
                <span class="card-due" class:overdue=overdue>
                    {if overdue { "Overdue: " } else { "Due " }} {due}
                </span>
            })}
            <form method="get" action=format!("/boards/{board_id}/cards/{}/move", card.id) class="card-move">
                <button type="submit" class="button button--small">"Move"</button>
            </form>
        </li>
    }
}

/// The "Move…" form: a column and a position, as a plain form.
#[component]
pub fn MoveCardPage() -> impl IntoView {
    let board_id = param("id");
    let card_id = param("card");
    let auth = crate::accounts::components::use_auth();
    let action = ServerAction::<MoveCard>::new();
    let target = Resource::new(card_id, move |card| async move {
        match auth.signed_in().await {
            Some(_) => move_targets(card).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match target.await {
                    Ok(Some((board, card, columns))) if board == board_id() => view! {
                        <Title text=format!("Move {} · Guild", card.title)/>
                        <p><A href=format!("/boards/{board}")>"← Back to the board"</A></p>
                        <h1>"Move “" {card.title.clone()} "”"</h1>
                        <ActionForm action attr:class="move-form">
                            <input type="hidden" name="card_id" value=card.id/>
                            <input type="hidden" name="version" value=card.version/>
                            <input type="hidden" name="to_board" value="1"/>
                            <label for="move-column">"Column"</label>
                            <select id="move-column" name="column_id">
                                {columns.iter().map(|c| view! {
                                    <option value=c.column_id selected=c.column_id == card.column_id>
                                        {format!("{} ({} cards)", c.name, c.total)}
                                    </option>
                                }).collect_view()}
                            </select>
                            <label for="move-position">"Position"</label>
                            <input id="move-position" name="position" type="number" min="1" value="1" required/>
                            <p class="muted">"1 puts it at the top; a number past the end puts it last."</p>
                            <button type="submit" class="button button--primary">"Move card"</button>
                        </ActionForm>
                        <ActionError error=action_error(action)/>
                    }.into_any(),
                    Ok(Some(_)) => view! { <ErrorNote error=crate::error::AppError::NotFound/> }.into_any(),
                    Ok(None) => view! { <Redirect path=format!("/login?next=/boards/{}", board_id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
