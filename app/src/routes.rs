//! The HTML shell and the route table.

use crate::accounts::components::provide_auth;
use crate::lazy_pages::*;
use crate::pages::{landing::LandingPage, not_found::NotFound};
use crate::ui::layout::{Footer, Header};
use crate::ui::title::TitleEscaper;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, Meta, MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="leptos"/>
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
    crate::live::context::provide_live();
    view! {
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Meta name="color-scheme" content="light dark"/>
        <Meta name="description" content="Guild: hire freelancers, book coaches and work together live."/>
        <TitleEscaper default="Guild"/>
        <Router>
            <Header/>
            <main id="main" class="site-main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LandingPage ssr=SsrMode::Async/>
                    <Route path=path!("/signup") view={Lazy::<SignupRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/login/code") view={Lazy::<LoginCodeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view={Lazy::<AdminRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/health") view={Lazy::<HealthRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/ledger") view={Lazy::<LedgerRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/queue") view={Lazy::<QueueRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view={Lazy::<AuditLogRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/analytics") view={Lazy::<AnalyticsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding") view={Lazy::<OnboardingStartRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding/client") view={Lazy::<ClientOnboardingRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/onboarding/:step") view={Lazy::<OnboardingStepRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/talent") view={Lazy::<FindTalentRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/talent/saved") view={Lazy::<SavedTalentRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/talent/:username") view={Lazy::<PublicProfileRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/clients/:username") view={Lazy::<ClientProfileRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/gigs") view={Lazy::<GigBoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/new") view={Lazy::<NewGigRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/saved") view={Lazy::<SavedGigsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/:id") view={Lazy::<GigDetailRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/gigs/:id/edit") view={Lazy::<EditGigRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/proposals") view={Lazy::<MyProposalsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/contracts") view={Lazy::<ContractsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/contracts/:id") view={Lazy::<ContractRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/suggest") view={Lazy::<SuggestRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/messages") view={Lazy::<MessagesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/messages/:id") view={Lazy::<ConversationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards") view={Lazy::<BoardsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards/:id") view={Lazy::<BoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards/:id/cards/:card/move") view={Lazy::<MoveCardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards/:id/cards/:card") view={Lazy::<CardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards/:id/archive") view={Lazy::<BoardArchiveRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/boards/:id/columns") view={Lazy::<BoardColumnsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/settings/notifications") view={Lazy::<NotificationSettingsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/settings/security") view={Lazy::<SecurityRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/settings/sessions") view={Lazy::<SessionsRoute>::new()} ssr=SsrMode::Async/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
