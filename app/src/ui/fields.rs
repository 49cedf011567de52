//! Form controls beyond plain text inputs: text areas, selects, the role
//! checklist, the skills box with suggestions and language rows.

use crate::market::Proficiency;
use crate::market::countries::countries;
use crate::market::languages::LANGUAGES;
use crate::market::money::CURRENCIES;
use crate::market::taxonomy::{CATEGORIES, roles_in};
use crate::profiles::api::suggest_skills;
use leptos::prelude::*;

/// A field's error paragraph.
#[component]
pub fn FieldError(
    /// The field name the error belongs to.
    name: String,
    /// The message.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        error.get().map(|m| view! { <p class="field__error" id=format!("{name}-error") data-field=name.clone()>{m}</p> })
    }
}

/// A field's error paragraph when the error comes from a page resource
/// (a filter form checked by the query it filters). It is read inside a
/// `Transition`, so the server renders it only once the resource is ready,
/// as the browser will: read in a view that a `Suspend` renders after
/// awaiting something else, it would make hydration panic.
#[component]
pub fn LoadedFieldError(
    /// The field name the error belongs to.
    name: String,
    /// The message, derived from the resource.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            <FieldError name=name.clone() error/>
        </Transition>
    }
}

/// A labelled multi-line text input.
#[component]
pub fn TextArea(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Submitted name (also the id).
    #[prop(into)]
    name: String,
    /// Initial text.
    #[prop(optional, into)]
    value: Signal<Option<String>>,
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The field's error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Visible rows.
    #[prop(default = 5)]
    rows: u32,
) -> impl IntoView {
    let id = crate::ui::form::field_id(&name);
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field__hint">{h}</p> })}
            <textarea id=id name=name.clone() rows=rows
                aria-invalid=move || error.get().is_some().then_some("true")>
                {move || value.get().unwrap_or_default()}
            </textarea>
            <FieldError name=name error=error/>
        </div>
    }
}

/// A labelled drop-down list.
#[component]
pub fn Select(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Submitted name (also the id).
    #[prop(into)]
    name: String,
    /// (value, label) pairs; an empty value makes a placeholder option.
    options: Vec<(String, String)>,
    /// The selected value.
    #[prop(optional, into)]
    selected: Signal<Option<String>>,
    /// The field's error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = crate::ui::form::field_id(&name);
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name.clone() aria-invalid=move || error.get().is_some().then_some("true")>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = {
                            let value = value.clone();
                            move || selected.get().as_deref() == Some(value.as_str())
                        };
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldError name=name error=error/>
        </div>
    }
}

/// Options for a country list, with a placeholder first.
pub fn country_options(placeholder: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), placeholder.to_string()))
        .chain(
            countries()
                .iter()
                .map(|(code, name)| (code.clone(), name.clone())),
        )
        .collect()
}

/// Options for a role filter: "Any role", then the taxonomy grouped by
/// category, with `selected` chosen.
pub fn role_filter_options(selected: &str) -> impl IntoView + use<> {
    let selected = selected.to_string();
    view! {
        <option value="">"Any role"</option>
        {CATEGORIES.iter().map(|(cat, label)| view! {
            <optgroup label=*label>
                {roles_in(cat).map(|r| view! { <option value=r.id.clone() selected=r.id == selected>{r.name.clone()}</option> }).collect_view()}
            </optgroup>
        }).collect_view()}
    }
}

/// Options for a currency filter (USD when none is chosen), with `selected`
/// chosen.
pub fn currency_filter_options(selected: &str) -> impl IntoView + use<> {
    let selected = selected.to_string();
    view! {
        <option value="">"USD (default)"</option>
        {CURRENCIES.iter().map(|c| view! { <option value=*c selected=selected == *c>{*c}</option> }).collect_view()}
    }
}

/// Options for a country filter ("Anywhere" first), with `selected` chosen.
pub fn country_filter_options(selected: &str) -> impl IntoView + use<> {
    country_options("Anywhere")
        .into_iter()
        .map(|(code, name)| {
            let is = code == selected;
            view! { <option value=code selected=is>{name}</option> }
        })
        .collect_view()
}

/// The role taxonomy as checkboxes grouped by category (`roles[]`).
#[component]
pub fn RoleChecklist(
    /// Role ids ticked initially.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// The field's error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// The legend.
    #[prop(into)]
    legend: String,
    /// The submitted name of each checkbox.
    #[prop(default = "roles[]")]
    name: &'static str,
) -> impl IntoView {
    view! {
        <fieldset class="field role-checklist" class:has-error=move || error.get().is_some()>
            <legend>{legend}</legend>
            <FieldError name="roles".to_string() error=error/>
            {CATEGORIES
                .iter()
                .map(|(category, category_label)| {
                    view! {
                        <div class="role-checklist__group">
                            <p class="role-checklist__category">{*category_label}</p>
                            <div class="role-checklist__roles">
                                {roles_in(category)
                                    .map(|role| {
                                        let id = role.id.clone();
                                        let checked = move || selected.get().contains(&id);
                                        let id2 = role.id.clone();
                                        let live = move || selected.get().contains(&id2);
                                        view! {
                                            <label class="chip-check" title=role.covers.clone()>
                                                <input type="checkbox" name=name value=role.id.clone() checked=checked prop:checked=live/>
                                                <span>{role.name.clone()}</span>
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A comma-separated skills box; with JavaScript it suggests skills already
/// used on Guild for the word being typed. Suggestions are fetched in the
/// browser as the user types (no resource: nothing runs on the server, and
/// a late answer for an older word is dropped).
#[component]
pub fn SkillsInput(
    /// Submitted name.
    #[prop(into)]
    name: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Initial value.
    #[prop(optional, into)]
    value: Signal<Option<String>>,
    /// The field's error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = crate::ui::form::field_id(&name);
    let input = NodeRef::<leptos::html::Input>::new();
    let shown = RwSignal::new(Vec::<String>::new());
    let asked = StoredValue::new(0_u64);
    let ask = move |word: String| {
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if word.chars().count() < 2 {
            shown.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let list = suggest_skills(word).await.unwrap_or_default();
            if asked.get_value() == n {
                shown.set(list);
            }
        });
    };
    let on_input = move |_| {
        if let Some(el) = input.get() {
            let value = el.value();
            let last = value
                .rsplit(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            ask(last);
        }
    };
    let pick = move |skill: String| {
        if let Some(el) = input.get() {
            let value = el.value();
            let mut parts: Vec<String> = value
                .split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            parts.pop();
            parts.push(skill);
            el.set_value(&format!("{}, ", parts.join(", ")));
            ask(String::new());
            let _ = el.focus();
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <p class="field__hint">"Separate skills with commas, e.g. React, Figma, Copywriting."</p>
            <input id=id type="text" name=name.clone() node_ref=input autocomplete="off"
                value=move || value.get() prop:value=move || value.get().unwrap_or_default() on:input=on_input
                aria-invalid=move || error.get().is_some().then_some("true")/>
            {move || {
                    let list = shown.get();
                    (!list.is_empty()).then(|| view! {
                        <div class="suggestions" role="listbox" aria-label="Suggested skills">
                            {list.into_iter().map(|skill| {
                                let chosen = skill.clone();
                                view! {
                                    <button type="button" class="chip" role="option" on:click=move |_| pick(chosen.clone())>
                                        {skill}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    })
                }}
            <FieldError name=name error=error/>
        </div>
    }
}

/// Rows of language + proficiency (`languages[i][language]`, `languages[i][proficiency]`).
#[component]
pub fn LanguageRows(
    /// Initial rows as (language, proficiency).
    rows: Vec<(String, String)>,
    /// Error lookup by field name.
    error: Callback<String, Option<String>>,
) -> impl IntoView {
    let language_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Choose a language".to_string()))
            .chain(LANGUAGES.iter().map(|l| (l.to_string(), l.to_string())))
            .collect();
    let proficiency_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Proficiency".to_string()))
            .chain(
                Proficiency::ALL
                    .iter()
                    .map(|p| (p.as_str().to_string(), p.label().to_string())),
            )
            .collect();
    view! {
        <div class="rows">
            {move || error.run("languages".into()).map(|m| view! { <p class="field__error" data-field="languages">{m}</p> })}
            {rows
                .into_iter()
                .enumerate()
                .map(|(i, (language, proficiency))| {
                    let lang_name = format!("languages[{i}][language]");
                    let prof_name = format!("languages[{i}][proficiency]");
                    let lang_error = { let n = lang_name.clone(); Signal::derive(move || error.run(n.clone())) };
                    let prof_error = { let n = prof_name.clone(); Signal::derive(move || error.run(n.clone())) };
                    view! {
                        <div class="rows__row rows__row--pair">
                            <Select label=format!("Language {}", i + 1) name=lang_name options=language_options.clone()
                                selected=Signal::derive(move || Some(language.clone())) error=lang_error/>
                            <Select label="Proficiency" name=prof_name options=proficiency_options.clone()
                                selected=Signal::derive(move || Some(proficiency.clone())) error=prof_error/>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
