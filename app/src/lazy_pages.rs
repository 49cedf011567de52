//! Every page but the landing page is a lazy route: in a release build
//! (`cargo leptos build --release --split`) its code sits in its own
//! WebAssembly chunk, loaded when the page is first opened (together with
//! its data), so the first visit downloads only the shell and the landing
//! page. Without `--split` the routes behave like ordinary ones.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// Declares a lazy route `$route` showing the page component `$page`.
macro_rules! lazy_page {
    ($($route:ident => $page:path),* $(,)?) => {
        $(
            #[doc = concat!("The lazy route of `", stringify!($page), "`.")]
            #[derive(Clone, Copy, Debug)]
            pub struct $route;

            #[lazy_route]
            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                fn view(_this: Self) -> AnyView {
                    view! { <$page/> }.into_any()
                }
            }
        )*
    };
}

lazy_page! {
    SignupRoute => crate::accounts::pages::SignupPage,
    LoginRoute => crate::accounts::pages::LoginPage,
    DashboardRoute => crate::dashboard::pages::DashboardPage,
    AdminRoute => crate::admin::pages::AdminPage,
    HealthRoute => crate::health::pages::HealthPage,
    LedgerRoute => crate::ledger::pages::LedgerPage,
    QueueRoute => crate::moderation::pages::queue::QueuePage,
    AuditLogRoute => crate::moderation::pages::audit::AuditLogPage,
    AnalyticsRoute => crate::analytics::pages::AnalyticsPage,
    LoginCodeRoute => crate::security::pages::code::LoginCodePage,
    SecurityRoute => crate::security::pages::security::SecurityPage,
    SessionsRoute => crate::security::pages::sessions::SessionsPage,
    OnboardingStartRoute => crate::profiles::pages::onboarding::OnboardingStartPage,
    ClientOnboardingRoute => crate::profiles::pages::client::ClientOnboardingPage,
    OnboardingStepRoute => crate::profiles::pages::onboarding::OnboardingStepPage,
    FindTalentRoute => crate::discovery::pages::FindTalentPage,
    SavedTalentRoute => crate::discovery::pages::SavedTalentPage,
    PublicProfileRoute => crate::profiles::pages::public::PublicProfilePage,
    ClientProfileRoute => crate::profiles::pages::client::ClientProfilePage,
    GigBoardRoute => crate::gigs::pages::board::GigBoardPage,
    NewGigRoute => crate::gigs::pages::form::NewGigPage,
    SavedGigsRoute => crate::gigs::pages::saved::SavedGigsPage,
    GigDetailRoute => crate::gigs::pages::detail::GigDetailPage,
    EditGigRoute => crate::gigs::pages::form::EditGigPage,
    MyProposalsRoute => crate::proposals::pages::MyProposalsPage,
    ContractsRoute => crate::contracts::pages::ContractsPage,
    ContractRoute => crate::contracts::pages::ContractPage,
    SuggestRoute => crate::suggestions::pages::SuggestPage,
    MessagesRoute => crate::chat::pages::MessagesPage,
    ConversationRoute => crate::chat::pages::ConversationPage,
    BoardsRoute => crate::boards::pages::BoardsPage,
    BoardRoute => crate::boards::pages::BoardPage,
    MoveCardRoute => crate::boards::pages::MoveCardPage,
    CardRoute => crate::boards::card_page::CardPage,
    BoardArchiveRoute => crate::boards::card_page::ArchivePage,
    BoardColumnsRoute => crate::boards::column_page::ColumnsPage,
    NotificationsRoute => crate::notifications::pages::NotificationsPage,
    NotificationSettingsRoute => crate::notifications::pages::NotificationSettingsPage,
}
