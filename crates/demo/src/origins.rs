//! Where the demo's refugees come from and where they wait: nationality and country of
//! asylum as in the caseloads Belgium resettles, with the UNHCR office, household
//! languages and family sizes of each people.
use crate::rng::Rng;

/// A people, as far as names, languages and family sizes differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum People {
    /// Arabic-speaking Syrians.
    Syrian,
    /// Kurdish Syrians (Kurmanji and Arabic).
    SyrianKurd,
    /// Congolese from eastern DR Congo.
    Congolese,
    /// Sudanese, many from Darfur.
    Sudanese,
    /// Eritreans.
    Eritrean,
    /// Afghans (Dari or Pashto).
    Afghan,
    /// South Sudanese.
    SouthSudanese,
}

/// A refugee's origin: nationality, country of asylum and people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// ISO code of the nationality.
    pub(crate) nationality: &'static str,
    /// ISO code of the first country of asylum.
    pub(crate) asylum: &'static str,
    /// The people, for names and languages.
    pub(crate) people: People,
}

/// `(nationality, country of asylum)` in thousandths of the caseload: Syrians from the
/// neighbouring countries are the bulk (~59%), then Congolese from the Great Lakes,
/// Afghans, and Sudanese and Eritreans from Egypt, Rwanda's emergency transit mechanism,
/// Niger and Libya.
const ORIGINS: &[((&str, &str), u32)] = &[
    (("SY", "LB"), 220),
    (("SY", "TR"), 180),
    (("SY", "JO"), 100),
    (("SY", "EG"), 50),
    (("CD", "UG"), 80),
    (("CD", "TZ"), 40),
    (("CD", "RW"), 30),
    (("CD", "BI"), 20),
    (("SD", "EG"), 35),
    (("SD", "NE"), 10),
    (("SD", "RW"), 10),
    (("SD", "LY"), 5),
    (("ER", "EG"), 20),
    (("ER", "RW"), 20),
    (("ER", "NE"), 10),
    (("ER", "LY"), 5),
    (("AF", "TR"), 45),
    (("AF", "PK"), 20),
    (("AF", "IR"), 15),
    (("SS", "UG"), 20),
];

/// Draws an origin from the caseload mix; 15% of Syrian families are Kurdish.
pub(crate) fn draw(rng: &mut Rng) -> Origin {
    let (nationality, asylum) = rng.weighted(ORIGINS);
    let people = match nationality {
        "SY" if rng.chance(0.15) => People::SyrianKurd,
        "SY" => People::Syrian,
        "CD" => People::Congolese,
        "SD" => People::Sudanese,
        "ER" => People::Eritrean,
        "AF" => People::Afghan,
        _ => People::SouthSudanese,
    };
    Origin {
        nationality,
        asylum,
        people,
    }
}

/// The three-letter UNHCR office prefix of case numbers registered in a country.
pub(crate) fn office(asylum: &str) -> &'static str {
    match asylum {
        "LB" => "LEB",
        "TR" => "TUR",
        "JO" => "JOR",
        "EG" => "EGY",
        "UG" => "UGA",
        "TZ" => "TAN",
        "RW" => "RWA",
        "BI" => "BDI",
        "NE" => "NER",
        "LY" => "LBY",
        "PK" => "PAK",
        _ => "IRN",
    }
}

/// Weights of family sizes 1 to 10. Syrian, Congolese and Afghan families are often
/// large; Sudanese and Eritrean cases are more often single adults.
pub(crate) fn family_sizes(people: People) -> [(usize, u32); 10] {
    let w: [u32; 10] = match people {
        People::Syrian | People::SyrianKurd => [13, 13, 15, 18, 16, 11, 7, 4, 2, 1],
        People::Congolese | People::SouthSudanese => [16, 13, 14, 15, 14, 11, 8, 5, 3, 1],
        People::Afghan => [15, 12, 14, 16, 15, 11, 8, 5, 3, 1],
        People::Sudanese | People::Eritrean => [35, 15, 14, 12, 10, 7, 4, 2, 1, 0],
    };
    std::array::from_fn(|i| (i + 1, w[i]))
}

/// The languages a household shares (ISO 639-1 codes where one exists, else ISO 639-3).
pub(crate) fn household_languages(rng: &mut Rng, origin: Origin) -> Vec<&'static str> {
    let mut langs = match origin.people {
        People::Syrian | People::Sudanese => vec!["ar"],
        People::SyrianKurd => vec!["ku", "ar"],
        People::Congolese => match origin.asylum {
            "RW" => vec!["rw", "sw"],
            "BI" => vec!["sw", "rn"],
            _ => vec!["sw"],
        },
        People::Eritrean if rng.chance(0.25) => vec!["ti", "ar"],
        People::Eritrean => vec!["ti"],
        People::Afghan if rng.chance(0.4) => vec!["ps", "fa"],
        People::Afghan => vec!["fa"],
        People::SouthSudanese => vec![*rng.pick(&["din", "nus", "bfa"]), "ar", "en"],
    };
    if origin.people == People::Congolese && rng.chance(0.3) {
        langs.push("ln");
    }
    langs
}

/// Languages a member has learnt beyond the household's: the host country's (Turkish,
/// Urdu) for those who grew up there, French or English with schooling.
pub(crate) fn learnt_languages(
    rng: &mut Rng,
    origin: Origin,
    age: i64,
    schooled: bool,
    educated: bool,
) -> Vec<&'static str> {
    let mut extra = Vec::new();
    if age >= 6 && origin.asylum == "TR" && rng.chance(0.5) {
        extra.push("tr");
    }
    if age >= 12 && origin.asylum == "PK" && rng.chance(0.4) {
        extra.push("ur");
    }
    if schooled && origin.people == People::Congolese && rng.chance(0.7) {
        extra.push("fr");
    }
    if schooled && origin.asylum == "LB" && rng.chance(0.2) {
        extra.push(if rng.chance(0.5) { "fr" } else { "en" });
    } else if educated && origin.people != People::SouthSudanese && rng.chance(0.6) {
        extra.push("en");
    }
    extra
}
