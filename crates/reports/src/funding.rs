//! A funding claim as a document: the rates, the total, and every person claimed for on a
//! line of its own, in Dutch, French or English — for the agency that files it.
use resettle_app::funding::{FundingClaim, Instrument};
use time::OffsetDateTime;

use crate::document::{Block, Cell, Column, Document, Field, Section, Table};
use crate::lang::DocLang;

/// The words of one claim in one language.
struct Writer<'a> {
    lang: DocLang,
    c: &'a FundingClaim,
}

impl Writer<'_> {
    fn t(&self, id: &str) -> String {
        self.lang.t(id, &[])
    }

    /// An amount in cents: shown as the language writes euros, kept as euros for a
    /// spreadsheet.
    fn money(&self, cents: i64) -> Cell {
        Cell::number(cents as f64 / 100.0, self.lang.euros(cents))
    }

    fn instrument(&self) -> String {
        match self.c.instrument {
            Instrument::Amif => self.t("claim-instrument-amif"),
            Instrument::Allowance => self.t("claim-instrument-allowance"),
        }
    }

    fn rate_label(&self, applies_to: &str) -> String {
        match applies_to {
            "person" => self.t("claim-rate-person"),
            "adult" => self.t("claim-rate-adult"),
            "minor" => self.t("claim-rate-minor"),
            "first_cohort_adult" => self.t("claim-rate-first_cohort_adult"),
            _ => self.t("claim-rate-first_cohort_minor"),
        }
    }

    fn summary(&self) -> Section {
        let year = self.c.year.to_string();
        let mut blocks = vec![Block::Paragraph {
            text: match self.c.instrument {
                Instrument::Amif => self.lang.t("claim-lead-amif", &[("year", &year)]),
                Instrument::Allowance => self.lang.t("claim-lead-allowance", &[("year", &year)]),
            },
        }];
        if self.c.partial {
            blocks.push(Block::Paragraph {
                text: self
                    .lang
                    .t("claim-partial", &[("date", &self.lang.date(self.c.as_of))]),
            });
        }
        let mut fields = vec![Field::new(
            self.t("claim-field-instrument"),
            self.instrument(),
        )];
        fields.extend(
            self.c
                .rates
                .iter()
                .map(|r| Field::new(self.rate_label(r.applies_to), self.lang.euros(r.cents))),
        );
        fields.push(Field::new(
            self.t("claim-field-persons"),
            self.lang.count(self.c.lines.len() as u64),
        ));
        fields.push(Field::new(
            self.t("claim-field-total"),
            self.lang.euros(self.c.total_cents),
        ));
        if !self.c.source.is_empty() {
            fields.push(Field::new(
                self.t("report-col-source"),
                self.c.source.clone(),
            ));
        }
        blocks.push(Block::Fields { fields });
        Section {
            heading: self.t("claim-summary-heading"),
            key: "summary".into(),
            blocks,
        }
    }

    fn lines(&self) -> Section {
        let allowance = self.c.instrument == Instrument::Allowance;
        let mut columns = vec![
            Column::text(self.t("claim-col-person")),
            Column::text(self.t("claim-col-case")),
            Column::number(self.t("claim-col-member")),
            Column::text(self.t("claim-col-arrived")),
            Column::text(self.t("claim-col-age")),
        ];
        if allowance {
            columns.push(Column::text(self.t("claim-col-cohort")));
        }
        columns.push(Column::number(self.t("claim-col-amount")));
        let rows = self
            .c
            .lines
            .iter()
            .map(|l| {
                let mut row = vec![
                    Cell::text(l.person_id.clone()),
                    Cell::text(l.case_number.clone()),
                    Cell::number(f64::from(l.member_no), l.member_no.to_string()),
                    Cell::text(self.lang.date(l.arrived_on)),
                    Cell::text(if l.adult {
                        self.t("claim-adult")
                    } else {
                        self.t("claim-minor")
                    }),
                ];
                if allowance {
                    row.push(Cell::text(if l.first_cohort {
                        self.t("claim-cohort-first")
                    } else {
                        self.t("claim-cohort-ordinary")
                    }));
                }
                row.push(self.money(l.amount_cents));
                row
            })
            .collect();
        let mut total = vec![Cell::text(self.t("claim-total")), Cell::text("")];
        total.extend((2..columns.len() - 1).map(|_| Cell::text("")));
        total.push(self.money(self.c.total_cents));
        Section {
            heading: self.t("claim-lines-heading"),
            key: "lines".into(),
            blocks: vec![Block::Table(Table {
                key: "claim".into(),
                caption: self.t("claim-lines-caption"),
                columns,
                rows,
                total: Some(total),
            })],
        }
    }
}

/// The claim as a document in `lang` (Dutch, French or English).
pub fn document(c: &FundingClaim, lang: DocLang, created: OffsetDateTime) -> Document {
    let w = Writer { lang, c };
    let year = c.year.to_string();
    let mut meta = vec![
        Field::new(w.t("report-field-programme"), c.programme.name.clone()),
        Field::new(w.t("report-col-year"), year.clone()),
        Field::new(w.t("report-field-made-on"), lang.date(c.made_on)),
        Field::new(
            w.t("report-field-profile"),
            c.programme.policy_profile.clone(),
        ),
    ];
    if c.partial {
        meta.push(Field::new(w.t("report-field-up-to"), lang.date(c.as_of)));
    }
    let title = match c.instrument {
        Instrument::Amif => lang.t("claim-title-amif", &[("year", &year)]),
        Instrument::Allowance => lang.t("claim-title-allowance", &[("year", &year)]),
    };
    Document {
        lang,
        title,
        subtitle: c.programme.name.clone(),
        meta,
        title_page: false,
        contents: None,
        sections: vec![w.summary(), w.lines()],
        created,
    }
}
