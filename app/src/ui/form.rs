//! Form controls with labels, hints and inline errors wired for screen readers.

use crate::error::AppError;
use leptos::prelude::*;

/// The error of the last run of `action`, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
    })
}

/// The element id of the form field named `name` (brackets become dashes,
/// so `gig[title]` is `field-gig-title-`).
pub fn field_id(name: &str) -> String {
    format!("field-{}", name.replace(['[', ']'], "-"))
}

/// A labelled text input with an optional hint and an inline error.
#[component]
pub fn TextField(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The submitted name, also the element id.
    #[prop(into)]
    name: String,
    /// The input type.
    #[prop(default = "text")]
    kind: &'static str,
    /// The browser's autofill hint.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The value to show (e.g. echoed back after an error).
    #[prop(optional, into)]
    value: Signal<Option<String>>,
    /// The field's error message.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Marks the field as required.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let id = field_id(&name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id.clone()
                name=name.clone()
                type=kind
                autocomplete=autocomplete
                required=required
                value=move || value.get()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {move || error.get().map(|m| view! {
                <p class="field__error" id=error_id.clone() data-field=name.clone()>{m}</p>
            })}
        </div>
    }
}

/// A labelled checkbox submitting `on` when ticked.
#[component]
pub fn CheckboxField(
    /// The submitted name.
    name: &'static str,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Whether it starts ticked.
    #[prop(into)]
    checked: Signal<bool>,
) -> impl IntoView {
    view! {
        <label class="checkbox">
            <input type="checkbox" name=name checked=move || checked.get()/>
            <span>{label}</span>
        </label>
    }
}

/// The summary above a form when the last submission failed.
#[component]
pub fn FormAlert(
    /// The failure, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <div class="alert alert--error" role="alert" data-test="form-error">{e.summary()}</div> }
        })
    }
}

/// The error message for `name` from the last failed submission.
pub fn field_error(
    error: Signal<Option<AppError>>,
    name: impl Into<String>,
) -> Signal<Option<String>> {
    let name = name.into();
    Signal::derive(move || error.get().and_then(|e| e.field(&name)))
}

/// The value to show in `name`: what was just submitted (after an error),
/// otherwise `current`.
pub fn field_value(
    error: Signal<Option<AppError>>,
    name: impl Into<String>,
    current: impl Into<String>,
) -> Signal<Option<String>> {
    let name = name.into();
    let current = current.into();
    Signal::derive(move || {
        Some(
            error
                .get()
                .and_then(|e| e.value(&name))
                .unwrap_or_else(|| current.clone()),
        )
    })
}

/// Bumps `counter` (a page's refetch key) whenever `action` succeeds, so
/// the page shows what the action changed.
pub fn refetch_on_success<S>(action: ServerAction<S>, counter: RwSignal<u64>)
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            counter.update(|v| *v += 1);
        }
    });
}
