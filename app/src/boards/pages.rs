//! `/boards` (my boards, a new personal board), `/boards/:id` (a board,
//! live) and `/boards/:id/cards/:card/move` (the "Move…" form, which also
//! works without JavaScript).

use super::api::{CreateBoard, InviteMember, MoveCard, get_board, list_boards, move_targets};
use super::live_board::LiveBoard;
use super::model::BoardView;
use crate::live::context::use_live;
use crate::live::protocol::Topic;
use crate::ui::form::action_error;
use crate::ui::widgets::{ActionError, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The route parameter `name` as a number (0 when missing or not one).
pub(super) fn param(name: &'static str) -> impl Fn() -> i32 + Copy {
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
    let query = use_query_map();
    let version = RwSignal::new(0_u64);
    let filter = move || {
        query.with(|q| {
            ["q", "label", "assignee", "due", "show"].map(|k| q.get(k).unwrap_or_default())
        })
    };
    let board = Resource::new(
        move || (id(), version.get(), filter()),
        move |(id, _, [q, label, assignee, due, show])| async move {
            match auth.signed_in().await {
                Some(_) => get_board(id, q, label, assignee, due, show).await.map(Some),
                None => Ok(None),
            }
        },
    );
    super::presence::track_viewers(id);
    live.watch(Topic::Board { id: id() });
    let refetch = Callback::new(move |_: ()| version.update(|v| *v += 1));
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(Some(b)) => view! { <Board board=b refetch/> }.into_any(),
                    Ok(None) => view! { <Redirect path=format!("/login?next=/boards/{}", id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Board(board: BoardView, #[prop(into)] refetch: Callback<()>) -> impl IntoView {
    let names: Vec<String> = board
        .members
        .iter()
        .map(|m| m.display_name.clone())
        .collect();
    let board_id = board.id;
    let invite = ServerAction::<InviteMember>::new();
    let filter_form = view! { <FilterForm board=board.clone()/> };
    view! {
        <Title text=format!("{} · Board · Guild", board.title)/>
        <p><A href="/boards">"← All boards"</A></p>
        <h1>{board.title.clone()}</h1>
        <p class="muted" data-test="board-members">"Members: " {names.join(", ")}</p>
        <p class="board-links">
            <A href=format!("/boards/{board_id}/columns")>"Edit columns"</A>
            " · "
            <A href=format!("/boards/{board_id}/archive")>"Archived and trashed cards"</A>
        </p>
        {board.can_invite.then(|| view! {
            <ActionForm action=invite attr:class="inline-form">
                <input type="hidden" name="board_id" value=board_id/>
                <label for="invite-username">"Invite by username"</label>
                <input id="invite-username" name="username" required maxlength="64"/>
                <button type="submit" class="button">"Invite"</button>
            </ActionForm>
            <ActionError error=action_error(invite)/>
        })}
        {filter_form}
        <LiveBoard board refetch/>
    }
    .into_any()
}

/// Search and filters over a board's cards: a plain GET form, so they stay
/// in the URL (and work without JavaScript).
#[component]
fn FilterForm(board: BoardView) -> impl IntoView {
    let f = board.filter.clone();
    let filtered = !f.is_empty();
    let due = f.due.map(|d| d.as_str()).unwrap_or_default();
    view! {
        <form method="get" action=format!("/boards/{}", board.id) class="board-filter" role="search" aria-label="Filter cards">
            <label for="filter-q">"Search cards"</label>
            <input id="filter-q" name="q" type="search" value=f.q.clone() maxlength="200"/>
            <label for="filter-label">"Label"</label>
            <select id="filter-label" name="label">
                <option value="">"Any label"</option>
                {board.labels.iter().map(|l| view! {
                    <option value=l.id selected=f.label == Some(l.id)>{l.name.clone()}</option>
                }).collect_view()}
            </select>
            <label for="filter-assignee">"Assignee"</label>
            <select id="filter-assignee" name="assignee">
                <option value="">"Anyone"</option>
                {board.members.iter().map(|m| view! {
                    <option value=m.user_id selected=f.assignee == Some(m.user_id)>{m.display_name.clone()}</option>
                }).collect_view()}
            </select>
            <label for="filter-due">"Due"</label>
            <select id="filter-due" name="due">
                <option value="">"Any time"</option>
                <option value="overdue" selected=due == "overdue">"Overdue"</option>
                <option value="soon" selected=due == "soon">"Due in the next 7 days"</option>
            </select>
            <button type="submit" class="button">"Filter"</button>
            {filtered.then(|| view! { <A href=format!("/boards/{}", board.id)>"Clear filters"</A> })}
        </form>
        {filtered.then(|| view! {
            <p class="muted" role="status" data-test="filter-status">
                {match board.columns.iter().map(|c| c.matching).sum::<usize>() {
                    1 => "Showing 1 matching card.".to_string(),
                    n => format!("Showing {n} matching cards."),
                }}
            </p>
        })}
    }
    .into_any()
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
                                        {c.name.clone()}
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
