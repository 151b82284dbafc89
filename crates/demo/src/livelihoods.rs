//! Schooling and work before flight, for adults: what placement and integration support
//! match against (and what the Dutch "integration potential" test wrongly weighed).
use resettle_domain::case::Sex;

use crate::origins::People;
use crate::rng::Rng;

/// Highest education completed, from none to university.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Schooling {
    /// No formal schooling.
    None,
    /// Primary school.
    Primary,
    /// Some secondary school.
    SomeSecondary,
    /// Secondary school completed.
    Secondary,
    /// A vocational qualification.
    Vocational,
    /// A university degree.
    University,
}

impl Schooling {
    /// The words stored on the member.
    pub(crate) fn words(self) -> &'static str {
        match self {
            Schooling::None => "no formal education",
            Schooling::Primary => "primary school",
            Schooling::SomeSecondary => "secondary school (not completed)",
            Schooling::Secondary => "secondary school",
            Schooling::Vocational => "vocational training",
            Schooling::University => "university degree",
        }
    }
}

/// Draws the schooling of an adult of `age`; girls in Afghanistan and rural Sudan and
/// Congo were more often kept out of school, and nobody under 22 holds a degree.
pub(crate) fn schooling(rng: &mut Rng, people: People, sex: Sex, age: i64) -> Schooling {
    use Schooling::*;
    let table: [(Schooling, u32); 6] = match people {
        People::Syrian | People::SyrianKurd => [
            (None, 8),
            (Primary, 27),
            (SomeSecondary, 20),
            (Secondary, 20),
            (Vocational, 10),
            (University, 15),
        ],
        People::Afghan if sex == Sex::Female => [
            (None, 45),
            (Primary, 25),
            (SomeSecondary, 12),
            (Secondary, 10),
            (Vocational, 2),
            (University, 6),
        ],
        People::Afghan => [
            (None, 25),
            (Primary, 25),
            (SomeSecondary, 18),
            (Secondary, 16),
            (Vocational, 6),
            (University, 10),
        ],
        _ if sex == Sex::Female => [
            (None, 28),
            (Primary, 32),
            (SomeSecondary, 18),
            (Secondary, 12),
            (Vocational, 5),
            (University, 5),
        ],
        _ => [
            (None, 15),
            (Primary, 30),
            (SomeSecondary, 20),
            (Secondary, 18),
            (Vocational, 9),
            (University, 8),
        ],
    };
    let drawn = rng.weighted(&table);
    if age < 22 && drawn > Schooling::Secondary {
        Schooling::SomeSecondary
    } else {
        drawn
    }
}

/// Work that needs no diploma, as men in these countries did it.
const MEN_TRADES: &[&str] = &[
    "farmer",
    "construction worker",
    "tailor",
    "driver",
    "shop assistant",
    "market trader",
    "cook",
    "day labourer",
    "barber",
];
/// Work that needs no diploma, as women in these countries did it.
const WOMEN_TRADES: &[&str] = &[
    "farmer",
    "tailor",
    "market trader",
    "cook",
    "cleaner",
    "hairdresser",
    "domestic worker",
];
/// Work learnt in vocational training, men.
const MEN_CRAFTS: &[&str] = &[
    "electrician",
    "mechanic",
    "plumber",
    "carpenter",
    "welder",
    "baker",
];
/// Work learnt in vocational training, women.
const WOMEN_CRAFTS: &[&str] = &[
    "nursing assistant",
    "seamstress",
    "beautician",
    "childcare worker",
    "baker",
];
/// Work that needs a degree.
const PROFESSIONS: &[&str] = &[
    "teacher",
    "civil engineer",
    "pharmacist",
    "accountant",
    "nurse",
    "lawyer",
    "journalist",
    "doctor",
    "IT technician",
    "agronomist",
];

/// The last occupation of an adult of `age`, in words; `None` where it was not recorded.
pub(crate) fn occupation(
    rng: &mut Rng,
    sex: Sex,
    age: i64,
    schooling: Schooling,
) -> Option<&'static str> {
    if rng.chance(0.08) {
        return None;
    }
    if age <= 22 && schooling >= Schooling::Secondary && rng.chance(0.6) {
        return Some("student");
    }
    if age >= 65 {
        return Some("retired");
    }
    if sex == Sex::Female && rng.chance(0.4) {
        return Some("homemaker");
    }
    let woman = sex == Sex::Female;
    Some(match schooling {
        Schooling::University if rng.chance(0.7) => *rng.pick(PROFESSIONS),
        Schooling::Vocational | Schooling::University if woman => *rng.pick(WOMEN_CRAFTS),
        Schooling::Vocational | Schooling::University => *rng.pick(MEN_CRAFTS),
        _ if woman => *rng.pick(WOMEN_TRADES),
        _ => *rng.pick(MEN_TRADES),
    })
}
