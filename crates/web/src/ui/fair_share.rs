//! The planner's page: change the inputs of a multi-year plan and see the plan, its chart
//! and every state's share at once; save scenarios and compare them side by side.
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::App;
use resettle_app::fair_share::{self, PlanRequest};
use serde::{Deserialize, Serialize};

use super::refusals::{FormFields, Worded, worded};
use super::{Lang, charts, failed, render, user_context};
use crate::session::{MaybeSignedIn, SignedIn, check_csrf};

/// The plan form as typed: every field text, percentages as percent, so that a half-typed
/// value gives a message naming the field instead of a rejected request.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct PlanForm {
    needs_source: String,
    needs: String,
    needs_year: String,
    growth_source: String,
    growth: String,
    growth_from_years: String,
    years: String,
    regional_share_pct: String,
    state: String,
    share_source: String,
    share_pct: String,
    method: String,
    path: String,
    first_years: String,
    rounding: String,
    start_year: String,
    name: String,
    /// The session's CSRF token, sent with a save; never echoed back into the page.
    #[serde(skip_serializing)]
    csrf: String,
}

impl Default for PlanForm {
    /// The Belgian NGO report's inputs (section 3.3), so the page opens on a plan people know.
    fn default() -> Self {
        PlanForm {
            needs_source: "year".into(),
            needs: "1473156".into(),
            needs_year: "2022".into(),
            growth_source: "given".into(),
            growth: "40000".into(),
            growth_from_years: "6".into(),
            years: "3".into(),
            regional_share_pct: "20".into(),
            state: "BE".into(),
            share_source: "given".into(),
            share_pct: "2.84".into(),
            method: "ec2015".into(),
            path: "given".into(),
            first_years: "2000, 3000".into(),
            rounding: "floor".into(),
            start_year: "2022".into(),
            name: String::new(),
            csrf: String::new(),
        }
    }
}

fn number<T: std::str::FromStr>(field: &str, label: &str, text: &str) -> Result<T, String> {
    text.trim()
        .replace([' ', '\u{a0}'], "")
        .replace(',', "")
        .parse()
        .map_err(|_| format!("{label} ({field}): {text:?} is not a number"))
}

/// A word of the form's lists, read at the form's edge; refused as the plan's other inputs
/// are, naming the field.
fn word<T: std::str::FromStr<Err = resettle_domain::Refusal>>(
    field: &'static str,
    typed: &str,
) -> Result<T, String> {
    resettle_domain::typed_word(field, typed).map_err(|e| e.to_string())
}

impl PlanForm {
    /// The plan request the form describes.
    fn request(&self) -> Result<PlanRequest, String> {
        let mut r = PlanRequest {
            years: number("years", "Years", &self.years)?,
            regional_share: number::<f64>(
                "regional_share",
                "Regional share",
                &self.regional_share_pct,
            )? / 100.0,
            state: self.state.trim().to_string(),
            rounding: Some(word("rounding", &self.rounding)?),
            start_year: Some(number("start_year", "First year", &self.start_year)?),
            ..PlanRequest::default()
        };
        match self.needs_source.as_str() {
            "year" => {
                r.needs_year = Some(number(
                    "needs_year",
                    "UNHCR projection year",
                    &self.needs_year,
                )?)
            }
            _ => r.needs = Some(number("needs", "Global need", &self.needs)?),
        }
        match self.growth_source.as_str() {
            "average" => {
                r.growth_from_years = Some(number(
                    "growth_from_years",
                    "Years to average",
                    &self.growth_from_years,
                )?)
            }
            _ => r.growth = Some(number("growth", "Yearly growth", &self.growth)?),
        }
        match self.share_source.as_str() {
            "method" => r.method = Some(word("method", &self.method)?),
            _ => r.share = Some(number::<f64>("share", "State share", &self.share_pct)? / 100.0),
        }
        match self.path.as_str() {
            "given" => {
                r.first_years = Some(
                    self.first_years
                        .split([',', ';', ' '])
                        .filter(|s| !s.is_empty())
                        .map(|s| number("first_years", "First years", s))
                        .collect::<Result<_, _>>()?,
                )
            }
            ramp => r.ramp = Some(word("ramp", ramp)?),
        }
        Ok(r)
    }

    /// Computes the plan, with the distribution of its regional target over all states
    /// that the plan itself computed (so the table cannot contradict the headline).
    fn outcome(&self, today: time::Date) -> minijinja::Value {
        let req = match self.request() {
            Ok(r) => r,
            Err(e) => return context! { error => e },
        };
        match fair_share::plan(&req, today) {
            Ok(plan) => context! {
                chart => charts::plan_path(&plan.path),
                plan => Value::from(Serde(&plan)),
                state => req.state.trim().to_ascii_uppercase(),
                share_given => req.share.is_some(),
            },
            Err(e) => context! { error => e.to_string() },
        }
    }
}

/// `GET /fair-share`: the whole page.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    MaybeSignedIn(session): MaybeSignedIn,
    Query(form): Query<PlanForm>,
) -> Response {
    let scenarios = match app.scenarios().await {
        Ok(s) => s,
        Err(e) => return failed(lang, session.as_ref(), e),
    };
    let needs = resettle_app::reference::unhcr_needs().unwrap_or_default();
    render(
        "fair_share.html",
        lang,
        context! { form => Value::from(Serde(&form)), outcome => form.outcome(app.today()), scenarios => Value::from(Serde(&scenarios)), needs => Value::from(Serde(&needs)), user => user_context(session.as_ref()), csrf => session.as_ref().map(|s| s.csrf_token.clone()) },
    )
}

/// `GET /fair-share/outcome`: the result fragment, swapped in by htmx as inputs change.
pub(crate) async fn outcome(
    lang: Lang,
    State(app): State<App>,
    Query(form): Query<PlanForm>,
) -> Response {
    render(
        "fair_share_outcome.html",
        lang,
        context! { outcome => form.outcome(app.today()) },
    )
}

/// The field of the form that saves a plan a refusal may name.
const SAVE_FIELDS: FormFields = &[("name", "name", "plan-save-name")];

/// `POST /fair-share/scenarios`: saves the plan in the form under its name.
pub(crate) async fn save(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<PlanForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let saved = match form.request() {
        // The name refused is said in the reader's words, linked to its input.
        Ok(req) => app
            .save_scenario(&session.caller, &form.name, &req)
            .await
            .map_err(|e| worded(lang, &e, &session.caller, SAVE_FIELDS, None)),
        Err(reason) => Err(Worded {
            reason,
            ..Worded::default()
        }),
    };
    match saved {
        Ok(_) => Redirect::to("/fair-share/scenarios").into_response(),
        Err(e) => {
            let scenarios = app.scenarios().await.unwrap_or_default();
            // The page again as `page` shows it, the projection years included.
            let needs = resettle_app::reference::unhcr_needs().unwrap_or_default();
            render(
                "fair_share.html",
                lang,
                context! { form => Value::from(Serde(&form)), outcome => form.outcome(app.today()), scenarios => Value::from(Serde(&scenarios)), needs => Value::from(Serde(&needs)), save_error => Value::from(Serde(&e)), user => user_context(Some(&session)), csrf => session.csrf_token.clone() },
            )
        }
    }
}

/// `GET /fair-share/scenarios`: every saved scenario side by side.
pub(crate) async fn compare(
    lang: Lang,
    State(app): State<App>,
    MaybeSignedIn(session): MaybeSignedIn,
) -> Response {
    match app.scenarios().await {
        Ok(scenarios) => render(
            "scenarios.html",
            lang,
            context! { scenarios => Value::from(Serde(&scenarios)), user => user_context(session.as_ref()), csrf => session.as_ref().map(|s| s.csrf_token.clone()) },
        ),
        Err(e) => failed(lang, session.as_ref(), e),
    }
}

/// Fields of the scenario-deletion form.
#[derive(Debug, Deserialize)]
pub(crate) struct DeleteForm {
    name: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /fair-share/scenarios/delete`.
pub(crate) async fn delete(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<DeleteForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    match app.delete_scenario(&session.caller, &form.name).await {
        Ok(()) => Redirect::to("/fair-share/scenarios").into_response(),
        Err(e) => failed(lang, Some(&session), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_form_is_the_belgian_report() {
        let r = PlanForm::default().request().unwrap();
        let plan = fair_share::plan(&r, time::macros::date!(2026 - 11 - 23)).unwrap();
        assert_eq!(plan.state_total, 8_821);
    }

    #[test]
    fn the_table_under_the_plan_gives_the_state_the_plan_s_total() {
        let outcome = PlanForm::default().outcome(time::macros::date!(2026 - 11 - 23));
        let plan = outcome.get_attr("plan").unwrap();
        let total = plan.get_attr("state_total").unwrap();
        let rows = plan
            .get_attr("distribution")
            .unwrap()
            .get_attr("states")
            .unwrap();
        let be = rows
            .try_iter()
            .unwrap()
            .find(|r| r.get_attr("state").unwrap().as_str() == Some("BE"))
            .unwrap();
        assert_eq!(be.get_attr("persons").unwrap(), total);
        assert_eq!(total.to_string(), "8821");
    }

    #[test]
    fn an_unknown_state_is_refused_on_the_page() {
        let form = PlanForm {
            state: "ZZ".into(),
            ..PlanForm::default()
        };
        let outcome = form.outcome(time::macros::date!(2026 - 11 - 23));
        let e = outcome.get_attr("error").unwrap().to_string();
        assert!(e.starts_with("state: \"ZZ\" is not one of"), "{e}");
    }

    #[test]
    fn a_word_outside_its_list_names_its_field() {
        let form = PlanForm {
            rounding: "ceil".into(),
            ..PlanForm::default()
        };
        let outcome = form.outcome(time::macros::date!(2026 - 11 - 23));
        let e = outcome.get_attr("error").unwrap().to_string();
        assert!(
            e.starts_with("rounding: ") && e.contains("floor, nearest"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_number_names_its_field() {
        let form = PlanForm {
            regional_share_pct: "twenty".into(),
            ..PlanForm::default()
        };
        let e = form.request().unwrap_err();
        assert!(e.contains("regional_share") && e.contains("twenty"), "{e}");
    }

    #[test]
    fn thousands_separators_are_accepted() {
        let form = PlanForm {
            needs_source: "given".into(),
            needs: "1,473,156".into(),
            ..PlanForm::default()
        };
        assert_eq!(form.request().unwrap().needs, Some(1_473_156));
    }
}
