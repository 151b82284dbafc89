//! First names and family names per people, combined at random so that every demo name is
//! a plausible but fictional person; and Belgian names for officials and volunteers.
use resettle_domain::case::Sex;

use crate::origins::People;
use crate::rng::Rng;

const SYRIAN_MALE: &[&str] = &[
    "Ahmad", "Mohammad", "Khaled", "Omar", "Yousef", "Hassan", "Hussein", "Ali", "Mahmoud",
    "Mustafa", "Ibrahim", "Abdullah", "Bilal", "Tarek", "Samer", "Fadi", "Rami", "Walid", "Jamal",
    "Karim", "Majd", "Ammar", "Anas", "Hamza", "Zaid", "Adnan", "Bassel", "Firas", "Ghassan",
    "Hadi", "Issam", "Louay", "Maher", "Nabil", "Qusay", "Saleh", "Wael", "Yaman", "Ziad", "Mazen",
];
const SYRIAN_FEMALE: &[&str] = &[
    "Fatima", "Aisha", "Mariam", "Noura", "Rania", "Rasha", "Hala", "Huda", "Lina", "Layla",
    "Amal", "Asmaa", "Batoul", "Dima", "Ghada", "Hiba", "Inas", "Joud", "Kinda", "Lama", "Maya",
    "Nada", "Reem", "Rouba", "Salma", "Sara", "Shahd", "Tasneem", "Wafaa", "Yasmin", "Zeinab",
    "Hanan", "Maha", "Samar", "Souad",
];
const SYRIAN_FAMILY: &[&str] = &[
    "Al-Hamwi",
    "Al-Halabi",
    "Al-Homsi",
    "Darwish",
    "Haddad",
    "Khatib",
    "Najjar",
    "Qassem",
    "Sabbagh",
    "Shami",
    "Al-Ahmad",
    "Al-Ali",
    "Al-Hussein",
    "Al-Khalil",
    "Al-Saleh",
    "Al-Issa",
    "Al-Mohammad",
    "Barakat",
    "Hijazi",
    "Jabr",
    "Kanaan",
    "Mansour",
    "Nasser",
    "Othman",
    "Rahal",
    "Sweid",
    "Taha",
    "Younes",
    "Zoabi",
    "Al-Ibrahim",
    "Al-Omar",
    "Hamdan",
    "Attar",
    "Dabbagh",
    "Al-Zoubi",
    "Masri",
];
const KURDISH_MALE: &[&str] = &[
    "Rojhat", "Azad", "Dilshad", "Shvan", "Baran", "Kawa", "Rezan", "Hozan", "Serhat", "Jiwan",
    "Mahmoud", "Ahmad",
];
const KURDISH_FEMALE: &[&str] = &[
    "Rojin", "Berivan", "Dilan", "Hevin", "Nesrin", "Zozan", "Jiyan", "Ronahi", "Nujin", "Leyla",
    "Gulistan",
];
const KURDISH_FAMILY: &[&str] = &[
    "Sheikho", "Hemo", "Bakr", "Mirza", "Haji", "Osman", "Ibrahim", "Xelil", "Bozo", "Ismail",
];
const CONGOLESE_MALE: &[&str] = &[
    "Jean-Claude",
    "Patrick",
    "Emmanuel",
    "Joseph",
    "Pierre",
    "Innocent",
    "Dieudonné",
    "Faustin",
    "Gentil",
    "Prince",
    "Espoir",
    "Héritier",
    "Jonas",
    "Moïse",
    "Christian",
    "Olivier",
    "Bienvenu",
    "Fiston",
    "Trésor",
    "Augustin",
    "Josué",
    "Samuel",
    "Baraka",
];
const CONGOLESE_FEMALE: &[&str] = &[
    "Marie",
    "Furaha",
    "Neema",
    "Esther",
    "Aline",
    "Chantal",
    "Grâce",
    "Joséphine",
    "Clarisse",
    "Solange",
    "Françoise",
    "Béatrice",
    "Divine",
    "Feza",
    "Riziki",
    "Imani",
    "Sifa",
    "Ange",
    "Nadine",
    "Rachel",
    "Judith",
    "Espérance",
    "Jeanne",
    "Zawadi",
];
const CONGOLESE_FAMILY: &[&str] = &[
    "Mukendi",
    "Ilunga",
    "Tshibanda",
    "Kasongo",
    "Mulumba",
    "Ngoy",
    "Mbuyi",
    "Kalala",
    "Bahati",
    "Byamungu",
    "Mugisho",
    "Bisimwa",
    "Amani",
    "Cirhuza",
    "Mapendo",
    "Habimana",
    "Munyakazi",
    "Rukundo",
    "Lukusa",
    "Kitoko",
    "Mwamba",
    "Nsimire",
    "Shamavu",
    "Zihindula",
];
const SUDANESE_MALE: &[&str] = &[
    "Mohamed",
    "Ahmed",
    "Abdelrahman",
    "Osman",
    "Adam",
    "Ismail",
    "Yahia",
    "Hamid",
    "Babiker",
    "Elfatih",
    "Musa",
    "Ibrahim",
    "Suleiman",
    "Abakar",
    "Haroun",
    "Idriss",
    "Mubarak",
    "Yasir",
    "Khamis",
    "Yagoub",
    "Bashir",
    "Elamin",
];
const SUDANESE_FEMALE: &[&str] = &[
    "Fatima", "Khadija", "Hawa", "Amna", "Halima", "Mariam", "Sara", "Nafisa", "Asha", "Awadia",
    "Zainab", "Safiya", "Mona", "Samira", "Fatna", "Aziza",
];
const ERITREAN_MALE: &[&str] = &[
    "Tesfay", "Yonas", "Dawit", "Samuel", "Michael", "Filmon", "Habtom", "Mehari", "Kidane",
    "Tekle", "Berhane", "Goitom", "Amanuel", "Robel", "Natnael", "Biniam", "Yemane", "Merhawi",
    "Simon", "Okbay", "Haile", "Araya",
];
const ERITREAN_FEMALE: &[&str] = &[
    "Helen", "Senait", "Lidya", "Selam", "Mebrat", "Tsega", "Saba", "Rahwa", "Winta", "Yordanos",
    "Hiwet", "Feven", "Luwam", "Aster", "Mihret", "Ruth", "Eden", "Semhar",
];
const AFGHAN_MALE: &[&str] = &[
    "Ahmad",
    "Mohammad",
    "Abdul",
    "Ali",
    "Hamid",
    "Jawad",
    "Mustafa",
    "Naveed",
    "Rahim",
    "Sayed",
    "Shafiq",
    "Wahid",
    "Zabihullah",
    "Farid",
    "Habib",
    "Karim",
    "Mahmood",
    "Najib",
    "Obaid",
    "Qasim",
    "Rashid",
    "Samiullah",
    "Tamim",
    "Yama",
    "Zalmai",
    "Nasir",
];
const AFGHAN_FEMALE: &[&str] = &[
    "Fatima", "Zahra", "Maryam", "Shabnam", "Fereshta", "Hosai", "Laila", "Nazanin", "Parwana",
    "Roya", "Sadaf", "Sima", "Soraya", "Tahmina", "Wahida", "Zarghuna", "Mursal", "Nilofar",
    "Shakila", "Homa",
];
const AFGHAN_FAMILY: &[&str] = &[
    "Ahmadi",
    "Hashimi",
    "Hussaini",
    "Jafari",
    "Karimi",
    "Mohammadi",
    "Nazari",
    "Noori",
    "Popal",
    "Rahimi",
    "Rezaei",
    "Sadat",
    "Safi",
    "Stanikzai",
    "Wardak",
    "Yousufzai",
    "Haidari",
    "Amiri",
    "Sultani",
    "Hakimi",
    "Akbari",
    "Azizi",
    "Qaderi",
];
const SOUTH_SUDANESE_MALE: &[&str] = &[
    "Deng", "Garang", "Majok", "Mabior", "Lual", "Akol", "Kuol", "Bol", "Chol", "Mayen", "Lado",
    "Wani", "Taban", "Juma", "Peter", "John", "James", "Emmanuel",
];
const SOUTH_SUDANESE_FEMALE: &[&str] = &[
    "Achol", "Nyandeng", "Ayen", "Abuk", "Nyibol", "Adut", "Akuol", "Rebecca", "Mary", "Grace",
    "Nyakuoth", "Poni", "Kiden", "Suzan",
];
const SOUTH_SUDANESE_FAMILY: &[&str] = &[
    "Akech", "Mading", "Lado", "Wani", "Lokule", "Tombe", "Malual", "Kuol", "Ayuen", "Chol",
    "Makuei", "Bol", "Majok", "Garang",
];
const BELGIAN_GIVEN: &[&str] = &[
    "An", "Els", "Sofie", "Katrien", "Nathalie", "Marie", "Julie", "Sarah", "Anouk", "Lies",
    "Hanne", "Leen", "Griet", "Céline", "Aurélie", "Isabelle", "Pieter", "Jan", "Tom", "Bart",
    "Koen", "Wouter", "Thomas", "Nicolas", "Olivier", "Maxime", "Benoît", "Laurent", "Geert",
    "Jeroen", "Dries", "Simon", "Youssef", "Samira", "Nadia", "Emre",
];
const BELGIAN_FAMILY: &[&str] = &[
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Martin",
    "Lemaire",
    "Leclercq",
    "Renard",
    "Hermans",
    "Vermeulen",
    "Van den Broeck",
    "Michiels",
    "Vandamme",
    "El Khattabi",
    "Benali",
    "Yilmaz",
    "Dumont",
    "Collard",
    "Verhaegen",
];

/// A first name for a person of `people` and `sex` (`Other` draws from both lists).
pub(crate) fn given(rng: &mut Rng, people: People, sex: Sex) -> &'static str {
    let (male, female) = match people {
        People::Syrian => (SYRIAN_MALE, SYRIAN_FEMALE),
        People::SyrianKurd => (KURDISH_MALE, KURDISH_FEMALE),
        People::Congolese => (CONGOLESE_MALE, CONGOLESE_FEMALE),
        People::Sudanese => (SUDANESE_MALE, SUDANESE_FEMALE),
        People::Eritrean => (ERITREAN_MALE, ERITREAN_FEMALE),
        People::Afghan => (AFGHAN_MALE, AFGHAN_FEMALE),
        People::SouthSudanese => (SOUTH_SUDANESE_MALE, SOUTH_SUDANESE_FEMALE),
    };
    let list = match sex {
        Sex::Male => male,
        Sex::Female => female,
        Sex::Other => {
            if rng.chance(0.5) {
                male
            } else {
                female
            }
        }
    };
    let &name = rng.pick(list);
    name
}

/// A family name; for peoples who name children after their father (Sudanese, Eritrean)
/// it is a father's first name.
pub(crate) fn family(rng: &mut Rng, people: People) -> &'static str {
    let &name = rng.pick(match people {
        People::Syrian => SYRIAN_FAMILY,
        People::SyrianKurd => KURDISH_FAMILY,
        People::Congolese => CONGOLESE_FAMILY,
        People::Sudanese => SUDANESE_MALE,
        People::Eritrean => ERITREAN_MALE,
        People::Afghan => AFGHAN_FAMILY,
        People::SouthSudanese => SOUTH_SUDANESE_FAMILY,
    });
    name
}

/// Whether children carry their father's first name as second name instead of a family
/// name shared by the household.
pub(crate) fn patronymic(people: People) -> bool {
    matches!(people, People::Sudanese | People::Eritrean)
}

/// A Belgian name for an official, a volunteer or a sponsor-group contact.
pub(crate) fn belgian(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(BELGIAN_GIVEN), rng.pick(BELGIAN_FAMILY))
}
