//! `/boards/:id/columns`: a board's columns as forms (rename, WIP limit,
//! move left or right, archive, restore, add), all working without
//! JavaScript.

use super::card_model::ColumnSetting;
use super::column_api::{AddColumn, ArchiveColumn, EditColumn, MoveColumn, column_settings};
use crate::ui::form::{action_error, refetch_on_success};
use crate::ui::widgets::{ActionProblem, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};

/// The actions the page's forms share.
#[derive(Clone, Copy)]
struct ColumnActions {
    edit: ServerAction<EditColumn>,
    reorder: ServerAction<MoveColumn>,
    archive: ServerAction<ArchiveColumn>,
}

/// A board's columns.
#[component]
pub fn ColumnsPage() -> impl IntoView {
    let board_id = super::pages::param("id");
    let auth = crate::accounts::components::use_auth();
    let refresh = RwSignal::new(0_u64);
    let actions = ColumnActions {
        edit: ServerAction::new(),
        reorder: ServerAction::new(),
        archive: ServerAction::new(),
    };
    let add = ServerAction::<AddColumn>::new();
    refetch_on_success(actions.edit, refresh);
    refetch_on_success(actions.reorder, refresh);
    refetch_on_success(actions.archive, refresh);
    refetch_on_success(add, refresh);
    provide_context(actions);
    let columns = Resource::new(
        move || (board_id(), refresh.get()),
        move |(board, _)| async move {
            match auth.signed_in().await {
                Some(_) => column_settings(board).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let add_error = action_error(add);
    view! {
        <Title text="Columns · Board · Guild"/>
        <p><A href=move || format!("/boards/{}", board_id())>"← Back to the board"</A></p>
        <h1>"Columns"</h1>
        <ActionProblem error=action_error(actions.edit)/>
        <ActionProblem error=action_error(actions.reorder)/>
        <ActionProblem error=action_error(actions.archive)/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match columns.await {
                    Ok(Some(list)) => {
                        let open = list.iter().filter(|c| !c.archived).count();
                        view! {
                            <ol class="column-settings" role="list" aria-label="Columns">
                                {list.into_iter().enumerate().map(|(i, c)| view! {
                                    <ColumnRow column=c position=i + 1 open/>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                    Ok(None) => view! { <Redirect path=format!("/login?next=/boards/{}/columns", board_id())/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
        <h2>"Add a column"</h2>
        <ActionForm action=add attr:class="inline-form">
            <input type="hidden" name="board_id" value=board_id/>
            <label for="column-new">"Column name"</label>
            <input id="column-new" name="name" required maxlength="60"
                value=move || add_error.get().and_then(|e| e.value("name"))/>
            <button type="submit" class="button button--primary">"Add column"</button>
        </ActionForm>
        <ActionProblem error=add_error/>
    }
}

#[component]
fn ColumnRow(column: ColumnSetting, position: usize, open: usize) -> impl IntoView {
    let actions = expect_context::<ColumnActions>();
    let id = column.id;
    let version = column.version;
    let name_field = format!("column-{id}-name");
    let limit_field = format!("column-{id}-limit");
    let move_to = move |to: usize, text: &'static str| {
        view! {
            <ActionForm action=actions.reorder attr:class="inline">
                <input type="hidden" name="column_id" value=id/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="position" value=to/>
                <button type="submit" class="button button--small">{text}</button>
            </ActionForm>
        }
    };
    let archive = move |archived: bool, text: &'static str| {
        view! {
            <ActionForm action=actions.archive attr:class="inline">
                <input type="hidden" name="column_id" value=id/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="archived" value=archived.to_string()/>
                <button type="submit" class="button button--small">{text}</button>
            </ActionForm>
        }
    };
    let summary = format!(
        "{} card{}{}",
        column.cards,
        if column.cards == 1 { "" } else { "s" },
        if column.archived { " · archived" } else { "" }
    );
    let label = column.name.clone();
    view! {
        <li class="column-setting" aria-label=label>
            <ActionForm action=actions.edit attr:class="inline-form">
                <input type="hidden" name="column_id" value=id/>
                <input type="hidden" name="version" value=version/>
                <label for=name_field.clone()>"Name"</label>
                <input id=name_field name="name" required maxlength="60"
                    value=column.name.clone()/>
                <label for=limit_field.clone()>"WIP limit"</label>
                <input id=limit_field name="wip_limit" type="number" min="1" max="999" class="input--short"
                    value=column.wip_limit.map(|n| n.to_string()).unwrap_or_default()/>
                <button type="submit" class="button button--small">"Save"</button>
            </ActionForm>
            <span class="muted">{summary}</span>
            {if column.archived {
                archive(false, "Restore").into_any()
            } else {
                view! {
                    {(position > 1).then(|| move_to(position - 1, "Move left"))}
                    {(position < open).then(|| move_to(position + 1, "Move right"))}
                    {archive(true, "Archive")}
                }.into_any()
            }}
        </li>
    }
    .into_any()
}
