//! `/admin/analytics`: charts over a chosen range (a GET form, so it works
//! without JavaScript), the numbers as a table, and a CSV download.

use super::api::platform_analytics;
use super::chart::{BarChart, FunnelChart};
use super::model::{Analytics, RANGES};
use crate::accounts::model::{CurrentUser, Role};
use crate::admin::pages::RoleGate;
use crate::error::AppError;
use crate::ledger::pages::money;
use crate::moderation::api::admin_counts;
use crate::moderation::pages::nav::AdminNav;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn day_label(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%-d %b").to_string())
        .unwrap_or_default()
}

/// Admins see the analytics; other people are told they lack access.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let params = use_query_map();
    let range = Memo::new(move |_| params.get().get("range"));
    let data = Resource::new(move || range.get(), platform_analytics);
    let counts = Resource::new(|| (), |_| admin_counts());
    view! {
        <Title text="Analytics · Guild"/>
        <RoleGate role=Role::Admin path="/admin/analytics" page=move |user: CurrentUser| view! {
            <AdminNav user current="/admin/analytics" counts/>
            <section class="admin analytics">
                <h1>"Analytics"</h1>
                <form method="get" action="/admin/analytics" class="filters" aria-label="Analytics range">
                    <label>"Range "
                        <select name="range">
                            {RANGES.into_iter().map(|d| view! {
                                <option value=d.to_string()
                                    selected=move || range.get().as_deref().unwrap_or("30") == d.to_string()>
                                    {format!("Last {d} days")}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" class="btn">"Show"</button>
                </form>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || data.get().map(|a| match a {
                        Ok(a) => view! { <Charts a/> }.into_any(),
                        Err(AppError::Invalid(_)) => view! { <p role="alert">"Choose 7, 30, 90 or 365 days."</p> }.into_any(),
                        Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
                    })}
                </Transition>
            </section>
        }.into_any()/>
    }
}

#[component]
fn Charts(a: Analytics) -> impl IntoView {
    let per = if a.bucket_days == 1 { "day" } else { "week" };
    let buckets = a.buckets();
    let first = day_label(a.bucket_start(0));
    let last = day_label(a.bucket_start(buckets.saturating_sub(1)));
    let csv = format!("/admin/analytics.csv?range={}", a.days);
    let share = a
        .confident_share()
        .map_or("no requests yet".to_string(), |s| {
            format!("{s:.0}% answered with a confident role")
        });
    let chart = |label: String, values: Vec<i64>, total: String| {
        let max = values.iter().copied().max().unwrap_or(0);
        let summary = format!(
            "{label}: {total} in the last {} days; at most {max} a {per}.",
            a.days
        );
        view! {
            <figure class="chart-card">
                <figcaption><strong>{label.clone()}</strong> " " <span class="muted">{total}</span></figcaption>
                <BarChart values first=first.clone() last=last.clone() summary/>
            </figure>
        }
    };
    let counted = a
        .series
        .iter()
        .map(|s| chart(s.label.clone(), s.values.clone(), s.total().to_string()))
        .collect_view();
    let money_charts = a
        .money
        .iter()
        .map(|m| {
            let total: i64 = m.values.iter().sum();
            chart(
                format!("Approved through milestones ({})", m.currency),
                m.values.iter().map(|c| c / 100).collect(),
                format!("{} {}", money(total), m.currency),
            )
        })
        .collect_view();
    let f = a.funnel;
    view! {
        <p>
            {format!("The last {} days, per {per}. Suggestions: {share}. ", a.days)}
            <a href=csv class="btn btn--secondary" download="guild-analytics.csv">"Download CSV"</a>
        </p>
        <figure class="chart-card chart-card--wide">
            <figcaption><strong>"From gig to review"</strong> " " <span class="muted">"gigs and learning requests posted in the range"</span></figcaption>
            <FunnelChart steps=vec![
                ("Posted", f.gigs),
                ("Got a proposal", f.with_proposal),
                ("Became a contract", f.with_contract),
                ("Reviewed", f.with_review),
            ]/>
        </figure>
        <div class="chart-grid">{counted}{money_charts}</div>
        <NumbersTable a/>
    }
}

#[component]
fn NumbersTable(a: Analytics) -> impl IntoView {
    let rows = (0..a.buckets())
        .map(|i| {
            let cells = a
                .series
                .iter()
                .map(|s| view! { <td class="num">{s.values[i]}</td> })
                .collect_view();
            let money_cells = a
                .money
                .iter()
                .map(|m| view! { <td class="num">{money(m.values[i])}</td> })
                .collect_view();
            view! { <tr><th scope="row">{day_label(a.bucket_start(i))}</th>{cells}{money_cells}</tr> }
        })
        .collect_view();
    view! {
        <details class="analytics__numbers">
            <summary>"The numbers as a table"</summary>
            <div class="table-scroll">
                <table class="ledger">
                    <caption>{if a.bucket_days == 1 { "Per day" } else { "Per week (first day shown)" }}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{if a.bucket_days == 1 { "Day" } else { "Week of" }}</th>
                            {a.series.iter().map(|s| view! { <th scope="col">{s.label.clone()}</th> }).collect_view()}
                            {a.money.iter().map(|m| view! { <th scope="col">{format!("Approved ({})", m.currency)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
