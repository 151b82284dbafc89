//! The reasons families can be told why a date moved or a programme stopped, as codes
//! their page words in their language (`locales/<lang>/family.ftl`, `reason-<code>`).
//! The list follows issue 20; the officer's own words stay with staff.

/// Every reason a family can be told.
pub const REASONS: &[&str] = &[
    "visa",
    "medical_clearance",
    "flight_availability",
    "security_check",
    "reception_capacity",
    "travel_restrictions",
    "programme_hold",
    "other",
];

/// The reasons a programme hold may give: all but the hold itself.
pub const HOLD_REASONS: &[&str] = &[
    "visa",
    "medical_clearance",
    "flight_availability",
    "security_check",
    "reception_capacity",
    "travel_restrictions",
    "other",
];
