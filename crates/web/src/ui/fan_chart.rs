//! Fan charts drawn as SVG on the server: a forecast's median week by week inside its 50,
//! 80 and 95 % bands, against the places there are or the pledge to meet. Like the bar
//! charts, they show without JavaScript and go into a report as they are; each has a title
//! and a description for screen readers, and the page gives its figures as a table too.
use std::fmt::Write;

use resettle_forecast::Band;

use resettle_reports::charts::{escape, nice_ceiling};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 28.0;

/// Bands for a run of weeks starting at `first`.
pub(crate) struct Segment<'a> {
    pub first: usize,
    pub bands: &'a [Band],
    /// A level to reach over the segment's weeks (a pledge), if any.
    pub target: Option<u32>,
}

/// The words a chart shows, in the reader's language.
pub(crate) struct Words {
    pub title: String,
    pub description: String,
    pub median: String,
    pub bands: String,
    pub places: String,
    pub target: String,
}

/// A fan chart over `weeks` (the first day of each, `YYYY-MM-DD`). `id` must be unique on
/// the page.
pub(crate) fn fan_chart(
    id: &str,
    words: &Words,
    weeks: &[String],
    segments: &[Segment<'_>],
    capacity: Option<&[u32]>,
) -> String {
    let n = weeks.len().max(2);
    let top_value = segments
        .iter()
        .flat_map(|s| s.bands.iter().map(|b| b.hi95).chain(s.target))
        .chain(capacity.into_iter().flatten().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let ceiling = nice_ceiling(f64::from(top_value));
    let base = HEIGHT - BOTTOM;
    let scale = (base - TOP) / ceiling;
    let x = |w: f64| LEFT + w / (n - 1) as f64 * (WIDTH - LEFT - RIGHT);
    let y = |v: u32| base - f64::from(v) * scale;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart fan" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(&words.title),
        escape(&words.description)
    );
    for tick in 0..=4 {
        let value = ceiling * f64::from(tick) / 4.0;
        let at = base - value * scale;
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{:.1}" y1="{at:.1}" y2="{at:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            at + 4.0,
            value as i64
        );
    }
    // A tick where a year begins, labelled with the year.
    for (w, day) in weeks.iter().enumerate() {
        let starts_year = w == 0 || weeks[w - 1].get(..4) != day.get(..4);
        if starts_year && let Some(year) = day.get(..4) {
            let at = x(w as f64);
            let _ = write!(
                svg,
                r#"<line class="grid" x1="{at:.1}" x2="{at:.1}" y1="{TOP}" y2="{base}"/><text class="axis" x="{:.1}" y="{:.1}">{year}</text>"#,
                at + 3.0,
                base + 16.0
            );
        }
    }
    for s in segments {
        let xs: Vec<f64> = (0..s.bands.len())
            .map(|i| x((s.first + i) as f64))
            .collect();
        type Bound = fn(&Band) -> u32;
        let shades: [(&str, Bound, Bound); 3] = [
            ("fan95", |b| b.lo95, |b| b.hi95),
            ("fan80", |b| b.lo80, |b| b.hi80),
            ("fan50", |b| b.lo50, |b| b.hi50),
        ];
        for (class, lo, hi) in shades {
            let mut points = String::new();
            for (b, &px) in s.bands.iter().zip(&xs) {
                let _ = write!(points, "{px:.1},{:.1} ", y(hi(b)));
            }
            for (b, &px) in s.bands.iter().zip(&xs).rev() {
                let _ = write!(points, "{px:.1},{:.1} ", y(lo(b)));
            }
            let _ = write!(
                svg,
                r#"<polygon class="{class}" points="{}"/>"#,
                points.trim_end()
            );
        }
        let mut line = String::new();
        for (b, &px) in s.bands.iter().zip(&xs) {
            let _ = write!(line, "{px:.1},{:.1} ", y(b.median));
        }
        let _ = write!(
            svg,
            r#"<polyline class="median" points="{}"/>"#,
            line.trim_end()
        );
        if let (Some(target), Some(first), Some(last)) = (s.target, xs.first(), xs.last()) {
            let at = y(target);
            let _ = write!(
                svg,
                r#"<line class="target" x1="{first:.1}" x2="{last:.1}" y1="{at:.1}" y2="{at:.1}"/><text class="target-label" x="{:.1}" y="{:.1}" text-anchor="end">{target}</text>"#,
                last - 2.0,
                at - 4.0
            );
        }
    }
    if let Some(capacity) = capacity {
        let mut steps = String::new();
        for (w, &c) in capacity.iter().enumerate() {
            let _ = write!(steps, "{:.1},{:.1} ", x(w as f64), y(c));
            if let Some(&next) = capacity.get(w + 1)
                && next != c
            {
                let _ = write!(steps, "{:.1},{:.1} ", x((w + 1) as f64), y(c));
            }
        }
        let _ = write!(
            svg,
            r#"<polyline class="capacity" points="{}"/>"#,
            steps.trim_end()
        );
    }
    legend(
        &mut svg,
        words,
        capacity.is_some(),
        segments.iter().any(|s| s.target.is_some()),
    );
    svg.push_str("</svg>");
    svg
}

/// The key above the plot: the shades, the median, and the places or the pledge line.
fn legend(svg: &mut String, words: &Words, places: bool, target: bool) {
    let mut items: Vec<(&str, &str)> = vec![("band", &words.bands), ("median", &words.median)];
    if places {
        items.push(("capacity", &words.places));
    }
    if target {
        items.push(("target", &words.target));
    }
    let mut at = LEFT;
    for (class, text) in items {
        let _ = if class == "band" {
            write!(
                svg,
                r#"<rect class="fan80" x="{at:.1}" y="6" width="18" height="12"/>"#
            )
        } else {
            write!(
                svg,
                r#"<line class="{class}" x1="{at:.1}" x2="{:.1}" y1="12" y2="12"/>"#,
                at + 18.0
            )
        };
        let _ = write!(
            svg,
            r#"<text class="axis" x="{:.1}" y="15">{}</text>"#,
            at + 22.0,
            escape(text)
        );
        at += 36.0 + 6.6 * text.chars().count() as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(m: u32) -> Band {
        Band {
            lo95: m / 2,
            lo80: m * 6 / 10,
            lo50: m * 8 / 10,
            median: m,
            hi50: m * 12 / 10,
            hi80: m * 14 / 10,
            hi95: m * 15 / 10,
        }
    }

    fn words() -> Words {
        Words {
            title: "Occupancy <centre>".into(),
            description: "d".into(),
            median: "median".into(),
            bands: "50/80/95 %".into(),
            places: "places".into(),
            target: "pledge".into(),
        }
    }

    #[test]
    fn a_fan_has_its_bands_median_places_and_year_ticks() {
        let weeks: Vec<String> = ["2027-12-20", "2027-12-27", "2028-01-03", "2028-01-10"]
            .map(String::from)
            .to_vec();
        let bands: Vec<Band> = [10, 20, 30, 40].map(band).to_vec();
        let svg = fan_chart(
            "c",
            &words(),
            &weeks,
            &[Segment {
                first: 0,
                bands: &bands,
                target: None,
            }],
            Some(&[50, 50, 30, 30]),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        for class in ["fan95", "fan80", "fan50", "median", "capacity"] {
            assert!(svg.contains(&format!("class=\"{class}\"")), "{class}");
        }
        assert!(svg.contains(">2028</text>"), "a tick where 2028 begins");
        assert!(
            svg.contains("Occupancy &lt;centre&gt;"),
            "the title escaped"
        );
        assert!(svg.contains("aria-labelledby=\"c-title c-desc\""));
    }

    #[test]
    fn a_pledge_is_a_line_over_its_weeks() {
        let weeks: Vec<String> = (1..=6).map(|d| format!("2027-01-0{d}")).collect();
        let bands: Vec<Band> = [100, 200, 300].map(band).to_vec();
        let svg = fan_chart(
            "p",
            &words(),
            &weeks,
            &[Segment {
                first: 3,
                bands: &bands,
                target: Some(350),
            }],
            None,
        );
        assert!(svg.contains("class=\"target\""));
        assert!(svg.contains(">350</text>"));
        assert!(!svg.contains("class=\"capacity\""));
    }
}
