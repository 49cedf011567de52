//! `/gigs`: browse and search open gigs and learning requests.

use super::card::GigCard;
use crate::accounts::components::use_auth;
use crate::gigs::api::{BookmarkGig, search_gigs};
use crate::gigs::model::GigFilters;
use crate::market::GigSort;
use crate::ui::fields::{country_filter_options, currency_filter_options, role_filter_options};
use crate::ui::widgets::{Empty, ErrorNote, Pagination};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// Reads the board filters from the address bar.
fn filters_from_query(q: &leptos_router::params::ParamsMap) -> GigFilters {
    let get = |k: &str| q.get(k).unwrap_or_default();
    GigFilters {
        q: get("q"),
        kind: get("kind"),
        role: get("role"),
        skills: get("skills"),
        min_budget: get("min_budget"),
        max_budget: get("max_budget"),
        currency: get("currency"),
        posted_within: get("posted_within"),
        remote: get("remote"),
        country: get("country"),
        sort: get("sort"),
        page: get("page"),
    }
}

/// The gig board.
#[component]
pub fn GigBoardPage() -> impl IntoView {
    let query = use_query_map();
    let auth = use_auth();
    let bookmark = ServerAction::<BookmarkGig>::new();
    let filters = Memo::new(move |_| filters_from_query(&query.read()));
    let results = Resource::new(
        move || (filters.get(), bookmark.version().get()),
        |(f, _)| search_gigs(f),
    );
    view! {
        <Title text="Find work · Guild"/>
        <h1>"Gigs and learning requests"</h1>
        <div class="search-layout">
            <BoardFilters filters=filters.get_untracked()/>
            <section class="search-results" aria-live="polite">
                <Transition fallback=|| view! { <p class="muted">"Searching…"</p> }>
                    {move || Suspend::new(async move {
                        let signed_in = matches!(auth.user.await, Ok(Some(_)));
                        match results.await {
                            Ok(page) if page.items.is_empty() => view! {
                                <Empty title="No gigs match these filters">"Try fewer filters or a broader search."</Empty>
                            }.into_any(),
                            Ok(page) => {
                                let pages = page.pages();
                                let current = filters.get_untracked();
                                let query_pairs: Vec<(String, String)> = query.read_untracked().clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                                view! {
                                    <p class="muted" data-test="result-count">{page.total} " open gigs"</p>
                                    <div class="card-list">
                                        {page.items.into_iter().map(|gig| view! {
                                            <GigCard gig bookmark=signed_in.then_some(bookmark)/>
                                        }).collect_view()}
                                    </div>
                                    <Pagination path="/gigs" query=query_pairs page=current.page() pages/>
                                }.into_any()
                            }
                            Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

#[component]
fn BoardFilters(filters: GigFilters) -> impl IntoView {
    let selected = |a: &str, b: &str| a == b;
    view! {
        <Form method="GET" action="/gigs" attr:class="filters">
            <div class="field">
                <label for="gig-q">"Search"</label>
                <input id="gig-q" type="search" name="q" value=filters.q.clone() placeholder="e.g. shopify, algebra, logo"/>
            </div>
            <div class="field">
                <label for="gig-kind">"Type"</label>
                <select id="gig-kind" name="kind">
                    <option value="" selected=filters.kind.is_empty()>"Projects and lessons"</option>
                    <option value="project" selected=selected(&filters.kind, "project")>"Projects"</option>
                    <option value="lesson" selected=selected(&filters.kind, "lesson")>"Learning requests"</option>
                </select>
            </div>
            <div class="field">
                <label for="gig-role">"Role"</label>
                <select id="gig-role" name="role">
                    {role_filter_options(&filters.role)}
                </select>
            </div>
            <div class="field">
                <label for="gig-skills">"Skills"</label>
                <input id="gig-skills" type="text" name="skills" value=filters.skills.clone() placeholder="comma-separated"/>
            </div>
            <div class="form__row">
                <div class="field">
                    <label for="gig-min">"Budget from"</label>
                    <input id="gig-min" type="number" min="0" name="min_budget" value=filters.min_budget.clone()/>
                </div>
                <div class="field">
                    <label for="gig-max">"to"</label>
                    <input id="gig-max" type="number" min="0" name="max_budget" value=filters.max_budget.clone()/>
                </div>
            </div>
            <div class="field">
                <label for="gig-currency">"Currency"</label>
                <select id="gig-currency" name="currency">
                    {currency_filter_options(&filters.currency)}
                </select>
            </div>
            <div class="field">
                <label for="gig-since">"Posted"</label>
                <select id="gig-since" name="posted_within">
                    <option value="" selected=filters.posted_within.is_empty()>"Any time"</option>
                    {[("1", "Last 24 hours"), ("7", "Last 7 days"), ("30", "Last 30 days")].into_iter().map(|(v, l)| view! {
                        <option value=v selected=filters.posted_within == v>{l}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="gig-country">"Location"</label>
                <select id="gig-country" name="country">
                    {country_filter_options(&filters.country)}
                </select>
            </div>
            <label class="checkbox"><input type="checkbox" name="remote" value="on" checked=!filters.remote.is_empty()/>"Remote only"</label>
            <div class="field">
                <label for="gig-sort">"Sort by"</label>
                <select id="gig-sort" name="sort">
                    {GigSort::ALL.iter().map(|s| view! { <option value=s.as_str() selected=filters.sort() == *s>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--primary">"Apply filters"</button>
        </Form>
    }
}
