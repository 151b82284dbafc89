//! `resettle case …`: follow and move cases from the command line.
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::cases::{CaseQuery, MoveRequest, NewPromise, StayView, TransitionRequest};
use resettle_domain::case::{CaseState, Priority, PromiseKind};
use time::Date;

use crate::output::{Format, Rows, print};

/// What to do with cases.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List cases (newest first), or the overdue ones (most overdue first).
    List {
        /// Only this state.
        #[arg(long)]
        state: Option<CaseState>,
        /// Only this priority.
        #[arg(long)]
        priority: Option<Priority>,
        /// Only this nationality.
        #[arg(long)]
        nationality: Option<String>,
        /// Only cases past a time limit of their policy profile.
        #[arg(long)]
        overdue: bool,
        /// Case number or member name containing this text.
        #[arg(long)]
        q: Option<String>,
        /// Page, from 1.
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Start after this case number: the `next` a page ends with. Reads from the
        /// database's index from there, however deep the page (not with --overdue).
        #[arg(long)]
        after: Option<String>,
        /// Cases per page.
        #[arg(long, default_value_t = 50)]
        per_page: u32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one case: where it stands, its waiting times, promises and what may follow.
    Show {
        /// UNHCR case number.
        number: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The case's timeline, oldest first.
    Events {
        /// UNHCR case number.
        number: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Move a case one step. Exits non-zero, changing nothing, when the step is refused.
    #[command(visible_alias = "move")]
    Transition(Box<TransitionArgs>),
    /// Move a family to another reception place without a lifecycle step (a centre to an
    /// LOI): its current stay ends and the next begins on the day of the move. Exits
    /// non-zero, changing nothing, when the move is refused (a place without room and no
    /// --over-capacity-reason, a step back without --reason).
    Stay(StayArgs),
    /// Record a reunification request (--relative …), change its status (--request N
    /// --status S), or record its dependency and evidence (--request N --dependency …
    /// --evidence …).
    Reunification(ReunificationArgs),
    /// Everything held on a case's family (a subject-access request, GDPR art. 15), as
    /// JSON or as a PDF the family can read; the export is recorded in the audit trail.
    Export {
        /// UNHCR case number.
        number: String,
        /// json or pdf.
        #[arg(long, default_value = "json")]
        format: String,
        /// The PDF's language: ar, fa, fr, en or nl (default: the family's first language
        /// among these, else English).
        #[arg(long)]
        language: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
    /// Record integration follow-up: whether an adult has work 12 or 18 months after
    /// arrival.
    Outcome {
        /// UNHCR case number.
        number: String,
        /// The family member.
        #[arg(long)]
        member: u32,
        /// 12 or 18.
        #[arg(long)]
        months: u32,
        /// true or false.
        #[arg(long)]
        employed: bool,
    },
    /// Record a step after arrival the profile lists (asylum_registration,
    /// refugee_status, refugee_certificate in Belgium) as done on a day, and print each
    /// step with the days it took from arrival. Exits non-zero, changing nothing, for a
    /// step the profile does not list, a family not arrived, or an impossible day.
    AfterArrival {
        /// UNHCR case number.
        number: String,
        /// The step, by its name in the policy profile.
        #[arg(long)]
        step: String,
        /// The day it was done (YYYY-MM-DD); default today.
        #[arg(long, value_parser = super::demo::parse_date)]
        on: Option<Date>,
    },
    /// The medical record of each family member: show it, or write one member's.
    #[command(subcommand)]
    Medical(MedicalCommand),
    /// Issue a new access code to the family status page (/family) and print it once; the
    /// previous code and every session it opened stop working. Give the code to the family
    /// with the page's address (the case page prints it as a letter).
    FamilyCode {
        /// UNHCR case number.
        number: String,
    },
    /// Record a date told to the family (a new date of a kind already promised is a slip).
    Promise {
        /// UNHCR case number.
        number: String,
        /// interview or departure.
        #[arg(long)]
        kind: PromiseKind,
        /// The date promised (YYYY-MM-DD).
        #[arg(long, value_parser = super::demo::parse_date)]
        date: Date,
        /// Why the previous date changed, in words (required for a slip).
        #[arg(long)]
        reason: Option<String>,
        /// Why the previous date changed, as a code from the policy profile's slip list
        /// (required for a slip; `resettle policy show` lists them).
        #[arg(long)]
        reason_code: Option<String>,
        /// The day the family was told.
        #[arg(long, value_parser = super::demo::parse_date)]
        notified_on: Option<Date>,
    },
}

/// What to do with the medical record.
#[derive(Debug, Subcommand)]
pub enum MedicalCommand {
    /// The records of a case's members (condition, care needs, consent, fit to travel);
    /// the read is recorded in the audit trail.
    Show {
        /// UNHCR case number.
        number: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write one member's record in place of the old one (give every field: nothing of
    /// the old record is kept). Exits non-zero, changing nothing, when it is refused.
    Set(MedicalArgs),
}

/// One member's medical record, whole.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("consent").required(true).args(["consent_given", "no_consent"])))]
pub struct MedicalArgs {
    /// UNHCR case number.
    number: String,
    /// The family member.
    #[arg(long)]
    member: u32,
    /// The condition in words (at most 2,000 characters).
    #[arg(long)]
    condition: String,
    /// A care need (repeat, or separate with commas): wheelchair_access,
    /// specialised_hospital_care, mental_health_support, regular_treatment. None given:
    /// no care needs.
    #[arg(long = "care-need", value_delimiter = ',')]
    care_needs: Vec<String>,
    /// The family consents to share the condition with the receiving municipality.
    #[arg(long = "consent")]
    consent_given: bool,
    /// The family does not consent to share it.
    #[arg(long)]
    no_consent: bool,
    /// Whether the member may travel, as assessed: yes, no, or unknown (not yet assessed).
    #[arg(long, value_parser = ["yes", "no", "unknown"])]
    fit_to_travel: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// The records as a table: one row per member.
fn medical_rows(records: &[resettle_domain::case::MedicalRecord]) -> Rows {
    let mut rows = Rows::new(&[
        "member",
        "condition",
        "care_needs",
        "consent",
        "fit_to_travel",
    ]);
    for m in records {
        let needs: Vec<&str> = m.care_needs.iter().map(|n| n.as_str()).collect();
        rows.push(vec![
            m.member_no.to_string(),
            m.condition.clone(),
            needs.join(", "),
            if m.consent_to_share { "yes" } else { "no" }.into(),
            resettle_domain::case::fit_to_travel_word(m.fit_to_travel).into(),
        ]);
    }
    rows
}

/// A request to bring a relative left behind, or a change of its status.
#[derive(Debug, clap::Args)]
pub struct ReunificationArgs {
    /// UNHCR case number.
    number: String,
    /// The relative's name (a new request).
    #[arg(long, conflicts_with_all = ["request", "status"], requires_all = ["relationship", "location"])]
    relative: Option<String>,
    /// Relationship to the principal applicant, e.g. "adult son".
    #[arg(long)]
    relationship: Option<String>,
    /// Where the relative is now (ISO alpha-2).
    #[arg(long)]
    location: Option<String>,
    /// The request to update, from 1.
    #[arg(long)]
    request: Option<u32>,
    /// approved or refused (from requested), reunited or refused (from approved).
    #[arg(long, requires = "request")]
    status: Option<resettle_domain::reunification::ReunificationStatus>,
    /// Why it was decided so (required to approve or refuse).
    #[arg(long, requires = "status")]
    reason: Option<String>,
    /// How the relative depends on the family, comma-separated: none, or any of
    /// financial, emotional, medical (a new request, or with --request: replaces it).
    #[arg(long, value_delimiter = ',', conflicts_with = "status")]
    dependency: Option<Vec<String>>,
    /// The proof of family ties offered, comma-separated: documents, dna, testimony,
    /// photographs, unhcr_records (a new request, or with --request: replaces it).
    #[arg(long, value_delimiter = ',', conflicts_with = "status")]
    evidence: Option<Vec<String>>,
}

/// A step after arrival on one line: its name, and its day with the days from arrival, or
/// that it is not done yet.
fn after_arrival_line(a: &resettle_domain::case::AfterArrival) -> String {
    match (a.done_on, a.days_from_arrival) {
        (Some(on), Some(days)) => format!("{}: done {on}, {days} days after arrival", a.name),
        _ => format!("{}: not yet (by {})", a.name, a.by),
    }
}

/// A reunification request on one line: who, where, its status and wait, the dependency
/// and evidence recorded, and its due day (with the days past it while it waits).
fn reunification_line(r: &resettle_app::cases::ReunificationView) -> String {
    let list = |w: Vec<String>| {
        if w.is_empty() {
            "-".to_string()
        } else {
            w.join(", ")
        }
    };
    let mut line = format!(
        "{} ({}) in {}: {}, {} days; dependency: {}; evidence: {}",
        r.request.relative_name,
        r.request.relationship,
        r.request.location,
        r.request.status,
        r.days_since_request,
        list(
            r.request
                .dependency
                .iter()
                .map(ToString::to_string)
                .collect()
        ),
        list(r.request.evidence.iter().map(ToString::to_string).collect()),
    );
    if let Some(due) = r.request.due_on {
        line.push_str(&format!("; due {due}"));
    }
    if let Some(days) = r.days_overdue {
        line.push_str(&format!(", OVERDUE by {days} days"));
    }
    line
}

/// Words given on the command line, each read as one of its list (`dependency`,
/// `evidence`); blanks skipped, so `--evidence ""` records none.
fn words<T: std::str::FromStr<Err = resettle_domain::Refusal>>(
    given: &Option<Vec<String>>,
) -> Result<Vec<T>, resettle_domain::Refusal> {
    given
        .iter()
        .flatten()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .map(str::parse)
        .collect()
}

/// A move to another reception place.
#[derive(Debug, clap::Args)]
pub struct StayArgs {
    /// UNHCR case number.
    number: String,
    /// The place's code (a centre or an LOI).
    #[arg(long)]
    place: String,
    /// The day of the move (YYYY-MM-DD), if not today.
    #[arg(long, value_parser = super::demo::parse_date)]
    on: Option<Date>,
    /// Why; required for a step back (an LOI to a centre).
    #[arg(long, default_value = "")]
    reason: String,
    /// Why the family goes to a place without room for it.
    #[arg(long)]
    over_capacity_reason: Option<String>,
    /// The version you saw (default: the current one).
    #[arg(long)]
    expected_version: Option<i64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// The columns of a stay in `case stay` and `case show`.
const STAY_COLUMNS: &[&str] = &["kind", "place", "from", "until", "days", "persons", "why"];

/// One stay's cells, under [`STAY_COLUMNS`].
fn stay_cells(s: &StayView) -> Vec<String> {
    let until = match (s.stay.until, s.due_by) {
        (Some(until), _) => until.to_string(),
        (None, Some(due)) => format!("(ends by {due})"),
        (None, None) => String::new(),
    };
    let why = match &s.stay.over_capacity_reason {
        Some(over) => format!("{} (over capacity: {over})", s.stay.reason),
        None => s.stay.reason.clone(),
    };
    vec![
        s.stay.kind.to_string(),
        s.place_name
            .clone()
            .or_else(|| s.stay.place.clone())
            .unwrap_or_default(),
        s.stay.from.to_string(),
        until,
        s.days.to_string(),
        s.stay.persons.to_string(),
        why,
    ]
}

/// A step and its data.
#[derive(Debug, clap::Args)]
pub struct TransitionArgs {
    /// UNHCR case number.
    number: String,
    /// The state to move to.
    #[arg(long)]
    to: CaseState,
    /// Why; required for a decision or an ending (accepted, accepted_in_part, refused,
    /// deferred, withdrawn, deceased), a departure called off, a new departure date and a
    /// step back from a sponsor group's home into reception.
    #[arg(long, required_if_eq_any = decisions())]
    reason: Option<String>,
    /// deferred, withdrawn, a departure called off, a new departure date and a step back
    /// from a sponsor group's home into reception (a sponsorship that broke down): the
    /// reason as a code from the policy profile's list (deferral, withdrawal, slip or
    /// breakdown; `resettle policy show` lists them); `other` needs the words in --reason.
    #[arg(long, required_if_eq_any = [("to", "deferred"), ("to", "withdrawn")])]
    reason_code: Option<String>,
    /// The version you saw (default: the current one).
    #[arg(long)]
    expected_version: Option<i64>,
    /// refused: grounds, comma-separated.
    #[arg(long, value_delimiter = ',')]
    grounds: Option<Vec<String>>,
    /// accepted_in_part: member numbers accepted; arrived: the members who travelled, if
    /// not all those accepted (comma-separated).
    #[arg(long, value_delimiter = ',')]
    members: Option<Vec<u32>>,
    /// scheduled_for_mission: the mission code.
    #[arg(long)]
    mission: Option<String>,
    /// in_reception (a centre or an LOI) or housed (a municipality placing directly): the
    /// place code; the family's stay there begins with the step.
    #[arg(long)]
    reception_place: Option<String>,
    /// in_reception or housed at a place without room: why the family goes there anyway.
    #[arg(long)]
    over_capacity_reason: Option<String>,
    /// housed: the sponsor group.
    #[arg(long)]
    sponsor_group: Option<String>,
    /// housed: the municipality of the new home (its staff see the family from then on).
    #[arg(long)]
    municipality: Option<String>,
    /// housed: the family's home address (street and number, postcode, town).
    #[arg(long)]
    address: Option<String>,
    /// arrived: the day the family arrived (YYYY-MM-DD), if not today.
    #[arg(long, value_parser = super::demo::parse_date)]
    arrived_on: Option<Date>,
    /// integration_support: the provider.
    #[arg(long)]
    provider: Option<String>,
    /// departure_scheduled: the departure date told to the family.
    #[arg(long, value_parser = super::demo::parse_date)]
    departure_date: Option<Date>,
    /// departure_scheduled: the day the family was told.
    #[arg(long, value_parser = super::demo::parse_date)]
    family_notified_on: Option<Date>,
    /// A pre-departure check done, as NAME=YYYY-MM-DD (repeat for each).
    #[arg(long = "check", value_parser = parse_check)]
    checks: Vec<(String, Date)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// `--to` values that make `--reason` required, from the domain's list of decisions.
fn decisions() -> Vec<(&'static str, &'static str)> {
    resettle_domain::case::DECISIONS
        .iter()
        .map(|s| ("to", s.as_str()))
        .collect()
}

fn parse_check(s: &str) -> Result<(String, Date), String> {
    let (name, date) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not NAME=YYYY-MM-DD"))?;
    Ok((
        name.trim().to_string(),
        super::demo::parse_date(date.trim())?,
    ))
}

/// Runs a case command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    let op = Caller::operator();
    match command {
        Command::List {
            state,
            priority,
            nationality,
            overdue,
            q,
            page,
            after,
            per_page,
            format,
        } => {
            let list = app
                .list_cases(
                    &op,
                    &CaseQuery {
                        state,
                        priority,
                        nationality,
                        overdue: Some(overdue),
                        q,
                        page: Some(page),
                        after,
                        per_page: Some(per_page),
                        ..CaseQuery::default()
                    },
                )
                .await?;
            print(format, &list, || {
                let mut rows = Rows::new(&[
                    "case",
                    "state",
                    "priority",
                    "nationality",
                    "asylum",
                    "persons",
                    "days_in_state",
                    "days_overdue",
                ]);
                for c in &list.items {
                    rows.push(vec![
                        c.case_number.clone(),
                        c.state.to_string(),
                        c.priority.map(|p| p.to_string()).unwrap_or_default(),
                        c.nationality.clone().unwrap_or_default(),
                        c.country_of_asylum.clone().unwrap_or_default(),
                        c.family_size.to_string(),
                        c.days_in_state.map(|d| d.to_string()).unwrap_or_default(),
                        c.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
                    ]);
                }
                rows
            })?;
            if format == Format::Table {
                let total = if list.total_exact {
                    list.total.to_string()
                } else {
                    format!("more than {}", list.total)
                };
                eprintln!("page {} of {total} cases", list.page);
                if let Some(next) = &list.next {
                    eprintln!("next page: --after {next}");
                }
            }
            Ok(())
        }
        Command::Show { number, format } => {
            let c = app.case_full(&op, &number).await?;
            print(format, &c, || {
                let mut rows = Rows::new(&["field", "value"]);
                let mut add = |k: &str, v: String| rows.push(vec![k.to_string(), v]);
                add("case", c.case_number.clone());
                add("state", format!("{} (version {})", c.state, c.version));
                add("policy profile", c.policy_profile.clone());
                add(
                    "priority / channel",
                    format!("{} / {}", c.priority, c.channel),
                );
                add(
                    "from",
                    format!("{} in {}", c.nationality, c.country_of_asylum),
                );
                add("family", format!("{} persons", c.members.len()));
                if let Some(on) = c.arrived_on {
                    add("arrived", on.to_string());
                }
                if let Some(home) = &c.address {
                    add("address", home.clone());
                }
                for w in &c.waiting {
                    add(
                        "waited",
                        format!("{} days in {} (from {})", w.days, w.state, w.entered_on),
                    );
                }
                for p in &c.promises {
                    let slip = match (&p.slip_reason_code, &p.slip_reason) {
                        (Some(code), Some(r)) => format!(", slipped: {code}: {r}"),
                        (None, Some(r)) => format!(", slipped: {r}"),
                        _ => String::new(),
                    };
                    let told = p
                        .family_notified_on
                        .map_or("family not told".into(), |d| format!("told {d}"));
                    add(
                        "promised",
                        format!("{} {} ({told}{slip})", p.kind, p.promised_date),
                    );
                }
                add("slipped promises", c.slipped_promises.to_string());
                for a in &c.after_arrival {
                    add("after arrival", after_arrival_line(a));
                }
                for o in &c.overdue {
                    add(
                        "OVERDUE",
                        format!(
                            "{} → {}: due {}, {} days over",
                            o.limit.from, o.limit.to, o.due, o.days_over
                        ),
                    );
                }
                for r in &c.reunification {
                    add("reunification", reunification_line(r));
                }
                for o in &c.outcomes {
                    add(
                        "outcome",
                        format!(
                            "member {} at {} months: {} (recorded {})",
                            o.member_no,
                            o.months,
                            if o.employed { "in work" } else { "not in work" },
                            o.recorded_on
                        ),
                    );
                }
                for s in &c.stays {
                    let cells = stay_cells(s);
                    let line: Vec<String> = STAY_COLUMNS
                        .iter()
                        .zip(cells)
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| format!("{k} {v}"))
                        .collect();
                    add("stay", line.join(", "));
                }
                let next: Vec<&str> = c.allowed_transitions.iter().map(|s| s.as_str()).collect();
                add("may move to", next.join(", "));
                for w in &c.warnings {
                    add("warning", w.clone());
                }
                rows
            })
        }
        Command::Events { number, format } => {
            let events = app.case_events(&op, &number).await?;
            print(format, &events, || {
                let mut rows =
                    Rows::new(&["seq", "at", "actor", "from", "to", "reason", "reason_code"]);
                for e in &events {
                    rows.push(vec![
                        e.seq.to_string(),
                        e.at.date().to_string(),
                        e.actor.clone(),
                        e.from.map(|s| s.to_string()).unwrap_or_default(),
                        e.to.to_string(),
                        e.reason.clone(),
                        e.reason_code.clone().unwrap_or_default(),
                    ]);
                }
                rows
            })
        }
        Command::Transition(a) => {
            let a = *a;
            let expected_version = match a.expected_version {
                Some(v) => v,
                None => app.case_full(&op, &a.number).await?.version,
            };
            let req = TransitionRequest {
                to: a.to,
                reason: a.reason.unwrap_or_default(),
                reason_code: a.reason_code,
                expected_version,
                grounds: a.grounds,
                members: a.members,
                mission: a.mission,
                reception_place: a.reception_place,
                sponsor_group: a.sponsor_group,
                municipality: a.municipality,
                address: a.address,
                provider: a.provider,
                departure_date: a.departure_date,
                family_notified_on: a.family_notified_on,
                arrived_on: a.arrived_on,
                checks: (!a.checks.is_empty()).then(|| a.checks.iter().cloned().collect()),
                over_capacity_reason: a.over_capacity_reason,
            };
            let t = app.transition(&op, &a.number, &req).await?;
            print(a.format, &t, || {
                let mut rows = Rows::new(&["case", "state", "version", "may move to"]);
                let next: Vec<&str> = t.allowed_transitions.iter().map(|s| s.as_str()).collect();
                rows.push(vec![
                    t.case_number.clone(),
                    t.state.to_string(),
                    t.version.to_string(),
                    next.join(", "),
                ]);
                rows
            })
        }
        Command::Stay(a) => {
            let expected_version = match a.expected_version {
                Some(v) => v,
                None => app.case_full(&op, &a.number).await?.version,
            };
            let moved = app
                .move_family(
                    &op,
                    &a.number,
                    &MoveRequest {
                        place: a.place,
                        on: a.on,
                        reason: a.reason,
                        over_capacity_reason: a.over_capacity_reason,
                        expected_version,
                    },
                )
                .await?;
            print(a.format, &moved, || {
                let mut rows = Rows::new(STAY_COLUMNS);
                for s in &moved.stays {
                    rows.push(stay_cells(s));
                }
                rows
            })
        }
        Command::Reunification(a) => {
            let dependency = words(&a.dependency)?;
            let evidence = words(&a.evidence)?;
            match (a.relative, a.request, a.status) {
                (Some(relative_name), None, None) => {
                    app.add_reunification(
                        &op,
                        &a.number,
                        &resettle_app::cases::NewReunification {
                            relative_name,
                            relationship: a.relationship.unwrap_or_default(),
                            location: a.location.unwrap_or_default(),
                            requested_on: None,
                            dependency,
                            evidence,
                        },
                    )
                    .await?
                }
                (None, Some(request), None) if a.dependency.is_some() || a.evidence.is_some() => {
                    app.set_reunification_ties(
                        &op,
                        &a.number,
                        request,
                        &resettle_app::cases::ReunificationTies {
                            dependency,
                            evidence,
                        },
                    )
                    .await?
                }
                (None, Some(request), Some(status)) => {
                    app.set_reunification_status(
                        &op,
                        &a.number,
                        request,
                        status,
                        None,
                        a.reason.as_deref(),
                    )
                    .await?
                }
                _ => anyhow::bail!(
                    "give --relative, --relationship and --location, or --request and --status, \
                     or --request with --dependency or --evidence"
                ),
            };
            let c = app.case_full(&op, &a.number).await?;
            for (i, r) in c.reunification.iter().enumerate() {
                println!("#{} {}", i + 1, reunification_line(r));
            }
            Ok(())
        }
        Command::Export {
            number,
            format,
            language,
            output,
        } => {
            use resettle_reports::{DocLang, subject_access};
            let lang = match language.as_deref() {
                None => None,
                Some(code) => Some(DocLang::parse(code).ok_or_else(|| {
                    anyhow::anyhow!("--language: {code:?} is not one of ar, fa, fr, en, nl")
                })?),
            };
            if !matches!(format.as_str(), "json" | "pdf") {
                anyhow::bail!("--format: {format:?} is not json or pdf");
            }
            let export = app.subject_export(&op, &number).await?;
            let bytes = if format == "json" {
                serde_json::to_vec_pretty(&export)?
            } else {
                let lang = lang.unwrap_or_else(|| subject_access::family_language(&export.case));
                resettle_reports::pdf::render(&subject_access::document(&export, lang))?
            };
            match output {
                Some(path) => std::fs::write(&path, bytes)?,
                None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
            }
            Ok(())
        }
        Command::Outcome {
            number,
            member,
            months,
            employed,
        } => {
            app.record_outcome(
                &op,
                &number,
                &resettle_app::cases::NewOutcomeRecord {
                    member_no: member,
                    months,
                    employed,
                    recorded_on: None,
                },
            )
            .await?;
            println!("recorded: {number} member {member} at {months} months, employed: {employed}");
            Ok(())
        }
        Command::AfterArrival { number, step, on } => {
            app.record_after_arrival(
                &op,
                &number,
                &resettle_app::cases::NewAfterArrival {
                    name: step,
                    done_on: on,
                },
            )
            .await?;
            for a in app.case_full(&op, &number).await?.after_arrival {
                println!("{}", after_arrival_line(&a));
            }
            Ok(())
        }
        Command::Medical(MedicalCommand::Show { number, format }) => {
            let records = app.medical_records(&op, &number).await?;
            print(format, &records, || medical_rows(&records))
        }
        Command::Medical(MedicalCommand::Set(a)) => {
            let entry = resettle_domain::case::MedicalEntry {
                condition: a.condition,
                care_needs: a
                    .care_needs
                    .iter()
                    .map(|n| resettle_domain::typed_word("care_needs", n))
                    .collect::<Result<_, _>>()?,
                consent_to_share: a.consent_given,
                fit_to_travel: resettle_domain::case::parse_fit_to_travel(&a.fit_to_travel)?,
            };
            let record = app
                .write_medical_record(&op, &a.number, a.member, &entry)
                .await?;
            print(a.format, &record, || {
                medical_rows(std::slice::from_ref(&record))
            })
        }
        Command::FamilyCode { number } => {
            let issued = app.issue_family_code(&op, &number).await?;
            println!(
                "access code for case {}: {}",
                issued.case_number, issued.code
            );
            eprintln!(
                "the previous code no longer works; the family opens /family with the case \
                 number and this code (shown only now)"
            );
            Ok(())
        }
        Command::Promise {
            number,
            kind,
            date,
            reason,
            reason_code,
            notified_on,
        } => {
            app.add_promise(
                &op,
                &number,
                &NewPromise {
                    kind,
                    promised_date: date,
                    reason,
                    reason_code,
                    family_notified_on: notified_on,
                },
            )
            .await?;
            let c = app.case_full(&op, &number).await?;
            println!(
                "recorded; case {} has {} slipped promise(s)",
                c.case_number, c.slipped_promises
            );
            Ok(())
        }
    }
}
