//! The HTML shell and the route table.

use crate::accounts::components::provide_auth;
use crate::accounts::pages::{LoginPage, SignupPage};
use crate::admin::pages::AdminPage;
use crate::contracts::pages::{ContractPage, ContractsPage};
use crate::dashboard::pages::DashboardPage;
use crate::discovery::pages::{FindTalentPage, SavedTalentPage};
use crate::gigs::pages::{
    board::GigBoardPage,
    detail::GigDetailPage,
    form::{EditGigPage, NewGigPage},
    saved::SavedGigsPage,
};
use crate::pages::{landing::LandingPage, not_found::NotFound};
use crate::profiles::pages::client::{ClientOnboardingPage, ClientProfilePage};
use crate::profiles::pages::onboarding::{OnboardingStartPage, OnboardingStepPage};
use crate::profiles::pages::public::PublicProfilePage;
use crate::proposals::pages::MyProposalsPage;
use crate::suggestions::pages::SuggestPage;
use crate::ui::layout::{Footer, Header};
use crate::ui::title::TitleEscaper;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routed pages and footer.
///
/// Every route renders with `SsrMode::Async`: the server resolves all data
/// (the signed-in user included) before it sends the page, so pages are
/// complete without JavaScript and redirects can still set their status.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_auth();
    view! {
        <Stylesheet id="leptos" href="/pkg/guild.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Meta name="color-scheme" content="light dark"/>
        <Meta name="description" content="Guild: hire freelancers, book coaches and work together live."/>
        <TitleEscaper default="Guild"/>
        <Router>
            <Header/>
            <main id="main" class="site-main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LandingPage ssr=SsrMode::Async/>
                    <Route path=path!("/signup") view=SignupPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding") view=OnboardingStartPage ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding/client") view=ClientOnboardingPage ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding/:step") view=OnboardingStepPage ssr=SsrMode::Async/>
                    <Route path=path!("/talent") view=FindTalentPage ssr=SsrMode::Async/>
                    <Route path=path!("/talent/saved") view=SavedTalentPage ssr=SsrMode::Async/>
                    <Route path=path!("/talent/:username") view=PublicProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/clients/:username") view=ClientProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/gigs") view=GigBoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/new") view=NewGigPage ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/saved") view=SavedGigsPage ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/:id") view=GigDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/:id/edit") view=EditGigPage ssr=SsrMode::Async/>
                    <Route path=path!("/proposals") view=MyProposalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts") view=ContractsPage ssr=SsrMode::Async/>
                    <Route path=path!("/contracts/:id") view=ContractPage ssr=SsrMode::Async/>
                    <Route path=path!("/suggest") view=SuggestPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
