//! The built site's files, read into memory once at start-up and served
//! from there, outside the session, CSRF and Leptos layers.
//!
//! tower-http's `ServeDir` opens, stats and reads the file on the blocking
//! pool for every request; on the 2-core machines Guild is measured on,
//! where system calls and thread hand-offs are expensive, that capped a
//! 23 KB stylesheet at ~2,500 requests/s. The bundles never change while the
//! server runs (a new build means a restart), so they are kept in memory
//! with their precompressed `.br`/`.gz` siblings and answered without a
//! system call.
//!
//! * `/pkg/*` (the WebAssembly, JavaScript and CSS bundles and their lazy
//!   chunks): with content-hashed names (`hash-files`) cached for a year as
//!   immutable, otherwise revalidated with their `ETag`.
//! * Every other file at the top of the site root (`public/`: the favicon),
//!   cached for a day.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use leptos::config::LeptosOptions;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// `Cache-Control` of content-hashed bundles.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of bundles whose names do not change with their content.
pub const REVALIDATE: &str = "no-cache";
/// `Cache-Control` of the other public files.
pub const PUBLIC_FILE: &str = "public, max-age=86400";

/// One file and its precompressed forms.
#[derive(Debug)]
struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    etag: HeaderValue,
    raw: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// Every file served, by URL path (`/pkg/guild.css`, `/favicon.svg`).
#[derive(Debug, Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
}

impl Assets {
    /// Reads the site root: the bundle directory and the top-level files.
    pub fn load(options: &LeptosOptions) -> Self {
        let root = Path::new(options.site_root.as_ref());
        let pkg_dir: &str = options.site_pkg_dir.as_ref();
        let bundle_cache = if options.hash_files {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        let mut assets = Self::default();
        assets.add_dir(&root.join(pkg_dir), &format!("/{pkg_dir}"), bundle_cache);
        assets.add_dir(root, "", PUBLIC_FILE);
        assets
    }

    /// How many files are held.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file is held (no site was built).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Adds the plain files directly in `dir` under `prefix`.
    fn add_dir(&mut self, dir: &Path, prefix: &str, cache_control: &'static str) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let plain = entry.file_type().is_ok_and(|t| t.is_file())
                && !name.ends_with(".br")
                && !name.ends_with(".gz")
                && !name.starts_with('.');
            if !plain {
                continue;
            }
            let path = entry.path();
            let Ok(raw) = std::fs::read(&path) else {
                continue;
            };
            let sibling = |ext: &str| std::fs::read(dir.join(format!("{name}.{ext}"))).ok();
            let content_type = mime_guess::from_path(&path)
                .first_raw()
                .unwrap_or("application/octet-stream");
            let asset = Asset {
                content_type: HeaderValue::from_static(content_type),
                cache_control: HeaderValue::from_static(cache_control),
                etag: etag(&raw),
                brotli: sibling("br").map(Bytes::from),
                gzip: sibling("gz").map(Bytes::from),
                raw: Bytes::from(raw),
            };
            self.files.insert(format!("{prefix}/{name}"), asset);
        }
    }

    /// The response for `path`, given the request's headers.
    fn respond(&self, path: &str, request: &HeaderMap) -> Response {
        let Some(asset) = self.files.get(path) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, asset.content_type.clone());
        headers.insert(header::CACHE_CONTROL, asset.cache_control.clone());
        headers.insert(header::ETAG, asset.etag.clone());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if request
            .get(header::IF_NONE_MATCH)
            .is_some_and(|v| v == asset.etag)
        {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        let (body, encoding) = match preferred_encoding(request) {
            Encoding::Brotli if asset.brotli.is_some() => (asset.brotli.clone(), Some("br")),
            Encoding::Brotli | Encoding::Gzip if asset.gzip.is_some() => {
                (asset.gzip.clone(), Some("gzip"))
            }
            _ => (None, None),
        };
        if let Some(encoding) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        (headers, body.unwrap_or_else(|| asset.raw.clone())).into_response()
    }
}

/// The best encoding the client accepts among those kept.
#[derive(Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let accepted = |name: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|part| {
                let mut pieces = part.split(';').map(str::trim);
                let refused = |q: &str| {
                    q.strip_prefix("q=")
                        .is_some_and(|q| q.parse::<f32>() == Ok(0.0))
                };
                pieces.next().is_some_and(|n| n.eq_ignore_ascii_case(name)) && !pieces.any(refused)
            })
    };
    if accepted("br") {
        Encoding::Brotli
    } else if accepted("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// A strong validator for `bytes` (FNV-1a over the content, and its length).
fn etag(bytes: &[u8]) -> HeaderValue {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    HeaderValue::from_str(&format!("\"{hash:016x}-{:x}\"", bytes.len()))
        .expect("hex is a valid header value")
}

/// The routes serving the site's files from memory.
pub fn routes<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let assets = Arc::new(Assets::load(options));
    let pkg_dir = options.site_pkg_dir.to_string();
    let top_level: Vec<String> = assets
        .files
        .keys()
        .filter(|k| !k.starts_with(&format!("/{pkg_dir}/")))
        .cloned()
        .collect();
    let route = format!("/{pkg_dir}/{{*file}}");
    let mut router = Router::new().route(
        &route,
        get(
            move |State(assets): State<Arc<Assets>>,
                  UrlPath(file): UrlPath<String>,
                  headers: HeaderMap| async move {
                assets.respond(&format!("/{pkg_dir}/{file}"), &headers)
            },
        ),
    );
    for path in top_level {
        let key = path.clone();
        router = router.route(
            &path,
            get(
                move |State(assets): State<Arc<Assets>>, headers: HeaderMap| async move {
                    assets.respond(&key, &headers)
                },
            ),
        );
    }
    router.with_state(assets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, LeptosOptions) {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        std::fs::write(pkg.join("guild.abc.css"), "body{}").unwrap();
        std::fs::write(pkg.join("guild.abc.css.br"), "BR").unwrap();
        std::fs::write(pkg.join("guild.abc.css.gz"), "GZ").unwrap();
        std::fs::write(pkg.join("guild.abc.wasm"), "wasm").unwrap();
        std::fs::write(dir.path().join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("favicon.svg.gz"), "x").unwrap();
        let options = LeptosOptions::builder()
            .output_name("guild")
            .site_root(dir.path().display().to_string())
            .hash_files(true)
            .build();
        (dir, options)
    }

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn plain_files_are_held_without_their_compressed_siblings() {
        let (_dir, options) = site();
        let assets = Assets::load(&options);
        let mut paths: Vec<&String> = assets.files.keys().collect();
        paths.sort();
        assert_eq!(
            paths,
            ["/favicon.svg", "/pkg/guild.abc.css", "/pkg/guild.abc.wasm"]
        );
    }

    #[test]
    fn the_best_accepted_encoding_is_sent() {
        let (_dir, options) = site();
        let assets = Assets::load(&options);
        let br = assets.respond("/pkg/guild.abc.css", &accept("gzip, deflate, br"));
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert_eq!(br.headers()[header::CONTENT_TYPE], "text/css");
        let gz = assets.respond("/pkg/guild.abc.css", &accept("gzip"));
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        let refused = assets.respond("/pkg/guild.abc.css", &accept("br;q=0, gzip;q=0"));
        assert!(refused.headers().get(header::CONTENT_ENCODING).is_none());
        let no_sibling = assets.respond("/pkg/guild.abc.wasm", &accept("br"));
        assert!(no_sibling.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(
            assets.respond("/favicon.svg", &HeaderMap::new()).headers()[header::CACHE_CONTROL],
            PUBLIC_FILE
        );
    }

    #[test]
    fn unknown_files_are_404_and_known_etags_304() {
        let (_dir, options) = site();
        let assets = Assets::load(&options);
        assert_eq!(
            assets.respond("/pkg/nope.js", &HeaderMap::new()).status(),
            StatusCode::NOT_FOUND
        );
        let first = assets.respond("/pkg/guild.abc.wasm", &HeaderMap::new());
        let etag = first.headers()[header::ETAG].clone();
        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(
            assets.respond("/pkg/guild.abc.wasm", &again).status(),
            StatusCode::NOT_MODIFIED
        );
    }
}
