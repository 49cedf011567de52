//! `/admin/audit`: the audit log, newest first, filtered in the address by
//! who acted, on whom, the action and the kind of object. Read only.

use super::nav::AdminNav;
use crate::accounts::model::{CurrentUser, Role};
use crate::admin::pages::RoleGate;
use crate::error::AppError;
use crate::moderation::api::{admin_counts, browse_audit_log};
use crate::moderation::model::{AuditPage, ObjectKind};
use crate::ui::fields::LoadedFieldError;
use chrono::DateTime;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// "2026-12-04 22:15 UTC".
fn when(ts: i64) -> String {
    DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

type Filter = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Admins browse the audit log; other people are told they lack access.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let params = use_query_map();
    let filter = Memo::new(move |_| {
        let p = params.get();
        (
            p.get("actor"),
            p.get("target"),
            p.get("action"),
            p.get("kind"),
        )
    });
    let log = Resource::new(
        move || filter.get(),
        |(actor, target, action, kind)| browse_audit_log(actor, target, action, kind),
    );
    let counts = Resource::new(|| (), |_| admin_counts());
    view! {
        <Title text="Audit log · Guild"/>
        <RoleGate role=Role::Admin path="/admin/audit" page=move |user: CurrentUser| view! {
            <AdminNav user current="/admin/audit" counts/>
            <section class="admin">
                <h1>"Audit log"</h1>
                <p class="muted">"Every admin action, newest first. Entries can't be changed or deleted."</p>
                <AuditFilters filter log/>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || log.get().map(|page| match page {
                        Ok(page) => view! { <AuditTable page/> }.into_any(),
                        Err(AppError::Invalid(_)) => view! { <p class="muted">"Fix the filters above."</p> }.into_any(),
                        Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
                    })}
                </Transition>
            </section>
        }.into_any()/>
    }
}

#[component]
fn AuditFilters(filter: Memo<Filter>, log: Resource<Result<AuditPage, AppError>>) -> impl IntoView {
    let error = Signal::derive(move || {
        log.get()
            .and_then(|r| r.err())
            .filter(|e| matches!(e, AppError::Invalid(_)))
    });
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let actions = move || {
        log.get()
            .and_then(Result::ok)
            .map(|p| p.actions)
            .unwrap_or_default()
    };
    view! {
        <form method="get" action="/admin/audit" class="filters" aria-label="Audit log filters">
            <label>"By " <input name="actor" placeholder="username" prop:value=move || filter.get().0.unwrap_or_default()/></label>
            <LoadedFieldError name="actor".to_string() error=field("actor")/>
            <label>"On " <input name="target" placeholder="username" prop:value=move || filter.get().1.unwrap_or_default()/></label>
            <LoadedFieldError name="target".to_string() error=field("target")/>
            <label>"Action "
                <select name="action">
                    <option value="">"All actions"</option>
                    <Transition fallback=|| ()>
                        {move || actions().into_iter().map(|a| {
                            let selected = filter.get().2.as_deref() == Some(a.as_str());
                            view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                        }).collect_view()}
                    </Transition>
                </select>
            </label>
            <label>"Object "
                <select name="kind">
                    <option value="">"Any object"</option>
                    {ObjectKind::ALL.iter().map(|k| view! {
                        <option value=k.as_str() selected=move || filter.get().3.as_deref() == Some(k.as_str())>{k.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <LoadedFieldError name="kind".to_string() error=field("kind")/>
            <button type="submit" class="btn">"Filter"</button>
        </form>
    }
}

#[component]
fn AuditTable(page: AuditPage) -> impl IntoView {
    let shown = page.rows.len();
    view! {
        <table class="ledger audit">
            <caption>{format!("Newest {shown} entries")}</caption>
            <thead>
                <tr>
                    <th scope="col">"When"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"Action"</th>
                    <th scope="col">"Account"</th>
                    <th scope="col">"Object"</th>
                    <th scope="col">"Reason"</th>
                </tr>
            </thead>
            <tbody>
                {page.rows.into_iter().map(|r| {
                    let detail = (!r.detail.is_empty()).then(|| format!(" ({})", r.detail));
                    view! {
                        <tr data-action=r.action.clone() data-id=r.id>
                            <td>{when(r.created_at)}</td>
                            <td>{r.actor.clone()}</td>
                            <td><code>{r.action.clone()}</code></td>
                            <td>{r.target.clone()}</td>
                            <td>{r.object.clone()}</td>
                            <td>{r.reason.clone()} {detail.map(|d| view! { <span class="muted">{d}</span> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
