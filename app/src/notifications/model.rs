//! Notification kinds, how they are shown, and per-kind preferences.

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// What happened. Stored as the snake_case name; an unknown stored value
/// fails loudly when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A new proposal on my gig.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal_received"))]
    ProposalReceived,
    /// My proposal was shortlisted.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal_shortlisted"))]
    ProposalShortlisted,
    /// My proposal was accepted.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal_accepted"))]
    ProposalAccepted,
    /// My proposal was declined.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "proposal_declined"))]
    ProposalDeclined,
    /// I was invited to a gig.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "gig_invitation"))]
    GigInvitation,
    /// New messages in a conversation I am not looking at.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "new_message"))]
    NewMessage,
    /// A milestone was delivered to me.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "milestone_delivered"))]
    MilestoneDelivered,
    /// My milestone was approved (and paid).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "milestone_approved"))]
    MilestoneApproved,
    /// A contract of mine was completed.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "contract_completed"))]
    ContractCompleted,
    /// A contract of mine was cancelled.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "contract_cancelled"))]
    ContractCancelled,
    /// Someone reviewed me.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "review_received"))]
    ReviewReceived,
    /// My gig was approved or sent back.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "gig_moderated"))]
    GigModerated,
    /// My profile was approved or sent back.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "profile_moderated"))]
    ProfileModerated,
    /// For admins: an item is waiting for review.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "review_queue"))]
    ReviewQueue,
    /// Someone mentioned me on a board card or assigned me to one.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "card_mention"))]
    CardMention,
    /// A moderator warned me or hid my content, or the other side of a
    /// contract of mine was suspended.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "account_notice"))]
    AccountNotice,
}

impl NotificationKind {
    /// Every kind, in the order the preferences page lists them.
    pub const ALL: [Self; 16] = [
        Self::NewMessage,
        Self::CardMention,
        Self::ProposalReceived,
        Self::ProposalShortlisted,
        Self::ProposalAccepted,
        Self::ProposalDeclined,
        Self::GigInvitation,
        Self::MilestoneDelivered,
        Self::MilestoneApproved,
        Self::ContractCompleted,
        Self::ContractCancelled,
        Self::ReviewReceived,
        Self::GigModerated,
        Self::ProfileModerated,
        Self::ReviewQueue,
        Self::AccountNotice,
    ];

    /// The name used in forms and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ProposalReceived => "proposal_received",
            Self::ProposalShortlisted => "proposal_shortlisted",
            Self::ProposalAccepted => "proposal_accepted",
            Self::ProposalDeclined => "proposal_declined",
            Self::GigInvitation => "gig_invitation",
            Self::NewMessage => "new_message",
            Self::MilestoneDelivered => "milestone_delivered",
            Self::MilestoneApproved => "milestone_approved",
            Self::ContractCompleted => "contract_completed",
            Self::ContractCancelled => "contract_cancelled",
            Self::ReviewReceived => "review_received",
            Self::GigModerated => "gig_moderated",
            Self::ProfileModerated => "profile_moderated",
            Self::ReviewQueue => "review_queue",
            Self::CardMention => "card_mention",
            Self::AccountNotice => "account_notice",
        }
    }

    /// The kind named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// How the preferences page names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::ProposalReceived => "New proposals on my gigs",
            Self::ProposalShortlisted => "My proposal is shortlisted",
            Self::ProposalAccepted => "My proposal is accepted",
            Self::ProposalDeclined => "My proposal is declined",
            Self::GigInvitation => "Invitations to gigs",
            Self::NewMessage => "New messages",
            Self::MilestoneDelivered => "Milestones delivered to me",
            Self::MilestoneApproved => "My milestones approved",
            Self::ContractCompleted => "Contracts completed",
            Self::ContractCancelled => "Contracts cancelled",
            Self::ReviewReceived => "Reviews about me",
            Self::GigModerated => "My gigs approved or sent back",
            Self::ProfileModerated => "My profile approved or sent back",
            Self::ReviewQueue => "Items waiting for review (admins)",
            Self::CardMention => "Mentions and assignments on board cards",
            Self::AccountNotice => "Notices from moderators about my account",
        }
    }
}

/// Whether and when a kind is emailed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
#[serde(rename_all = "snake_case")]
pub enum EmailChoice {
    /// Never emailed.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "off"))]
    Off,
    /// Emailed at once.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "instant"))]
    Instant,
    /// Collected into one email a day.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "daily"))]
    Daily,
}

impl EmailChoice {
    /// The name used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Instant => "instant",
            Self::Daily => "daily",
        }
    }

    /// The choice named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Off, Self::Instant, Self::Daily]
            .into_iter()
            .find(|c| c.as_str() == name)
    }
}

/// A notification as the bell and the notification centre show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    /// Its id.
    pub id: i64,
    /// What happened.
    pub kind: NotificationKind,
    /// One line, e.g. "New proposal on Online shop".
    pub title: String,
    /// More detail (may be empty).
    pub body: String,
    /// Where it leads, a path on this site.
    pub link: String,
    /// How many events it stands for (coalesced messages).
    pub count: i32,
    /// Whether it was read.
    pub read: bool,
    /// Unix milliseconds of the latest event.
    pub updated_at: i64,
}

/// One kind's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preference {
    /// The kind.
    pub kind: NotificationKind,
    /// Shown in the app.
    pub in_app: bool,
    /// Emailed.
    pub email: EmailChoice,
}
