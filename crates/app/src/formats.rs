//! Documents inside HTML pages and PDF files: the text to analyze and what the file says
//! about itself (title, date, author, publisher, URL).
//!
//! HTML goes through `dom_smoothie` (a port of Mozilla's Readability) for the main text,
//! which drops navigation, sidebars, footers and other boilerplate, and which reads
//! JSON-LD and Open Graph metadata; `scraper` fills what it leaves out from `<meta>` tags
//! and the canonical link. PDF gives its text layer through `pdf-extract`; a scanned PDF
//! without one is an error for that file, not an empty document.

use dom_smoothie::{Config, Readability, TextMode};
use scraper::{Html, Selector};

/// What was read from an HTML page or a PDF.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    /// As the page gives it (ISO 8601 usually); the caller parses it.
    pub date: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|v| !v.is_empty())
}

/// The first `attribute` of the elements matching any of `selectors`, in order.
fn first_attribute(page: &Html, selectors: &[&str], attribute: &str) -> Option<String> {
    selectors.iter().find_map(|css| {
        let selector = Selector::parse(css).ok()?;
        page.select(&selector)
            .find_map(|element| clean(element.value().attr(attribute).map(str::to_string)))
    })
}

/// The main text and metadata of an HTML page. Errors say why there is no document: no
/// article text found (an empty or boilerplate-only page, or something that is not HTML).
pub fn html(source: &str) -> Result<Extracted, String> {
    if source.contains('\0') {
        return Err("not an HTML page (contains NUL bytes)".to_string());
    }
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut readability = Readability::new(source, None, Some(config))
        .map_err(|error| format!("cannot read the HTML page: {error}"))?;
    let article = readability
        .parse()
        .map_err(|error| format!("no article text found in the HTML page ({error})"))?;
    let text = article.text_content.trim().to_string();
    if text.chars().filter(|ch| ch.is_alphanumeric()).count() < 20 {
        return Err("no article text found in the HTML page".to_string());
    }
    let page = Html::parse_document(source);
    let meta = |selectors: &[&str]| first_attribute(&page, selectors, "content");
    Ok(Extracted {
        text,
        title: clean(Some(article.title.clone()))
            .or_else(|| meta(&["meta[property='og:title']", "meta[name='twitter:title']"])),
        date: clean(article.published_time.clone())
            .or_else(|| {
                meta(&[
                    "meta[property='article:published_time']",
                    "meta[itemprop='datePublished']",
                    "meta[name='date']",
                    "meta[name='dc.date']",
                ])
            })
            .or_else(|| first_attribute(&page, &["time[datetime]"], "datetime")),
        author: clean(article.byline.clone())
            .or_else(|| meta(&["meta[name='author']", "meta[property='article:author']"])),
        publisher: clean(article.site_name.clone())
            .or_else(|| meta(&["meta[property='og:site_name']", "meta[name='publisher']"])),
        url: first_attribute(&page, &["link[rel='canonical']"], "href")
            .or_else(|| meta(&["meta[property='og:url']"]))
            .or_else(|| clean(article.url.clone())),
    })
}

/// The text layer of a PDF. A PDF without text (scanned pages) or that cannot be parsed
/// is an error naming why.
pub fn pdf(bytes: &[u8]) -> Result<Extracted, String> {
    // pdf-extract panics on some malformed files; one bad file must not stop a batch.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(error)) => return Err(format!("cannot read the PDF: {error}")),
        Err(_) => return Err("cannot read the PDF: the parser failed on it".to_string()),
    };
    let text = text.trim().to_string();
    if text.chars().filter(|ch| ch.is_alphanumeric()).count() < 20 {
        return Err("the PDF has no text layer (scanned pages need OCR first)".to_string());
    }
    Ok(Extracted { text, ..Extracted::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_is_dropped_and_metadata_read() {
        let page = r#"<!doctype html><html><head><title>Flood | Valley Times</title>
            <meta property="og:site_name" content="Valley Times">
            <meta name="author" content="Ana Reyes">
            <meta property="article:published_time" content="2021-05-04T08:00:00Z">
            <link rel="canonical" href="https://valley.example/flood"></head>
            <body><nav><a href="/">Home</a> <a href="/sport">Sport</a> Most read: celebrity gossip</nav>
            <article><h1>Flood in Arden</h1>
            <p>The regional council said 40 people died in the flood in Arden on Monday, and
            rescue teams worked through the night along the river.</p>
            <p>Aid groups warned that food and clean water were running short in the lower
            town, and two clinics stopped taking new patients.</p></article>
            <footer>Copyright Valley Times. Subscribe to our newsletter.</footer></body></html>"#;
        let extracted = html(page).expect("an article");
        assert!(extracted.text.contains("40 people died"), "{}", extracted.text);
        assert!(!extracted.text.contains("celebrity"), "navigation dropped: {}", extracted.text);
        assert!(!extracted.text.contains("newsletter"), "footer dropped: {}", extracted.text);
        assert_eq!(extracted.publisher.as_deref(), Some("Valley Times"));
        assert_eq!(extracted.author.as_deref(), Some("Ana Reyes"));
        assert_eq!(extracted.url.as_deref(), Some("https://valley.example/flood"));
        assert!(extracted.date.as_deref().is_some_and(|d| d.starts_with("2021-05-04")));
    }

    #[test]
    fn pages_and_pdfs_without_text_are_errors() {
        assert!(html("<html><body><div><p></p></div></body></html>").is_err());
        assert!(html("\u{0}\u{1}binary").is_err());
        assert!(pdf(b"%PDF-1.4 this is not really a pdf").is_err());
        assert!(pdf(b"").is_err());
    }
}
