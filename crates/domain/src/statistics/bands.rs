//! The groups the report to Parliament counts people in: age bands as Eurostat publishes
//! resettlement statistics (`migr_resettle`), and family sizes.
use time::Date;

use crate::calendar::age_on;
use crate::word_enum;

/// Eurostat's age groups for asylum and resettlement statistics, so the report's figures
/// sit beside the European ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeBand {
    /// 0 to 13 years.
    Under14,
    /// 14 to 17 years.
    From14To17,
    /// 18 to 34 years.
    From18To34,
    /// 35 to 64 years.
    From35To64,
    /// 65 years and over.
    From65,
}
word_enum!(AgeBand, "age band", {
    Under14 => "0-13",
    From14To17 => "14-17",
    From18To34 => "18-34",
    From35To64 => "35-64",
    From65 => "65+",
});

impl AgeBand {
    /// The band of someone born on `born`, on the day `on` (their arrival, their decision).
    pub fn on(born: Date, on: Date) -> AgeBand {
        match age_on(born, on) {
            ..14 => AgeBand::Under14,
            14..=17 => AgeBand::From14To17,
            18..=34 => AgeBand::From18To34,
            35..=64 => AgeBand::From35To64,
            _ => AgeBand::From65,
        }
    }
}

/// Family sizes as the report counts them: each size up to six, then seven and more (few
/// families are larger, and a size of eleven would single one out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FamilySize {
    /// One person.
    One,
    /// Two persons.
    Two,
    /// Three persons.
    Three,
    /// Four persons.
    Four,
    /// Five persons.
    Five,
    /// Six persons.
    Six,
    /// Seven or more.
    SevenOrMore,
}
word_enum!(FamilySize, "family size", {
    One => "1",
    Two => "2",
    Three => "3",
    Four => "4",
    Five => "5",
    Six => "6",
    SevenOrMore => "7+",
});

impl FamilySize {
    /// The group of a family of `persons` (at least one).
    pub fn of(persons: i64) -> FamilySize {
        match persons {
            ..=1 => FamilySize::One,
            2 => FamilySize::Two,
            3 => FamilySize::Three,
            4 => FamilySize::Four,
            5 => FamilySize::Five,
            6 => FamilySize::Six,
            _ => FamilySize::SevenOrMore,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_band_turns_on_the_birthday() {
        let born = date!(2012 - 11 - 23);
        assert_eq!(AgeBand::on(born, date!(2026 - 11 - 22)), AgeBand::Under14);
        assert_eq!(
            AgeBand::on(born, date!(2026 - 11 - 23)),
            AgeBand::From14To17
        );
        assert_eq!(
            AgeBand::on(date!(1961 - 01 - 01), date!(2026 - 01 - 01)),
            AgeBand::From65
        );
    }

    #[test]
    fn families_of_seven_and_more_are_one_group() {
        assert_eq!(FamilySize::of(1), FamilySize::One);
        assert_eq!(FamilySize::of(6), FamilySize::Six);
        assert_eq!(FamilySize::of(11), FamilySize::SevenOrMore);
        assert_eq!(FamilySize::SevenOrMore.as_str(), "7+");
    }
}
