//! The marketplace's closed sets of values. Each is stored and submitted by
//! its snake_case name and shown by its label.

use serde::{Deserialize, Serialize};

/// Declares a string-backed enum with `as_str`, `parse`, `label` and `ALL`.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal : $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

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

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

string_enum!(
    /// What a freelancer profile offers.
    FreelancerKind {
        /// Project work.
        Freelance = "freelance": "Freelancer",
        /// Lessons and coaching.
        Coaching = "coaching": "Coach",
        /// Both.
        Both = "both": "Freelancer & coach",
    }
);

impl FreelancerKind {
    /// Whether the profile teaches.
    pub fn teaches(self) -> bool {
        matches!(self, Self::Coaching | Self::Both)
    }

    /// Whether the profile takes project work.
    pub fn freelances(self) -> bool {
        matches!(self, Self::Freelance | Self::Both)
    }
}

string_enum!(
    /// Where a freelancer profile is in review.
    ProfileStatus {
        /// Being filled in.
        Draft = "draft": "Draft",
        /// Submitted, waiting for an admin.
        Pending = "pending": "Pending approval",
        /// Visible in discovery.
        Approved = "approved": "Approved",
        /// Sent back with a reason.
        Rejected = "rejected": "Changes requested",
    }
);

string_enum!(
    /// How much time a freelancer has.
    Availability {
        /// About 40 hours a week.
        FullTime = "full_time": "Full time",
        /// Under 30 hours a week.
        PartTime = "part_time": "Part time",
        /// Evenings.
        Evenings = "evenings": "Evenings",
        /// Weekends.
        Weekends = "weekends": "Weekends",
    }
);

string_enum!(
    /// How a coach teaches.
    TeachingFormat {
        /// Video calls.
        Online = "online": "Online",
        /// Face to face.
        InPerson = "in_person": "In person",
        /// Either.
        Both = "both": "Online or in person",
    }
);

string_enum!(
    /// A learner's level.
    Level {
        /// Starting out.
        Beginner = "beginner": "Beginner",
        /// Some experience.
        Intermediate = "intermediate": "Intermediate",
        /// Experienced.
        Advanced = "advanced": "Advanced",
    }
);

string_enum!(
    /// How well someone speaks a language.
    Proficiency {
        /// A few phrases.
        Basic = "basic": "Basic",
        /// Everyday conversation.
        Conversational = "conversational": "Conversational",
        /// Fluent.
        Fluent = "fluent": "Fluent",
        /// Native or bilingual.
        Native = "native": "Native",
    }
);

string_enum!(
    /// A gig is a project or a learning request.
    GigKind {
        /// Project work by freelancers.
        Project = "project": "Project",
        /// Lessons by a coach.
        Lesson = "lesson": "Learning request",
    }
);

string_enum!(
    /// How a budget or price is expressed.
    PriceType {
        /// One amount for the whole job.
        Fixed = "fixed": "Fixed price",
        /// Per hour.
        Hourly = "hourly": "Hourly",
        /// Per lesson session.
        PerSession = "per_session": "Per session",
    }
);

string_enum!(
    /// Who may see a gig.
    Visibility {
        /// Everyone, listed on the gig board.
        Public = "public": "Public",
        /// Only people the owner invites; not listed.
        InviteOnly = "invite_only": "Invite only",
    }
);

string_enum!(
    /// A gig's lifecycle.
    GigStatus {
        /// Being written.
        Draft = "draft": "Draft",
        /// Waiting for an admin.
        Pending = "pending": "Pending approval",
        /// Taking proposals.
        Open = "open": "Open",
        /// Work under contract.
        InProgress = "in_progress": "In progress",
        /// Done.
        Completed = "completed": "Completed",
        /// Withdrawn by the owner.
        Cancelled = "cancelled": "Cancelled",
        /// No longer taking proposals.
        Closed = "closed": "Closed",
    }
);

impl GigStatus {
    /// Whether the owner may still edit the gig.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Pending | Self::Open)
    }
}

string_enum!(
    /// A proposal's lifecycle.
    ProposalStatus {
        /// Waiting for the owner.
        Pending = "pending": "Pending",
        /// Kept for a closer look.
        Shortlisted = "shortlisted": "Shortlisted",
        /// Declined by the owner.
        Rejected = "rejected": "Declined",
        /// Turned into a contract.
        Accepted = "accepted": "Accepted",
        /// Taken back by the freelancer.
        Withdrawn = "withdrawn": "Withdrawn",
    }
);

impl ProposalStatus {
    /// Still in play: editable by the freelancer, decidable by the owner.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Pending | Self::Shortlisted)
    }
}

string_enum!(
    /// A contract's lifecycle.
    ContractStatus {
        /// Work under way.
        Active = "active": "Active",
        /// Every milestone approved.
        Completed = "completed": "Completed",
        /// Ended by agreement.
        Cancelled = "cancelled": "Cancelled",
    }
);

string_enum!(
    /// A milestone's lifecycle.
    MilestoneStatus {
        /// Being worked on.
        Pending = "pending": "In progress",
        /// Delivered, waiting for the client.
        Submitted = "submitted": "Submitted",
        /// Accepted and recorded as earned.
        Approved = "approved": "Approved",
    }
);

string_enum!(
    /// How discovery results are ordered.
    TalentSort {
        /// Best text match first (rating when there is no text).
        Relevance = "relevance": "Best match",
        /// Highest rated first.
        Rating = "rating": "Highest rated",
        /// Cheapest first.
        RateAsc = "rate_asc": "Rate: low to high",
        /// Most expensive first.
        RateDesc = "rate_desc": "Rate: high to low",
    }
);

string_enum!(
    /// How the gig board is ordered.
    GigSort {
        /// Most recently opened first.
        Newest = "newest": "Newest",
        /// Largest budget first.
        BudgetDesc = "budget_desc": "Budget: high to low",
        /// Smallest budget first.
        BudgetAsc = "budget_asc": "Budget: low to high",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for status in GigStatus::ALL {
            assert_eq!(GigStatus::parse(status.as_str()), Some(*status));
        }
        assert_eq!(PriceType::parse("per_session"), Some(PriceType::PerSession));
        assert_eq!(PriceType::parse("weekly"), None);
    }

    #[test]
    fn only_early_gigs_are_editable() {
        assert!(GigStatus::Open.editable());
        assert!(!GigStatus::InProgress.editable());
        assert!(!GigStatus::Completed.editable());
    }

    #[test]
    fn kinds_know_what_they_offer() {
        assert!(FreelancerKind::Both.teaches() && FreelancerKind::Both.freelances());
        assert!(!FreelancerKind::Freelance.teaches());
    }
}
