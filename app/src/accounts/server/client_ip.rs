//! The client's IP address, for throttling.
//!
//! Behind reverse proxies, each proxy appends the address it received the
//! request from to `X-Forwarded-For`; whatever the client sent itself stays
//! on the left and cannot be trusted. With `trusted_proxies` proxies in
//! front, the client is the entry that many places from the right (the
//! right-most address no trusted proxy wrote about itself).

use axum::extract::ConnectInfo;
use http::request::Parts;
use std::net::{IpAddr, SocketAddr};

/// The client's address: with `trusted_proxies > 0`, the entry of
/// `X-Forwarded-For` that many places from the right (`1`: the last one);
/// otherwise, or when the header is missing, short or malformed, the TCP
/// peer. `None` when neither is known.
pub fn client_ip(parts: &Parts, trusted_proxies: usize) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    hops.len()
        .checked_sub(trusted_proxies)
        .and_then(|i| hops.get(i))
        .and_then(|hop| hop.parse::<IpAddr>().ok())
        .or(peer)
}

/// A network, not an address: IPv4 to its /24, IPv6 to its /48.
pub fn approximate_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.x")
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(forwarded: &[&str], peer: Option<&str>) -> Parts {
        let mut req = http::Request::builder();
        for f in forwarded {
            req = req.header("x-forwarded-for", *f);
        }
        let (mut parts, ()) = req.body(()).unwrap().into_parts();
        if let Some(p) = peer {
            parts
                .extensions
                .insert(ConnectInfo(p.parse::<SocketAddr>().unwrap()));
        }
        parts
    }

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let p = parts(&["203.0.113.7"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&p, 1), ip("203.0.113.7"));
        assert_eq!(client_ip(&p, 0), ip("10.0.0.1"));
    }

    #[test]
    fn the_client_cannot_choose_its_address_by_prepending() {
        let p = parts(&["6.6.6.6, 203.0.113.7"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&p, 1), ip("203.0.113.7"));
        let split = parts(&["6.6.6.6", "203.0.113.7"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&split, 1), ip("203.0.113.7"));
    }

    #[test]
    fn two_proxies_skip_the_inner_one() {
        let p = parts(&["6.6.6.6, 203.0.113.7, 10.0.0.2"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&p, 2), ip("203.0.113.7"));
    }

    #[test]
    fn short_or_malformed_headers_fall_back_to_the_peer() {
        let short = parts(&["203.0.113.7"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&short, 2), ip("10.0.0.1"));
        let junk = parts(&["not-an-ip"], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&junk, 1), ip("10.0.0.1"));
        let none = parts(&[], Some("10.0.0.1:5000"));
        assert_eq!(client_ip(&none, 1), ip("10.0.0.1"));
    }

    #[test]
    fn no_peer_is_unknown() {
        assert_eq!(client_ip(&parts(&[], None), 0), None);
    }

    #[test]
    fn networks_not_addresses_are_shown() {
        assert_eq!(
            approximate_ip("203.0.113.57".parse().unwrap()),
            "203.0.113.x"
        );
        assert_eq!(
            approximate_ip("2001:db8:85a3::8a2e:370:7334".parse().unwrap()),
            "2001:db8:85a3::/48"
        );
    }
}
