//! The fonts every document is typeset in, bundled (`assets/fonts/`, SIL Open Font
//! License) so that a family's names print in their own script whatever the server has
//! installed: Noto Sans for Latin, Noto Naskh Arabic for Arabic and Persian, Noto Sans
//! Ethiopic for Tigrinya and Amharic. Typst embeds only the glyphs a document uses.

/// A bundled font file.
#[derive(Debug, Clone, Copy)]
pub struct BundledFont {
    /// Its file name under `assets/fonts/`.
    pub file: &'static str,
    /// The TrueType data.
    pub data: &'static [u8],
}

macro_rules! bundled {
    ($($file:literal),+ $(,)?) => {
        &[$(BundledFont {
            file: $file,
            data: include_bytes!(concat!("../../../assets/fonts/", $file)),
        }),+]
    };
}

/// Every bundled font, regular and bold of each family.
pub const ALL: &[BundledFont] = bundled!(
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
);

/// The families in the order a document asks for them: the language's own script first,
/// so its digits and punctuation match its letters; any character the first lacks is
/// taken from the next.
pub fn families(rtl: bool) -> [&'static str; 3] {
    if rtl {
        ["Noto Naskh Arabic", "Noto Sans", "Noto Sans Ethiopic"]
    } else {
        ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"]
    }
}
