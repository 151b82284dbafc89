//! Families: who travels together in one case, with ages that fit one another, names in
//! the family's naming custom, languages, schooling and work.
use resettle_domain::case::{FamilyMember, Relationship, Sex};
use time::{Date, Month};

use crate::calendar::add_days;
use crate::livelihoods::{Schooling, occupation, schooling};
use crate::names;
use crate::origins::{Origin, People, household_languages, learnt_languages};
use crate::rng::Rng;

/// A family as drawn, with the second name its children carry, which a relative left
/// behind (see `reunification`) carries too.
pub(crate) struct Household {
    /// Principal applicant first.
    pub(crate) members: Vec<FamilyMember>,
    /// The children's second name: the father's family name, or his first name where
    /// children are named after their father.
    pub(crate) children_name: String,
}

/// What shapes a family beyond its size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    /// Persons in the case, 1 to 10.
    pub(crate) size: usize,
    /// A woman at risk: the principal applicant is a woman, usually without a husband.
    pub(crate) woman_at_risk: bool,
    /// Children at risk: the family has at least one child.
    pub(crate) child_at_risk: bool,
}

/// One member before names are given.
struct Person {
    relationship: Relationship,
    sex: Sex,
    age: i64,
}

/// Male or female, even odds (children, parents, siblings).
fn random_sex(rng: &mut Rng) -> Sex {
    if rng.chance(0.5) {
        Sex::Male
    } else {
        Sex::Female
    }
}

/// The spouse's sex in the registrations the demo draws.
fn opposite(sex: Sex) -> Sex {
    if sex == Sex::Male {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// Who is in the family and how old, before names: a principal applicant, usually a
/// spouse, children one to four years apart with the mother 17–27 at the first birth,
/// and now and then an elderly parent, a sibling or a grandchild.
fn people(rng: &mut Rng, shape: Shape) -> Vec<Person> {
    let size = if shape.child_at_risk {
        shape.size.max(2)
    } else {
        shape.size
    };
    let single = size == 1 || rng.chance(if shape.woman_at_risk { 0.8 } else { 0.08 });
    let principal_sex = if shape.woman_at_risk {
        Sex::Female
    } else if size == 1 {
        rng.weighted(&[(Sex::Male, 64), (Sex::Female, 35), (Sex::Other, 1)])
    } else if single {
        if rng.chance(0.7) {
            Sex::Female
        } else {
            Sex::Male
        }
    } else if rng.chance(0.85) {
        Sex::Male
    } else {
        Sex::Female
    };
    let mut slots = size - 1 - usize::from(!single);
    let with_parent = slots >= 2 && rng.chance(0.06);
    slots -= usize::from(with_parent);
    let with_sibling = slots >= 2 && rng.chance(0.05);
    slots -= usize::from(with_sibling);

    // Children first, youngest to oldest; the parents' ages follow from the oldest.
    let mut children: Vec<i64> = Vec::with_capacity(slots);
    let mut age = if rng.chance(0.15) {
        rng.range(6, 16)
    } else {
        rng.range(0, 5)
    };
    for _ in 0..slots {
        children.push(age);
        age += rng.range(1, 4);
    }
    let mother_age = match children.last() {
        Some(oldest) => (oldest + rng.range(17, 27)).max(18),
        None if size == 1 => rng.range(19, 45),
        None => rng.range(19, 40),
    };
    let principal_age = match principal_sex {
        Sex::Female => mother_age,
        _ if size == 1 => mother_age,
        _ => mother_age + rng.range(0, 9),
    }
    .min(75);
    let with_grandchild = principal_age >= 46 && children.len() >= 3 && rng.chance(0.25);
    if with_grandchild {
        children.remove(0);
    }

    let mut out = vec![Person {
        relationship: Relationship::PrincipalApplicant,
        sex: principal_sex,
        age: principal_age,
    }];
    if !single {
        let age = if principal_sex == Sex::Male {
            mother_age
        } else {
            mother_age + rng.range(0, 8)
        };
        out.push(Person {
            relationship: Relationship::Spouse,
            sex: opposite(principal_sex),
            age,
        });
    }
    if with_parent {
        out.push(Person {
            relationship: Relationship::Parent,
            sex: random_sex(rng),
            age: (principal_age + rng.range(20, 32)).min(92),
        });
    }
    if with_sibling {
        out.push(Person {
            relationship: Relationship::Sibling,
            sex: random_sex(rng),
            age: (principal_age + rng.range(-12, 12)).max(14),
        });
    }
    for &age in children.iter().rev() {
        out.push(Person {
            relationship: Relationship::Child,
            sex: random_sex(rng),
            age,
        });
    }
    if with_grandchild {
        out.push(Person {
            relationship: Relationship::Grandchild,
            sex: random_sex(rng),
            age: rng.range(0, (principal_age - 40).clamp(0, 10)),
        });
    }
    out
}

/// A date of birth for someone `age` years old on `on`; UNHCR registers 1 January when
/// only the year is known, which is common for adults from rural areas.
fn date_of_birth(rng: &mut Rng, people: People, age: i64, on: Date) -> Date {
    let dob = add_days(on, -(age * 365 + age / 4 + rng.range(0, 364)));
    let year_only = match people {
        People::Syrian | People::SyrianKurd => 0.05,
        _ => 0.25,
    };
    if age >= 18 && rng.chance(year_only) {
        Date::from_calendar_date(dob.year(), Month::January, 1).expect("1 January exists")
    } else {
        dob
    }
}

/// A first name nobody else in the family has yet (children are rarely named after a
/// parent or a sibling).
fn fresh_given(
    rng: &mut Rng,
    people: People,
    sex: Sex,
    used: &mut Vec<&'static str>,
) -> &'static str {
    let mut name = names::given(rng, people, sex);
    for _ in 0..8 {
        if !used.contains(&name) {
            break;
        }
        name = names::given(rng, people, sex);
    }
    used.push(name);
    name
}

/// Draws a family as registered on `on` (the submission date).
pub(crate) fn draw(rng: &mut Rng, origin: Origin, shape: Shape, on: Date) -> Household {
    let persons = people(rng, shape);
    let tribe = origin.people;
    let household_langs = household_languages(rng, origin);
    let principal = &persons[0];
    let mut used = Vec::with_capacity(persons.len());
    let principal_given = fresh_given(rng, tribe, principal.sex, &mut used);
    let principal_second = names::family(rng, tribe);
    let spouse = persons
        .iter()
        .find(|p| p.relationship == Relationship::Spouse)
        .map(|p| {
            (
                fresh_given(rng, tribe, p.sex, &mut used),
                names::family(rng, tribe),
                p.sex,
            )
        });
    let father_given = match (principal.sex, spouse) {
        (Sex::Male, _) => principal_given,
        (_, Some((given, _, Sex::Male))) => given,
        _ => names::given(rng, tribe, Sex::Male),
    };
    let father_family = match (principal.sex, spouse) {
        (Sex::Male, _) => principal_second,
        (_, Some((_, family, Sex::Male))) => family,
        _ => names::family(rng, tribe),
    };
    let patronymic = names::patronymic(tribe);
    let children_name = if patronymic {
        father_given
    } else {
        father_family
    };

    let members = persons
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (given, second) = match p.relationship {
                Relationship::PrincipalApplicant => (principal_given, principal_second),
                Relationship::Spouse => {
                    let (g, f, _) = spouse.expect("a spouse was drawn");
                    (g, f)
                }
                Relationship::Child => (fresh_given(rng, tribe, p.sex, &mut used), children_name),
                Relationship::Parent if p.sex == Sex::Male && patronymic => {
                    (principal_second, names::given(rng, tribe, Sex::Male))
                }
                Relationship::Parent if p.sex == Sex::Male => {
                    (fresh_given(rng, tribe, p.sex, &mut used), principal_second)
                }
                Relationship::Sibling => {
                    (fresh_given(rng, tribe, p.sex, &mut used), principal_second)
                }
                _ => (
                    fresh_given(rng, tribe, p.sex, &mut used),
                    names::family(rng, tribe),
                ),
            };
            let adult = p.age >= 18;
            let school = adult.then(|| schooling(rng, tribe, p.sex, p.age));
            let schooled = school.is_some_and(|s| s >= Schooling::SomeSecondary) || p.age >= 10;
            let educated = school == Some(Schooling::University);
            let languages: Vec<String> = if p.age < 2 {
                vec![household_langs[0].to_string()]
            } else {
                let mut l: Vec<&str> = household_langs.clone();
                for extra in learnt_languages(rng, origin, p.age, schooled, educated) {
                    if !l.contains(&extra) {
                        l.push(extra);
                    }
                }
                l.into_iter().map(String::from).collect()
            };
            FamilyMember {
                member_no: i as u32 + 1,
                full_name: format!("{given} {second}"),
                date_of_birth: date_of_birth(rng, tribe, p.age, on),
                sex: p.sex,
                relationship: p.relationship,
                languages,
                education: school.map(|s| s.words().to_string()),
                occupation: school
                    .and_then(|s| occupation(rng, p.sex, p.age, s))
                    .map(String::from),
            }
        })
        .collect();
    Household {
        members,
        children_name: children_name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origins;
    use time::macros::date;

    #[test]
    fn families_have_one_principal_and_children_younger_than_parents() {
        let on = date!(2024 - 05 - 01);
        for i in 0..2_000 {
            let mut rng = Rng::stream(9, &[i]);
            let origin = origins::draw(&mut rng);
            let shape = Shape {
                size: rng.range(1, 10) as usize,
                woman_at_risk: rng.chance(0.1),
                child_at_risk: rng.chance(0.1),
            };
            let h = draw(&mut rng, origin, shape, on);
            let principals = h
                .members
                .iter()
                .filter(|m| m.relationship == Relationship::PrincipalApplicant)
                .count();
            assert_eq!(principals, 1);
            assert!(h.members[0].age_on(on) >= 18);
            for m in &h.members {
                if m.relationship == Relationship::Child {
                    assert!(
                        m.age_on(on) + 16 <= h.members[0].age_on(on),
                        "{:?}",
                        h.members
                    );
                }
                assert!(m.date_of_birth <= on);
            }
        }
    }
}
