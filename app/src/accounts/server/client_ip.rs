//! The client's IP address, for throttling.

use axum::extract::ConnectInfo;
use http::request::Parts;
use std::net::SocketAddr;

/// The client's address: the first `X-Forwarded-For` hop when the proxy is
/// trusted, otherwise the TCP peer; `"unknown"` when neither is available.
pub fn client_ip(parts: &Parts, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.to_string();
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(forwarded: Option<&str>, peer: Option<&str>) -> Parts {
        let mut req = http::Request::builder();
        if let Some(f) = forwarded {
            req = req.header("x-forwarded-for", f);
        }
        let (mut parts, ()) = req.body(()).unwrap().into_parts();
        if let Some(p) = peer {
            parts
                .extensions
                .insert(ConnectInfo(p.parse::<SocketAddr>().unwrap()));
        }
        parts
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let p = parts(Some("203.0.113.7, 10.0.0.1"), Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&p, true), "203.0.113.7");
        assert_eq!(client_ip(&p, false), "10.0.0.1");
    }

    #[test]
    fn no_peer_is_unknown() {
        assert_eq!(client_ip(&parts(None, None), false), "unknown");
    }
}
