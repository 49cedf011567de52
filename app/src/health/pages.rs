//! `/admin/health`: the system's vital signs for super admins, as a table
//! (readable without JavaScript).

use super::api::{HealthReport, RedisStatus, system_health};
use crate::accounts::model::Role;
use crate::admin::pages::RoleGate;
use leptos::prelude::*;
use leptos_meta::Title;

/// A duration as "3 d 4 h", "5 h 12 min" or "42 s".
pub fn uptime(secs: u64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{secs} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// A size in bytes as "812 KB" or "3.4 MB".
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000_000 => format!("{} KB", b.div_ceil(1_000)),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.2} GB", b as f64 / 1e9),
    }
}

fn redis(status: RedisStatus) -> &'static str {
    match status {
        RedisStatus::NotConfigured => "not configured (one instance)",
        RedisStatus::Connected => "connected",
        RedisStatus::Reconnecting => "reconnecting",
    }
}

/// Super admins see the vital signs; other people are told they lack access.
#[component]
pub fn HealthPage() -> impl IntoView {
    let health = Resource::new(|| (), |_| system_health());
    view! {
        <Title text="System health · Guild"/>
        <RoleGate role=Role::SuperAdmin path="/admin/health" page=move |_| view! {
            <section class="admin">
                <h1>"System health"</h1>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || health.get().map(|h| match h {
                        Ok(h) => view! { <HealthTable h/> }.into_any(),
                        Err(e) => view! { <p role="alert">{e.summary()}</p> }.into_any(),
                    })}
                </Transition>
            </section>
        }.into_any()/>
    }
}

#[component]
fn HealthTable(h: HealthReport) -> impl IntoView {
    let rows: Vec<(&'static str, String)> = vec![
        ("Version", format!("{} ({} build)", h.version, h.build)),
        ("Up for", uptime(h.uptime_secs)),
        (
            "Database",
            format!("{}, {}", h.backend, size(h.database_bytes)),
        ),
        (
            "Connection pool",
            format!(
                "{} open, {} idle, at most {}",
                h.pool_open, h.pool_idle, h.pool_max
            ),
        ),
        ("Live sockets (this instance)", h.sockets.to_string()),
        ("Redis", redis(h.redis).to_string()),
        (
            "Email outbox",
            format!(
                "{} waiting, {} of them failing",
                h.outbox_waiting, h.outbox_failing
            ),
        ),
        (
            "Server errors in the last hour",
            h.errors_last_hour.to_string(),
        ),
    ];
    view! {
        <table class="health">
            <caption class="visually-hidden">"System health"</caption>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, value)| view! {
                        <tr><th scope="row">{name}</th><td>{value}</td></tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uptimes_and_sizes_read_naturally() {
        assert_eq!(uptime(42), "42 s");
        assert_eq!(uptime(5 * 60 + 3), "5 min");
        assert_eq!(uptime(5 * 3_600 + 12 * 60), "5 h 12 min");
        assert_eq!(uptime(3 * 86_400 + 4 * 3_600 + 59), "3 d 4 h");
        assert_eq!(size(812_000), "812 KB");
        assert_eq!(size(3_400_000), "3.4 MB");
        assert_eq!(size(2_500_000_000), "2.50 GB");
    }
}
