//! `/`: what Guild is, for a newcomer.

use crate::suggestions::pages::NeedBox;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The landing page.
#[component]
pub fn LandingPage() -> impl IntoView {
    view! {
        <Title text="Guild · Hire freelancers, book coaches, work together live"/>
        <section class="hero">
            <h1 class="hero__title">"Find the right person for the job — or for the lesson."</h1>
            <p class="hero__lead">
                "Guild is an open marketplace where clients hire freelancers and students book coaches. "
                "Once you agree, you work together live: chat, notifications and a shared task board."
            </p>
            <div class="hero__actions">
                <A href="/signup" attr:class="button button--primary button--large">"Create a free account"</A>
                <A href="/login" attr:class="button button--ghost button--large">"Log in"</A>
            </div>
        </section>

        <NeedBox/>

        <section class="features" aria-labelledby="sides-heading">
            <h2 id="sides-heading">"Two sides, one account"</h2>
            <div class="card-grid">
                <article class="card">
                    <h3>"Hire or learn"</h3>
                    <p>"Post a gig or a learning request, compare proposals from freelancers and coaches, and hire the one that fits your budget and timeline."</p>
                </article>
                <article class="card">
                    <h3>"Work or teach"</h3>
                    <p>"Build a profile with your skills, rate and portfolio, get gigs recommended to you, and send proposals in minutes."</p>
                </article>
                <article class="card">
                    <h3>"Switch any time"</h3>
                    <p>"A designer who takes Spanish lessons, a coach who hires an editor: one account holds both sides, and the switch is in the header."</p>
                </article>
            </div>
        </section>

        <section class="steps" aria-labelledby="how-heading">
            <h2 id="how-heading">"How it works"</h2>
            <ol class="steps__list">
                <li><strong>"Describe what you need."</strong> " A website for your bakery, help with algebra, a logo — in your own words."</li>
                <li><strong>"Get proposals."</strong> " Freelancers and coaches reply with a price, a timeline and a note."</li>
                <li><strong>"Agree on a contract."</strong> " Milestones with amounts and dates keep both sides clear."</li>
                <li><strong>"Work together live."</strong> " Chat, notifications and a drag-and-drop board, updated for everyone at once."</li>
                <li><strong>"Review each other."</strong> " Ratings come only from completed work, so they mean something."</li>
            </ol>
        </section>
    }
}
