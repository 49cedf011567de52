//! Proposal UI: the proposal fields, a proposal card, the accept form with
//! milestones, and `/proposals` (a freelancer's proposals).

use super::api::{AcceptProposal, my_proposals};
use super::model::{ProposalView, suggested_milestones};
use crate::accounts::components::use_auth;
use crate::error::AppError;
use crate::market::money::amount_input;
use crate::market::{GigKind, PriceType, ProposalStatus};
use crate::ui::avatar::Avatar;
use crate::ui::fields::{Select, TextArea};
use crate::ui::form::{FormAlert, TextField, action_error, field_error, field_value};
use crate::ui::format;
use crate::ui::widgets::{Empty, ErrorNote, Stars};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};

/// The fields of a proposal (`proposal[...]`), prefilled from `initial`.
#[component]
pub fn ProposalFields(
    kind: GigKind,
    error: Signal<Option<AppError>>,
    initial: Option<ProposalView>,
) -> impl IntoView {
    let amount = initial
        .as_ref()
        .map(|p| amount_input(p.amount_cents))
        .unwrap_or_default();
    let letter = initial
        .as_ref()
        .map(|p| p.cover_letter.clone())
        .unwrap_or_default();
    let days = initial
        .as_ref()
        .map(|p| p.duration_days.to_string())
        .unwrap_or_default();
    let sessions = initial
        .as_ref()
        .and_then(|p| p.sessions)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let price_type = initial
        .as_ref()
        .map(|p| p.price_type.as_str().to_string())
        .unwrap_or_else(|| "fixed".into());
    view! {
        <TextArea label="Cover letter" name="proposal[cover_letter]" rows=6
            hint="How you would approach it, similar work you've done, questions you have."
            value=field_value(error, "cover_letter", letter) error=field_error(error, "cover_letter")/>
        {match kind {
            GigKind::Lesson => view! {
                <input type="hidden" name="proposal[price_type]" value="per_session"/>
                <div class="form__row">
                    <TextField label="Price per session" name="proposal[amount]" value=field_value(error, "amount", amount) error=field_error(error, "amount")/>
                    <TextField label="Number of sessions" name="proposal[sessions]" kind="number" value=field_value(error, "sessions", sessions) error=field_error(error, "sessions")/>
                </div>
            }.into_any(),
            GigKind::Project => view! {
                <div class="form__row">
                    <Select label="Pricing" name="proposal[price_type]"
                        options=vec![("fixed".into(), "Fixed price".into()), ("hourly".into(), "Hourly rate".into())]
                        selected=field_value(error, "price_type", price_type) error=field_error(error, "price_type")/>
                    <TextField label="Price (total, or per hour)" name="proposal[amount]" value=field_value(error, "amount", amount) error=field_error(error, "amount")/>
                </div>
            }.into_any(),
        }}
        <TextField label="Estimated duration (days)" name="proposal[duration_days]" kind="number"
            value=field_value(error, "duration_days", days) error=field_error(error, "duration_days")/>
    }
}

/// A proposal as a card.
#[component]
pub fn ProposalCard(proposal: ProposalView, show_author: bool) -> impl IntoView {
    let tone = match proposal.status {
        ProposalStatus::Accepted => "pill pill--ok",
        ProposalStatus::Shortlisted => "pill pill--accent",
        ProposalStatus::Rejected | ProposalStatus::Withdrawn => "pill pill--muted",
        ProposalStatus::Pending => "pill",
    };
    let total = proposal
        .total_cents()
        .filter(|_| proposal.price_type == PriceType::PerSession)
        .map(|t| {
            format!(
                " = {}",
                crate::market::money::format_money(t, &proposal.currency)
            )
        });
    view! {
        <article class="proposal-card" data-proposal=proposal.id data-status=proposal.status.as_str()>
            {show_author.then(|| {
                let name = proposal.freelancer_name.clone();
                view! {
                <div class="proposal-card__author">
                    <Avatar name=proposal.freelancer_name.clone() seed=proposal.freelancer_username.clone() size=48/>
                    <div>
                        <strong><A href=format!("/talent/{}", proposal.freelancer_username)>{name}</A></strong>
                        <p class="muted">{proposal.freelancer_tagline.clone()}</p>
                        <Stars rating=proposal.freelancer_rating count=proposal.freelancer_reviews/>
                    </div>
                </div>
            }})}
            {(!show_author).then(|| {
                let title = proposal.gig_title.clone();
                view! { <p><A href=format!("/gigs/{}", proposal.gig_id)>{title}</A></p> }
            })}
            <p class="proposal-card__terms">
                <span class=tone data-test="proposal-status">{proposal.status.label()}</span>
                <strong>{proposal.price()}{total}</strong>
                <span class="muted">{proposal.duration_days} " days"</span>
                <span class="muted">"sent " {format::date(proposal.created_at)}</span>
            </p>
            <p class="prose">{proposal.cover_letter.clone()}</p>
            {(!proposal.rejection_reason.is_empty()).then(|| view! { <p class="muted">"Reason: " {proposal.rejection_reason.clone()}</p> })}
        </article>
    }
}

/// Accepting a proposal: milestones with amounts and due dates.
#[component]
pub fn AcceptForm(proposal: ProposalView, action: ServerAction<AcceptProposal>) -> impl IntoView {
    let error = action_error(action);
    let rows = {
        let mut rows = suggested_milestones(&proposal);
        let target = (rows.len() + 2).clamp(3, crate::proposals::model::MAX_MILESTONE_ROWS);
        rows.resize_with(target, Default::default);
        rows
    };
    view! {
        <ActionForm action=action attr:class="form accept-form">
            <input type="hidden" name="id" value=proposal.id/>
            <p class="muted">"Milestones are paid (recorded as earned) when you approve the delivered work. Leave rows empty to skip them."</p>
            <FormAlert error=error/>
            {move || field_error(error, "milestones").get().map(|m| view! { <p class="field__error" data-field="milestones">{m}</p> })}
            {rows.into_iter().enumerate().map(|(i, row)| {
                let name = move |f: &str| format!("milestones[{i}][{f}]");
                view! {
                    <fieldset class="rows__row rows__row--triple">
                        <legend>"Milestone " {i + 1}</legend>
                        <TextField label="What is delivered" name=name("title") value=field_value(error, name("title"), row.title.clone()) error=field_error(error, name("title"))/>
                        <TextField label="Amount" name=name("amount") value=field_value(error, name("amount"), row.amount.clone()) error=field_error(error, name("amount"))/>
                        <TextField label="Due date" name=name("due_date") kind="date" value=field_value(error, name("due_date"), row.due_date.clone()) error=field_error(error, name("due_date"))/>
                    </fieldset>
                }
            }).collect_view()}
            <button type="submit" class="button button--primary" data-test="confirm-accept">"Accept and start the contract"</button>
        </ActionForm>
    }
}

/// `/proposals`: the freelancer's proposals and their states.
#[component]
pub fn MyProposalsPage() -> impl IntoView {
    let auth = use_auth();
    let proposals = Resource::new(|| (), |_| my_proposals());
    view! {
        <Title text="Your proposals · Guild"/>
        <h1>"Your proposals"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/proposals"/> }.into_any();
                }
                match proposals.await {
                    Ok(list) if list.is_empty() => view! { <Empty title="No proposals yet">"Find gigs on the " <A href="/gigs">"gig board"</A> "."</Empty> }.into_any(),
                    Ok(list) => view! { <div class="card-list">{list.into_iter().map(|p| view! { <ProposalCard proposal=p show_author=false/> }).collect_view()}</div> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
