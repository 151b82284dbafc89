//! Lists of cases: filtered and paged, or the overdue ones, most overdue first.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseState, ListPosition, Priority, SubmissionCategory};
use resettle_domain::names::check_search;
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::{CaseFilter, CaseSummary, ListStart};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::permission::Scope;
use crate::access::visibility::sees;
use crate::bounds::{CASES_PER_PAGE, COUNTED_CASES, PAGES, within};
use crate::{App, AppError, Caller, Permission};

/// Which cases to list. Query parameters of `GET /api/v1/cases` and options of
/// `resettle case list`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Only this lifecycle state.
    #[serde(default, deserialize_with = "crate::filters::blank_is_none")]
    pub state: Option<CaseState>,
    /// Only this priority.
    #[serde(default, deserialize_with = "crate::filters::blank_is_none")]
    pub priority: Option<Priority>,
    /// Only this nationality (ISO alpha-2).
    pub nationality: Option<String>,
    /// Only this country of asylum (ISO alpha-2).
    pub country_of_asylum: Option<String>,
    /// Only cases with this UNHCR submission category.
    #[serde(default, deserialize_with = "crate::filters::blank_is_none")]
    pub category: Option<SubmissionCategory>,
    /// Only cases past a time limit of their policy profile, most overdue first.
    pub overdue: Option<bool>,
    /// A member whose name has a word beginning with each word of this text (case,
    /// accents and Arabic vowel marks do not matter), or, when it has a digit, a case
    /// number containing it.
    pub q: Option<String>,
    /// Only the cases the caller's own organisation submitted (a UNHCR office's
    /// submissions), newest first like every list.
    pub ours: Option<bool>,
    /// Page, from 1 (at most 100,000). With `after`, only the number of the page as the
    /// reader counts them, given back as is: the page starts after that case instead.
    pub page: Option<u32>,
    /// The case number the previous page ended with (its `next`): this page starts
    /// after it in the list's order, read from the database's index from there however
    /// deep the page. Not for the overdue list, which is in another order.
    pub after: Option<String>,
    /// Cases per page, 1 to 500 (default 50).
    pub per_page: Option<u32>,
}

/// A case in a list. The field matrix applies as to the case view: a field the caller's
/// roles may not see on the case (`docs/security.md`, "Fields of a case") is absent here
/// too, so a list never tells what the case page withholds.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CaseListItem {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code.
    pub programme: String,
    /// Current state.
    pub state: CaseState,
    /// Priority (field `priority`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// mission or dossier (field `channel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Nationality (field `nationality`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// Country of asylum (field `country_of_asylum`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_of_asylum: Option<String>,
    /// Persons in the case.
    pub family_size: i64,
    /// Day of submission (field `submitted_on`).
    #[schema(value_type = Option<String>, format = Date)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<time::Date>,
    /// Days in the current state (field `waiting`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_in_state: Option<i64>,
    /// Version.
    pub version: i64,
    /// Days past the most overrun time limit, when overdue (field `overdue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
}

/// A page of cases.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CaseList {
    /// The cases on this page.
    pub items: Vec<CaseListItem>,
    /// Cases matching in all when `total_exact`; otherwise more than this many match
    /// (the list counts at most 10,000).
    pub total: i64,
    /// Whether `total` is every matching case, or only as far as the list counts.
    pub total_exact: bool,
    /// The `after` of the next page, when there is one (not on the overdue list, which
    /// is paged by `page`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// This page, from 1.
    pub page: u32,
    /// Cases per page.
    pub per_page: u32,
}

/// A list item with only the fields the caller may see.
fn item(caller: &Caller, s: CaseSummary, days_overdue: Option<i64>, today: Date) -> CaseListItem {
    let shown = |field: &str| sees(caller, field);
    CaseListItem {
        days_in_state: shown("waiting").then(|| (today - s.state_since.date()).whole_days()),
        case_number: s.case_number,
        programme: s.programme,
        state: s.state,
        priority: shown("priority").then_some(s.priority),
        channel: shown("channel").then_some(s.channel),
        nationality: shown("nationality").then_some(s.nationality),
        country_of_asylum: shown("country_of_asylum").then_some(s.country_of_asylum),
        family_size: s.family_size,
        submitted_on: shown("submitted_on").then_some(s.submitted_on),
        version: s.version,
        days_overdue: days_overdue.filter(|_| shown("overdue")),
    }
}

/// The case field each filter of [`CaseQuery`] reads: a role may filter only on what it
/// may see, or the filter would tell it what the field hides.
const FILTER_FIELDS: &[(&str, &str)] = &[
    ("state", "state"),
    ("priority", "priority"),
    ("nationality", "nationality"),
    ("country_of_asylum", "country_of_asylum"),
    ("category", "categories"),
    ("overdue", "overdue"),
];

impl CaseQuery {
    /// The filters given, by name, with their values.
    fn given(&self) -> Vec<(&'static str, String)> {
        let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let word = |v: Option<&'static str>| v.map(str::to_string);
        [
            ("state", word(self.state.map(CaseState::as_str))),
            ("priority", word(self.priority.map(Priority::as_str))),
            ("nationality", text(&self.nationality)),
            ("country_of_asylum", text(&self.country_of_asylum)),
            (
                "category",
                word(self.category.map(SubmissionCategory::as_str)),
            ),
            (
                "overdue",
                self.overdue.filter(|o| *o).map(|_| "true".into()),
            ),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| (name, v)))
        .collect()
    }

    /// The organisation whose submissions `ours` asks for: the caller's own, so the filter
    /// only ever narrows what the caller's scope already shows.
    fn submitted_by(&self, caller: &Caller) -> Result<Option<String>, AppError> {
        if self.ours != Some(true) {
            return Ok(None);
        }
        caller
            .organisation
            .clone()
            .map(Some)
            .ok_or_else(|| Refusal::of("ours", RefusalKind::NoOrganisation).into())
    }
}

impl App {
    /// One page of the cases the caller may know exist. Roles without case access are
    /// refused; liaisons, municipalities and sponsors see their organisation's cases only.
    /// The overdue list is for agency staff.
    pub async fn list_cases(&self, caller: &Caller, q: &CaseQuery) -> Result<CaseList, AppError> {
        self.require(caller, Permission::ReadCases, AuditEntity::CaseList, "")
            .await?;
        let page = within("page", q.page.unwrap_or(1), &PAGES)?;
        let per_page = within("per_page", q.per_page.unwrap_or(50), &CASES_PER_PAGE)?;
        let scope = match caller.scope() {
            Scope::All => None,
            Scope::Limited(f) => Some(f),
            Scope::Nothing => {
                return Ok(CaseList {
                    items: Vec::new(),
                    total: 0,
                    total_exact: true,
                    next: None,
                    page,
                    per_page,
                });
            }
        };
        let after = q
            .after
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .map(|a| ListPosition::parse("after", a))
            .transpose()?;
        if let Some(text) = &q.q {
            check_search("q", text)?;
        }
        let given = q.given();
        if let Some((name, _)) = given.iter().find(|(name, _)| {
            FILTER_FIELDS
                .iter()
                .find(|(f, _)| f == name)
                .is_none_or(|(_, field)| !sees(caller, field))
        }) {
            return Err(self
                .refuse(
                    caller,
                    AuditEntity::CaseList,
                    "",
                    &format!("{name}: your roles may not filter on a field they do not see"),
                )
                .await);
        }
        let filter = CaseFilter {
            programme: None,
            state: q.state,
            priority: q.priority,
            nationality: q.nationality.clone().filter(|s| !s.is_empty()),
            country_of_asylum: q.country_of_asylum.clone().filter(|s| !s.is_empty()),
            category: q.category,
            q: q.q.clone().filter(|s| !s.trim().is_empty()),
            case_number: None,
            submitted_by: q.submitted_by(caller)?,
            scope,
        };
        let overdue = q.overdue == Some(true);
        if overdue {
            check_overdue(&filter, after.is_some())?;
            if filter.scope.is_some() {
                return Err(self
                    .refuse(
                        caller,
                        AuditEntity::CaseList,
                        "",
                        "overdue: the overdue list is for agency staff",
                    )
                    .await);
            }
        }
        let start = match after {
            // A case the caller may not see is no place in its list, and the refusal
            // does not tell whether it exists.
            Some(last) => {
                let number = last.case_number().as_str();
                if !self
                    .store
                    .case_in_scope(number, filter.scope.clone())
                    .await?
                {
                    return Err(ListPosition::refused("after", number).into());
                }
                ListStart::After(last)
            }
            None => ListStart::Page(page),
        };
        // A filter on a special-category field is recorded with its value: who looked for
        // survivors of torture is part of the trail.
        let mut detail: Vec<String> = given
            .iter()
            .filter(|(name, _)| *name == "category")
            .map(|(name, v)| format!("filter {name}={v}"))
            .collect();
        if filter.q.as_deref().is_some_and(|s| !s.trim().is_empty()) {
            detail.push("searched by name or number".into());
        }
        let fields = if q.category.is_some() {
            "categories"
        } else {
            ""
        };
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::CaseList,
            "",
            fields,
            &detail.join("; "),
        )
        .await?;
        if overdue {
            return self.overdue_page(caller, &filter, page, per_page).await;
        }
        let found = self
            .store
            .list_cases(&filter, &start, per_page, COUNTED_CASES)
            .await?;
        let next = found
            .more
            .then(|| found.rows.last().map(|s| s.case_number.clone()))
            .flatten();
        Ok(CaseList {
            items: found
                .rows
                .into_iter()
                .map(|s| item(caller, s, None, self.today()))
                .collect(),
            total: found.count.total,
            total_exact: found.count.exact,
            next,
            page,
            per_page,
        })
    }

    /// One page of the open cases past a running time limit of their programme's policy
    /// profile, or past a reunification request's due day, most overdue first: counted
    /// and paged by the database from each limit's screen, so only the page comes back.
    async fn overdue_page(
        &self,
        caller: &Caller,
        filter: &CaseFilter,
        page: u32,
        per_page: u32,
    ) -> Result<CaseList, AppError> {
        let today = self.today();
        let mut screens = Vec::new();
        for p in self.store.programmes().await? {
            let policy = self.policy(&p.policy_profile).await?;
            screens.push((p.code, policy.overdue_screens(today)));
        }
        let (rows, total) = self
            .store
            .overdue_cases(&screens, today, filter, page, per_page)
            .await?;
        Ok(CaseList {
            items: rows
                .into_iter()
                .map(|(s, days_over)| item(caller, s, Some(days_over), today))
                .collect(),
            total,
            total_exact: true,
            next: None,
            page,
            per_page,
        })
    }
}

/// The filters the overdue list cannot take, refused before anything is read or recorded:
/// it is ordered by days over, so it is paged by number and not after a case, and it is
/// screened by each programme's limits, not searched by name, category or submitter.
fn check_overdue(filter: &CaseFilter, after: bool) -> Result<(), Refusal> {
    if after {
        return Err(Refusal::of(
            "after",
            RefusalKind::NotCombined {
                with: vec!["overdue".into()],
            },
        ));
    }
    if filter.category.is_some() || filter.q.is_some() || filter.submitted_by.is_some() {
        return Err(Refusal::of(
            "overdue",
            RefusalKind::NotCombined {
                with: vec!["category".into(), "q".into(), "ours".into()],
            },
        ));
    }
    Ok(())
}
