//! `/boards/:id/cards/:card`: a card's own page (description, labels,
//! assignees, due date, cover, checklist, comments, links, activity) and
//! `/boards/:id/archive` (archived and trashed cards, with Restore). Every
//! control is a plain form, so all of it works without JavaScript; with
//! JavaScript the page follows the board's live changes.

use super::api::SetCardState;
use super::card_api::{
    AddCardLink, AddChecklistItem, CommentOnCard, CreateLabel, DeleteCardComment, EditCard,
    EditCardComment, RemoveCardLink, RemoveChecklistItem, SetCardAssignee, SetCardLabel,
    SetChecklistItem, load_card, put_away_cards,
};
use super::card_model::{CardDetail, CardPlace, CommentView, PALETTE, progress};
use super::model::BoardChange;
use super::pages::param;
use crate::error::AppError;
use crate::live::context::use_live;
use crate::live::protocol::{ServerFrame, Signal as LiveSignal, Topic};
use crate::ui::fields::{FieldError, Select, TextArea};
use crate::ui::form::{
    FormAlert, TextField, action_error, field_error, field_value, refetch_on_success,
};
use crate::ui::format::date;
use crate::ui::widgets::{ActionProblem, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};

/// A card's own page, live for every member viewing it.
#[component]
pub fn CardPage() -> impl IntoView {
    let board_id = param("id");
    let card_id = param("card");
    let auth = crate::accounts::components::use_auth();
    let live = use_live();
    let refresh = RwSignal::new(0_u64);
    let drafts = Drafts::new(refresh);
    // The edit action lives above the reloads, so a conflict's kept text
    // survives the reload that shows the other person's version. A save
    // reloads the card whether it landed or met someone else's.
    let save = ServerAction::<EditCard>::new();
    Effect::new(move |_| {
        if save
            .value()
            .with(|v| matches!(v, Some(Ok(_) | Err(AppError::Conflict(_)))))
        {
            refresh.update(|v| *v += 1);
        }
    });
    let detail = Resource::new(
        move || (card_id(), refresh.get()),
        move |(card, _)| async move {
            match auth.signed_in().await {
                Some(_) => load_card(card).await.map(Some),
                None => Ok(None),
            }
        },
    );
    live.watch(Topic::Board { id: board_id() });
    live.on_frame(move |frame| match frame {
        ServerFrame::Signal {
            topic: Topic::Board { id },
            signal: LiveSignal::Board { change },
        } if *id == untrack(board_id) => {
            let this = untrack(card_id);
            let mine = match change {
                BoardChange::Card { card, .. } => card.id == this,
                BoardChange::CardGone { id, .. } => *id == this,
                BoardChange::Reload { .. } => true,
            };
            if mine {
                drafts.changed_elsewhere();
            }
        }
        _ => {}
    });
    provide_context(refresh);
    provide_context(drafts);
    provide_context(save);
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(Some(d)) if d.board_id == board_id() => view! { <CardView detail=d/> }.into_any(),
                    Ok(Some(_)) => view! { <ErrorNote error=AppError::NotFound/> }.into_any(),
                    Ok(None) => view! {
                        <Redirect path=format!("/login?next=/boards/{}/cards/{}", board_id(), card_id())/>
                    }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Typing on a card's page is never thrown away by someone else's change:
/// while a field holds unsaved text, their change is announced instead of
/// reloading the page under the typist.
#[derive(Clone, Copy)]
struct Drafts {
    refresh: RwSignal<u64>,
    typing: RwSignal<bool>,
    stale: RwSignal<bool>,
}

impl Drafts {
    fn new(refresh: RwSignal<u64>) -> Self {
        let drafts = Self {
            refresh,
            typing: RwSignal::new(false),
            stale: RwSignal::new(false),
        };
        // Every reload starts from the saved card.
        Effect::new(move |_| {
            refresh.track();
            drafts.typing.set(false);
            drafts.stale.set(false);
        });
        drafts
    }

    /// Someone else changed the card: reload now, or say so if the viewer
    /// is typing.
    fn changed_elsewhere(self) {
        if self.typing.get_untracked() {
            self.stale.set(true);
        } else {
            self.refresh.update(|v| *v += 1);
        }
    }
}

/// Says the card changed while the viewer was typing, with a way to see it.
#[component]
fn ChangedElsewhere() -> impl IntoView {
    let drafts = expect_context::<Drafts>();
    view! {
        <div role="status" data-test="card-changed">
            {move || drafts.stale.get().then(|| view! {
                <p class="alert alert--warn">
                    "Someone else changed this card while you were typing. "
                    <button type="button" class="button button--small"
                        on:click=move |_| drafts.refresh.update(|v| *v += 1)>
                        "Show their changes"
                    </button>
                </p>
            })}
        </div>
    }
}

#[component]
fn CardView(detail: CardDetail) -> impl IntoView {
    let drafts = expect_context::<Drafts>();
    let cover = detail.card.cover.clone();
    let place = match detail.place {
        CardPlace::Active => String::new(),
        CardPlace::Archived => " · archived".into(),
        CardPlace::Trashed => " · in the trash".into(),
    };
    let due = detail.card.due_on.clone().map(|d| {
        let overdue = detail.card.overdue;
        view! {
            <p class="card-due" class:overdue=overdue data-test="card-due">
                {if overdue { "Overdue: due " } else { "Due " }}
                {crate::ui::format::day(&d)}
            </p>
        }
    });
    let page_title = format!("{} · {} · Guild", detail.card.title, detail.board_title);
    let back = format!("/boards/{}", detail.board_id);
    let board_title = detail.board_title.clone();
    let title = detail.card.title.clone();
    let column = detail.column_name.clone();
    view! {
        <Title text=page_title/>
        <p><A href=back>"← " {board_title}</A></p>
        <article class="card-page" data-cover=cover on:input=move |_| drafts.typing.set(true)>
            <ChangedElsewhere/>
            <h1>{title}</h1>
            <p class="muted">"In " {column} {place}</p>
            {due}
            <div class="card-page__grid">
                <div class="card-page__main">
                    <Description detail=detail.clone()/>
                    <Checklist detail=detail.clone()/>
                    <Comments detail=detail.clone()/>
                    <Activity detail=detail.clone()/>
                </div>
                <aside class="card-page__side">
                    <Labels detail=detail.clone()/>
                    <Assignees detail=detail.clone()/>
                    <Links detail=detail.clone()/>
                    <CardActions detail/>
                </aside>
            </div>
        </article>
    }
    .into_any()
}

#[component]
fn Description(detail: CardDetail) -> impl IntoView {
    let save = expect_context::<ServerAction<EditCard>>();
    let error = action_error(save);
    let card = detail.card.clone();
    let covers: Vec<(String, String)> = std::iter::once((String::new(), "No cover".to_string()))
        .chain(PALETTE.iter().map(|c| (c.to_string(), capitalise(c))))
        .collect();
    let cover_now = card.cover.clone().unwrap_or_default();
    let due_now = card.due_on.clone().unwrap_or_default();
    let due_value = field_value(error, "due_on", due_now);
    view! {
        <section aria-labelledby="card-description">
            <h2 id="card-description">"Description"</h2>
            {if detail.description.is_empty() {
                view! { <p class="muted">"No description yet."</p> }.into_any()
            } else {
                view! { <div class="markdown" data-test="card-description" inner_html=detail.description_html.clone()></div> }.into_any()
            }}
            <details class="card-edit" open=move || error.get().is_some()>
                <summary>"Edit card"</summary>
                <FormAlert error/>
                <ActionForm action=save attr:class="stacked-form">
                    <input type="hidden" name="card_id" value=card.id/>
                    <input type="hidden" name="version" value=card.version/>
                    <input type="hidden" name="base" value=detail.edit_base.clone()/>
                    <TextField label="Title" name="title" required=true
                        value=field_value(error, "title", card.title.clone())
                        error=field_error(error, "title")/>
                    <TextArea label="Description" name="description" rows=8
                        hint="Markdown: **bold**, lists, `code` and [links](https://example.com)."
                        value=field_value(error, "description", detail.description.clone())
                        error=field_error(error, "description")/>
                    <div class="field">
                        <label for="field-due_on">"Due date"</label>
                        <input id="field-due_on" name="due_on" type="date" value=move || due_value.get()/>
                        <FieldError name="due_on".to_string() error=field_error(error, "due_on")/>
                    </div>
                    <Select label="Cover" name="cover" options=covers
                        selected=field_value(error, "cover", cover_now)
                        error=field_error(error, "cover")/>
                    <button type="submit" class="button button--primary">"Save card"</button>
                </ActionForm>
            </details>
        </section>
    }
    .into_any()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
fn Labels(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let toggle = ServerAction::<SetCardLabel>::new();
    let create = ServerAction::<CreateLabel>::new();
    refetch_on_success(toggle, refresh);
    refetch_on_success(create, refresh);
    let error = action_error(create);
    let card_id = detail.card.id;
    let colours: Vec<(String, String)> = PALETTE
        .iter()
        .map(|c| (c.to_string(), capitalise(c)))
        .collect();
    view! {
        <section aria-labelledby="card-labels" class="card-side">
            <h2 id="card-labels">"Labels"</h2>
            {detail.labels.is_empty().then(|| view! { <p class="muted">"This board has no labels yet."</p> })}
            <ul class="toggle-list" role="list" aria-label="Labels">
                {detail.labels.into_iter().map(|choice| view! {
                    <li>
                        <ActionForm action=toggle>
                            <input type="hidden" name="card_id" value=card_id/>
                            <input type="hidden" name="label_id" value=choice.label.id/>
                            <input type="hidden" name="on" value=(!choice.on).to_string()/>
                            <button type="submit" class=format!("label-toggle swatch--{}", choice.label.colour)
                                aria-pressed=choice.on.to_string()>
                                <span aria-hidden="true">{if choice.on { "✓ " } else { "" }}</span>
                                {choice.label.name.clone()}
                            </button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
            <ActionProblem error=action_error(toggle)/>
            <details class="card-edit" open=move || error.get().is_some()>
                <summary>"New label"</summary>
                <ActionForm action=create attr:class="stacked-form">
                    <input type="hidden" name="board_id" value=detail.board_id/>
                    <input type="hidden" name="card_id" value=card_id/>
                    <TextField label="Label name" name="name" required=true
                        value=field_value(error, "name", "")
                        error=field_error(error, "name")/>
                    <Select label="Label colour" name="colour" options=colours
                        selected=field_value(error, "colour", "green")
                        error=field_error(error, "colour")/>
                    <button type="submit" class="button">"Add label"</button>
                </ActionForm>
            </details>
        </section>
    }
    .into_any()
}

#[component]
fn Assignees(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let toggle = ServerAction::<SetCardAssignee>::new();
    refetch_on_success(toggle, refresh);
    let card_id = detail.card.id;
    view! {
        <section aria-labelledby="card-assignees" class="card-side">
            <h2 id="card-assignees">"Assignees"</h2>
            <ul class="toggle-list" role="list" aria-label="Assignees">
                {detail.assignees.into_iter().map(|choice| view! {
                    <li>
                        <ActionForm action=toggle>
                            <input type="hidden" name="card_id" value=card_id/>
                            <input type="hidden" name="user_id" value=choice.member.user_id/>
                            <input type="hidden" name="on" value=(!choice.on).to_string()/>
                            <button type="submit" class="assignee-toggle" aria-pressed=choice.on.to_string()>
                                <span aria-hidden="true">{if choice.on { "✓ " } else { "" }}</span>
                                {choice.member.display_name.clone()}
                            </button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
            <ActionProblem error=action_error(toggle)/>
        </section>
    }
    .into_any()
}

#[component]
fn Checklist(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let add = ServerAction::<AddChecklistItem>::new();
    let set = ServerAction::<SetChecklistItem>::new();
    let remove = ServerAction::<RemoveChecklistItem>::new();
    refetch_on_success(add, refresh);
    refetch_on_success(set, refresh);
    refetch_on_success(remove, refresh);
    let error = action_error(add);
    let done = detail.card.badges.checklist_done;
    let total = detail.card.badges.checklist_total;
    view! {
        <section aria-labelledby="card-checklist">
            <h2 id="card-checklist">"Checklist"</h2>
            {(total > 0).then(|| view! {
                <p class="checklist-progress">
                    <progress max="100" value=progress(done, total) aria-label="Checklist progress"></progress>
                    <span data-test="checklist-progress">{format!("{done} of {total} done")}</span>
                </p>
            })}
            <ul class="checklist" role="list" aria-label="Checklist">
                {detail.checklist.into_iter().map(|item| {
                    let text = item.text.clone();
                    view! {
                        <li class:done=item.done>
                            <ActionForm action=set attr:class="inline">
                                <input type="hidden" name="item_id" value=item.id/>
                                <input type="hidden" name="done" value=(!item.done).to_string()/>
                                <button type="submit" class="check-toggle" aria-pressed=item.done.to_string()>
                                    <span aria-hidden="true" class="check-box">{if item.done { "☑" } else { "☐" }}</span>
                                    {item.text.clone()}
                                </button>
                            </ActionForm>
                            <ActionForm action=remove attr:class="inline">
                                <input type="hidden" name="item_id" value=item.id/>
                                <button type="submit" class="button button--small button--quiet">
                                    "Remove" <span class="visually-hidden">{format!(" “{text}”")}</span>
                                </button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionProblem error=action_error(set)/>
            <ActionForm action=add attr:class="inline-form">
                <input type="hidden" name="card_id" value=detail.card.id/>
                <label for="checklist-new">"New checklist item"</label>
                <input id="checklist-new" name="text" required maxlength="200"
                    value=move || error.get().and_then(|e| e.value("text"))/>
                <button type="submit" class="button">"Add item"</button>
            </ActionForm>
            <ActionProblem error/>
        </section>
    }
    .into_any()
}

#[component]
fn Comments(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let add = ServerAction::<CommentOnCard>::new();
    refetch_on_success(add, refresh);
    let error = action_error(add);
    view! {
        <section aria-labelledby="card-comments">
            <h2 id="card-comments">"Comments"</h2>
            {detail.comments.is_empty().then(|| view! { <p class="muted">"No comments yet."</p> })}
            <ol class="comments" role="list" aria-label="Comments">
                {detail.comments.into_iter().map(|c| view! { <Comment comment=c/> }).collect_view()}
            </ol>
            <ActionForm action=add attr:class="stacked-form">
                <input type="hidden" name="card_id" value=detail.card.id/>
                <TextArea label="Comment" name="body" rows=3
                    hint="Markdown works; @username notifies a board member."
                    value=Signal::derive(move || error.get().and_then(|e| e.value("body")))
                    error=field_error(error, "body")/>
                <button type="submit" class="button button--primary">"Add comment"</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// One comment; its author can edit or delete it.
#[component]
fn Comment(comment: CommentView) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let edit = ServerAction::<EditCardComment>::new();
    let delete = ServerAction::<DeleteCardComment>::new();
    refetch_on_success(edit, refresh);
    refetch_on_success(delete, refresh);
    let edit_error = action_error(edit);
    let field = format!("comment-{}-body", comment.id);
    let own = comment.mine.then(|| {
        let typed = field_value(edit_error, "body", comment.body.clone());
        view! {
            <details class="comment__edit" open=move || edit_error.get().is_some()>
                <summary>"Edit comment"</summary>
                <ActionForm action=edit attr:class="stacked-form">
                    <input type="hidden" name="comment_id" value=comment.id/>
                    <div class="field">
                        <label for=field.clone()>"Edit comment"</label>
                        <textarea id=field.clone() name="body" rows="3">{move || typed.get()}</textarea>
                    </div>
                    <ActionProblem error=edit_error/>
                    <button type="submit" class="button">"Save comment"</button>
                </ActionForm>
            </details>
            <ActionForm action=delete attr:class="inline">
                <input type="hidden" name="comment_id" value=comment.id/>
                <button type="submit" class="button button--small button--quiet">"Delete comment"</button>
            </ActionForm>
            <ActionProblem error=action_error(delete)/>
        }
    });
    let meta = format!(
        " @{} · {}{}",
        comment.author_username,
        date(comment.created_at / 1000),
        if comment.edited_at.is_some() {
            " · edited"
        } else {
            ""
        }
    );
    view! {
        <li class="comment" aria-label=format!("Comment by {}", comment.author)>
            <p class="comment__meta">
                <strong>{comment.author.clone()}</strong>
                <span class="muted">{meta}</span>
            </p>
            <div class="markdown" inner_html=comment.html.clone()></div>
            {own}
        </li>
    }
}

#[component]
fn Links(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let add = ServerAction::<AddCardLink>::new();
    let remove = ServerAction::<RemoveCardLink>::new();
    refetch_on_success(add, refresh);
    refetch_on_success(remove, refresh);
    let error = action_error(add);
    view! {
        <section aria-labelledby="card-links" class="card-side">
            <h2 id="card-links">"Links"</h2>
            <ul class="card-links" role="list" aria-label="Links">
                {detail.links.into_iter().map(|l| {
                    let title = l.title.clone();
                    view! {
                        <li>
                            <a href=l.url.clone() rel="noopener nofollow ugc" target="_blank">{l.title.clone()}</a>
                            <ActionForm action=remove attr:class="inline">
                                <input type="hidden" name="link_id" value=l.id/>
                                <button type="submit" class="button button--small button--quiet">
                                    "Remove" <span class="visually-hidden">{format!(" link “{title}”")}</span>
                                </button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="card-edit" open=move || error.get().is_some()>
                <summary>"Attach a link"</summary>
                <ActionForm action=add attr:class="stacked-form">
                    <input type="hidden" name="card_id" value=detail.card.id/>
                    <TextField label="Link address" name="url" kind="url" required=true
                        value=field_value(error, "url", "")
                        error=field_error(error, "url")/>
                    <TextField label="Link title" name="link_title"
                        value=field_value(error, "link_title", "")
                        error=field_error(error, "link_title")/>
                    <button type="submit" class="button">"Attach link"</button>
                </ActionForm>
            </details>
        </section>
    }
    .into_any()
}

#[component]
fn CardActions(detail: CardDetail) -> impl IntoView {
    let refresh = expect_context::<RwSignal<u64>>();
    let change = ServerAction::<SetCardState>::new();
    refetch_on_success(change, refresh);
    let (card_id, version) = (detail.card.id, detail.card.version);
    let button = move |action: &'static str, text: &'static str| {
        view! {
            <ActionForm action=change attr:class="inline">
                <input type="hidden" name="card_id" value=card_id/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="action" value=action/>
                <button type="submit" class="button">{text}</button>
            </ActionForm>
        }
    };
    view! {
        <section aria-labelledby="card-actions" class="card-side">
            <h2 id="card-actions">"Card actions"</h2>
            {match detail.place {
                CardPlace::Active => view! {
                    <form method="get" action=format!("/boards/{}/cards/{card_id}/move", detail.board_id) class="inline">
                        <button type="submit" class="button">"Move"</button>
                    </form>
                    {button("archive", "Archive")}
                    {button("trash", "Move to trash")}
                }.into_any(),
                _ => button("restore", "Restore").into_any(),
            }}
            <ActionProblem error=action_error(change)/>
        </section>
    }
    .into_any()
}

#[component]
fn Activity(detail: CardDetail) -> impl IntoView {
    view! {
        <section aria-labelledby="card-activity">
            <h2 id="card-activity">"Activity"</h2>
            <ol class="activity" role="list" aria-label="Activity">
                {detail.activity.into_iter().map(|a| view! {
                    <li>{a.line} <span class="muted">{format!(" · {}", date(a.at / 1000))}</span></li>
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// `/boards/:id/archive`: the board's archived and trashed cards, each with
/// "Restore".
#[component]
pub fn ArchivePage() -> impl IntoView {
    let board_id = param("id");
    let auth = crate::accounts::components::use_auth();
    let refresh = RwSignal::new(0_u64);
    let restore = ServerAction::<SetCardState>::new();
    refetch_on_success(restore, refresh);
    let cards = Resource::new(
        move || (board_id(), refresh.get()),
        move |(board, _)| async move {
            match auth.signed_in().await {
                Some(_) => put_away_cards(board).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text="Archive · Board · Guild"/>
        <p><A href=move || format!("/boards/{}", board_id())>"← Back to the board"</A></p>
        <h1>"Archived and trashed cards"</h1>
        <ActionProblem error=action_error(restore)/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match cards.await {
                    Ok(Some(list)) if list.is_empty() => view! {
                        <p class="muted">"Nothing is archived or in the trash."</p>
                    }.into_any(),
                    Ok(Some(list)) => view! {
                        <ul class="put-away" role="list" aria-label="Archived and trashed cards">
                            {list.into_iter().map(|c| {
                                let (label, text) = (c.title.clone(), c.title.clone());
                                view! {
                                <li aria-label=label>
                                    <A href=format!("/boards/{}/cards/{}", board_id(), c.id)>{text}</A>
                                    <span class="muted">
                                        {match c.place { CardPlace::Trashed => " · in the trash", _ => " · archived" }}
                                        {format!(" · {}", date(c.updated_at / 1000))}
                                    </span>
                                    <ActionForm action=restore attr:class="inline">
                                        <input type="hidden" name="card_id" value=c.id/>
                                        <input type="hidden" name="version" value=c.version/>
                                        <input type="hidden" name="action" value="restore"/>
                                        <button type="submit" class="button button--small">"Restore"</button>
                                    </ActionForm>
                                </li>
                            }}).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(None) => view! { <Redirect path=format!("/login?next=/boards/{}/archive", board_id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}
