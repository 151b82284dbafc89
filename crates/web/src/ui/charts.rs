//! Charts drawn as SVG on the server, so they show without JavaScript and can go into
//! printed reports unchanged.
use std::fmt::Write;

use resettle_app::PledgeYear;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// Pledged and arrived persons per year as paired bars; the unkept part of each pledge is
/// labelled with the gap, because the gap is what a Parliament should ask about.
pub(crate) fn pledges_against_arrivals(years: &[PledgeYear]) -> String {
    let max = years
        .iter()
        .map(|y| y.pledged.max(y.arrived))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (HEIGHT - BOTTOM - TOP) / nice_ceiling(max);
    let slot = (WIDTH - LEFT) / years.len().max(1) as f64;
    let bar = (slot * 0.35).min(40.0);
    let base = HEIGHT - BOTTOM;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="pledge-chart-title" xmlns="http://www.w3.org/2000/svg"><title id="pledge-chart-title">Persons pledged and arrived per year</title>"#
    );
    for tick in 0..=4 {
        let value = nice_ceiling(max) * f64::from(tick) / 4.0;
        let y = base - value * scale;
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{WIDTH}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            y + 4.0,
            value as i64
        );
    }
    for (i, y) in years.iter().enumerate() {
        let x = LEFT + slot * i as f64 + slot / 2.0;
        let hp = y.pledged as f64 * scale;
        let ha = y.arrived as f64 * scale;
        let _ = write!(
            svg,
            r#"<rect class="pledged" x="{:.1}" y="{:.1}" width="{bar:.1}" height="{hp:.1}"><title>{} pledged: {}</title></rect><rect class="arrived" x="{:.1}" y="{:.1}" width="{bar:.1}" height="{ha:.1}"><title>{} arrived: {}</title></rect><text class="axis" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x - bar,
            base - hp,
            y.year,
            y.pledged,
            x,
            base - ha,
            y.year,
            y.arrived,
            base + 18.0,
            y.year
        );
        if y.gap > 0 {
            let _ = write!(
                svg,
                r#"<text class="gap" x="{x:.1}" y="{:.1}" text-anchor="middle">−{}</text>"#,
                base - hp.max(ha) - 4.0,
                y.gap
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The smallest 1, 2 or 5 times a power of ten at or above `v`, for round axis ticks.
fn nice_ceiling(v: f64) -> f64 {
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|&c| c >= v)
        .unwrap_or(10.0 * p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32, pledged: i64, arrived: i64) -> PledgeYear {
        PledgeYear {
            year,
            pledged,
            arrived,
            gap: pledged - arrived,
            source: String::new(),
        }
    }

    fn bar_height(svg: &str, class: &str, year: i32) -> f64 {
        let marker = format!("<title>{year} {}", if class == "pledged" { "pledged" } else { "arrived" });
        let end = svg.find(&marker).expect("bar present");
        let start = svg[..end].rfind("<rect").unwrap();
        let attr = &svg[start..end];
        let h = attr.split("height=\"").nth(1).unwrap();
        h[..h.find('"').unwrap()].parse().unwrap()
    }

    #[test]
    fn bars_are_proportional_and_the_gap_is_labelled() {
        let svg = pledges_against_arrivals(&[year(2020, 1150, 176), year(2021, 1500, 1500)]);
        let ratio = bar_height(&svg, "arrived", 2020) / bar_height(&svg, "pledged", 2020);
        assert!((ratio - 176.0 / 1150.0).abs() < 0.01, "{ratio}");
        assert!(svg.contains("−974"), "the 2020 gap is shown");
        assert_eq!(svg.matches("class=\"gap\"").count(), 1, "no gap label for a kept pledge");
    }

    #[test]
    fn axis_ceiling_is_round() {
        assert_eq!(nice_ceiling(1150.0), 2000.0);
        assert_eq!(nice_ceiling(3821.0), 5000.0);
        assert_eq!(nice_ceiling(1.0), 1.0);
    }

    #[test]
    fn no_years_still_draws_a_valid_chart() {
        let svg = pledges_against_arrivals(&[]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
