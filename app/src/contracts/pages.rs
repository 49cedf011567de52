//! `/contracts` and `/contracts/:id`: milestones, cancellation and reviews.

use super::api::{
    ApproveMilestone, RequestCancel, SubmitMilestone, WithdrawCancel, get_contract, my_contracts,
};
use super::model::{ContractSide, ContractSummary, ContractView};
use crate::accounts::components::use_auth;
use crate::chat::api::get_conversation;
use crate::chat::components::Thread;
use crate::market::money::format_money;
use crate::market::{ContractStatus, MilestoneStatus};
use crate::profiles::components::ReviewList;
use crate::reviews::api::SubmitReview;
use crate::ui::form::{FormAlert, action_error, field_error};
use crate::ui::format;
use crate::ui::widgets::{ActionError, Empty, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_params_map;

/// A contract in a list.
#[component]
pub fn ContractRow(contract: ContractSummary) -> impl IntoView {
    let with = if contract.side == ContractSide::Client {
        "Freelancer"
    } else {
        "Client"
    };
    let progress = if contract.amount_cents > 0 {
        (contract.paid_cents * 100 / contract.amount_cents).clamp(0, 100)
    } else {
        0
    };
    view! {
        <article class="contract-row" data-contract=contract.id>
            <div>
                <h3><A href=format!("/contracts/{}", contract.id)>{contract.title.clone()}</A></h3>
                <p class="muted">{with} ": " {contract.other_name.clone()}
                    {contract.next_milestone.clone().map(|m| format!(" · next: {m}"))}</p>
            </div>
            <div class="contract-row__money">
                <span class="pill" data-test="contract-status">{contract.status.label()}</span>
                <meter min="0" max="100" value=progress title=format!("{progress}% approved")></meter>
                <span>{format_money(contract.paid_cents, &contract.currency)} " of " {format_money(contract.amount_cents, &contract.currency)}</span>
            </div>
        </article>
    }
}

/// `/contracts`: the user's contracts on both sides.
#[component]
pub fn ContractsPage() -> impl IntoView {
    let auth = use_auth();
    let contracts = Resource::new(|| (), |_| my_contracts());
    view! {
        <Title text="Contracts · Guild"/>
        <h1>"Contracts"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                if !matches!(auth.user.await, Ok(Some(_))) {
                    return view! { <Redirect path="/login?next=/contracts"/> }.into_any();
                }
                match contracts.await {
                    Ok(list) if list.is_empty() => view! { <Empty title="No contracts yet">"A contract starts when a client accepts a proposal."</Empty> }.into_any(),
                    Ok(list) => view! { <div class="card-list">{list.into_iter().map(|c| view! { <ContractRow contract=c/> }).collect_view()}</div> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/contracts/:id`.
#[component]
pub fn ContractPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let submit = ServerAction::<SubmitMilestone>::new();
    let approve = ServerAction::<ApproveMilestone>::new();
    let cancel = ServerAction::<RequestCancel>::new();
    let keep = ServerAction::<WithdrawCancel>::new();
    let review = ServerAction::<SubmitReview>::new();
    let contract = Resource::new(
        move || {
            (
                id(),
                submit.version().get(),
                approve.version().get(),
                cancel.version().get(),
                keep.version().get(),
                review.version().get(),
            )
        },
        |(id, ..)| get_contract(id),
    );
    let actions = Actions {
        submit,
        approve,
        cancel,
        keep,
        review,
    };
    let chat_version = RwSignal::new(0_u64);
    let chat = Resource::new(
        move || (id(), chat_version.get()),
        |(id, _)| async move {
            match get_contract(id).await.ok().and_then(|c| c.conversation_id) {
                Some(conversation) => get_conversation(conversation, None).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let refetch_chat = move || chat_version.update(|v| *v += 1);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match contract.await {
                    Ok(c) => view! { <ContractDetail contract=c actions/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match chat.await {
                    Ok(Some(page)) => view! {
                        <section class="contract-chat" aria-labelledby="team-chat">
                            <h2 id="team-chat">"Team chat"</h2>
                            <p><A href=format!("/messages/{}", page.id)>"Open in Messages"</A></p>
                            <Thread page refetch=refetch_chat/>
                        </section>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// The actions of the contract page.
#[derive(Clone, Copy)]
struct Actions {
    submit: ServerAction<SubmitMilestone>,
    approve: ServerAction<ApproveMilestone>,
    cancel: ServerAction<RequestCancel>,
    keep: ServerAction<WithdrawCancel>,
    review: ServerAction<SubmitReview>,
}

#[component]
fn ContractDetail(contract: ContractView, actions: Actions) -> impl IntoView {
    let c = contract.clone();
    let active = c.status == ContractStatus::Active;
    let me = c.viewer_id;
    let cancel_state = match (c.cancel_requested_by, active) {
        (Some(by), true) if by == me => {
            Some("You asked to cancel this contract. It is cancelled when the other side agrees.")
        }
        (Some(_), true) => Some(
            "The other side asked to cancel this contract. Agree to cancel it, or carry on working.",
        ),
        _ => None,
    };
    let progress = if c.amount_cents > 0 {
        (c.paid_cents * 100 / c.amount_cents).clamp(0, 100)
    } else {
        0
    };
    view! {
        <Title text=format!("{} · Contract · Guild", c.title)/>
        <article class="contract" data-contract=c.id data-status=c.status.as_str()>
            <header>
                <p><span class="pill" data-test="contract-status">{c.status.label()}</span></p>
                <h1>{c.title.clone()}</h1>
                {c.board_id.map(|board| view! { <p><A href=format!("/boards/{board}") attr:class="button">"Board"</A></p> })}
                <p class="muted">
                    "Client: " <strong>{c.client.display_name.clone()}</strong>
                    " · Freelancer: " <A href=format!("/talent/{}", c.freelancer.username)>{c.freelancer.display_name.clone()}</A>
                    " · started " {format::date(c.created_at)}
                </p>
                <p>
                    <meter min="0" max="100" value=progress></meter>
                    " " {format_money(c.paid_cents, &c.currency)} " of " {format_money(c.amount_cents, &c.currency)} " approved"
                </p>
            </header>
            <ActionError error=action_error(actions.submit)/>
            <ActionError error=action_error(actions.approve)/>
            <h2>"Milestones"</h2>
            <ol class="milestones">
                {c.milestones.iter().map(|m| {
                    let mid = m.id;
                    let tone = match m.status { MilestoneStatus::Approved => "pill pill--ok", MilestoneStatus::Submitted => "pill pill--accent", MilestoneStatus::Pending => "pill" };
                    let can_submit = active && c.side == ContractSide::Freelancer && m.status == MilestoneStatus::Pending;
                    let can_approve = active && c.side == ContractSide::Client && m.status == MilestoneStatus::Submitted;
                    view! {
                        <li class="milestone" data-milestone=mid data-status=m.status.as_str()>
                            <div>
                                <strong>{m.title.clone()}</strong>
                                <span class="muted">{m.due_date.clone().map(|d| format!(" · due {}", format::day(&d)))}</span>
                            </div>
                            <span>{format_money(m.amount_cents, &c.currency)}</span>
                            <span class=tone>{m.status.label()}</span>
                            {can_submit.then(|| view! {
                                <ActionForm action=actions.submit><input type="hidden" name="milestone_id" value=mid/>
                                    <button type="submit" class="button button--small button--primary" data-test="submit-milestone">"Mark delivered"</button></ActionForm>
                            })}
                            {can_approve.then(|| view! {
                                <ActionForm action=actions.approve><input type="hidden" name="milestone_id" value=mid/>
                                    <button type="submit" class="button button--small button--primary" data-test="approve-milestone">"Approve and release"</button></ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(active && c.side != ContractSide::Admin).then(|| view! {
                <section class="cancel-box">
                    {cancel_state.map(|s| view! { <p class="alert alert--warn">{s}</p> })}
                    <ActionError error=action_error(actions.cancel)/>
                    <div class="button-row">
                        {(c.cancel_requested_by != Some(me)).then(|| view! {
                            <ActionForm action=actions.cancel><input type="hidden" name="contract_id" value=c.id/>
                                <button type="submit" class="button button--danger" data-test="cancel-contract">
                                    {if c.cancel_requested_by.is_some() { "Agree to cancel" } else { "Ask to cancel" }}
                                </button></ActionForm>
                        })}
                        {(c.cancel_requested_by == Some(me)).then(|| view! {
                            <ActionForm action=actions.keep><input type="hidden" name="contract_id" value=c.id/>
                                <button type="submit" class="button">"Withdraw my request"</button></ActionForm>
                        })}
                    </div>
                </section>
            })}
            <section class="profile__section">
                <h2>"Reviews"</h2>
                {c.can_review.then(|| view! { <ReviewForm contract_id=c.id action=actions.review deadline=c.review_deadline/> })}
                {(c.reviewed && c.visible_reviews.len() < 2).then(|| view! {
                    <p class="muted" data-test="review-waiting">"Thanks — your review is saved. Both reviews appear when the other side reviews too, or when the review window closes."</p>
                })}
                <ReviewList reviews=c.visible_reviews.clone()/>
            </section>
        </article>
    }
}

#[component]
fn ReviewForm(
    contract_id: i32,
    action: ServerAction<SubmitReview>,
    deadline: Option<i64>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <ActionForm action=action attr:class="form review-form">
            <input type="hidden" name="contract_id" value=contract_id/>
            <FormAlert error=error/>
            <fieldset class="field rating-input">
                <legend>"Your rating"</legend>
                {(1..=5).rev().map(|n| view! {
                    <label class="rating-input__star">
                        <input type="radio" name="rating" value=n.to_string() required=true/>
                        <span>{n} " ★"</span>
                    </label>
                }).collect_view()}
                {move || field_error(error, "rating").get().map(|m| view! { <p class="field__error" data-field="rating">{m}</p> })}
            </fieldset>
            <div class="field">
                <label for="review-body">"Your review"</label>
                <textarea id="review-body" name="body" rows="4"></textarea>
                {move || field_error(error, "body").get().map(|m| view! { <p class="field__error" data-field="body">{m}</p> })}
            </div>
            {deadline.map(|d| view! { <p class="muted">"You can review until " {format::date(d)} ". Reviews stay hidden until both sides have written one."</p> })}
            <button type="submit" class="button button--primary" data-test="submit-review">"Submit review"</button>
        </ActionForm>
    }
}
