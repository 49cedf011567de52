//! Every server function's forbidden paths, as one table: caller × function
//! × object, with the status each refusal must have. A server function that
//! has no row fails `every_server_function_has_a_row`, so none can ship
//! without its access rule being tested.

use super::support::{Client, PASSWORD, TestApp, project_gig};
use http::StatusCode;
use std::collections::{BTreeSet, HashMap};

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    /// Not signed in.
    Visitor,
    /// A client (and approved freelancer) involved in nothing below.
    Stranger,
    /// An account that holds only the client side.
    ClientOnly,
    /// An account that holds only the freelancer side (no profile yet).
    FreelancerOnly,
    /// An admin who is not a super admin.
    Admin,
}

/// One row: `caller` calls `path` with `fields` (placeholders such as
/// `{gig}` name objects of the world) and must get `status`.
struct Case {
    path: &'static str,
    caller: Caller,
    fields: &'static [(&'static str, &'static str)],
    status: StatusCode,
}

const fn case(
    path: &'static str,
    caller: Caller,
    fields: &'static [(&'static str, &'static str)],
    status: StatusCode,
) -> Case {
    Case {
        path,
        caller,
        fields,
        status,
    }
}

use Caller::*;
const FORBIDDEN: StatusCode = StatusCode::FORBIDDEN;
const UNAUTHORIZED: StatusCode = StatusCode::UNAUTHORIZED;
const NOT_FOUND: StatusCode = StatusCode::NOT_FOUND;
const OK: StatusCode = StatusCode::OK;

/// A valid gig form, for saving over someone else's gig.
const GIG_FORM: &[(&str, &str)] = &[
    ("id", "{gig}"),
    ("gig[kind]", "project"),
    ("gig[title]", "Taken over by a stranger"),
    (
        "gig[description]",
        "Someone else's words replacing the owner's description.",
    ),
    ("gig[roles][]", "web-developer"),
    ("gig[skills]", "CSS"),
    ("gig[budget_type]", "fixed"),
    ("gig[budget_min]", "10"),
    ("gig[currency]", "USD"),
    ("gig[visibility]", "public"),
];

fn cases() -> Vec<Case> {
    vec![
        // Notifications: only ever one's own.
        case("/api/notifications/list", Visitor, &[], UNAUTHORIZED),
        case("/api/notifications/unread", Visitor, &[], OK),
        case(
            "/api/notifications/read",
            Visitor,
            &[("id", "{notification}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/notifications/read",
            Stranger,
            &[("id", "{notification}")],
            NOT_FOUND,
        ),
        case("/api/notifications/read-all", Visitor, &[], UNAUTHORIZED),
        case("/api/notifications/preferences", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/notifications/preferences/save",
            Visitor,
            &[("in_app[]", "new_message")],
            UNAUTHORIZED,
        ),
        case("/api/admin/reports", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/reports", Stranger, &[], FORBIDDEN),
        // Chat: a conversation you are not in does not exist for you.
        case("/api/boards/list", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/boards/get",
            Visitor,
            &[("id", "{board}")],
            UNAUTHORIZED,
        ),
        case("/api/boards/get", Stranger, &[("id", "{board}")], NOT_FOUND),
        case(
            "/api/boards/column",
            Stranger,
            &[
                ("board_id", "{board}"),
                ("column_id", "{column}"),
                ("offset", "0"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/create",
            Visitor,
            &[("title", "Mine")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/invite",
            Stranger,
            &[("board_id", "{board}"), ("username", "stranger")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/invite",
            Admin,
            &[("board_id", "{board}"), ("username", "plain_admin")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/add",
            Stranger,
            &[
                ("board_id", "{board}"),
                ("column_id", "{column}"),
                ("title", "Taken over"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/move",
            Stranger,
            &[
                ("card_id", "{card}"),
                ("column_id", "{column}"),
                ("position", "1"),
                ("version", "1"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/move",
            Visitor,
            &[
                ("card_id", "{card}"),
                ("column_id", "{column}"),
                ("position", "1"),
                ("version", "1"),
            ],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/card/state",
            Stranger,
            &[("card_id", "{card}"), ("action", "trash"), ("version", "1")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/targets",
            Stranger,
            &[("card_id", "{card}")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/get",
            Stranger,
            &[("card_id", "{card}")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/edit",
            Stranger,
            &[
                ("card_id", "{card}"),
                ("version", "1"),
                ("title", "Taken over"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/label",
            Stranger,
            &[("card_id", "{card}"), ("label_id", "1"), ("on", "true")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/label/create",
            Stranger,
            &[("board_id", "{board}"), ("name", "Mine"), ("colour", "red")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/assign",
            Stranger,
            &[
                ("card_id", "{card}"),
                ("user_id", "{stranger}"),
                ("on", "true"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/checklist/add",
            Stranger,
            &[("card_id", "{card}"), ("text", "Mine")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/checklist/set",
            Visitor,
            &[("item_id", "1"), ("done", "true")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/card/checklist/remove",
            Visitor,
            &[("item_id", "1")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/card/comment",
            Stranger,
            &[("card_id", "{card}"), ("body", "Hello")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/comment/edit",
            Visitor,
            &[("comment_id", "1"), ("body", "Mine now")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/card/comment/delete",
            Visitor,
            &[("comment_id", "1")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/card/link/add",
            Stranger,
            &[("card_id", "{card}"), ("url", "https://evil.example")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/card/link/remove",
            Visitor,
            &[("link_id", "1")],
            UNAUTHORIZED,
        ),
        case(
            "/api/boards/columns",
            Stranger,
            &[("board_id", "{board}")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/column/add",
            Stranger,
            &[("board_id", "{board}"), ("name", "Mine")],
            NOT_FOUND,
        ),
        case(
            "/api/boards/column/edit",
            Stranger,
            &[
                ("column_id", "{column}"),
                ("version", "1"),
                ("name", "Mine"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/column/move",
            Stranger,
            &[
                ("column_id", "{column}"),
                ("version", "1"),
                ("position", "2"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/column/archive",
            Stranger,
            &[
                ("column_id", "{column}"),
                ("version", "1"),
                ("archived", "true"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/boards/put-away",
            Stranger,
            &[("board_id", "{board}")],
            NOT_FOUND,
        ),
        case("/api/chat/list", Visitor, &[], UNAUTHORIZED),
        case("/api/chat/unread", Visitor, &[], OK),
        case(
            "/api/chat/get",
            Visitor,
            &[("id", "{conversation}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/chat/get",
            Stranger,
            &[("id", "{conversation}")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/get",
            Admin,
            &[("id", "{conversation}")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/send",
            Visitor,
            &[
                ("conversation_id", "{conversation}"),
                ("client_id", "x1"),
                ("body", "hi"),
            ],
            UNAUTHORIZED,
        ),
        case(
            "/api/chat/send",
            Stranger,
            &[
                ("conversation_id", "{conversation}"),
                ("client_id", "x1"),
                ("body", "hi"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/chat/edit",
            Stranger,
            &[("message_id", "{message}"), ("body", "taken over")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/delete",
            Stranger,
            &[("message_id", "{message}")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/delete",
            Visitor,
            &[("message_id", "{message}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/chat/read",
            Stranger,
            &[
                ("conversation_id", "{conversation}"),
                ("message_id", "{message}"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/chat/search",
            Stranger,
            &[("query", "bakery"), ("conversation_id", "{conversation}")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/report",
            Stranger,
            &[("message_id", "{message}"), ("reason", "spam spam")],
            NOT_FOUND,
        ),
        case(
            "/api/chat/report",
            Visitor,
            &[("message_id", "{message}"), ("reason", "spam spam")],
            UNAUTHORIZED,
        ),
        // Accounts.
        case("/api/auth/me", Visitor, &[], OK),
        // Account security: only ever on the caller's own account.
        case("/api/auth/sessions", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/auth/sessions/revoke",
            Visitor,
            &[("handle", "0123456789abcdef")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/sessions/revoke",
            Stranger,
            &[("handle", "0123456789abcdef")],
            NOT_FOUND,
        ),
        case(
            "/api/auth/sessions/revoke-others",
            Visitor,
            &[],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/password",
            Visitor,
            &[
                ("current_password", "x"),
                ("new_password", "a long new passphrase"),
            ],
            UNAUTHORIZED,
        ),
        case("/api/auth/2fa/status", Visitor, &[], UNAUTHORIZED),
        case("/api/auth/2fa/begin", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/auth/2fa/confirm",
            Visitor,
            &[("code", "123456")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/2fa/disable",
            Visitor,
            &[("password", "x"), ("code", "123456")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/login/code",
            Visitor,
            &[("code", "123456")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/delete-account",
            Visitor,
            &[("password", "x"), ("confirm", "DELETE")],
            UNAUTHORIZED,
        ),
        case("/api/auth/logout", Visitor, &[], OK),
        case(
            "/api/auth/signup",
            Visitor,
            &[
                ("email", "x"),
                ("username", "x"),
                ("display_name", "X"),
                ("password", "x"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        case(
            "/api/auth/login",
            Visitor,
            &[("identifier", "owner"), ("password", "wrong password!")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/switch-mode",
            Visitor,
            &[("mode", "client")],
            UNAUTHORIZED,
        ),
        case(
            "/api/auth/switch-mode",
            ClientOnly,
            &[("mode", "freelancer")],
            FORBIDDEN,
        ),
        case(
            "/api/auth/add-mode",
            Visitor,
            &[("mode", "freelancer")],
            UNAUTHORIZED,
        ),
        // Admin.
        case("/api/admin/health", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/health", Stranger, &[], FORBIDDEN),
        case("/api/admin/health", Admin, &[], FORBIDDEN),
        // Moderation.
        case(
            "/api/moderation/report",
            Visitor,
            &[("kind", "gig"), ("object_id", "{gig}"), ("reason", "spam")],
            UNAUTHORIZED,
        ),
        case(
            "/api/moderation/report",
            Stranger,
            &[
                ("kind", "gig"),
                ("object_id", "{invite_only_gig}"),
                ("reason", "spam"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/moderation/report",
            ClientOnly,
            &[
                ("kind", "gig"),
                ("object_id", "{pending_gig}"),
                ("reason", "spam"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/moderation/report",
            ClientOnly,
            &[
                ("kind", "profile"),
                ("object_id", "{pending_freelancer}"),
                ("reason", "spam"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/moderation/report",
            Stranger,
            &[
                ("kind", "message"),
                ("object_id", "{message}"),
                ("reason", "spam"),
            ],
            NOT_FOUND,
        ),
        case("/api/admin/analytics", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/analytics", Stranger, &[], FORBIDDEN),
        case("/api/admin/queue", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/queue", Stranger, &[], FORBIDDEN),
        case("/api/admin/queue/counts", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/queue/counts", Stranger, &[], FORBIDDEN),
        case("/api/admin/audit", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/audit", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/admin/moderate",
            Visitor,
            &[
                ("kind", "gig"),
                ("object_id", "{gig}"),
                ("action", "hide"),
                ("reason", "spam gig"),
            ],
            UNAUTHORIZED,
        ),
        case(
            "/api/admin/moderate",
            Stranger,
            &[
                ("kind", "gig"),
                ("object_id", "{gig}"),
                ("action", "hide"),
                ("reason", "spam gig"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/admin/moderate",
            Stranger,
            &[
                ("kind", "user"),
                ("object_id", "{freelancer}"),
                ("action", "suspend"),
                ("reason", "fraud"),
                ("length", "7"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/admin/moderate",
            Admin,
            &[
                ("kind", "user"),
                ("object_id", "{root}"),
                ("action", "suspend"),
                ("reason", "coup"),
                ("length", "permanent"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/admin/moderate",
            Admin,
            &[
                ("kind", "user"),
                ("object_id", "{root}"),
                ("action", "warn"),
                ("reason", "coup"),
            ],
            FORBIDDEN,
        ),
        case("/api/admin/ledger", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/ledger", Stranger, &[], FORBIDDEN),
        case("/api/admin/ledger", Admin, &[], FORBIDDEN),
        case("/api/admin/users", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/users", Stranger, &[], FORBIDDEN),
        case(
            "/api/admin/set-admin",
            Stranger,
            &[("user_id", "{stranger}"), ("grant", "true")],
            FORBIDDEN,
        ),
        case(
            "/api/admin/set-admin",
            Admin,
            &[("user_id", "{stranger}"), ("grant", "true")],
            FORBIDDEN,
        ),
        case("/api/admin/profiles/pending", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/profiles/pending", Stranger, &[], FORBIDDEN),
        case(
            "/api/admin/profiles/decide",
            Stranger,
            &[
                ("user_id", "{pending_freelancer}"),
                ("revision", "{pending_revision}"),
                ("approve", "true"),
            ],
            FORBIDDEN,
        ),
        case("/api/admin/gigs/pending", Visitor, &[], UNAUTHORIZED),
        case("/api/admin/gigs/pending", Stranger, &[], FORBIDDEN),
        case(
            "/api/admin/gigs/decide",
            Stranger,
            &[
                ("gig_id", "{pending_gig}"),
                ("revision", "{pending_gig_revision}"),
                ("approve", "true"),
            ],
            FORBIDDEN,
        ),
        // Gigs.
        case("/api/gigs/save", Visitor, GIG_FORM, UNAUTHORIZED),
        case("/api/gigs/save", Stranger, GIG_FORM, FORBIDDEN),
        case("/api/gigs/save", FreelancerOnly, GIG_FORM, FORBIDDEN),
        case(
            "/api/gigs/get",
            Visitor,
            &[("id", "{pending_gig}")],
            NOT_FOUND,
        ),
        case(
            "/api/gigs/get",
            Stranger,
            &[("id", "{invite_only_gig}")],
            NOT_FOUND,
        ),
        case("/api/gigs/get", Visitor, &[("id", "{gig}")], OK),
        case("/api/gigs/form", Visitor, &[("id", "{gig}")], UNAUTHORIZED),
        case("/api/gigs/form", Stranger, &[("id", "{gig}")], FORBIDDEN),
        case("/api/gigs/search", Visitor, &[], OK),
        case("/api/gigs/mine", Visitor, &[], UNAUTHORIZED),
        case("/api/gigs/mine", FreelancerOnly, &[], FORBIDDEN),
        case("/api/gigs/cancel", Stranger, &[("id", "{gig}")], FORBIDDEN),
        case("/api/gigs/close", Visitor, &[("id", "{gig}")], UNAUTHORIZED),
        case("/api/gigs/close", Stranger, &[("id", "{gig}")], FORBIDDEN),
        case(
            "/api/gigs/bookmark",
            Visitor,
            &[("id", "{gig}"), ("saved", "true")],
            UNAUTHORIZED,
        ),
        case(
            "/api/gigs/bookmark",
            Stranger,
            &[("id", "{invite_only_gig}"), ("saved", "true")],
            NOT_FOUND,
        ),
        case("/api/gigs/saved", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/gigs/invite",
            Stranger,
            &[("gig_id", "{gig}"), ("freelancer_id", "{stranger}")],
            FORBIDDEN,
        ),
        // Proposals.
        case(
            "/api/proposals/submit",
            Visitor,
            &[
                ("gig_id", "{gig}"),
                ("proposal[cover_letter]", "I would like to take this over."),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "5"),
                ("proposal[duration_days]", "3"),
            ],
            UNAUTHORIZED,
        ),
        case(
            "/api/proposals/submit",
            ClientOnly,
            &[
                ("gig_id", "{gig}"),
                ("proposal[cover_letter]", "I would like to take this over."),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "5"),
                ("proposal[duration_days]", "3"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/proposals/submit",
            Stranger,
            &[
                ("gig_id", "{invite_only_gig}"),
                ("proposal[cover_letter]", "I would like to take this over."),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "5"),
                ("proposal[duration_days]", "3"),
            ],
            NOT_FOUND,
        ),
        case(
            "/api/proposals/update",
            Stranger,
            &[
                ("id", "{proposal}"),
                (
                    "proposal[cover_letter]",
                    "I would like to take this over from the freelancer.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "5"),
                ("proposal[duration_days]", "3"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/proposals/withdraw",
            Stranger,
            &[("id", "{proposal}")],
            FORBIDDEN,
        ),
        case(
            "/api/proposals/withdraw",
            Visitor,
            &[("id", "{proposal}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/proposals/get",
            Stranger,
            &[("id", "{proposal}")],
            NOT_FOUND,
        ),
        case(
            "/api/proposals/for-gig",
            Stranger,
            &[("gig_id", "{gig}")],
            FORBIDDEN,
        ),
        case("/api/proposals/mine", Visitor, &[], UNAUTHORIZED),
        case("/api/proposals/mine", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/proposals/shortlist",
            Stranger,
            &[("id", "{proposal}")],
            FORBIDDEN,
        ),
        case(
            "/api/proposals/reject",
            Stranger,
            &[("id", "{proposal}"), ("reason", "no")],
            FORBIDDEN,
        ),
        case(
            "/api/proposals/reject",
            Visitor,
            &[("id", "{proposal}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/proposals/accept",
            Stranger,
            &[
                ("id", "{proposal}"),
                ("milestones[0][title]", "All"),
                ("milestones[0][amount]", "700"),
            ],
            FORBIDDEN,
        ),
        // Contracts.
        case("/api/contracts/mine", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/contracts/get",
            Stranger,
            &[("id", "{contract}")],
            NOT_FOUND,
        ),
        case(
            "/api/contracts/milestones/submit",
            Stranger,
            &[("milestone_id", "{milestone}")],
            NOT_FOUND,
        ),
        case(
            "/api/contracts/milestones/submit",
            Visitor,
            &[("milestone_id", "{milestone}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/contracts/milestones/approve",
            Stranger,
            &[("milestone_id", "{milestone}")],
            NOT_FOUND,
        ),
        case(
            "/api/contracts/cancel",
            Stranger,
            &[("contract_id", "{contract}")],
            NOT_FOUND,
        ),
        case(
            "/api/contracts/cancel/withdraw",
            Stranger,
            &[("contract_id", "{contract}")],
            NOT_FOUND,
        ),
        case(
            "/api/contracts/cancel/withdraw",
            Visitor,
            &[("contract_id", "{contract}")],
            UNAUTHORIZED,
        ),
        case("/api/contracts/earnings", Visitor, &[], UNAUTHORIZED),
        case("/api/contracts/earnings", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/reviews/submit",
            Stranger,
            &[
                ("contract_id", "{contract}"),
                ("rating", "1"),
                ("body", "Terrible, never worked with them at all."),
            ],
            NOT_FOUND,
        ),
        // Discovery and profiles.
        case("/api/talent/search", Visitor, &[], OK),
        case(
            "/api/talent/bookmark",
            Visitor,
            &[("freelancer_id", "{freelancer}"), ("saved", "true")],
            UNAUTHORIZED,
        ),
        case(
            "/api/talent/bookmark",
            Stranger,
            &[("freelancer_id", "{pending_freelancer}"), ("saved", "true")],
            NOT_FOUND,
        ),
        case("/api/talent/saved", Visitor, &[], UNAUTHORIZED),
        case("/api/profiles/me", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/profiles/freelancer",
            Visitor,
            &[("username", "pending_dev")],
            NOT_FOUND,
        ),
        case(
            "/api/profiles/freelancer",
            Visitor,
            &[("username", "pending_dev@example.com")],
            NOT_FOUND,
        ),
        case(
            "/api/profiles/client",
            Stranger,
            &[("username", "owner")],
            NOT_FOUND,
        ),
        case(
            "/api/profiles/client",
            Visitor,
            &[("username", "owner")],
            UNAUTHORIZED,
        ),
        case("/api/profiles/client/me", Visitor, &[], UNAUTHORIZED),
        case("/api/profiles/client/me", FreelancerOnly, &[], FORBIDDEN),
        case(
            "/api/profiles/client/save",
            Visitor,
            &[("city", "Oslo")],
            UNAUTHORIZED,
        ),
        case(
            "/api/profiles/client/save",
            FreelancerOnly,
            &[("city", "Oslo"), ("country", "NO")],
            FORBIDDEN,
        ),
        case("/api/skills/suggest", Visitor, &[("q", "zyx")], OK),
        case(
            "/api/onboarding/start",
            Visitor,
            &[("kind", "freelance")],
            UNAUTHORIZED,
        ),
        case(
            "/api/onboarding/teaching",
            ClientOnly,
            &[
                ("kind", "coaching"),
                ("teaching_format", "online"),
                ("levels[]", "beginner"),
            ],
            FORBIDDEN,
        ),
        case(
            "/api/onboarding/roles",
            ClientOnly,
            &[("roles[]", "web-developer")],
            FORBIDDEN,
        ),
        case(
            "/api/onboarding/skills",
            ClientOnly,
            &[("skills", "CSS")],
            FORBIDDEN,
        ),
        case(
            "/api/onboarding/experience",
            Visitor,
            &[("tagline", "x"), ("bio", "y")],
            UNAUTHORIZED,
        ),
        case(
            "/api/onboarding/experience",
            ClientOnly,
            &[("tagline", "x"), ("bio", "y")],
            FORBIDDEN,
        ),
        case("/api/onboarding/education", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/onboarding/languages",
            ClientOnly,
            &[
                ("languages[0][language]", "English"),
                ("languages[0][proficiency]", "fluent"),
            ],
            FORBIDDEN,
        ),
        case("/api/onboarding/portfolio", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/onboarding/rate",
            Visitor,
            &[
                ("hourly_rate", "10"),
                ("currency", "USD"),
                ("availability", "full_time"),
            ],
            UNAUTHORIZED,
        ),
        case(
            "/api/onboarding/rate",
            ClientOnly,
            &[
                ("hourly_rate", "10"),
                ("currency", "USD"),
                ("availability", "full_time"),
            ],
            FORBIDDEN,
        ),
        case("/api/onboarding/missing", Visitor, &[], UNAUTHORIZED),
        case("/api/onboarding/missing", ClientOnly, &[], FORBIDDEN),
        case("/api/onboarding/submit", ClientOnly, &[], FORBIDDEN),
        // Messaging rule.
        case(
            "/api/messages/can-message",
            Visitor,
            &[("username", "freelancer")],
            UNAUTHORIZED,
        ),
        case(
            "/api/messages/start",
            Visitor,
            &[("username", "freelancer")],
            UNAUTHORIZED,
        ),
        case(
            "/api/messages/start",
            FreelancerOnly,
            &[("username", "owner")],
            FORBIDDEN,
        ),
        // Dashboards.
        case("/api/dashboard/freelancer", Visitor, &[], UNAUTHORIZED),
        case("/api/dashboard/freelancer", ClientOnly, &[], FORBIDDEN),
        case("/api/dashboard/client", Visitor, &[], UNAUTHORIZED),
        case("/api/dashboard/client", FreelancerOnly, &[], FORBIDDEN),
        // Suggestions.
        case(
            "/api/suggest/roles",
            Visitor,
            &[("text", "my bakery needs an online shop")],
            OK,
        ),
        case(
            "/api/suggest/ask",
            Visitor,
            &[("need", "x")],
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        case("/api/suggest/history", Visitor, &[], UNAUTHORIZED),
        case(
            "/api/suggest/draft",
            Visitor,
            &[("id", "{owner_suggestion}")],
            UNAUTHORIZED,
        ),
        case(
            "/api/suggest/draft",
            Stranger,
            &[("id", "{owner_suggestion}")],
            NOT_FOUND,
        ),
        case(
            "/api/suggest/draft",
            FreelancerOnly,
            &[("id", "{owner_suggestion}")],
            FORBIDDEN,
        ),
        case("/api/suggest/gigs", Visitor, &[], UNAUTHORIZED),
        case("/api/suggest/gigs", ClientOnly, &[], FORBIDDEN),
        case(
            "/api/suggest/talent",
            Stranger,
            &[("gig_id", "{gig}")],
            FORBIDDEN,
        ),
        case(
            "/api/suggest/talent",
            Visitor,
            &[("gig_id", "{gig}")],
            UNAUTHORIZED,
        ),
    ]
}

/// The objects the cases act on, and the callers.
struct World<'a> {
    ids: HashMap<&'static str, String>,
    callers: HashMap<Caller, Client<'a>>,
    owner: Client<'a>,
}

impl World<'_> {
    fn fill(&self, value: &str) -> String {
        self.ids.iter().fold(value.to_string(), |v, (name, id)| {
            v.replace(&format!("{{{name}}}"), id)
        })
    }
}

/// An owner with an open public gig, an invite-only gig and a pending gig;
/// a freelancer with a proposal on the open gig, and a contract (with a
/// milestone) on a second gig; a pending freelancer; the owner's saved need;
/// and every kind of caller.
async fn world(app: &TestApp) -> World<'_> {
    let (mut owner, gig) = app.open_gig("owner", &project_gig(&[])).await;
    let mut freelancer = app
        .approved_freelancer("freelancer", "web-developer", "Shopify, CSS", "40")
        .await;
    let proposal = freelancer
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &gig.to_string()),
                (
                    "proposal[cover_letter]",
                    "I have built many bakery shops and can start Monday.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "700"),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await
        .to_string();
    let second = owner
        .post_gig(
            &project_gig(&[("gig[title]", "Second shop for the bakery")]),
            true,
        )
        .await;
    app.admin().await.approve_gig(&second.to_string()).await;
    let second_proposal = freelancer
        .ok(
            "/api/proposals/submit",
            &[
                ("gig_id", &second.to_string()),
                (
                    "proposal[cover_letter]",
                    "I can build the second shop exactly like the first.",
                ),
                ("proposal[price_type]", "fixed"),
                ("proposal[amount]", "500"),
                ("proposal[duration_days]", "10"),
            ],
        )
        .await
        .to_string();
    let contract = owner
        .ok(
            "/api/proposals/accept",
            &[
                ("id", &second_proposal),
                ("milestones[0][title]", "Everything"),
                ("milestones[0][amount]", "500"),
            ],
        )
        .await
        .to_string();
    let milestone =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["milestones"][0]["id"]
            .to_string();
    let invite_only = owner
        .post_gig(
            &project_gig(&[
                ("gig[title]", "Private shop for the bakery"),
                ("gig[visibility]", "invite_only"),
            ]),
            true,
        )
        .await;
    app.admin()
        .await
        .approve_gig(&invite_only.to_string())
        .await;
    let pending_gig = owner
        .post_gig(
            &project_gig(&[("gig[title]", "Pending shop for the bakery")]),
            true,
        )
        .await;
    let mut pending = app.client();
    pending.sign_up("pending_dev", &["wants_freelancer"]).await;
    pending
        .complete_onboarding("freelance", &["web-developer"], "CSS", "30")
        .await;
    let pending_id = pending.me().await["id"].to_string();
    owner
        .ok(
            "/api/suggest/ask",
            &[("need", "my bakery needs an online shop")],
        )
        .await;
    let owner_suggestion = owner.ok("/api/suggest/history", &[]).await[0]["id"].to_string();
    let freelancer_id = freelancer.me().await["id"].to_string();
    let notification = owner.ok("/api/notifications/list", &[]).await[0]["id"].to_string();
    let conversation =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["conversation_id"].to_string();
    let board = owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board_view = owner.ok("/api/boards/get", &[("id", &board)]).await;
    let column = board_view["columns"][0]["id"].to_string();
    let card = board_view["columns"][0]["cards"][0]["id"].to_string();
    let message = owner
        .ok(
            "/api/chat/send",
            &[
                ("conversation_id", &conversation),
                ("client_id", "owner-1"),
                ("body", "Welcome to the bakery team"),
            ],
        )
        .await["id"]
        .to_string();

    let mut admin = app.admin().await;
    let root = admin.me().await["id"].to_string();
    let pending_revision = admin.pending_profile_revision(&pending_id).await;
    let pending_gig_revision = admin.pending_gig_revision(&pending_gig.to_string()).await;

    let mut stranger = app
        .approved_freelancer("stranger", "web-developer", "CSS", "35")
        .await;
    stranger
        .ok("/api/auth/add-mode", &[("mode", "client")])
        .await;
    let stranger_id = stranger.me().await["id"].to_string();
    let mut client_only = app.client();
    client_only.sign_up("client_only", &["wants_client"]).await;
    let mut freelancer_only = app.client();
    freelancer_only
        .sign_up("freelancer_only", &["wants_freelancer"])
        .await;
    let mut plain_admin = app.client();
    plain_admin.sign_up("plain_admin", &["wants_client"]).await;
    let plain_admin_id = plain_admin.me().await["id"].to_string();
    admin
        .ok(
            "/api/admin/set-admin",
            &[("user_id", &plain_admin_id), ("grant", "true")],
        )
        .await;
    assert_eq!(
        plain_admin.log_in("plain_admin", PASSWORD).await.status,
        StatusCode::OK
    );

    let ids = HashMap::from([
        ("gig", gig.to_string()),
        ("proposal", proposal),
        ("contract", contract),
        ("milestone", milestone),
        ("invite_only_gig", invite_only.to_string()),
        ("pending_gig", pending_gig.to_string()),
        ("pending_gig_revision", pending_gig_revision),
        ("pending_freelancer", pending_id),
        ("pending_revision", pending_revision),
        ("owner_suggestion", owner_suggestion),
        ("freelancer", freelancer_id),
        ("stranger", stranger_id),
        ("conversation", conversation),
        ("message", message),
        ("board", board),
        ("column", column),
        ("card", card),
        ("notification", notification),
        ("root", root),
    ]);
    let callers = HashMap::from([
        (Visitor, app.client()),
        (Stranger, stranger),
        (ClientOnly, client_only),
        (FreelancerOnly, freelancer_only),
        (Admin, plain_admin),
    ]);
    World {
        ids,
        callers,
        owner,
    }
}

#[tokio::test]
async fn every_forbidden_path_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let mut world = world(&app).await;
    let mut wrong = Vec::new();
    for case in cases() {
        let fields: Vec<(String, String)> = case
            .fields
            .iter()
            .map(|(k, v)| (k.to_string(), world.fill(v)))
            .collect();
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let client = world.callers.get_mut(&case.caller).expect("caller");
        let response = client.post(case.path, &refs).await;
        if response.status != case.status {
            wrong.push(format!(
                "{} as {:?}: expected {}, got {} {}",
                case.path,
                case.caller,
                case.status,
                response.status,
                response.text().chars().take(200).collect::<String>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let gig = world
        .owner
        .ok("/api/gigs/get", &[("id", &world.ids["gig"])])
        .await;
    assert_eq!(gig["summary"]["title"], "Online shop for our family bakery");
    assert_eq!(gig["summary"]["status"], "open");
    let proposal = world
        .owner
        .ok("/api/proposals/get", &[("id", &world.ids["proposal"])])
        .await;
    assert_eq!(proposal["status"], "pending");
    let contract = world
        .owner
        .ok("/api/contracts/get", &[("id", &world.ids["contract"])])
        .await;
    assert_eq!(contract["status"], "active");
    assert_eq!(contract["milestones"][0]["status"], "pending");
    let unread = world.owner.ok("/api/notifications/unread", &[]).await;
    assert!(
        unread.as_u64().unwrap() >= 1,
        "the owner's notifications stay unread"
    );
    let chat = world
        .owner
        .ok("/api/chat/get", &[("id", &world.ids["conversation"])])
        .await;
    let last = chat["messages"]
        .as_array()
        .expect("messages")
        .last()
        .cloned();
    assert_eq!(
        last.expect("a message")["body"],
        "Welcome to the bakery team"
    );
    let stranger_is_admin = world
        .callers
        .get_mut(&Stranger)
        .expect("stranger")
        .me()
        .await["is_admin"]
        .clone();
    assert_eq!(stranger_is_admin, false);
    // No refused moderation left a trace: the gig is public, nobody is
    // suspended, no report was filed and no admin action was recorded.
    let public = app
        .client()
        .get(&format!("/api/v1/gigs/{}", world.ids["gig"]))
        .await;
    assert_eq!(public.status, StatusCode::OK);
    let mut root = app.admin().await;
    assert_eq!(
        root.ok("/api/admin/queue/counts", &[]).await["open_reports"],
        0
    );
    let log = root.ok("/api/admin/audit", &[]).await;
    assert!(
        log["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .all(|r| !r["action"]
                .as_str()
                .unwrap_or_default()
                .starts_with("user.")
                && !r["action"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("content.")),
        "{log}"
    );
}

#[test]
fn every_server_function_has_a_row() {
    let covered: BTreeSet<&str> = cases().iter().map(|c| c.path).collect();
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    let missing: Vec<&&str> = registered.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in the access matrix: {missing:?}"
    );
    assert!(
        registered.len() > 60,
        "found {} server functions",
        registered.len()
    );
}
