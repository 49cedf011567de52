//! `/gigs/:id`: a gig with, for its owner, the proposals and hiring, and for
//! freelancers, the proposal form.

use super::card::BookmarkGigButton;
use crate::error::AppError;
use crate::gigs::api::{BookmarkGig, CancelGig, CloseGig, get_gig};
use crate::gigs::model::GigDetail;
use crate::market::countries::place;
use crate::market::taxonomy::role_name;
use crate::market::{GigKind, GigStatus};
use crate::moderation::model::ObjectKind;
use crate::moderation::pages::report::ReportButton;
use crate::proposals::api::{
    AcceptProposal, RejectProposal, ShortlistProposal, SubmitProposal, UpdateProposal,
    WithdrawProposal, get_proposal, gig_proposals,
};
use crate::proposals::model::ProposalView;
use crate::proposals::pages::{AcceptForm, ProposalCard, ProposalFields};
use crate::suggestions::api::{InviteToGig, suggested_talent};
use crate::suggestions::pages::{SuggestedTalent, TalentResource};
use crate::ui::form::{FormAlert, action_error};
use crate::ui::format;
use crate::ui::widgets::{ActionError, Empty, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Everything the gig page loads and does, created at its top (before any
/// `Suspense`): the owner's proposals and suggested talent and the viewer's
/// own proposal are fetched only for whoever may see them.
#[derive(Clone, Copy)]
struct GigPage {
    proposals: Resource<Result<Vec<ProposalView>, AppError>>,
    my_proposal: Resource<Result<Option<ProposalView>, AppError>>,
    talent: TalentResource,
    shortlist: ServerAction<ShortlistProposal>,
    reject: ServerAction<RejectProposal>,
    accept: ServerAction<AcceptProposal>,
    update: ServerAction<UpdateProposal>,
    withdraw: ServerAction<WithdrawProposal>,
    invite: ServerAction<InviteToGig>,
    message: ServerAction<crate::messaging::api::StartConversation>,
}

impl GigPage {
    fn new(
        gig: Resource<Result<GigDetail, AppError>>,
        id: impl Fn() -> i32 + Copy + Send + Sync + 'static,
    ) -> Self {
        let shortlist = ServerAction::<ShortlistProposal>::new();
        let reject = ServerAction::<RejectProposal>::new();
        let accept = ServerAction::<AcceptProposal>::new();
        let update = ServerAction::<UpdateProposal>::new();
        let withdraw = ServerAction::<WithdrawProposal>::new();
        let invite = ServerAction::<InviteToGig>::new();
        let message = ServerAction::<crate::messaging::api::StartConversation>::new();
        let owned = move || async move { gig.await.ok().filter(|d| d.is_owner) };
        let proposals = Resource::new(
            move || {
                (
                    id(),
                    shortlist.version().get(),
                    reject.version().get(),
                    accept.version().get(),
                )
            },
            move |(id, ..)| async move {
                match owned().await {
                    Some(_) => gig_proposals(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        let my_proposal = Resource::new(
            move || (id(), update.version().get(), withdraw.version().get()),
            move |_| async move {
                match gig.await.ok().and_then(|d| d.my_proposal_id) {
                    Some(pid) => get_proposal(pid).await.map(Some),
                    None => Ok(None),
                }
            },
        );
        let talent = Resource::new(
            move || (id(), invite.version().get()),
            move |(id, _)| async move {
                let hiring = owned().await.is_some_and(|d| {
                    matches!(
                        d.summary.status,
                        GigStatus::Open | GigStatus::Pending | GigStatus::Draft
                    )
                });
                if hiring {
                    suggested_talent(id).await
                } else {
                    Ok(Vec::new())
                }
            },
        );
        Self {
            proposals,
            my_proposal,
            talent,
            shortlist,
            reject,
            accept,
            update,
            withdraw,
            invite,
            message,
        }
    }
}

/// The gig page.
#[component]
pub fn GigDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let bookmark = ServerAction::<BookmarkGig>::new();
    let cancel = ServerAction::<CancelGig>::new();
    let close = ServerAction::<CloseGig>::new();
    let propose = ServerAction::<SubmitProposal>::new();
    let gig = Resource::new(
        move || {
            (
                id(),
                bookmark.version().get(),
                propose.version().get(),
                cancel.version().get(),
                close.version().get(),
            )
        },
        |(id, ..)| get_gig(id),
    );
    let page = GigPage::new(gig, id);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match gig.await {
                    Ok(detail) => view! { <GigView detail bookmark cancel close propose page/> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GigView(
    detail: GigDetail,
    bookmark: ServerAction<BookmarkGig>,
    cancel: ServerAction<CancelGig>,
    close: ServerAction<CloseGig>,
    propose: ServerAction<SubmitProposal>,
    page: GigPage,
) -> impl IntoView {
    let signed_in = detail.signed_in;
    let g = detail.summary.clone();
    let where_ = if g.remote {
        "Remote".to_string()
    } else {
        place(&g.city, &g.country)
    };
    let cancel_error = action_error(cancel);
    let close_error = action_error(close);
    view! {
        <Title text=format!("{} · Guild", g.title)/>
        <article class="gig" data-gig=g.id data-status=g.status.as_str()>
            <header class="gig__header">
                <div>
                    <p class="gig-card__meta">
                        <span class="pill">{g.kind.label()}</span>
                        <span class="pill" data-test="gig-status">{g.status.label()}</span>
                        {(detail.visibility == crate::market::Visibility::InviteOnly).then(|| view! { <span class="pill">"Invite only"</span> })}
                    </p>
                    <h1>{g.title.clone()}</h1>
                    <p class="muted">"Posted by " {g.owner_name.clone()} {g.published_at.map(|t| format!(" · {}", format::date(t)))}</p>
                </div>
                {(signed_in && !detail.is_owner).then(|| view! { <BookmarkGigButton action=bookmark gig_id=g.id saved=g.saved/> })}
            </header>
            <dl class="facts">
                <div><dt>"Budget"</dt><dd><strong>{g.budget()}</strong></dd></div>
                <div><dt>"Where"</dt><dd>{where_}</dd></div>
                {g.deadline.clone().map(|d| view! { <div><dt>"Deadline"</dt><dd>{format::day(&d)}</dd></div> })}
                <div><dt>"Proposals"</dt><dd>{g.proposal_count}</dd></div>
                {(g.kind == GigKind::Lesson).then(|| view! {
                    <div><dt>"Subject"</dt><dd>{detail.subject.clone()}</dd></div>
                    <div><dt>"Level"</dt><dd>{detail.level.map(|l| l.label()).unwrap_or("")}</dd></div>
                    <div><dt>"Sessions"</dt><dd>{detail.sessions_wanted.unwrap_or(0)}</dd></div>
                })}
            </dl>
            <ul class="tags">
                {g.roles.iter().map(|r| view! { <li class="tag tag--role">{role_name(r)}</li> }).collect_view()}
                {g.skills.iter().map(|s| view! { <li class="tag">{s.clone()}</li> }).collect_view()}
            </ul>
            <section class="profile__section">
                <h2>"Description"</h2>
                <p class="prose">{detail.description.clone()}</p>
                {(!detail.goals.is_empty()).then(|| view! { <h3>"Goals"</h3><p class="prose">{detail.goals.clone()}</p> })}
            </section>
        </article>
        {detail.is_owner.then(|| view! {
            <section class="owner-panel" aria-labelledby="owner-heading">
                <h2 id="owner-heading">"Manage your gig"</h2>
                {(!detail.rejection_reason.is_empty() && g.status == GigStatus::Draft).then(|| view! {
                    <p class="alert alert--error">"An admin asked for changes: " {detail.rejection_reason.clone()}</p>
                })}
                {(g.status == GigStatus::Pending).then(|| view! { <p class="alert alert--info">"Waiting for an admin to approve it. It appears on the board once approved."</p> })}
                <div class="button-row">
                    {g.status.editable().then(|| view! { <A href=format!("/gigs/{}/edit", g.id) attr:class="button">"Edit"</A> })}
                    {(g.status == GigStatus::Draft).then(|| view! { <A href=format!("/gigs/{}/edit", g.id) attr:class="button button--primary">"Submit for approval"</A> })}
                    {(g.status == GigStatus::Open).then(|| view! {
                        <ActionForm action=close><input type="hidden" name="id" value=g.id/><button type="submit" class="button">"Close to new proposals"</button></ActionForm>
                    })}
                    {matches!(g.status, GigStatus::Draft | GigStatus::Pending | GigStatus::Open).then(|| view! {
                        <ActionForm action=cancel><input type="hidden" name="id" value=g.id/><button type="submit" class="button button--danger">"Cancel gig"</button></ActionForm>
                    })}
                </div>
                <ActionError error=cancel_error/>
                <ActionError error=close_error/>
                <OwnerProposals kind=g.kind status=g.status page/>
                {matches!(g.status, GigStatus::Open | GigStatus::Pending | GigStatus::Draft).then(|| view! {
                    <SuggestedTalent gig_id=g.id can_invite=g.status == GigStatus::Open talent=page.talent invite=page.invite/>
                })}
            </section>
        })}
        {(!detail.is_owner).then(|| view! { <FreelancerPanel detail=detail.clone() submit=propose page/> })}
        {(detail.signed_in && !detail.is_owner).then(|| view! {
            <ReportButton kind=ObjectKind::Gig object_id=i64::from(g.id)/>
        })}
    }
}

#[component]
fn OwnerProposals(kind: GigKind, status: GigStatus, page: GigPage) -> impl IntoView {
    let GigPage {
        proposals,
        shortlist,
        reject,
        accept,
        message,
        ..
    } = page;
    let can_hire =
        status == GigStatus::Open || (status == GigStatus::InProgress && kind == GigKind::Project);
    let accept_error = action_error(accept);
    view! {
        <h3>"Proposals"</h3>
        <ActionError error=action_error(shortlist)/>
        <ActionError error=action_error(reject)/>
        <ActionError error=action_error(message)/>
        <Transition fallback=|| view! { <p class="muted">"Loading proposals…"</p> }>
            {move || Suspend::new(async move {
                match proposals.await {
                    Ok(list) if list.is_empty() => view! { <Empty title="No proposals yet">"Freelancers and coaches who fit will send proposals here."</Empty> }.into_any(),
                    Ok(list) => view! {
                        <div class="card-list">
                            {list.into_iter().map(|p| {
                                let active = p.status.is_active();
                                let pid = p.id;
                                let author = p.freelancer_username.clone();
                                view! {
                                    <ProposalCard proposal=p.clone() show_author=true/>
                                    {active.then(|| view! {
                                        <div class="proposal-actions">
                                            <ActionForm action=message>
                                                <input type="hidden" name="username" value=author/>
                                                <button type="submit" class="button button--small">"Message"</button>
                                            </ActionForm>
                                            {(p.status == crate::market::ProposalStatus::Pending).then(|| view! {
                                                <ActionForm action=shortlist><input type="hidden" name="id" value=pid/><button type="submit" class="button button--small">"Shortlist"</button></ActionForm>
                                            })}
                                            <details class="inline-form">
                                                <summary class="button button--small">"Decline"</summary>
                                                <ActionForm action=reject attr:class="form">
                                                    <input type="hidden" name="id" value=pid/>
                                                    <label for=format!("reason-{pid}")>"Reason (optional, shown to the freelancer)"</label>
                                                    <input id=format!("reason-{pid}") type="text" name="reason"/>
                                                    <button type="submit" class="button button--small button--danger">"Decline proposal"</button>
                                                </ActionForm>
                                            </details>
                                            {can_hire.then(|| view! {
                                                <details class="inline-form" open=accept_error.get_untracked().is_some()>
                                                    <summary class="button button--small button--primary" data-test=format!("accept-{pid}")>"Accept…"</summary>
                                                    <AcceptForm proposal=p.clone() action=accept/>
                                                </details>
                                            })}
                                        </div>
                                    })}
                                }
                            }).collect_view()}
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn FreelancerPanel(
    detail: GigDetail,
    submit: ServerAction<SubmitProposal>,
    page: GigPage,
) -> impl IntoView {
    let error = action_error(submit);
    let kind = detail.summary.kind;
    let gig_id = detail.summary.id;
    match (detail.my_proposal_id, detail.can_propose.clone()) {
        (Some(_), _) => view! { <MyProposal page/> }.into_any(),
        (None, Ok(())) => view! {
            <section class="proposal-form" aria-labelledby="propose-heading">
                <h2 id="propose-heading">"Send a proposal"</h2>
                <FormAlert error=error/>
                <ActionForm action=submit attr:class="form">
                    <input type="hidden" name="gig_id" value=gig_id/>
                    <ProposalFields kind error initial=None/>
                    <button type="submit" class="button button--primary" disabled=move || submit.pending().get() data-test="send-proposal">"Send proposal"</button>
                </ActionForm>
            </section>
        }.into_any(),
        (None, Err(reason)) => view! {
            <p class="alert alert--info" data-test="cannot-propose">{reason}
                {detail.summary.status.eq(&GigStatus::Open).then(|| view! { " " <A href="/onboarding">"Set up your profile"</A> })}
            </p>
        }.into_any(),
    }
}

#[component]
fn MyProposal(page: GigPage) -> impl IntoView {
    let GigPage {
        my_proposal: proposal,
        update,
        withdraw,
        ..
    } = page;
    let error = action_error(update);
    view! {
        <section class="proposal-form">
            <h2>"Your proposal"</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match proposal.await {
                        Ok(None) => ().into_any(),
                        Ok(Some(p)) => {
                            let active = p.status.is_active();
                            let kind = p.gig_kind;
                            let pid = p.id;
                            let contract = p.contract_id;
                            view! {
                                <ProposalCard proposal=p.clone() show_author=false/>
                                {contract.map(|c| view! { <A href=format!("/contracts/{c}") attr:class="button button--primary">"Open the contract"</A> })}
                                {active.then(|| view! {
                                    <details class="inline-form" open=error.get_untracked().is_some()>
                                        <summary class="button button--small">"Edit proposal"</summary>
                                        <FormAlert error=error/>
                                        <ActionForm action=update attr:class="form">
                                            <input type="hidden" name="id" value=pid/>
                                            <ProposalFields kind error initial=Some(p.clone())/>
                                            <button type="submit" class="button button--primary">"Save changes"</button>
                                        </ActionForm>
                                    </details>
                                    <ActionForm action=withdraw>
                                        <input type="hidden" name="id" value=pid/>
                                        <button type="submit" class="button button--small button--danger">"Withdraw proposal"</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorNote error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
