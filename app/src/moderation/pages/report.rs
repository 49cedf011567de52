//! The "Report" disclosure on gigs, profiles and reviews.

use crate::moderation::api::ReportContent;
use crate::moderation::model::{ObjectKind, ReportReason};
use crate::ui::form::action_error;
use crate::ui::widgets::ActionProblem;
use leptos::prelude::*;

/// A "Report" button that opens a small form: a reason from the list and
/// optional words. Works without JavaScript (the form posts and the page
/// comes back).
#[component]
pub fn ReportButton(
    /// What is reported.
    kind: ObjectKind,
    /// Its id (a profile is named by its user's id).
    object_id: i64,
) -> impl IntoView {
    let action = ServerAction::<ReportContent>::new();
    let error = action_error(action);
    let sent = move || action.value().with(|v| matches!(v, Some(Ok(()))));
    let what = kind.label().to_lowercase();
    let id = format!("report-{}-{object_id}", kind.as_str());
    view! {
        <details class="report" data-test=format!("report-{}", kind.as_str())>
            <summary class="button button--small button--quiet">"Report"</summary>
            <Show
                when=sent
                fallback=move || {
                    let (what, id) = (what.clone(), id.clone());
                    view! {
                        <ActionForm action attr:class="report__form" attr:aria-label=format!("Report this {what}")>
                            <input type="hidden" name="kind" value=kind.as_str()/>
                            <input type="hidden" name="object_id" value=object_id/>
                            <label for=format!("{id}-reason")>"Reason"</label>
                            <select id=format!("{id}-reason") name="reason" required>
                                {ReportReason::ALL.iter().map(|r| view! {
                                    <option value=r.as_str()>{r.label()}</option>
                                }).collect_view()}
                            </select>
                            <label for=format!("{id}-detail")>"Details (required for “Something else”)"</label>
                            <textarea id=format!("{id}-detail") name="detail" rows="3" maxlength="1000"></textarea>
                            <ActionProblem error/>
                            <button type="submit" class="button button--small button--danger">"Send report"</button>
                        </ActionForm>
                    }
                }
            >
                <p role="status" class="alert alert--info">"Thanks. An admin will review your report."</p>
            </Show>
        </details>
    }
}
