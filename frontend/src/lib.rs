//! The WebAssembly entry point: hydrates the page the server rendered.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script: attaches the app to the server-rendered
/// HTML, then marks `<body data-hydrated>` so tests know clicks will be handled.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
