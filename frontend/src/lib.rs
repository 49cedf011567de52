//! The WebAssembly entry point: hydrates the page the server rendered.

// Leptos views are nested generic types; without type erasure the deepest
// pages need more than the default 128 levels.
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script: attaches the app to the server-rendered
/// HTML (asynchronously, since pages are lazy routes whose code may first
/// have to be loaded), then marks `<body data-hydrated>` so tests know clicks
/// will be handled.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let owner = leptos::mount::hydrate_from_async(body.clone(), app::App).await;
        owner.forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
