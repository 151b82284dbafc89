//! The report to Parliament as a document: the year's figures of
//! [`resettle_app::annual::AnnualReport`] in words of Dutch, French or English, with a
//! title page, contents, a chart of pledges against arrivals, a table per breakdown, and
//! how the figures were made.
use resettle_app::annual::{
    AnnualReport, Breakdown, DecisionRow, DecisionTable, Dimension, DurationLine,
};
use resettle_domain::statistics::cohorts::{CohortFigures, Share};
use time::OffsetDateTime;

use crate::charts::{PledgeLabels, pledges_chart};
use crate::document::{Block, Cell, Column, Document, Field, Section, Table};
use crate::lang::DocLang;

/// One measure of the cohort figures: a share of each cohort's.
type Measure = fn(&CohortFigures) -> &Share;

/// Words for one report in one language.
struct Writer<'a> {
    lang: DocLang,
    r: &'a AnnualReport,
}

impl Writer<'_> {
    fn t(&self, id: &str) -> String {
        self.lang.t(id, &[])
    }

    fn t_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.lang.t(id, args)
    }

    /// A published count, or the mark of a withheld one (`<5`).
    fn count(&self, n: Option<u64>) -> Cell {
        match n {
            Some(n) => Cell::number(n as f64, self.lang.count(n)),
            None => Cell::text(self.withheld()),
        }
    }

    /// A rate or a number of days not given for too few people.
    fn not_given(&self) -> Cell {
        Cell::text("—")
    }

    /// A dimension's name as a column heading: capitalised, as headings are.
    fn heading(&self, dimension: Dimension) -> String {
        let word = self.dimension(dimension);
        let mut chars = word.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => word,
        }
    }

    fn withheld(&self) -> String {
        self.t_with(
            "report-withheld",
            &[("threshold", &self.r.small_cell_threshold.to_string())],
        )
    }

    fn days(&self, n: Option<i64>) -> Cell {
        match n {
            Some(n) => Cell::number(n as f64, self.lang.number(n as f64, 0)),
            None => self.not_given(),
        }
    }

    fn share(&self, rate: Option<f64>) -> Cell {
        match rate {
            Some(r) => Cell::number(
                (r * 1000.0).round() / 1000.0,
                self.t_with(
                    "report-percent",
                    &[("value", &self.lang.number(r * 100.0, 1))],
                ),
            ),
            None => self.not_given(),
        }
    }

    fn text(&self, s: impl Into<String>) -> Cell {
        Cell::text(s)
    }

    /// The word for a value of a dimension.
    fn value(&self, dimension: Dimension, code: &str) -> String {
        match dimension {
            Dimension::Nationality | Dimension::CountryOfAsylum => self.lang.word("country", code),
            Dimension::Category if code == "none" => self.t("report-category-none"),
            Dimension::Category => self.lang.word("category", code),
            Dimension::Sex => self.lang.word("sex", code),
            Dimension::AgeBand => self.t_with("report-age-band", &[("band", code)]),
            Dimension::FamilySize => code.to_string(),
            Dimension::MedicalNeeds => self.t(&format!("report-medical-{code}")),
            Dimension::Ground if code == "not_recorded" => self.t("report-ground-not_recorded"),
            Dimension::Ground => code.to_string(),
            Dimension::Waiting => self.t(&format!("report-waiting-{code}")),
        }
    }

    fn dimension(&self, dimension: Dimension) -> String {
        self.t(&format!("report-by-{}", dimension.as_str()))
    }

    fn breakdown(&self, key: &str, caption: String, count_label: &str, b: &Breakdown) -> Block {
        Block::Table(Table {
            key: key.into(),
            caption,
            columns: vec![
                Column::text(self.heading(b.dimension)),
                Column::number(self.t(count_label)),
            ],
            rows: b
                .rows
                .iter()
                .map(|r| {
                    vec![
                        self.text(self.value(b.dimension, &r.code)),
                        self.count(r.count),
                    ]
                })
                .collect(),
            total: Some(vec![self.text(self.t("report-total")), self.count(b.total)]),
        })
    }

    fn decision_row(&self, dimension: Dimension, row: &DecisionRow) -> Vec<Cell> {
        let label = if row.code == "total" {
            self.t("report-total")
        } else {
            self.value(dimension, &row.code)
        };
        vec![
            self.text(label),
            self.count(row.accepted),
            self.count(row.refused),
            self.share(row.acceptance_rate),
        ]
    }

    fn decision_table(&self, d: &DecisionTable) -> Block {
        Block::Table(Table {
            key: format!("decisions-{}", d.dimension.as_str().replace('_', "-")),
            caption: self.t_with(
                "report-decisions-by",
                &[("dimension", &self.dimension(d.dimension))],
            ),
            columns: vec![
                Column::text(self.heading(d.dimension)),
                Column::number(self.t("report-col-accepted")),
                Column::number(self.t("report-col-refused")),
                Column::number(self.t("report-col-rate")),
            ],
            rows: d
                .rows
                .iter()
                .map(|r| self.decision_row(d.dimension, r))
                .collect(),
            total: Some(self.decision_row(d.dimension, &d.total)),
        })
    }

    fn paragraph(&self, text: String) -> Block {
        Block::Paragraph { text }
    }

    fn summary(&self) -> Section {
        let r = self.r;
        let year = r.pledges.iter().find(|p| p.year == r.year);
        let decided = r.decisions.first().map(|d| &d.total);
        let shown = |c: Cell| c.text;
        let mut fields = vec![
            Field::new(
                self.t("report-persons-arrived"),
                shown(self.count(r.arrived_persons)),
            ),
            Field::new(
                self.t("report-families-arrived"),
                shown(self.count(r.arrived_families)),
            ),
        ];
        if let Some(y) = year {
            fields.push(Field::new(
                self.t("report-col-pledged"),
                self.lang.count(y.pledged.max(0) as u64),
            ));
        }
        if let Some(d) = decided {
            fields.push(Field::new(
                self.t("report-persons-accepted"),
                shown(self.count(d.accepted)),
            ));
            fields.push(Field::new(
                self.t("report-persons-refused"),
                shown(self.count(d.refused)),
            ));
            fields.push(Field::new(
                self.t("report-col-rate"),
                shown(self.share(d.acceptance_rate)),
            ));
        }
        let done = r
            .missions
            .iter()
            .filter(|m| m.status.as_str() == "completed")
            .count();
        let planned = r
            .missions
            .iter()
            .filter(|m| m.status.as_str() == "planned")
            .count();
        fields.push(Field::new(self.t("report-missions-done"), done.to_string()));
        fields.push(Field::new(
            self.t("report-missions-planned"),
            planned.to_string(),
        ));
        let mut blocks = Vec::new();
        if r.partial {
            blocks.push(
                self.paragraph(
                    self.t_with("report-partial", &[("date", &self.lang.date(r.as_of))]),
                ),
            );
        }
        blocks.push(Block::Fields { fields });
        Section {
            heading: self.t("report-summary-heading"),
            key: "summary".into(),
            blocks,
        }
    }

    fn pledges(&self) -> Section {
        let r = self.r;
        let title = self.t("report-pledges-chart");
        let pledged = self.t("report-col-pledged");
        let arrived = self.t("report-col-arrived");
        let svg = pledges_chart(
            &r.pledges,
            &PledgeLabels {
                title: &title,
                pledged: &pledged,
                arrived: &arrived,
            },
        );
        let rows = r
            .pledges
            .iter()
            .map(|y| {
                let year = if y.partial {
                    self.t_with("report-year-so-far", &[("year", &y.year.to_string())])
                } else {
                    y.year.to_string()
                };
                let n = |v: i64| Cell::number(v as f64, self.lang.number(v as f64, 0));
                vec![
                    self.text(year),
                    n(y.pledged),
                    n(y.arrived),
                    n(y.gap),
                    self.text(y.source.clone()),
                ]
            })
            .collect();
        Section {
            heading: self.t("report-pledges-heading"),
            key: "pledges".into(),
            blocks: vec![
                self.paragraph(self.t("report-pledges-lead")),
                Block::Chart {
                    svg,
                    caption: title,
                },
                self.paragraph(self.t("report-pledges-chart-key")),
                Block::Table(Table {
                    key: "pledges".into(),
                    caption: self.t("report-pledges-heading"),
                    columns: vec![
                        Column::text(self.t("report-col-year")),
                        Column::number(self.t("report-col-pledged")),
                        Column::number(arrived),
                        Column::number(self.t("report-col-gap")),
                        Column::text(self.t("report-col-source")),
                    ],
                    rows,
                    total: None,
                }),
            ],
        }
    }

    fn arrivals(&self) -> Section {
        let mut blocks = vec![self.paragraph(self.t("report-arrivals-lead"))];
        for b in &self.r.arrivals {
            let key = format!("arrivals-{}", b.dimension.as_str().replace('_', "-"));
            let caption = self.t_with(
                "report-arrivals-by",
                &[("dimension", &self.dimension(b.dimension))],
            );
            blocks.push(self.breakdown(&key, caption, "report-col-persons", b));
        }
        Section {
            heading: self.t("report-arrivals-heading"),
            key: "arrivals".into(),
            blocks,
        }
    }

    fn missions(&self) -> Section {
        let rows: Vec<Vec<Cell>> = self
            .r
            .missions
            .iter()
            .map(|m| {
                vec![
                    self.text(m.code.clone()),
                    self.text(self.lang.word("country", &m.destination)),
                    self.text(self.lang.date(m.starts_on)),
                    self.text(self.lang.date(m.ends_on)),
                    self.text(self.t(&format!("report-mission-{}", m.status.as_str()))),
                    self.count(m.cases),
                ]
            })
            .collect();
        let blocks = if rows.is_empty() {
            vec![self.paragraph(self.t("report-none"))]
        } else {
            vec![Block::Table(Table {
                key: "missions".into(),
                caption: self.t("report-missions-heading"),
                columns: vec![
                    Column::text(self.t("report-col-mission")),
                    Column::text(self.t("report-col-country")),
                    Column::text(self.t("report-col-from")),
                    Column::text(self.t("report-col-to")),
                    Column::text(self.t("report-col-status")),
                    Column::number(self.t("report-col-cases")),
                ],
                rows,
                total: None,
            })]
        };
        Section {
            heading: self.t("report-missions-heading"),
            key: "missions".into(),
            blocks,
        }
    }

    fn duration_row(&self, d: &DurationLine) -> Vec<Cell> {
        let limit = match d.limit_days {
            Some(l) => Cell::number(f64::from(l), self.lang.number(f64::from(l), 0)),
            None => self.text(self.t("report-no-limit")),
        };
        let over = if d.limit_days.is_some() {
            self.count(d.over_limit)
        } else {
            self.text("")
        };
        vec![
            self.text(self.t(&format!("report-interval-{}", d.interval.as_str()))),
            self.count(d.families),
            self.days(d.median_days),
            self.days(d.p90_days),
            limit,
            over,
        ]
    }

    fn durations(&self) -> Section {
        let mut blocks = vec![
            self.paragraph(self.t("report-durations-lead")),
            Block::Table(Table {
                key: "durations".into(),
                caption: self.t("report-durations-heading"),
                columns: vec![
                    Column::text(self.t("report-col-interval")),
                    Column::number(self.t("report-col-families")),
                    Column::number(self.t("report-col-median")),
                    Column::number(self.t("report-col-p90")),
                    Column::number(self.t("report-col-limit")),
                    Column::number(self.t("report-col-over-limit")),
                ],
                rows: self
                    .r
                    .durations
                    .iter()
                    .map(|d| self.duration_row(d))
                    .collect(),
                total: None,
            }),
        ];
        for d in &self.r.durations {
            if let (Some(days), Some(source)) = (d.limit_days, &d.limit_source) {
                blocks.push(self.paragraph(self.t_with(
                    "report-limit-source",
                    &[
                        (
                            "interval",
                            &self.t(&format!("report-interval-{}", d.interval.as_str())),
                        ),
                        ("days", &days.to_string()),
                        ("source", source),
                    ],
                )));
            }
        }
        Section {
            heading: self.t("report-durations-heading"),
            key: "durations".into(),
            blocks,
        }
    }

    fn delays(&self) -> Section {
        let rows: Vec<Vec<Cell>> = self
            .r
            .delays
            .iter()
            .map(|d| {
                let reason = if d.coded {
                    self.lang.word("slip", &d.reason)
                } else {
                    d.reason.clone()
                };
                vec![
                    self.text(self.t(&format!("report-delay-{}", d.kind.as_str()))),
                    self.text(reason),
                    self.count(d.delays),
                    self.count(d.families),
                    self.count(d.persons),
                ]
            })
            .collect();
        let mut blocks = vec![self.paragraph(self.t("report-delays-lead"))];
        if rows.is_empty() {
            blocks.push(self.paragraph(self.t("report-none")));
        } else {
            blocks.push(Block::Table(Table {
                key: "delays".into(),
                caption: self.t("report-delays-heading"),
                columns: vec![
                    Column::text(self.t("report-col-delay")),
                    Column::text(self.t("report-col-reason")),
                    Column::number(self.t("report-col-delays")),
                    Column::number(self.t("report-col-families")),
                    Column::number(self.t("report-col-persons")),
                ],
                rows,
                total: None,
            }));
        }
        Section {
            heading: self.t("report-delays-heading"),
            key: "delays".into(),
            blocks,
        }
    }

    fn decisions(&self) -> Section {
        let mut blocks = vec![self.paragraph(self.t("report-decisions-lead"))];
        blocks.extend(self.r.decisions.iter().map(|d| self.decision_table(d)));
        blocks.push(self.breakdown(
            "refusal-grounds",
            self.t("report-grounds-caption"),
            "report-col-persons",
            &self.r.refusal_grounds,
        ));
        Section {
            heading: self.t("report-decisions-heading"),
            key: "decisions".into(),
            blocks,
        }
    }

    fn reunification(&self) -> Section {
        let u = &self.r.reunification;
        let mut blocks = vec![self.paragraph(self.t_with(
            "report-reunification-lead",
            &[("date", &self.lang.date(u.on))],
        ))];
        blocks.push(self.breakdown(
            "reunification",
            self.t("report-reunification-heading"),
            "report-col-requests",
            &u.waiting,
        ));
        blocks.push(Block::Fields {
            fields: vec![Field::new(
                self.t("report-col-median"),
                self.days(u.median_days).text,
            )],
        });
        Section {
            heading: self.t("report-reunification-heading"),
            key: "reunification".into(),
            blocks,
        }
    }

    fn reception(&self) -> Section {
        let mut rows: Vec<Vec<Cell>> = self
            .r
            .reception
            .iter()
            .map(|l| {
                let share = l
                    .occupied
                    .filter(|_| l.capacity > 0)
                    .map(|o| o as f64 / l.capacity as f64);
                vec![
                    self.text(self.t(&format!("report-place-{}", l.kind))),
                    Cell::number(l.places as f64, self.lang.count(l.places)),
                    Cell::number(l.capacity as f64, self.lang.count(l.capacity)),
                    self.count(l.occupied),
                    self.share(share),
                ]
            })
            .collect();
        // The last line is the total of all places.
        let total = rows.pop();
        Section {
            heading: self.t("report-reception-heading"),
            key: "reception".into(),
            blocks: vec![
                self.paragraph(self.t_with(
                    "report-reception-lead",
                    &[("date", &self.lang.date(self.r.reception_on))],
                )),
                Block::Table(Table {
                    key: "reception".into(),
                    caption: self.t("report-reception-heading"),
                    columns: vec![
                        Column::text(self.t("report-col-place")),
                        Column::number(self.t("report-col-places")),
                        Column::number(self.t("report-col-capacity")),
                        Column::number(self.t("report-col-occupied")),
                        Column::number(self.t("report-col-occupancy")),
                    ],
                    rows,
                    total,
                }),
            ],
        }
    }

    fn money(&self) -> Section {
        let m = &self.r.money;
        let euros = |c: Option<i64>| c.map_or_else(|| self.withheld(), |c| self.lang.euros(c));
        let count = |n: Option<u64>| self.count(n).text;
        let mut fields = Vec::new();
        match m.eu_funding_per_person_cents {
            Some(per) => {
                fields.push(Field::new(
                    self.t("report-eu-per-person"),
                    self.lang.euros(per),
                ));
                fields.push(Field::new(
                    self.t("report-eu-persons"),
                    count(m.eligible_persons),
                ));
                fields.push(Field::new(
                    self.t("report-eu-total"),
                    euros(m.eu_funding_cents),
                ));
                fields.push(Field::new(
                    self.t("report-col-source"),
                    m.eu_funding_source.clone(),
                ));
            }
            None => fields.push(Field::new(
                self.t("report-eu-total"),
                self.t("report-no-funding"),
            )),
        }
        match (m.allowance_per_adult_cents, m.allowance_per_minor_cents) {
            (Some(adult), Some(minor)) => {
                fields.push(Field::new(
                    self.t("report-allowance-adult"),
                    self.lang.euros(adult),
                ));
                fields.push(Field::new(
                    self.t("report-allowance-minor"),
                    self.lang.euros(minor),
                ));
                fields.push(Field::new(self.t("report-adults"), count(m.adults)));
                fields.push(Field::new(self.t("report-minors"), count(m.minors)));
                fields.push(Field::new(
                    self.t("report-allowances-total"),
                    euros(m.allowances_cents),
                ));
                if !m.allowance_purpose.is_empty() {
                    fields.push(Field::new(
                        self.t("report-allowance-purpose"),
                        m.allowance_purpose.clone(),
                    ));
                }
            }
            _ => fields.push(Field::new(
                self.t("report-allowances-total"),
                self.t("report-no-allowance"),
            )),
        }
        Section {
            heading: self.t("report-money-heading"),
            key: "money".into(),
            blocks: vec![
                self.paragraph(self.t("report-money-lead")),
                Block::Fields { fields },
            ],
        }
    }

    /// A cohort's share as published: `yes of answered`, with the percentage as its
    /// value; a dash where nobody answered, the withheld mark where small.
    fn cohort_share(&self, share: &Share) -> Cell {
        match (share.yes, share.of) {
            (_, Some(0)) => self.text("–"),
            (Some(yes), Some(of)) => Cell::number(
                (yes as f64 / of as f64 * 1000.0).round() / 1000.0,
                self.t_with(
                    "report-cohort-share",
                    &[
                        ("yes", &self.lang.count(yes)),
                        ("of", &self.lang.count(of)),
                        (
                            "percent",
                            &self.lang.number(yes as f64 / of as f64 * 100.0, 0),
                        ),
                    ],
                ),
            ),
            _ => self.text(self.withheld()),
        }
    }

    /// What the programme learns after arrival: the dashboard's cohort figures, one
    /// column per year of arrival.
    fn cohorts(&self) -> Section {
        let c = &self.r.cohorts;
        let mut blocks = vec![self.paragraph(self.t_with(
            "report-cohorts-lead",
            &[("threshold", &c.small_cell_threshold.to_string())],
        ))];
        if c.cohorts.is_empty() {
            blocks.push(self.paragraph(self.t("report-cohorts-none")));
        } else {
            let measures: [(&str, Measure); 8] = [
                ("dashboard-cohort-housing", |f| &f.own_housing_by_month_6),
                ("dashboard-cohort-language", |f| &f.language_course),
                ("dashboard-cohort-school", |f| &f.children_in_school),
                ("dashboard-cohort-employed-12", |f| &f.employed_12),
                ("dashboard-cohort-match-12", |f| &f.qualification_match_12),
                ("dashboard-cohort-employed-18", |f| &f.employed_18),
                ("dashboard-cohort-match-18", |f| &f.qualification_match_18),
                ("dashboard-cohort-reunification", |f| {
                    &f.reunification_pending
                }),
            ];
            let mut columns = vec![Column::text(self.t("report-col-measure"))];
            columns.extend(c.cohorts.iter().map(|f| {
                Column::text(self.t_with(
                    "report-cohort-arrived-in",
                    &[("year", &f.arrival_year.to_string())],
                ))
            }));
            blocks.push(Block::Table(Table {
                key: "cohorts".into(),
                caption: self.t("report-cohorts-heading"),
                columns,
                rows: measures
                    .iter()
                    .map(|(label, share)| {
                        let mut row = vec![self.text(self.t(label))];
                        row.extend(c.cohorts.iter().map(|f| self.cohort_share(share(f))));
                        row
                    })
                    .collect(),
                total: None,
            }));
        }
        Section {
            heading: self.t("report-cohorts-heading"),
            key: "cohorts".into(),
            blocks,
        }
    }

    /// The year's quota per situation and channel against the persons who arrived.
    fn quota(&self) -> Section {
        let mut blocks = Vec::new();
        match &self.r.quota {
            None => blocks.push(self.paragraph(self.t("report-quota-none"))),
            Some(q) => {
                blocks.push(self.paragraph(self.t("report-quota-lead")));
                blocks.push(self.paragraph(self.t(if q.from_decision {
                    "quota-target-decision"
                } else {
                    "quota-target-pledge"
                })));
                if q.sponsored_left_out {
                    blocks.push(self.paragraph(self.t("report-quota-sponsored")));
                }
                let n = |v: i64| Cell::number(v as f64, self.lang.number(v as f64, 0));
                blocks.push(Block::Table(Table {
                    key: "quota".into(),
                    caption: self.t("report-quota-heading"),
                    columns: vec![
                        Column::text(self.t("report-col-situation")),
                        Column::text(self.t("report-col-channel")),
                        Column::number(self.t("report-col-target")),
                        Column::number(self.t("report-col-arrived")),
                        Column::number(self.t("report-col-gap")),
                    ],
                    rows: q
                        .lines
                        .iter()
                        .map(|l| {
                            vec![
                                self.text(self.lang.word("quota-situation", &l.situation)),
                                self.text(self.lang.word("channel", &l.channel)),
                                n(l.target as i64),
                                self.count(l.arrived),
                                l.gap.map_or_else(|| self.not_given(), n),
                            ]
                        })
                        .collect(),
                    total: None,
                }));
            }
        }
        Section {
            heading: self.t("report-quota-heading"),
            key: "quota".into(),
            blocks,
        }
    }

    fn method(&self) -> Section {
        let r = self.r;
        let mut blocks = vec![
            self.paragraph(self.t_with(
                "report-method-suppression",
                &[
                    ("threshold", &r.small_cell_threshold.to_string()),
                    (
                        "below",
                        &(r.small_cell_threshold.saturating_sub(1)).to_string(),
                    ),
                ],
            )),
            self.paragraph(self.t(if r.rounded_to.is_some() {
                "report-method-rounded"
            } else {
                "report-method-not-rounded"
            })),
            self.paragraph(self.t("report-method-persons")),
            self.paragraph(self.t("report-method-pledges")),
            self.paragraph(self.t("report-method-percentiles")),
            self.paragraph(self.t("report-method-not-given")),
        ];
        if r.partial {
            blocks.push(
                self.paragraph(
                    self.t_with("report-partial", &[("date", &self.lang.date(r.as_of))]),
                ),
            );
        }
        Section {
            heading: self.t("report-method-heading"),
            key: "method".into(),
            blocks,
        }
    }
}

/// The report as a document in `lang` (Dutch, French or English), made at `created`.
pub fn document(r: &AnnualReport, lang: DocLang, created: OffsetDateTime) -> Document {
    let w = Writer { lang, r };
    let year = r.year.to_string();
    let mut meta = vec![
        Field::new(w.t("report-field-programme"), r.programme.name.clone()),
        Field::new(w.t("report-col-year"), year.clone()),
        Field::new(w.t("report-field-made-on"), lang.date(r.made_on)),
        Field::new(
            w.t("report-field-profile"),
            r.programme.policy_profile.clone(),
        ),
    ];
    if r.partial {
        meta.push(Field::new(w.t("report-field-up-to"), lang.date(r.as_of)));
    }
    Document {
        lang,
        title: w.t_with("report-title", &[("year", &year)]),
        subtitle: r.programme.name.clone(),
        meta,
        title_page: true,
        contents: Some(w.t("report-contents")),
        sections: vec![
            w.summary(),
            w.pledges(),
            w.quota(),
            w.arrivals(),
            w.missions(),
            w.durations(),
            w.delays(),
            w.decisions(),
            w.reunification(),
            w.cohorts(),
            w.reception(),
            w.money(),
            w.method(),
        ],
        created,
    }
}
