//! The one error type of quota planning: every refusal names the state, field or value at fault.
use thiserror::Error;

/// Why a quota calculation refused its input. Every variant carries what a user needs to find
/// and fix the bad value (the state, the field, the line, the value), because these
/// calculations are run from the CLI and the API on data people typed or downloaded.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum QuotaError {
    /// A state code that is not 2–3 ASCII letters.
    #[error("state code {value:?} is not 2 or 3 ASCII letters (like BE or UK)")]
    BadStateCode {
        /// The refused text, as given.
        value: String,
    },

    /// An indicator or share that must be strictly positive was zero or negative.
    #[error("{field} for {state} must be > 0{reason}, got {value}")]
    NotPositive {
        /// The state whose value was refused.
        state: String,
        /// The field name as in the CSV header (`population`, `gdp`, …).
        field: &'static str,
        /// The refused value.
        value: f64,
        /// Extra explanation (starts with a space), empty when obvious.
        reason: &'static str,
    },

    /// An indicator that is NaN or infinite.
    #[error("{field} for {state} must be a finite number, got {value}")]
    NotFinite {
        /// The state whose value was refused.
        state: String,
        /// The field name.
        field: &'static str,
        /// The refused value.
        value: f64,
    },

    /// Figures so large or small that their total (or the total of their inverses) is not a
    /// finite floating-point number.
    #[error(
        "the {field} figures cannot be totalled in floating point (too large or too close to 0)"
    )]
    TotalNotFinite {
        /// The field whose total overflowed.
        field: &'static str,
    },

    /// A state listed twice in one input.
    #[error("state {state} appears more than once in the {what}")]
    DuplicateState {
        /// The repeated state.
        state: String,
        /// Which input (`indicators`, `old key`, …).
        what: &'static str,
    },

    /// An input with no states at all.
    #[error("the {what} has no states")]
    Empty {
        /// Which input.
        what: &'static str,
    },

    /// A state asked for that the key does not have.
    #[error("state {state} is not a state of the key ({states})")]
    NotInKey {
        /// The state asked for.
        state: String,
        /// The key's states, comma-separated.
        states: String,
    },

    /// A state present in one input of a calculation but missing from another.
    #[error("state {state} is in the {present_in} but not in the {missing_from}")]
    StateMismatch {
        /// The state found in only some inputs.
        state: String,
        /// An input that has it.
        present_in: &'static str,
        /// An input that lacks it.
        missing_from: &'static str,
    },

    /// A CSV without a required column.
    #[error("the {what} CSV has no column {column:?} (header must include: {expected})")]
    MissingColumn {
        /// Which CSV.
        what: &'static str,
        /// The missing column.
        column: &'static str,
        /// All required columns, comma-separated.
        expected: &'static str,
    },

    /// A CSV cell that could not be read.
    #[error("{what} CSV line {line}, column {column}: {message}")]
    CsvCell {
        /// Which CSV.
        what: &'static str,
        /// 1-based line number in the text (the header is line 1).
        line: u64,
        /// The column name.
        column: &'static str,
        /// What was wrong, with the value quoted.
        message: String,
    },

    /// A CSV that is not well-formed (unbalanced quotes, ragged rows, …).
    #[error("{what} CSV line {line}: {message}")]
    CsvSyntax {
        /// Which CSV.
        what: &'static str,
        /// 1-based line number, 0 when unknown.
        line: u64,
        /// The parser's explanation.
        message: String,
    },

    /// `custom` chosen without weights.
    #[error(
        "method custom needs weights, e.g. custom:population=0.4,gdp=0.4,effort=0.1,unemployment=0.1"
    )]
    CustomNeedsWeights,

    /// Weights or a cap given for a method whose weights are fixed.
    #[error("method {method} has fixed weights; weights and cap apply only to custom")]
    WeightsNotAllowed {
        /// The fixed method chosen.
        method: &'static str,
    },

    /// A weight key other than population, gdp, effort, unemployment.
    #[error("unknown weight {key:?}; expected population, gdp, effort, unemployment")]
    UnknownWeight {
        /// The refused key.
        key: String,
    },

    /// A weights item not of the form key=value, or a value not a number.
    #[error("weights item {item:?} is not key=number")]
    BadWeightItem {
        /// The refused item.
        item: String,
    },

    /// The same weight given twice.
    #[error("weight {key} is given more than once")]
    DuplicateWeight {
        /// The repeated key.
        key: &'static str,
    },

    /// A weight outside [0, 1].
    #[error("weight {key} must be within [0, 1], got {value}")]
    WeightOutOfRange {
        /// The weight's key.
        key: &'static str,
        /// The refused value.
        value: f64,
    },

    /// Weights that do not sum to 1.
    #[error("weights must sum to 1 (within 1e-9), got {sum}")]
    WeightsSum {
        /// Their sum.
        sum: f64,
    },

    /// A cap factor that is negative or not finite.
    #[error("cap must be a finite number >= 0, got {value}")]
    BadCap {
        /// The refused value.
        value: f64,
    },

    /// A share (regional, state, key entry) outside [0, 1].
    #[error("{what} must be within [0, 1], got {value}")]
    ShareOutOfRange {
        /// Which share, with the state when there is one (`share for BE`, `regional share`).
        what: String,
        /// The refused value.
        value: f64,
    },

    /// Key shares that do not add up to 1.
    #[error("the shares of the {what} must sum to 1 (within 1e-9), got {sum}")]
    SharesSum {
        /// Which key.
        what: &'static str,
        /// Their sum.
        sum: f64,
    },

    /// A plan over fewer than one year.
    #[error("a plan needs at least 1 year, got {years}")]
    NoYears {
        /// The refused number of years.
        years: u32,
    },

    /// More given path years than the plan can hold while leaving a year for the remainder.
    #[error("{given} given path years leave no year for the remainder of a {years}-year plan")]
    TooManyPathYears {
        /// How many years were given.
        given: usize,
        /// The plan's length.
        years: u32,
    },

    /// Given path years that add up to more than the state total.
    #[error("the given path years add up to {given}, more than the state total {total}")]
    PathExceedsTotal {
        /// Their sum.
        given: u64,
        /// The state total.
        total: u64,
    },

    /// A growth figure that is not finite.
    #[error("yearly growth must be a finite number, got {value}")]
    BadGrowth {
        /// The refused value.
        value: f64,
    },

    /// A projection that falls below zero persons in some year.
    #[error("projected global need for plan year {year} is {need}, below zero")]
    NegativeNeed {
        /// The plan year (1-based) whose need is negative.
        year: u32,
        /// The projected need.
        need: f64,
    },

    /// A needs series too short for the averaging window.
    #[error(
        "averaging growth over {window} years needs {needed} consecutive years of needs, got {got}"
    )]
    ShortSeries {
        /// The requested window K.
        window: u32,
        /// K + 1.
        needed: usize,
        /// How many entries the series has.
        got: usize,
    },

    /// A needs series listing a year twice.
    #[error("year {year} appears more than once in the needs series")]
    DuplicateYear {
        /// The repeated year.
        year: i32,
    },

    /// A needs series with a hole inside the averaging window.
    #[error("the needs series has no entry for {year}, inside the averaging window")]
    MissingYear {
        /// The first missing year.
        year: i32,
    },

    /// An averaging window of zero years.
    #[error("the averaging window must be at least 1 year")]
    ZeroWindow,
}
