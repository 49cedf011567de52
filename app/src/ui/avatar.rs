//! Generated avatars: initials on a colour picked from the username, so no
//! external image service is involved.

use crate::accounts::model::initials;
use leptos::prelude::*;

/// Number of avatar colours defined in the stylesheet (`.avatar--c0` …).
const COLOURS: u32 = 8;

/// A stable colour index for `seed` (FNV-1a).
pub fn colour_index(seed: &str) -> u32 {
    let hash = seed.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash % COLOURS
}

/// A round avatar showing the initials of `name`.
#[component]
pub fn Avatar(
    /// The person's display name.
    #[prop(into)]
    name: String,
    /// What picks the colour (the username).
    #[prop(into)]
    seed: String,
    /// Size in CSS pixels (24, 32, 48, 64 or 96).
    #[prop(default = 32)]
    size: u32,
) -> impl IntoView {
    let class = format!("avatar avatar--{size} avatar--c{}", colour_index(&seed));
    view! {
        <span class=class role="img" aria-label=name.clone()>
            <span aria-hidden="true">{initials(&name)}</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_stable_and_in_range() {
        assert_eq!(colour_index("ada"), colour_index("ada"));
        assert!((0..COLOURS).contains(&colour_index("grace")));
    }
}
