//! `/admin/queue`: one queue of reported content, items waiting for
//! approval and hidden content, filtered in the address (a GET form, so it
//! works without JavaScript), with the admin actions on each item.

use super::nav::AdminNav;
use crate::accounts::model::{CurrentUser, Role};
use crate::admin::pages::RoleGate;
use crate::error::AppError;
use crate::moderation::api::{Moderate, admin_counts, moderation_queue};
use crate::moderation::model::{
    AGE_CHOICES, ModAction, ObjectKind, QueueCounts, QueueItem, QueueView, ReportStatus,
    SUSPENSION_CHOICES,
};
use crate::ui::fields::LoadedFieldError;
use crate::ui::form::action_error;
use crate::ui::format;
use crate::ui::widgets::{ActionProblem, Empty};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

type Filter = (Option<String>, Option<String>, Option<String>);

/// Admins see the queue; other people are told they lack access.
#[component]
pub fn QueuePage() -> impl IntoView {
    let params = use_query_map();
    let filter = Memo::new(move |_| {
        let p = params.get();
        (p.get("view"), p.get("kind"), p.get("age"))
    });
    let moderate = ServerAction::<Moderate>::new();
    let queue = Resource::new(
        move || (filter.get(), moderate.version().get()),
        |((view, kind, age), _)| moderation_queue(view, kind, age),
    );
    let counts = Resource::new(move || moderate.version().get(), |_| admin_counts());
    view! {
        <Title text="Moderation queue · Guild"/>
        <RoleGate role=Role::Admin path="/admin/queue" page=move |user: CurrentUser| view! {
            <AdminNav user current="/admin/queue" counts/>
            <section class="admin">
                <h1>"Moderation queue"</h1>
                <QueueFilters filter queue counts/>
                <ActionProblem error=action_error(moderate)/>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || queue.get().map(|items| match items {
                        Ok(items) if items.is_empty() => view! {
                            <Empty title="Nothing here">"Reports, items waiting for approval and hidden content appear here."</Empty>
                        }.into_any(),
                        Ok(items) => view! {
                            <ul class="queue" aria-label="Queue items">
                                {items.into_iter().map(|item| view! { <QueueEntry item moderate/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(AppError::Invalid(_)) => view! { <p class="muted">"Fix the filters above."</p> }.into_any(),
                        Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
                    })}
                </Transition>
            </section>
        }.into_any()/>
    }
}

#[component]
fn QueueFilters(
    filter: Memo<Filter>,
    queue: Resource<Result<Vec<QueueItem>, AppError>>,
    counts: Resource<Result<QueueCounts, AppError>>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        queue
            .get()
            .and_then(|r| r.err())
            .filter(|e| matches!(e, AppError::Invalid(_)))
    });
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let count_of = move |view: QueueView| {
        counts.get().and_then(Result::ok).and_then(|c| match view {
            QueueView::Open => Some(c.open_reports),
            QueueView::Approval => Some(c.awaiting_approval),
            QueueView::Hidden => Some(c.hidden),
            QueueView::Resolved => None,
        })
    };
    view! {
        <form method="get" action="/admin/queue" class="filters" aria-label="Queue filters">
            <label>"Show "
                <select name="view">
                    {QueueView::ALL.into_iter().map(|v| view! {
                        <option value=v.as_str()
                            selected=move || filter.get().0.as_deref().unwrap_or("open") == v.as_str()>
                            <Transition fallback=move || v.label()>
                                {move || match count_of(v) {
                                    Some(n) => format!("{} ({n})", v.label()),
                                    None => v.label().to_string(),
                                }}
                            </Transition>
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <LoadedFieldError name="view".to_string() error=field("view")/>
            <label>"Kind "
                <select name="kind">
                    <option value="">"All kinds"</option>
                    {ObjectKind::ALL.iter().copied().filter(|k| k.reportable()).map(|k| view! {
                        <option value=k.as_str()
                            selected=move || filter.get().1.as_deref() == Some(k.as_str())>{k.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <LoadedFieldError name="kind".to_string() error=field("kind")/>
            <label>"Age "
                <select name="age">
                    <option value="">"Any age"</option>
                    {AGE_CHOICES.into_iter().map(|(days, label)| view! {
                        <option value=days selected=move || filter.get().2.as_deref() == Some(days)>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <LoadedFieldError name="age".to_string() error=field("age")/>
            <button type="submit" class="btn">"Filter"</button>
        </form>
    }
}

#[component]
fn QueueEntry(item: QueueItem, moderate: ServerAction<Moderate>) -> impl IntoView {
    let open_reports = item.reports.iter().any(|r| r.status == ReportStatus::Open);
    let label = format!("{} {}", item.kind.label(), item.object_id);
    let title = if item.link.is_empty() {
        view! { <span class="queue-item__title">{item.title.clone()}</span> }.into_any()
    } else {
        view! { <a class="queue-item__title" href=item.link.clone()>{item.title.clone()}</a> }
            .into_any()
    };
    let mut actions = Vec::new();
    if open_reports {
        actions.push(ModAction::Dismiss);
    }
    if item.kind.hideable() {
        actions.push(if item.hidden {
            ModAction::Restore
        } else {
            ModAction::Hide
        });
    }
    if !item.author.is_empty() {
        actions.push(ModAction::Warn);
        actions.push(if item.author_suspended {
            ModAction::Lift
        } else {
            ModAction::Suspend
        });
    }
    let form_id = format!("act-{}-{}", item.kind.as_str(), item.object_id);
    view! {
        <li class="queue-item" data-kind=item.kind.as_str() data-object=item.object_id.to_string()>
            <p class="queue-item__head">
                <span class="pill">{item.kind.label()}</span>
                " " {title}
                {item.hidden.then(|| view! { " " <span class="pill pill--warn">"Hidden"</span> })}
                {item.author_suspended.then(|| view! { " " <span class="pill pill--danger">"Author suspended"</span> })}
                {item.awaiting_approval.then(|| view! { " " <span class="pill">"Awaiting approval"</span> })}
            </p>
            <p class="muted">
                {(!item.author.is_empty()).then(|| format!("by @{} · ", item.author))}
                {format!("since {}", format::date(item.since))}
            </p>
            {(!item.reports.is_empty()).then(|| view! {
                <ul class="queue-item__reports" aria-label=format!("Reports on {label}")>
                    {item.reports.iter().map(|r| view! {
                        <li>
                            <strong>{r.reason.label()}</strong>
                            {format!(" — @{}, {}", r.reporter, format::date(r.created_at))}
                            {(r.status != ReportStatus::Open).then(|| format!(" ({})", r.status.label().to_lowercase()))}
                            {(!r.detail.is_empty()).then(|| view! { <q class="queue-item__detail">{r.detail.clone()}</q> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {item.awaiting_approval.then(|| view! {
                <p><a href=if item.kind == ObjectKind::Gig { "/admin#review-gigs" } else { "/admin#review-profiles" }>"Approve or reject it in the console"</a></p>
            })}
            <ActionForm action=moderate attr:class="queue-item__actions" attr:aria-label=format!("Act on {label}")>
                <input type="hidden" name="kind" value=item.kind.as_str()/>
                <input type="hidden" name="object_id" value=item.object_id/>
                <label for=format!("{form_id}-reason")>"Reason (kept in the audit log)"</label>
                <input id=format!("{form_id}-reason") name="reason" required minlength="3" maxlength="500"/>
                <label for=format!("{form_id}-length")>"Suspension length"</label>
                <select id=format!("{form_id}-length") name="length">
                    {SUSPENSION_CHOICES.into_iter().map(|(value, days)| view! {
                        <option value=value>{match days { Some(d) => format!("{d} days"), None => "Permanently".into() }}</option>
                    }).collect_view()}
                </select>
                <div class="button-row">
                    {actions.into_iter().map(|a| {
                        let class = match a {
                            ModAction::Hide | ModAction::Suspend => "button button--small button--danger",
                            _ => "button button--small",
                        };
                        view! { <button type="submit" name="action" value=a.as_str() class=class>{a.label()}</button> }
                    }).collect_view()}
                </div>
            </ActionForm>
        </li>
    }
}
