//! `/gigs/new` and `/gigs/:id/edit`: posting and editing a gig or learning request.

use crate::accounts::components::use_auth;
use crate::gigs::api::{SaveGig, gig_form};
use crate::gigs::model::GigInput;
use crate::market::money::CURRENCIES;
use crate::market::{Level, Visibility};
use crate::ui::fields::{RoleChecklist, Select, SkillsInput, TextArea, country_options};
use crate::ui::form::{FormAlert, TextField, action_error, field_error, field_id, field_value};
use crate::ui::widgets::ErrorNote;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Posting a new gig; `?kind=lesson` starts a learning request.
#[component]
pub fn NewGigPage() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    view! {
        <Title text="Post a gig · Guild"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(_)) => {
                        let kind = query.read_untracked().get("kind").filter(|k| k == "lesson").unwrap_or_else(|| "project".into());
                        let input = GigInput {
                            kind,
                            currency: "USD".into(),
                            visibility: "public".into(),
                            remote: "on".into(),
                            budget_type: "fixed".into(),
                            ..Default::default()
                        };
                        view! { <GigForm id=None input/> }.into_any()
                    }
                    _ => view! { <Redirect path="/login?next=/gigs/new"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Editing an existing gig (its owner, before work starts).
#[component]
pub fn EditGigPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let form = Resource::new(id, gig_form);
    view! {
        <Title text="Edit gig · Guild"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(input) => view! { <GigForm id=Some(id()) input/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GigForm(id: Option<i32>, input: GigInput) -> impl IntoView {
    let action = ServerAction::<SaveGig>::new();
    let error = action_error(action);
    let v = move |name: &'static str, current: &str| field_value(error, name, current.to_string());
    let e = move |name: &'static str| field_error(error, name);
    let roles = input.roles.clone();
    let suggested: RwSignal<Option<(Vec<String>, Vec<String>)>> = RwSignal::new(None);
    let chosen_roles = Signal::derive(move || {
        if let Some((roles, _)) = suggested.get() {
            return roles;
        }
        error
            .get()
            .and_then(|e| e.value("roles"))
            .map(|r| {
                r.split(',')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_else(|| roles.clone())
    });
    let skills_initial = v("skills", &input.skills);
    let skills_value = Signal::derive(move || match suggested.get() {
        Some((_, skills)) if !skills.is_empty() => Some(skills.join(", ")),
        _ => skills_initial.get(),
    });
    let kind = RwSignal::new(input.kind.clone());
    let is_lesson = move || kind.get() == "lesson";
    let currencies: Vec<(String, String)> = CURRENCIES
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let levels: Vec<(String, String)> = std::iter::once((String::new(), "Choose".to_string()))
        .chain(
            Level::ALL
                .iter()
                .map(|l| (l.as_str().to_string(), l.label().to_string())),
        )
        .collect();
    let visibility: Vec<(String, String)> = Visibility::ALL
        .iter()
        .map(|v| {
            (
                v.as_str().to_string(),
                match v {
                    Visibility::Public => "Public — listed on the gig board",
                    Visibility::InviteOnly => "Invite only — not listed",
                }
                .to_string(),
            )
        })
        .collect();
    let title = if id.is_some() {
        "Edit your gig"
    } else {
        "Post a gig or learning request"
    };
    view! {
        <section class="auth-card auth-card--wide">
            <h1>{title}</h1>
            {id.is_some().then(|| view! {
                <p class="muted" data-test="review-note">"If this gig is open, changing its title, description, subject, goals, city or skills sends it back to an admin for review; it leaves the gig board until the change is approved. Budget, deadline and visibility change at once."</p>
            })}
            <FormAlert error=error/>
            <ActionForm action=action attr:class="form">
                {id.map(|id| view! { <input type="hidden" name="id" value=id/> })}
                <fieldset class="field">
                    <legend>"What is it?"</legend>
                    <label class="checkbox"><input type="radio" name="gig[kind]" value="project" checked=input.kind != "lesson"
                        on:change=move |_| kind.set("project".into())/>"A project — hire a freelancer"</label>
                    <label class="checkbox"><input type="radio" name="gig[kind]" value="lesson" checked=input.kind == "lesson"
                        on:change=move |_| kind.set("lesson".into())/>"A learning request — book a coach"</label>
                </fieldset>
                <TextField label="Title" name="gig[title]" value=v("title", &input.title) error=e("title")/>
                <TextArea label="Description" name="gig[description]" rows=7
                    hint="What you need, the result you expect, and anything a freelancer should know."
                    value=v("description", &input.description) error=e("description")/>
                <SuggestFromDescription suggested/>
                <RoleChecklist legend="Roles needed (up to 3)" name="gig[roles][]" selected=chosen_roles error=e("roles")/>
                <SkillsInput name="gig[skills]" label="Skills" value=skills_value error=e("skills")/>
                <fieldset class="field lesson-fields" class:is-hidden=move || !is_lesson()>
                    <legend>"For learning requests"</legend>
                    <TextField label="Subject" name="gig[subject]" value=v("subject", &input.subject) error=e("subject")/>
                    <div class="form__row">
                        <Select label="Your level" name="gig[level]" options=levels selected=v("level", &input.level) error=e("level")/>
                        <TextField label="Sessions wanted" name="gig[sessions_wanted]" kind="number" value=v("sessions_wanted", &input.sessions_wanted) error=e("sessions_wanted")/>
                    </div>
                    <TextArea label="Goals" name="gig[goals]" rows=3 value=v("goals", &input.goals) error=e("goals")/>
                </fieldset>
                <fieldset class="field">
                    <legend>"Budget"</legend>
                    <div class="form__row">
                        <Select label="Type (projects)" name="gig[budget_type]"
                            options=vec![("fixed".into(), "Fixed price".into()), ("hourly".into(), "Hourly range".into())]
                            selected=v("budget_type", &input.budget_type) error=e("budget_type")/>
                        <Select label="Currency" name="gig[currency]" options=currencies selected=v("currency", &input.currency) error=e("currency")/>
                    </div>
                    <div class="form__row">
                        <TextField label="Amount (or hourly minimum; per session for lessons)" name="gig[budget_min]" value=v("budget_min", &input.budget_min) error=e("budget_min")/>
                        <TextField label="Hourly maximum (optional)" name="gig[budget_max]" value=v("budget_max", &input.budget_max) error=e("budget_max")/>
                    </div>
                </fieldset>
                <TextField label="Deadline (optional)" name="gig[deadline]" kind="date" value=v("deadline", &input.deadline) error=e("deadline")/>
                <Select label="Who can see it" name="gig[visibility]" options=visibility selected=v("visibility", &input.visibility) error=e("visibility")/>
                <label class="checkbox"><input type="checkbox" name="gig[remote]" value="on" checked=!input.remote.is_empty()/>"Can be done remotely"</label>
                <div class="form__row">
                    <TextField label="City (on-site work)" name="gig[city]" value=v("city", &input.city) error=e("city")/>
                    <Select label="Country" name="gig[country]" options=country_options("Choose a country") selected=v("country", &input.country) error=e("country")/>
                </div>
                <div class="button-row">
                    <button type="submit" class="button" disabled=move || action.pending().get()>"Save draft"</button>
                    <button type="submit" name="submit" value="on" class="button button--primary" disabled=move || action.pending().get()
                        data-test="submit-gig">"Submit for approval"</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// "Suggest roles and skills" for the post-a-gig form: reads the title and
/// description, asks the role classifier, and ticks the roles and fills the
/// skills it finds (the owner can still change them).
#[component]
fn SuggestFromDescription(
    suggested: RwSignal<Option<(Vec<String>, Vec<String>)>>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let suggest = move |_| {
        let text =
            read_field(&field_id("gig[title]")) + ". " + &read_field(&field_id("gig[description]"));
        status.set("Suggesting…".into());
        leptos::task::spawn_local(async move {
            match crate::suggestions::api::suggest_roles(text).await {
                Ok(s) if s.confident() => {
                    let names = s
                        .roles
                        .iter()
                        .map(|r| r.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    status.set(format!("Suggested: {names}. Adjust them below if needed."));
                    suggested.set(Some((
                        s.roles.into_iter().take(3).map(|r| r.id).collect(),
                        s.skills,
                    )));
                }
                Ok(_) => {
                    status.set("Add a little more detail to the description and try again.".into())
                }
                Err(e) => status.set(e.summary()),
            }
        });
    };
    view! {
        <div class="suggest-fill">
            <button type="button" class="button button--small" on:click=suggest data-test="suggest-roles">
                "Suggest roles and skills from my description"
            </button>
            <span class="muted" role="status">{move || status.get()}</span>
        </div>
    }
}

/// The current value of a text field or area by element id (in the browser).
fn read_field(id: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        use web_sys::wasm_bindgen::JsCast;
        let element = leptos::prelude::document().get_element_by_id(id);
        if let Some(area) = element
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlTextAreaElement>())
        {
            return area.value();
        }
        if let Some(input) = element
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlInputElement>())
        {
            return input.value();
        }
    }
    let _ = id;
    String::new()
}
