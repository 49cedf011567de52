//! Whether the request being served came from Guild itself (server only).
//!
//! The CSRF middleware in `server` decides this once per request from
//! `Sec-Fetch-Site` (or `Origin`) and marks trusted requests with
//! [`SameOrigin`]. State-changing requests without the mark never reach the
//! app; a GET page render may still arrive from a link on another site, so
//! anything a render writes must check [`request_is_same_origin`] first.

use http::request::Parts;
use leptos::prelude::use_context;

/// Request extension: the request came from Guild's own pages, or the user
/// typed or bookmarked the address (`Sec-Fetch-Site: same-origin` or
/// `none`, or a matching `Origin`).
#[derive(Clone, Copy, Debug)]
pub struct SameOrigin;

/// Whether the current page render or server function call carries the
/// [`SameOrigin`] mark; false outside a request or without the mark.
pub fn request_is_same_origin() -> bool {
    use_context::<Parts>().is_some_and(|parts| parts.extensions.get::<SameOrigin>().is_some())
}
