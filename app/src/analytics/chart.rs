//! Bar charts as SVG, drawn from numbers alone (no script): rendered on the
//! server, readable without JavaScript; the same numbers are in a table.

use leptos::prelude::*;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 20.0;
const TOP: f64 = 8.0;

/// `value` for an axis label: 1,234 or 12.3k.
pub fn short_number(value: i64) -> String {
    if value.abs() >= 10_000 {
        format!("{:.1}k", value as f64 / 1000.0)
    } else {
        crate::market::money::group_thousands(value.unsigned_abs())
    }
}

/// One bar per value, oldest first, with the largest value and the first
/// and last labels on the axes. `summary` is the chart's accessible name.
#[component]
pub fn BarChart(
    /// The values.
    values: Vec<i64>,
    /// Label of the first bar (e.g. "5 Nov").
    first: String,
    /// Label of the last bar.
    last: String,
    /// What the chart says, for screen readers.
    summary: String,
) -> impl IntoView {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let n = values.len().max(1) as f64;
    let slot = (WIDTH - LEFT) / n;
    let bar = (slot * 0.8).max(1.0);
    let plot = HEIGHT - BOTTOM - TOP;
    let bars = values
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0)
        .map(|(i, v)| {
            let h = (*v as f64 / max as f64 * plot).max(1.0);
            let x = LEFT + i as f64 * slot + (slot - bar) / 2.0;
            let y = HEIGHT - BOTTOM - h;
            view! { <rect class="chart__bar" x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{bar:.1}") height=format!("{h:.1}")/> }
        })
        .collect_view();
    let base = HEIGHT - BOTTOM;
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary
            preserveAspectRatio="none">
            <line class="chart__axis" x1=LEFT y1=base x2=WIDTH y2=base/>
            <line class="chart__grid" x1=LEFT y1=TOP x2=WIDTH y2=TOP/>
            <text class="chart__label" x=LEFT - 6.0 y=TOP + 4.0 text-anchor="end">{short_number(max)}</text>
            <text class="chart__label" x=LEFT - 6.0 y=base text-anchor="end">"0"</text>
            {bars}
            <text class="chart__label" x=LEFT y=HEIGHT - 4.0>{first}</text>
            <text class="chart__label" x=WIDTH y=HEIGHT - 4.0 text-anchor="end">{last}</text>
        </svg>
    }
}

/// The funnel as horizontal bars, each with its count and its share of
/// the first step.
#[component]
pub fn FunnelChart(
    /// (label, count) from the widest step down.
    steps: Vec<(&'static str, i64)>,
) -> impl IntoView {
    let top = steps.first().map_or(0, |s| s.1).max(1);
    let row = 34.0;
    let height = row * steps.len() as f64;
    let label_width = 170.0;
    let summary = steps
        .iter()
        .map(|(label, n)| format!("{label}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = steps
        .into_iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let y = i as f64 * row;
            let w = ((WIDTH - label_width - 90.0) * n as f64 / top as f64).max(if n > 0 { 2.0 } else { 0.0 });
            let share = n as f64 * 100.0 / top as f64;
            view! {
                <text class="chart__label" x="0" y=format!("{:.1}", y + 21.0)>{label}</text>
                <rect class="chart__bar" x=label_width y=format!("{:.1}", y + 6.0) width=format!("{w:.1}") height="22"/>
                <text class="chart__label" x=format!("{:.1}", label_width + w + 6.0) y=format!("{:.1}", y + 21.0)>
                    {format!("{} ({share:.0}%)", short_number(n))}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart chart--funnel" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
            {rows}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::short_number;

    #[test]
    fn axis_numbers_stay_short() {
        assert_eq!(short_number(999), "999");
        assert_eq!(short_number(1234), "1,234");
        assert_eq!(short_number(45_600), "45.6k");
    }
}
