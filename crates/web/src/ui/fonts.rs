//! The bundled font set (`assets/fonts/`, SIL Open Font License), compiled into the binary
//! and served under `/static/fonts/` with a year-long cache: Noto Sans for Latin script,
//! Noto Naskh Arabic for Arabic and Persian, Noto Sans Ethiopic for Tigrinya. The
//! stylesheet declares each with `@font-face`, so every page reads the same on every
//! device and nothing loads from elsewhere (the CSP's `default-src 'self'` holds).
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Each file by the name it is served under.
pub(crate) const FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "NotoSansEthiopic-Regular.ttf",
        include_bytes!("../../../../assets/fonts/NotoSansEthiopic-Regular.ttf"),
    ),
    (
        "NotoSansEthiopic-Bold.ttf",
        include_bytes!("../../../../assets/fonts/NotoSansEthiopic-Bold.ttf"),
    ),
];

/// `GET /static/fonts/{file}`: a font of the set, cached for a year (a changed font gets a
/// new name); any other name is not found.
pub(crate) async fn font(Path(file): Path<String>) -> Response {
    match FONTS.iter().find(|(name, _)| *name == file) {
        Some((_, bytes)) => (
            [
                (header::CONTENT_TYPE, "font/ttf"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every font the stylesheet names is served, and every font served is named there.
    #[test]
    fn the_stylesheet_and_the_served_fonts_agree() {
        let css = super::super::STYLESHEET;
        for (name, bytes) in FONTS {
            assert!(css.contains(&format!("/static/fonts/{name}")), "{name}");
            // A TrueType file starts with version 1.0 (0x00010000).
            assert_eq!(&bytes[..4], &[0, 1, 0, 0], "{name}");
        }
        assert_eq!(
            css.matches("/static/fonts/").count(),
            FONTS.len(),
            "a font in the stylesheet is not served"
        );
    }
}
