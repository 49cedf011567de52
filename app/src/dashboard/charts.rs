//! Small SVG charts (no scripts, no inline styles, so the CSP stays strict).

use crate::contracts::model::MonthEarnings;
use crate::market::money::format_money;
use crate::ui::format::month_short;
use leptos::prelude::*;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 140.0;
const BASELINE: f64 = 112.0;

/// Bar heights (in chart units) for `values`, the largest reaching `max_height`.
pub fn bar_heights(values: &[i64], max_height: f64) -> Vec<f64> {
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    values
        .iter()
        .map(|v| (*v.max(&0) as f64) / max * max_height)
        .collect()
}

/// Monthly earnings as a bar chart with month labels.
#[component]
pub fn EarningsChart(
    /// Months, oldest first.
    months: Vec<MonthEarnings>,
    /// Their currency.
    currency: String,
) -> impl IntoView {
    let values: Vec<i64> = months.iter().map(|m| m.cents).collect();
    let heights = bar_heights(&values, BASELINE - 18.0);
    let slot = WIDTH / months.len().max(1) as f64;
    let summary = months
        .iter()
        .map(|m| {
            format!(
                "{}: {}",
                month_short(&m.month),
                format_money(m.cents, &currency)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=format!("Earnings per month: {summary}")>
                <line x1="0" y1=BASELINE x2=WIDTH y2=BASELINE class="chart__axis"/>
                {months.iter().zip(heights).enumerate().map(|(i, (m, h))| {
                    let x = i as f64 * slot + slot * 0.2;
                    let w = slot * 0.6;
                    let label_x = i as f64 * slot + slot / 2.0;
                    view! {
                        <g>
                            <title>{format!("{}: {}", month_short(&m.month), format_money(m.cents, &currency))}</title>
                            <rect x=x y=BASELINE - h width=w height=h rx="3" class="chart__bar"/>
                            <text x=label_x y=HEIGHT - 10.0 text-anchor="middle" class="chart__label">{month_short(&m.month)}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::bar_heights;

    #[test]
    fn the_largest_bar_fills_the_chart() {
        assert_eq!(bar_heights(&[0, 50, 100], 100.0), [0.0, 50.0, 100.0]);
        assert_eq!(bar_heights(&[0, 0], 100.0), [0.0, 0.0]);
    }
}
