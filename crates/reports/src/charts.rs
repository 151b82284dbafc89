//! Charts drawn as SVG on the server, so they show without JavaScript on the staff pages
//! and go into the printed reports unchanged (the pages style them with their stylesheet;
//! a document gives them [`STYLE`] of their own).
use std::fmt::Write;

use resettle_app::PledgeYear;
use resettle_domain::quota::PlanYear;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// One series of bars: a name (shown in tooltips), a CSS class, a value per category.
pub struct Series<'a> {
    /// Shown in each bar's tooltip.
    pub name: &'a str,
    /// The bars' CSS class, which gives their colour.
    pub class: &'a str,
    /// One value per category.
    pub values: Vec<i64>,
}

/// Bars grouped by category, one bar per series, with an optional note above each group.
/// `id` must be unique on the page (it labels the chart for screen readers).
pub fn grouped_bars(
    id: &str,
    title: &str,
    categories: &[String],
    series: &[Series<'_>],
    notes: &[Option<String>],
) -> String {
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let ceiling = nice_ceiling(max);
    let scale = (HEIGHT - BOTTOM - TOP) / ceiling;
    let slot = (WIDTH - LEFT) / categories.len().max(1) as f64;
    let bar = (slot * 0.7 / series.len().max(1) as f64).min(40.0);
    let base = HEIGHT - BOTTOM;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    for tick in 0..=4 {
        let value = ceiling * f64::from(tick) / 4.0;
        let y = base - value * scale;
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{WIDTH}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            y + 4.0,
            value as i64
        );
    }
    for (i, category) in categories.iter().enumerate() {
        let centre = LEFT + slot * i as f64 + slot / 2.0;
        let first = centre - bar * series.len() as f64 / 2.0;
        let mut top = base;
        for (k, s) in series.iter().enumerate() {
            let value = s.values.get(i).copied().unwrap_or(0);
            let h = value.max(0) as f64 * scale;
            top = top.min(base - h);
            let _ = write!(
                svg,
                r#"<rect class="{}" x="{:.1}" y="{:.1}" width="{bar:.1}" height="{h:.1}"><title>{} {}: {value}</title></rect>"#,
                s.class,
                first + bar * k as f64,
                base - h,
                escape(category),
                escape(s.name),
            );
        }
        let _ = write!(
            svg,
            r#"<text class="axis" x="{centre:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            base + 18.0,
            escape(category)
        );
        if let Some(Some(note)) = notes.get(i) {
            let _ = write!(
                svg,
                r#"<text class="gap" x="{centre:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                top - 4.0,
                escape(note)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Pledged and arrived persons per year as paired bars; the unkept part of each pledge is
/// labelled with the gap, because the gap is what a Parliament should ask about. A year not
/// over has no gap label: its pledge is not yet unkept.
pub fn pledges_against_arrivals(years: &[PledgeYear]) -> String {
    pledges_chart(years, &PledgeLabels::ENGLISH)
}

/// The words of the pledges chart: its title and its two series.
#[derive(Debug, Clone, Copy)]
pub struct PledgeLabels<'a> {
    /// Read by screen readers and shown as a tooltip.
    pub title: &'a str,
    /// The pledged bars.
    pub pledged: &'a str,
    /// The arrived bars.
    pub arrived: &'a str,
}

impl PledgeLabels<'static> {
    /// The staff pages' words.
    pub const ENGLISH: PledgeLabels<'static> = PledgeLabels {
        title: "Persons pledged and arrived per year",
        pledged: "pledged",
        arrived: "arrived",
    };
}

/// [`pledges_against_arrivals`] in the words of a document's language.
pub fn pledges_chart(years: &[PledgeYear], labels: &PledgeLabels<'_>) -> String {
    let categories: Vec<String> = years.iter().map(|y| y.year.to_string()).collect();
    let series = [
        Series {
            name: labels.pledged,
            class: "pledged",
            values: years.iter().map(|y| y.pledged).collect(),
        },
        Series {
            name: labels.arrived,
            class: "arrived",
            values: years.iter().map(|y| y.arrived).collect(),
        },
    ];
    let notes: Vec<Option<String>> = years
        .iter()
        .map(|y| (y.gap > 0 && !y.partial).then(|| format!("−{}", y.gap)))
        .collect();
    grouped_bars("pledges-chart", labels.title, &categories, &series, &notes)
}

/// The persons to resettle in each year of a plan.
pub fn plan_path(path: &[PlanYear]) -> String {
    let categories: Vec<String> = path.iter().map(|y| y.year.to_string()).collect();
    let series = [Series {
        name: "persons",
        class: "arrived",
        values: path.iter().map(|y| y.persons as i64).collect(),
    }];
    grouped_bars(
        "plan-chart",
        "Persons to resettle per plan year",
        &categories,
        &series,
        &[],
    )
}

/// The staff pages' chart colours and type, for a chart that leaves the page (the
/// stylesheet's `svg .pledged`, `svg .arrived`, `svg .grid`, `svg .axis`, `svg .gap`).
pub const STYLE: &str = "text { font-family: 'Noto Sans', sans-serif; } \
    .pledged { fill: #c9d6e8; } .arrived { fill: #0b5cad; } .grid { stroke: #d8dee6; } \
    .axis { font-size: 11px; fill: #5b6675; } .gap { font-size: 11px; fill: #a3260b; font-weight: 600; }";

/// A chart as a file of its own: [`STYLE`] inside it, since no stylesheet reaches it
/// there. The bundled fonts have no minus sign (U+2212), so a gap is written with the
/// hyphen-minus rather than printed as a missing glyph.
pub fn standalone(svg: &str) -> String {
    let svg = svg.replace('\u{2212}', "-");
    match svg.find('>') {
        Some(end) => format!("{}<style>{STYLE}</style>{}", &svg[..=end], &svg[end + 1..]),
        None => svg,
    }
}

/// `s` safe inside SVG text and attributes.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The smallest 1, 2 or 5 times a power of ten at or above `v`, for round axis ticks.
pub fn nice_ceiling(v: f64) -> f64 {
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
            partial: false,
            ahead: false,
            source: String::new(),
            arrived_before_resettle: None,
        }
    }

    fn bar_height(svg: &str, class: &str, year: i32) -> f64 {
        let marker = format!("<title>{year} {class}:");
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
        assert_eq!(
            svg.matches("class=\"gap\"").count(),
            1,
            "no gap label for a kept pledge"
        );
    }

    #[test]
    fn a_partial_year_has_no_gap_label() {
        let mut current = year(2026, 1392, 1184);
        current.partial = true;
        let svg = pledges_against_arrivals(&[year(2025, 1436, 1256), current]);
        assert!(svg.contains("−180"), "the 2025 gap is shown");
        assert!(!svg.contains("−208"), "the 2026 gap is not final");
        assert_eq!(svg.matches("class=\"gap\"").count(), 1);
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

    #[test]
    fn a_standalone_chart_carries_its_style() {
        let svg = standalone(&pledges_against_arrivals(&[year(2020, 10, 5)]));
        assert!(svg.starts_with("<svg") && svg.contains("<style>") && svg.ends_with("</svg>"));
        assert!(svg.find("<style>") < svg.find("<rect"));
        assert!(svg.contains(">-5<") && !svg.contains('\u{2212}'), "{svg}");
    }

    #[test]
    fn labels_are_escaped() {
        let svg = grouped_bars("x", "a <b>", &["<i>".into()], &[], &[]);
        assert!(svg.contains("a &lt;b&gt;") && !svg.contains("<i>"));
    }

    #[test]
    fn a_plan_path_draws_one_bar_per_year() {
        let path = [
            PlanYear {
                year: 2022,
                persons: 2000,
            },
            PlanYear {
                year: 2023,
                persons: 3000,
            },
        ];
        let svg = plan_path(&path);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("2023 persons: 3000"));
    }
}
