//! `/talent` (find talent) and `/talent/saved`.

use super::api::{BookmarkTalent, saved_talent, search_talent};
use super::model::TalentFilters;
use crate::accounts::components::use_auth;
use crate::market::TalentSort;
use crate::market::languages::LANGUAGES;
use crate::market::taxonomy::role_name;
use crate::profiles::components::TalentCardView;
use crate::ui::fields::{country_filter_options, currency_filter_options, role_filter_options};
use crate::ui::widgets::{Empty, ErrorNote, Pagination};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form, Redirect};
use leptos_router::hooks::use_query_map;

fn filters_from_query(q: &leptos_router::params::ParamsMap) -> TalentFilters {
    let get = |k: &str| q.get(k).unwrap_or_default();
    TalentFilters {
        q: get("q"),
        role: get("role"),
        skills: get("skills"),
        min_rate: get("min_rate"),
        max_rate: get("max_rate"),
        currency: get("currency"),
        min_rating: get("min_rating"),
        language: get("language"),
        country: get("country"),
        city: get("city"),
        kind: get("kind"),
        sort: get("sort"),
        page: get("page"),
    }
}

/// Find talent.
#[component]
pub fn FindTalentPage() -> impl IntoView {
    let query = use_query_map();
    let auth = use_auth();
    let bookmark = ServerAction::<BookmarkTalent>::new();
    let filters = Memo::new(move |_| filters_from_query(&query.read()));
    let results = Resource::new(
        move || (filters.get(), bookmark.version().get()),
        |(f, _)| search_talent(f),
    );
    let heading = move || {
        let role = filters.get().role;
        if role.is_empty() {
            "Find talent".to_string()
        } else {
            format!("{}s", role_name(&role))
        }
    };
    view! {
        <Title text="Find talent · Guild"/>
        <h1>{heading}</h1>
        <div class="search-layout">
            <TalentFiltersForm filters=filters.get_untracked()/>
            <section class="search-results" aria-live="polite">
                <Transition fallback=|| view! { <p class="muted">"Searching…"</p> }>
                    {move || Suspend::new(async move {
                        let signed_in = matches!(auth.user.await, Ok(Some(_)));
                        match results.await {
                            Ok(page) if page.items.is_empty() => view! {
                                <Empty title="No one matches these filters yet">"Try fewer filters, or post a gig and let freelancers come to you."</Empty>
                            }.into_any(),
                            Ok(page) => {
                                let pages = page.pages();
                                let current = filters.get_untracked().page();
                                let pairs: Vec<(String, String)> = query.read_untracked().clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                                view! {
                                    <p class="muted" data-test="result-count">{page.total} " freelancers and coaches"</p>
                                    <div class="card-list">
                                        {page.items.into_iter().map(|card| view! { <TalentCardView card bookmark=signed_in.then_some(bookmark)/> }).collect_view()}
                                    </div>
                                    <Pagination path="/talent" query=pairs page=current pages/>
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
fn TalentFiltersForm(filters: TalentFilters) -> impl IntoView {
    view! {
        <Form method="GET" action="/talent" attr:class="filters">
            <div class="field">
                <label for="talent-q">"Search"</label>
                <input id="talent-q" type="search" name="q" value=filters.q.clone() placeholder="Name, skill, or what you need"/>
            </div>
            <div class="field">
                <label for="talent-kind">"Kind"</label>
                <select id="talent-kind" name="kind">
                    <option value="" selected=filters.kind.is_empty()>"Freelancers and coaches"</option>
                    <option value="freelance" selected=filters.kind == "freelance">"Freelancers"</option>
                    <option value="coaching" selected=filters.kind == "coaching">"Coaches"</option>
                </select>
            </div>
            <div class="field">
                <label for="talent-role">"Role"</label>
                <select id="talent-role" name="role">
                    {role_filter_options(&filters.role)}
                </select>
            </div>
            <div class="field">
                <label for="talent-skills">"Skills"</label>
                <input id="talent-skills" type="text" name="skills" value=filters.skills.clone() placeholder="e.g. React, Figma"/>
            </div>
            <div class="form__row">
                <div class="field">
                    <label for="talent-min">"Rate from"</label>
                    <input id="talent-min" type="number" min="0" name="min_rate" value=filters.min_rate.clone()/>
                </div>
                <div class="field">
                    <label for="talent-max">"to"</label>
                    <input id="talent-max" type="number" min="0" name="max_rate" value=filters.max_rate.clone()/>
                </div>
            </div>
            <div class="field">
                <label for="talent-currency">"Rate currency"</label>
                <select id="talent-currency" name="currency">
                    {currency_filter_options(&filters.currency)}
                </select>
            </div>
            <div class="field">
                <label for="talent-rating">"Minimum rating"</label>
                <select id="talent-rating" name="min_rating">
                    <option value="" selected=filters.min_rating.is_empty()>"Any"</option>
                    {["4.5", "4", "3"].into_iter().map(|r| view! { <option value=r selected=filters.min_rating == r>{r} "+ ★"</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="talent-language">"Language"</label>
                <select id="talent-language" name="language">
                    <option value="">"Any language"</option>
                    {LANGUAGES.iter().map(|l| view! { <option value=*l selected=filters.language == *l>{*l}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="talent-country">"Country"</label>
                <select id="talent-country" name="country">
                    {country_filter_options(&filters.country)}
                </select>
            </div>
            <div class="field">
                <label for="talent-city">"City"</label>
                <input id="talent-city" type="text" name="city" value=filters.city.clone()/>
            </div>
            <div class="field">
                <label for="talent-sort">"Sort by"</label>
                <select id="talent-sort" name="sort">
                    {TalentSort::ALL.iter().map(|s| view! { <option value=s.as_str() selected=filters.sort() == *s>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--primary" data-test="apply-filters">"Apply filters"</button>
        </Form>
    }
}

/// The saved talent page.
#[component]
pub fn SavedTalentPage() -> impl IntoView {
    let auth = use_auth();
    let bookmark = ServerAction::<BookmarkTalent>::new();
    let saved = Resource::new(move || bookmark.version().get(), |_| saved_talent());
    view! {
        <Title text="Saved talent · Guild"/>
        <h1>"Saved talent"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/talent/saved"/> }.into_any();
                }
                match saved.await {
                    Ok(list) if list.is_empty() => view! { <Empty title="No saved talent yet">"Save freelancers and coaches from " <A href="/talent">"Find talent"</A> "."</Empty> }.into_any(),
                    Ok(list) => view! { <div class="card-list">{list.into_iter().map(|card| view! { <TalentCardView card bookmark=Some(bookmark)/> }).collect_view()}</div> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}
