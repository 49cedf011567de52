//! The closed sets of moderation (what can be reported and why, what an
//! admin can do) and the rows the admin queue and audit log show.

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// Declares an enum stored and submitted by its snake_case name (a stored
/// value it does not know fails loudly when read), with `as_str`, `parse`,
/// `label` and `ALL`.
macro_rules! db_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal : $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
        #[cfg_attr(
            feature = "ssr",
            sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* #[cfg_attr(feature = "ssr", sea_orm(string_value = $text))] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and submitted name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses a stored or submitted name.
            pub fn parse(value: &str) -> Option<Self> {
                match value.trim() { $($text => Some($name::$variant),)+ _ => None }
            }

            /// How the value is shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

db_enum!(
    /// What a report or an admin action is about.
    ObjectKind {
        /// A freelancer or coach profile (the object id is the user's id).
        Profile = "profile": "Profile",
        /// A gig or learning request.
        Gig = "gig": "Gig",
        /// A review.
        Review = "review": "Review",
        /// A chat message.
        Message = "message": "Message",
        /// An account (warnings and suspensions).
        User = "user": "Account",
    }
);

impl ObjectKind {
    /// Whether people can report this kind of object.
    pub fn reportable(self) -> bool {
        self != Self::User
    }

    /// Whether an admin can hide this kind of object.
    pub fn hideable(self) -> bool {
        matches!(self, Self::Profile | Self::Gig | Self::Review)
    }
}

db_enum!(
    /// Why something was reported.
    ReportReason {
        /// Spam or advertising.
        Spam = "spam": "Spam or advertising",
        /// Fraud, or asking to pay outside Guild.
        Scam = "scam": "Scam or payment outside Guild",
        /// Harassment or hate.
        Abuse = "abuse": "Harassment or hate",
        /// Inappropriate or offensive content.
        Inappropriate = "inappropriate": "Inappropriate content",
        /// Misleading or fake.
        Misleading = "misleading": "Fake or misleading",
        /// Something else (the text says what).
        Other = "other": "Something else",
    }
);

db_enum!(
    /// Where a report is.
    ReportStatus {
        /// Waiting for an admin.
        Open = "open": "Open",
        /// An admin found nothing to do.
        Dismissed = "dismissed": "Dismissed",
        /// An admin acted on the object.
        Actioned = "actioned": "Actioned",
    }
);

db_enum!(
    /// What an admin does to an object.
    ModAction {
        /// Close the object's open reports without acting.
        Dismiss = "dismiss": "Dismiss reports",
        /// Hide the content from everyone but its author and admins.
        Hide = "hide": "Hide",
        /// Show hidden content again.
        Restore = "restore": "Restore",
        /// Send the author a warning.
        Warn = "warn": "Warn the author",
        /// Suspend the author's account.
        Suspend = "suspend": "Suspend the author",
        /// Lift the author's suspension.
        Lift = "lift": "Lift the suspension",
    }
);

/// The `suspended_until` of a permanent suspension (9999-12-31, the end of
/// time as far as dates are shown).
pub const SUSPENDED_FOREVER: i64 = 253_402_300_799;

/// The suspension lengths the admin form offers, in days (`None` for
/// permanent).
pub const SUSPENSION_CHOICES: [(&str, Option<i64>); 4] = [
    ("7", Some(7)),
    ("30", Some(30)),
    ("90", Some(90)),
    ("permanent", None),
];

/// Which part of the queue to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueView {
    /// Objects with open reports.
    Open,
    /// Gigs and profiles waiting for approval.
    Approval,
    /// Content an admin hid.
    Hidden,
    /// Reports already dismissed or acted on.
    Resolved,
}

impl QueueView {
    /// Every view, in the order the filter lists them.
    pub const ALL: [Self; 4] = [Self::Open, Self::Approval, Self::Hidden, Self::Resolved];

    /// The name in the address.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approval => "approval",
            Self::Hidden => "hidden",
            Self::Resolved => "resolved",
        }
    }

    /// The view named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == name)
    }

    /// How the filter names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open reports",
            Self::Approval => "Awaiting approval",
            Self::Hidden => "Hidden content",
            Self::Resolved => "Resolved reports",
        }
    }
}

/// One report as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    /// The report's id.
    pub id: i32,
    /// Who reported (username).
    pub reporter: String,
    /// Why.
    pub reason: ReportReason,
    /// Their words.
    pub detail: String,
    /// Where it is.
    pub status: ReportStatus,
    /// Unix seconds.
    pub created_at: i64,
}

/// One object in the admin queue, with its reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// What it is.
    pub kind: ObjectKind,
    /// Its id.
    pub object_id: i64,
    /// A title or an excerpt.
    pub title: String,
    /// Where to look at it.
    pub link: String,
    /// Its author's username ("" if the object is gone).
    pub author: String,
    /// Whether the author is suspended now.
    pub author_suspended: bool,
    /// Whether an admin hid it.
    pub hidden: bool,
    /// Waiting for approval (no reports).
    pub awaiting_approval: bool,
    /// The reports shown (open ones, or resolved ones in that view).
    pub reports: Vec<ReportLine>,
    /// When the oldest report (or the submission) was made, Unix seconds.
    pub since: i64,
}

/// How many items wait in each part of the queue (for the admin navigation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    /// Objects with open reports.
    pub open_reports: u64,
    /// Gigs and profiles waiting for approval.
    pub awaiting_approval: u64,
    /// Hidden content.
    pub hidden: u64,
}

impl QueueCounts {
    /// Items needing an admin (open reports and approvals).
    pub fn waiting(&self) -> u64 {
        self.open_reports + self.awaiting_approval
    }
}

/// One audit log entry as the admin browses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Its id.
    pub id: i32,
    /// Unix seconds.
    pub created_at: i64,
    /// Who acted (username, or "command line").
    pub actor: String,
    /// What they did, e.g. `user.suspend`.
    pub action: String,
    /// The account concerned (username), if any.
    pub target: String,
    /// The object acted on, e.g. "gig 12".
    pub object: String,
    /// The reason given.
    pub reason: String,
    /// More detail.
    pub detail: String,
}

/// A page of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// Newest first.
    pub rows: Vec<AuditRow>,
    /// The actions that occur in the log (for the filter).
    pub actions: Vec<String>,
}

/// The age filter of the queue: (days, label).
pub const AGE_CHOICES: [(&str, &str); 3] = [
    ("1", "Waiting over a day"),
    ("7", "Waiting over a week"),
    ("30", "Waiting over a month"),
];
