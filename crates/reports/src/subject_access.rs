//! The subject-access export (GDPR art. 15) as a document a family can read: in their
//! language, in words (states, countries, relationships, never codes or field paths), with
//! what is held, why, since when, and who saw it. Names print in their own script.
use resettle_app::cases::CaseView;
use resettle_app::cases::SubjectExport;
use time::{Date, OffsetDateTime};

use crate::document::{Block, Cell, Column, Document, Field, Section, Table};
use crate::lang::DocLang;

/// The language a family's export is written in when none is asked for: the first of the
/// principal applicant's languages (then the family's) that documents are written in;
/// English when none is.
pub fn family_language(case: &CaseView) -> DocLang {
    case.members
        .iter()
        .flat_map(|m| m.languages.iter())
        .find_map(|l| DocLang::parse(l))
        .unwrap_or_default()
}

/// Words for one export in one language.
struct Writer<'a> {
    lang: DocLang,
    x: &'a SubjectExport,
}

impl Writer<'_> {
    fn t(&self, id: &str) -> String {
        self.lang.t(id, &[])
    }

    fn date(&self, d: Date) -> String {
        self.lang.date(d)
    }

    fn word(&self, kind: &str, code: &str) -> String {
        self.lang.word(kind, code)
    }

    fn list(&self, items: impl IntoIterator<Item = String>) -> String {
        let items: Vec<String> = items.into_iter().collect();
        items.join(if self.lang.rtl() { "، " } else { ", " })
    }

    fn yes_no(&self, b: bool) -> String {
        self.t(if b { "doc-yes" } else { "doc-no" })
    }

    /// "Held since …", for a section whose earliest record is `since`.
    fn since(&self, since: Option<Date>) -> Option<Block> {
        since.map(|d| Block::Paragraph {
            text: self.lang.t("doc-since", &[("date", &self.date(d))]),
        })
    }

    fn none(&self) -> Block {
        Block::Paragraph {
            text: self.t("doc-none"),
        }
    }

    fn table(&self, key: &str, caption: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Block {
        Block::Table(Table {
            key: key.into(),
            caption: caption.into(),
            columns: columns.iter().map(|c| Column::text(self.t(c))).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::text).collect())
                .collect(),
            total: None,
        })
    }

    /// A section with its "held since" line, its content or "none recorded".
    fn section(
        &self,
        key: &str,
        heading: &str,
        since: Option<Date>,
        content: Vec<Block>,
    ) -> Section {
        let mut blocks: Vec<Block> = self.since(since).into_iter().collect();
        if content.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.extend(content);
        }
        Section {
            heading: self.t(heading),
            key: key.into(),
            blocks,
        }
    }

    fn why(&self) -> Section {
        let x = self.x;
        let paragraph = |id: &str, args: &[(&str, &str)]| Block::Paragraph {
            text: self.lang.t(id, args),
        };
        Section {
            heading: self.t("sar-why-heading"),
            key: "why".into(),
            blocks: vec![
                paragraph(
                    "sar-why-purpose",
                    &[("months", &x.support_months.to_string())],
                ),
                paragraph("sar-why-basis", &[]),
                paragraph("sar-why-recipients", &[]),
                paragraph(
                    "sar-why-retention",
                    &[("years", &x.retention_years.to_string())],
                ),
                paragraph("sar-why-rights", &[]),
            ],
        }
    }

    fn case(&self) -> Section {
        let c = &self.x.case;
        let mut fields = vec![
            Field::new(self.t("sar-field-case"), c.case_number.clone()),
            Field::new(
                self.t("sar-field-state"),
                self.word("state", c.state.as_str()),
            ),
            Field::new(
                self.t("sar-field-stage"),
                self.word("stage", c.stage.as_str()),
            ),
            Field::new(self.t("sar-field-submitted"), self.date(c.submitted_on)),
            Field::new(
                self.t("sar-field-asylum"),
                self.word("country", &c.country_of_asylum),
            ),
            Field::new(
                self.t("sar-field-nationality"),
                self.word("country", &c.nationality),
            ),
            Field::new(
                self.t("sar-field-categories"),
                self.list(
                    c.categories
                        .iter()
                        .map(|k| self.word("category", k.as_str())),
                ),
            ),
            Field::new(
                self.t("sar-field-priority"),
                self.word("priority", c.priority.as_str()),
            ),
            Field::new(
                self.t("sar-field-channel"),
                self.word("channel", c.channel.as_str()),
            ),
        ];
        let optional = [
            ("sar-field-mission", c.mission.clone()),
            ("sar-field-arrived", c.arrived_on.map(|d| self.date(d))),
            ("sar-field-reception", c.reception_place.clone()),
            ("sar-field-sponsor", c.sponsor_group.clone()),
            ("sar-field-address", c.address.clone()),
            (
                "sar-field-support",
                c.support.as_ref().map(|s| {
                    self.lang.t(
                        "sar-support",
                        &[
                            ("provider", &s.provider),
                            ("months", &s.months.to_string()),
                            ("date", &self.date(s.starts_on)),
                        ],
                    )
                }),
            ),
            (
                "sar-field-linked",
                (!c.linked_cases.is_empty()).then(|| self.list(c.linked_cases.iter().cloned())),
            ),
        ];
        for (label, value) in optional {
            if let Some(v) = value {
                fields.push(Field::new(self.t(label), v));
            }
        }
        self.section(
            "case",
            "sar-case-heading",
            Some(c.submitted_on),
            vec![Block::Fields { fields }],
        )
    }

    fn family(&self) -> Section {
        let c = &self.x.case;
        let optional = |v: &Option<String>| v.clone().unwrap_or_default();
        let rows = c
            .members
            .iter()
            .map(|m| {
                vec![
                    m.member_no.to_string(),
                    m.full_name.clone(),
                    self.date(m.date_of_birth),
                    self.word("sex", m.sex.as_str()),
                    self.word("relationship", m.relationship.as_str()),
                    self.list(m.languages.iter().map(|l| self.word("language", l))),
                    optional(&m.education),
                    optional(&m.occupation),
                ]
            })
            .collect();
        self.section(
            "family",
            "sar-family-heading",
            Some(c.submitted_on),
            vec![self.table(
                "family",
                &self.t("sar-family-heading"),
                &[
                    "sar-col-no",
                    "sar-col-name",
                    "sar-col-born",
                    "sar-col-sex",
                    "sar-col-relationship",
                    "sar-col-languages",
                    "sar-col-education",
                    "sar-col-occupation",
                ],
                rows,
            )],
        )
    }

    fn promises(&self) -> Section {
        let p = &self.x.case.promises;
        let rows: Vec<Vec<String>> = p
            .iter()
            .map(|p| {
                vec![
                    self.word("promise", p.kind.as_str()),
                    self.date(p.promised_date),
                    self.date(p.made_on),
                    p.family_notified_on
                        .map(|d| self.date(d))
                        .unwrap_or_default(),
                    p.slip_reason.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let content = if rows.is_empty() {
            vec![]
        } else {
            vec![self.table(
                "promises",
                &self.t("sar-promises-heading"),
                &[
                    "sar-col-kind",
                    "sar-col-date",
                    "sar-col-given",
                    "sar-col-told",
                    "sar-col-change",
                ],
                rows,
            )]
        };
        self.section(
            "promises",
            "sar-promises-heading",
            p.iter().map(|p| p.made_on).min(),
            content,
        )
    }

    fn reunification(&self) -> Section {
        let r = &self.x.case.reunification;
        let rows: Vec<Vec<String>> = r
            .iter()
            .map(|r| {
                let q = &r.request;
                vec![
                    q.relative_name.clone(),
                    q.relationship.clone(),
                    self.word("country", q.location.as_str()),
                    self.word("reunification", q.status.as_str()),
                    self.date(q.requested_on),
                    q.resolved_on.map(|d| self.date(d)).unwrap_or_default(),
                ]
            })
            .collect();
        let content = if rows.is_empty() {
            vec![]
        } else {
            vec![self.table(
                "reunification",
                &self.t("sar-reunification-heading"),
                &[
                    "sar-col-relative",
                    "sar-col-relationship",
                    "sar-col-where",
                    "sar-col-status",
                    "sar-col-requested",
                    "sar-col-decided",
                ],
                rows,
            )]
        };
        self.section(
            "reunification",
            "sar-reunification-heading",
            r.iter().map(|r| r.request.requested_on).min(),
            content,
        )
    }

    fn health(&self) -> Section {
        let x = self.x;
        let name = |no: u32| {
            x.case
                .members
                .iter()
                .find(|m| m.member_no == no)
                .map_or_else(|| no.to_string(), |m| m.full_name.clone())
        };
        let rows: Vec<Vec<String>> = x
            .medical_records
            .iter()
            .map(|m| {
                vec![
                    name(m.member_no),
                    m.condition.clone(),
                    self.list(
                        m.care_needs
                            .iter()
                            .map(|n| self.word("care_need", n.as_str())),
                    ),
                    self.yes_no(m.consent_to_share),
                    self.t(match m.fit_to_travel {
                        Some(true) => "sar-fit-yes",
                        Some(false) => "sar-fit-no",
                        None => "sar-fit-unknown",
                    }),
                ]
            })
            .collect();
        let mut content = Vec::new();
        if !rows.is_empty() {
            content.push(Block::Paragraph {
                text: self.t("sar-health-note"),
            });
            content.push(self.table(
                "health",
                &self.t("sar-health-heading"),
                &[
                    "sar-col-member",
                    "sar-col-condition",
                    "sar-col-needs",
                    "sar-col-consent",
                    "sar-col-fit",
                ],
                rows,
            ));
        }
        // Since the first time a medical record of the case was written.
        let since = x
            .accesses
            .iter()
            .filter(|a| a.entity == "medical_record" && a.action == "write")
            .filter_map(|a| day_of(&a.at))
            .min();
        self.section("health", "sar-health-heading", since, content)
    }

    fn steps(&self) -> Section {
        let e = &self.x.events;
        let rows: Vec<Vec<String>> = e
            .iter()
            .map(|e| {
                vec![
                    self.date(e.at.date()),
                    self.word("state", e.to.as_str()),
                    e.actor.clone(),
                    e.reason.clone(),
                ]
            })
            .collect();
        let content = if rows.is_empty() {
            vec![]
        } else {
            vec![self.table(
                "steps",
                &self.t("sar-steps-heading"),
                &["sar-col-when", "sar-col-step", "sar-col-by", "sar-col-why"],
                rows,
            )]
        };
        self.section(
            "steps",
            "sar-steps-heading",
            e.iter().map(|e| e.at.date()).min(),
            content,
        )
    }

    fn outcomes(&self) -> Option<Section> {
        let o = &self.x.case.outcomes;
        if o.is_empty() {
            return None;
        }
        let name = |no: u32| {
            self.x
                .case
                .members
                .iter()
                .find(|m| m.member_no == no)
                .map_or_else(|| no.to_string(), |m| m.full_name.clone())
        };
        let rows = o
            .iter()
            .map(|f| {
                vec![
                    name(f.member_no),
                    f.months.to_string(),
                    self.yes_no(f.employed),
                ]
            })
            .collect();
        Some(self.section(
            "outcomes",
            "sar-outcomes-heading",
            o.iter().map(|f| f.recorded_on).min(),
            vec![self.table(
                "outcomes",
                &self.t("sar-outcomes-heading"),
                &["sar-col-member", "sar-col-months", "sar-col-work"],
                rows,
            )],
        ))
    }

    fn seen(&self) -> Section {
        let a = &self.x.accesses;
        let rows: Vec<Vec<String>> = a
            .iter()
            .map(|a| {
                let when = match OffsetDateTime::parse(
                    &a.at,
                    &time::format_description::well_known::Rfc3339,
                ) {
                    Ok(t) => format!("{} {:02}:{:02}", self.date(t.date()), t.hour(), t.minute()),
                    Err(_) => a.at.clone(),
                };
                let what = if a.outcome == "refused" {
                    self.t("sar-action-refused")
                } else {
                    self.lang
                        .try_message(&format!("sar-action-{}", a.action), &[])
                        .unwrap_or_else(|_| a.action.clone())
                };
                vec![when, a.actor.clone(), what]
            })
            .collect();
        let mut content = vec![Block::Paragraph {
            text: self.t("sar-seen-lead"),
        }];
        if rows.is_empty() {
            content.push(self.none());
        } else {
            content.push(self.table(
                "seen",
                &self.t("sar-seen-heading"),
                &["sar-col-when", "sar-col-who", "sar-col-what"],
                rows,
            ));
        }
        self.section(
            "seen",
            "sar-seen-heading",
            a.iter().filter_map(|a| day_of(&a.at)).min(),
            content,
        )
    }
}

/// The day of an audit entry's RFC 3339 time.
fn day_of(at: &str) -> Option<Date> {
    OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(|t| t.date())
}

/// The export as a document in `lang`.
pub fn document(x: &SubjectExport, lang: DocLang) -> Document {
    let w = Writer { lang, x };
    let number = &x.case.case_number;
    let mut sections = vec![
        Section {
            heading: w.t("sar-about-heading"),
            key: "about".into(),
            blocks: vec![Block::Paragraph {
                text: lang.t("sar-intro", &[("programme", &x.programme_name)]),
            }],
        },
        w.why(),
        w.case(),
        w.family(),
        w.promises(),
        w.reunification(),
        w.health(),
        w.steps(),
    ];
    sections.extend(w.outcomes());
    sections.push(w.seen());
    Document {
        lang,
        title: w.t("sar-title"),
        subtitle: lang.t("sar-subtitle", &[("case", number)]),
        meta: vec![
            Field::new(w.t("sar-field-case"), number.clone()),
            Field::new(w.t("sar-field-programme"), x.programme_name.clone()),
            Field::new(w.t("sar-field-made-on"), w.date(x.exported_at.date())),
            Field::new(w.t("sar-field-made-by"), x.exported_by.clone()),
        ],
        title_page: false,
        contents: None,
        sections,
        created: x.exported_at,
    }
}
