//! `/admin/ledger`: the platform ledger with filters in the address (a GET
//! form, so it works without JavaScript), totals and a CSV download.

use super::api::{LedgerPage as Ledger, platform_ledger};
use super::filter::LedgerQuery;
use crate::accounts::model::Role;
use crate::admin::pages::RoleGate;
use crate::error::AppError;
use crate::market::money::group_thousands;
use crate::ui::fields::LoadedFieldError;
use crate::ui::format;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Cents as "1,234.05" (a ledger always shows the cents).
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// Super admins see the ledger; other people are told they lack access.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.get();
        LedgerQuery {
            month: p.get("month"),
            currency: p.get("currency"),
            contract: p.get("contract"),
            person: p.get("person"),
        }
    });
    let ledger = Resource::new(
        move || query.get(),
        |q| platform_ledger(q.month, q.currency, q.contract, q.person),
    );
    view! {
        <Title text="Ledger · Guild"/>
        <RoleGate role=Role::SuperAdmin path="/admin/ledger" page=move |_| view! {
            <section class="admin">
                <h1>"Platform ledger"</h1>
                <LedgerFilters query ledger/>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || ledger.get().map(|page| match page {
                        Ok(page) => view! { <LedgerTable page csv=query.get().to_query_string()/> }.into_any(),
                        Err(AppError::Invalid(_)) => view! {
                            <p class="muted">"Fix the filters above."</p>
                        }.into_any(),
                        Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
                    })}
                </Transition>
            </section>
        }.into_any()/>
    }
}

#[component]
fn LedgerFilters(
    query: Memo<LedgerQuery>,
    ledger: Resource<Result<Ledger, AppError>>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        ledger
            .get()
            .and_then(|r| r.err())
            .and_then(|e| matches!(e, AppError::Invalid(_)).then_some(e))
    });
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let value = move |pick: fn(&LedgerQuery) -> Option<String>| {
        move || pick(&query.get()).unwrap_or_default()
    };
    view! {
        <form method="get" action="/admin/ledger" class="filters" aria-label="Ledger filters">
            <label>"Month" <input type="month" name="month" prop:value=value(|q| q.month.clone())/></label>
            <LoadedFieldError name="month".to_string() error=field("month")/>
            <label>"Currency" <input name="currency" size="4" placeholder="USD" prop:value=value(|q| q.currency.clone())/></label>
            <LoadedFieldError name="currency".to_string() error=field("currency")/>
            <label>"Contract" <input name="contract" size="6" inputmode="numeric" prop:value=value(|q| q.contract.clone())/></label>
            <LoadedFieldError name="contract".to_string() error=field("contract")/>
            <label>"Person" <input name="person" placeholder="username" prop:value=value(|q| q.person.clone())/></label>
            <LoadedFieldError name="person".to_string() error=field("person")/>
            <button type="submit" class="btn">"Filter"</button>
        </form>
    }
}

#[component]
fn LedgerTable(page: Ledger, csv: String) -> impl IntoView {
    let href = if csv.is_empty() {
        "/admin/ledger.csv".to_string()
    } else {
        format!("/admin/ledger.csv?{csv}")
    };
    let shown = page.rows.len();
    let totals = page
        .totals
        .iter()
        .map(|t| {
            let noun = if t.entries == 1 { "entry" } else { "entries" };
            format!(
                "{} {} ({} {noun})",
                t.currency,
                money(t.amount_cents),
                t.entries
            )
        })
        .collect::<Vec<_>>();
    view! {
        <p class="ledger__totals" data-test="ledger-totals">
            <strong>"Totals: "</strong>
            {if totals.is_empty() { "no entries".to_string() } else { totals.join(" · ") }}
        </p>
        <p><a href=href class="btn btn--secondary" download="guild-ledger.csv">"Download CSV"</a></p>
        <table class="ledger">
            <caption>{format!("Newest {shown} entries")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Contract"</th>
                    <th scope="col">"Client"</th>
                    <th scope="col">"Freelancer"</th>
                    <th scope="col" class="num">"Amount"</th>
                </tr>
            </thead>
            <tbody>
                {page.rows.into_iter().map(|r| view! {
                    <tr>
                        <td>{format::date(r.created_at)}</td>
                        <td><a href=format!("/contracts/{}", r.contract_id)>{format!("#{} {}", r.contract_id, r.contract_title)}</a></td>
                        <td>{r.client}</td>
                        <td>{r.freelancer}</td>
                        <td class="num">{format!("{} {}", money(r.amount_cents), r.currency)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_is_grouped_with_two_decimals() {
        assert_eq!(money(0), "0.00");
        assert_eq!(money(123_405), "1,234.05");
        assert_eq!(money(100_000_000), "1,000,000.00");
        assert_eq!(money(-250), "-2.50");
    }
}
