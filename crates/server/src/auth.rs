//! Tokens and who may read or write.
//!
//! A token is a random secret shown once by `claimgraph token create`; the server keeps
//! only SHA-256 hashes of the valid ones ([`TokenSet`]), so a leaked token file does not
//! leak tokens. Clients send `Authorization: Bearer TOKEN`; a browser may instead carry it
//! in the `claimgraph_token` cookie (set by the `/login` page), since pages cannot add
//! headers without JavaScript.
//!
//! Policy ([`Access`]): writes always need a token. Reads need one when the server is
//! reachable beyond loopback, unless it was started with `--public`; the CLI decides
//! which from the bind address.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::{ApiError, AppState};

/// The name of the cookie a browser carries the token in.
pub const COOKIE: &str = "claimgraph_token";

/// The valid tokens, by hash, with the name each was created under (recorded as who
/// made a write).
#[derive(Debug, Clone, Default)]
pub struct TokenSet {
    hashes: Vec<([u8; 32], String)>,
}

impl TokenSet {
    /// Reads the hashes from the token file's text: one `sha256-hex name created-at` line
    /// per token, `#` comments and blank lines ignored. Malformed lines are errors, so a
    /// damaged file is noticed instead of silently locking everyone out.
    pub fn parse(text: &str) -> Result<TokenSet, String> {
        let mut hashes = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split_whitespace();
            let hex = fields.next().unwrap_or_default();
            let hash = parse_hex(hex)
                .ok_or_else(|| format!("line {}: expected a SHA-256 hex hash", index + 1))?;
            hashes.push((hash, fields.next().unwrap_or("token").to_string()));
        }
        Ok(TokenSet { hashes })
    }

    pub fn from_tokens<'a>(tokens: impl IntoIterator<Item = &'a str>) -> TokenSet {
        TokenSet {
            hashes: tokens.into_iter().map(|token| (hash(token), "token".to_string())).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The name of the token, when `token` is valid. Compares every hash in constant
    /// time so response times say nothing about how close a guess was.
    pub fn name_of(&self, token: &str) -> Option<&str> {
        let presented = hash(token);
        let mut found = None;
        for (known, name) in &self.hashes {
            if known.iter().zip(presented).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0 {
                found = Some(name.as_str());
            }
        }
        found
    }

    pub fn accepts(&self, token: &str) -> bool {
        self.name_of(token).is_some()
    }
}

/// The line `claimgraph token create` appends to the token file for a new token.
pub fn token_file_line(token: &str, name: &str, created_at: i64) -> String {
    let hex: String = hash(token).iter().map(|byte| format!("{byte:02x}")).collect();
    let name: String =
        name.chars().map(|c| if c.is_whitespace() || c.is_control() { '_' } else { c }).collect();
    format!("{hex} {name} {created_at}\n")
}

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn parse_hex(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (index, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(index * 2..index * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Who may do what on this server.
#[derive(Debug, Clone, Default)]
pub struct Access {
    pub tokens: TokenSet,
    /// Reads need a token too (the server is reachable beyond loopback and not public).
    pub reads_need_token: bool,
}

impl Access {
    /// Whether the request carries a valid token, in a header or the cookie.
    pub fn authorized(&self, headers: &HeaderMap) -> bool {
        self.token_name(headers).is_some()
    }

    /// The valid token's name, if the request carries one.
    pub fn token_name(&self, headers: &HeaderMap) -> Option<&str> {
        presented_token(headers).and_then(|token| self.tokens.name_of(token))
    }
}

fn presented_token(headers: &HeaderMap) -> Option<&str> {
    if let Some(value) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        return value.strip_prefix("Bearer ").map(str::trim);
    }
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then_some(value)
        })
    })
}

/// Refuses reads without a token when the policy asks for one. Writes are checked by
/// their handlers ([`require_write`]), so that a write never depends on this layer.
/// The login page and the stylesheet stay open so that a browser can sign in.
pub async fn require_read(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let open_path = matches!(request.uri().path(), "/login" | "/assets/style.css");
    if state.access.reads_need_token
        && !open_path
        && request.method() != Method::POST
        && !state.access.authorized(request.headers())
    {
        return ApiError::Unauthorized.into_response();
    }
    next.run(request).await
}

/// Checks a write request's token; the token's name is who made the write.
pub fn require_write(state: &AppState, headers: &HeaderMap) -> Result<String, ApiError> {
    state
        .access
        .token_name(headers)
        .map(|name| format!("token:{name}"))
        .ok_or(ApiError::Unauthorized)
}

/// Seconds since the Unix epoch, for the time of a write.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_file_line_round_trips_and_only_the_token_is_accepted() {
        let line = token_file_line("s3cret", "lead laptop", 1_700_000_000);
        let set = TokenSet::parse(&format!("# tokens\n\n{line}")).expect("parses");
        assert_eq!(set.len(), 1);
        assert_eq!(set.name_of("s3cret"), Some("lead_laptop"));
        assert!(!set.accepts("s3cret "));
        assert!(!set.accepts(""));
        assert!(TokenSet::parse("nothex name 1\n").is_err());
    }

    #[test]
    fn tokens_come_from_the_header_or_the_cookie() {
        let access = Access { tokens: TokenSet::from_tokens(["t0k"]), reads_need_token: true };
        let mut headers = HeaderMap::new();
        assert!(!access.authorized(&headers));
        headers.insert(header::COOKIE, "a=b; claimgraph_token=t0k".parse().expect("header"));
        assert!(access.authorized(&headers));
        headers.insert(header::AUTHORIZATION, "Bearer wrong".parse().expect("header"));
        assert!(!access.authorized(&headers), "an explicit wrong header wins over the cookie");
    }
}
