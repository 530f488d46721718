//! The gazetteer: GeoNames places, their names, and hash indexes over them.
//!
//! The data file (`data/gazetteer.tsv`, written by `scripts/gazetteer/build_geo.py`) is
//! UTF-8 text: a version header `#claimgraph-geo gazetteer<TAB>1<TAB><rows>`, comment lines
//! starting with `#`, then one place a line with twelve tab-separated fields:
//! kind (`L` continent, `O` other region or sea, `C` country, `R` first-level region, `D`
//! US county, `P` populated place), GeoNames id (may be empty), latitude, longitude,
//! population, ISO country code, admin1 code, admin2 code, name, alternate names,
//! demonyms and (for countries) neighbouring countries' codes, the last three
//! `|`-separated. Text is cheaper to review in a diff than a binary
//! format, and parsing 45,000 rows into hash maps takes a few tens of milliseconds.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use claimgraph_model::PlaceKind;

/// The format version this code reads; the build script writes the same number.
pub const FORMAT_VERSION: u32 = 1;

/// The embedded default gazetteer.
pub(crate) const EMBEDDED: &str = include_str!("../data/gazetteer.tsv");

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonames_id: Option<u64>,
    pub name: String,
    pub kind: PlaceKind,
    /// Finer than `kind`: a US county is `Other` there but `County` here.
    pub level: Level,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// ISO 3166-1 alpha-2 code; empty for continents and seas.
    pub country: Box<str>,
    /// GeoNames admin1 code within the country ("KY", "08"); empty when unknown.
    pub admin1: Box<str>,
    /// GeoNames admin2 code within the admin1 ("125"); empty when unknown.
    pub admin2: Box<str>,
    /// For countries: neighbours' ISO codes, `|`-separated ("AM|AZ|TR|RU").
    pub neighbours: Box<str>,
}

impl Place {
    pub fn is_neighbour_of(&self, country: &str) -> bool {
        !country.is_empty() && self.neighbours.split('|').any(|c| c == country)
    }
}

/// Gazetteer levels, coarse to fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Continent,
    /// Seas, macro-regions ("Middle East"), the European Union.
    Area,
    Country,
    Region,
    County,
    City,
}

/// Why a gazetteer file could not be read. Names the file and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    /// The file (or "embedded gazetteer") that failed.
    pub source: String,
    /// 1-based line number; 0 for whole-file problems.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "gazetteer {}: {}", self.source, self.message)
        } else {
            write!(f, "gazetteer {} line {}: {}", self.source, self.line, self.message)
        }
    }
}

impl std::error::Error for GazetteerError {}

/// Places and the indexes the geoparser queries.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Normalized name, demonym or word prefix of a multi-word one (see [`normalize`]) →
    /// what it is. One map, so that the matcher pays one look-up (one cache miss in a
    /// table of some 200,000 keys) per word.
    by_key: FastMap<Box<str>, Entry>,
    /// ISO code → country.
    countries: HashMap<Box<str>, u32>,
    /// (country, admin1) → first-level region.
    regions: HashMap<(Box<str>, Box<str>), u32>,
    /// Longest indexed name, in words: the matcher looks no further.
    max_words: usize,
    /// Scratch buffer for keys while parsing.
    buf: Normalizer,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse(EMBEDDED.as_bytes(), "embedded gazetteer (crates/geo/data/gazetteer.tsv)")
    }

    /// Parses a gazetteer file. `source` names it in errors.
    pub fn parse(bytes: &[u8], source: &str) -> Result<Gazetteer, GazetteerError> {
        let err = |line: usize, message: String| GazetteerError {
            source: source.to_string(),
            line,
            message,
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|e| err(0, format!("not UTF-8 at byte {}", e.valid_up_to())))?;
        let mut lines = text.lines().enumerate();
        let header = lines.next().map(|(_, l)| l).unwrap_or_default();
        let mut head = header.split('\t');
        if head.next() != Some("#claimgraph-geo gazetteer") {
            return Err(err(1, "missing header `#claimgraph-geo gazetteer`".to_string()));
        }
        let version: u32 = head
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| err(1, "header has no format version".to_string()))?;
        if version != FORMAT_VERSION {
            return Err(err(
                1,
                format!("format version {version}, this build reads {FORMAT_VERSION}"),
            ));
        }
        let expected: usize = head
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| err(1, "header has no row count".to_string()))?;
        let mut gaz = Gazetteer { max_words: 1, ..Gazetteer::default() };
        gaz.places.reserve(expected);
        gaz.by_key.reserve(expected * 4);
        for (idx, line) in lines {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            gaz.add_row(line).map_err(|m| err(idx + 1, m))?;
        }
        if gaz.places.len() != expected {
            return Err(err(
                0,
                format!(
                    "header promises {expected} places, found {} (truncated?)",
                    gaz.places.len()
                ),
            ));
        }
        Ok(gaz)
    }

    fn add_row(&mut self, line: &str) -> Result<(), String> {
        let mut f = [""; 12];
        let mut n = 0;
        for field in line.split('\t') {
            if n < f.len() {
                f[n] = field;
            }
            n += 1;
        }
        if n != f.len() {
            return Err(format!("expected 12 tab-separated fields, found {n}"));
        }
        let (kind, level) = match f[0] {
            "L" => (PlaceKind::Continent, Level::Continent),
            "O" => (PlaceKind::Other, Level::Area),
            "C" => (PlaceKind::Country, Level::Country),
            "R" => (PlaceKind::Region, Level::Region),
            "D" => (PlaceKind::Other, Level::County),
            "P" => (PlaceKind::City, Level::City),
            other => return Err(format!("unknown kind {other:?}")),
        };
        let geonames_id = if f[1].is_empty() {
            None
        } else {
            Some(f[1].parse::<u64>().map_err(|_| format!("bad GeoNames id {:?}", f[1]))?)
        };
        let lat: f64 = f[2].parse().map_err(|_| format!("bad latitude {:?}", f[2]))?;
        let lon: f64 = f[3].parse().map_err(|_| format!("bad longitude {:?}", f[3]))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(format!("coordinates out of range: {lat}, {lon}"));
        }
        let population: u64 = f[4].parse().map_err(|_| format!("bad population {:?}", f[4]))?;
        let name = f[8];
        if name.is_empty() {
            return Err("empty name".to_string());
        }
        let id = u32::try_from(self.places.len()).map_err(|_| "too many places".to_string())?;
        let place = Place {
            geonames_id,
            name: name.to_string(),
            kind,
            level,
            lat,
            lon,
            population,
            country: f[5].into(),
            admin1: f[6].into(),
            admin2: f[7].into(),
            neighbours: f[11].into(),
        };
        match level {
            Level::Country => {
                self.countries.insert(place.country.clone(), id);
            }
            Level::Region => {
                self.regions.insert((place.country.clone(), place.admin1.clone()), id);
            }
            _ => {}
        }
        self.places.push(place);
        let mut buf = std::mem::take(&mut self.buf);
        let mut add = |gaz: &mut Gazetteer, n: &str, flag: u32| {
            buf.clear();
            buf.push_str(n);
            let key = buf.as_str();
            let id = id | flag;
            if key.is_empty() {
                return;
            }
            gaz.add_prefixes(key);
            gaz.entry(key).ids.push(id);
        };
        add(self, name, 0);
        for alt in f[9].split('|').filter(|a| !a.is_empty()) {
            add(self, alt, ALTERNATE);
        }
        // Several countries may claim a demonym ("American"): the most populous keeps it.
        for dem in f[10].split('|').filter(|a| !a.is_empty()) {
            buf.clear();
            buf.push_str(dem);
            let key = buf.as_str();
            self.add_prefixes(key);
            let old = self.by_key.get(key).and_then(|e| e.demonym);
            let keep_old = old.is_some_and(|old| {
                self.places[old as usize].population >= self.places[id as usize].population
            });
            if !keep_old {
                self.entry(key).demonym = Some(id);
            }
        }
        self.buf = buf;
        Ok(())
    }

    /// Indexes the word prefixes of a multi-word key ("new", "new york" for "new york
    /// city"), so that the matcher stops extending a run as soon as no name can follow.
    fn add_prefixes(&mut self, key: &str) {
        let mut words = 1;
        for (at, b) in key.bytes().enumerate() {
            if b == b' ' {
                words += 1;
                self.entry(&key[..at]).prefix = true;
            }
        }
        self.max_words = self.max_words.max(words);
    }

    /// The entry of `key`, created empty if new; the key is allocated only then. Two hash
    /// look-ups either way (the borrow checker rejects returning from `get_mut` early).
    fn entry(&mut self, key: &str) -> &mut Entry {
        if self.by_key.contains_key(key) {
            self.by_key.get_mut(key).expect("present")
        } else {
            self.by_key.entry(Box::from(key)).or_default()
        }
    }

    /// Everything indexed under `key` (already [`normalize`]d): the matcher's one look-up.
    pub(crate) fn key(&self, key: &str) -> Option<&Entry> {
        self.by_key.get(key)
    }

    /// Whether some multi-word name or demonym starts with the words of `key`.
    pub fn is_prefix(&self, key: &str) -> bool {
        self.by_key.get(key).is_some_and(|e| e.prefix)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, id: u32) -> &Place {
        &self.places[place_id(id) as usize]
    }

    /// Places named `key` (already [`normalize`]d), in file order. An id with the
    /// [`ALTERNATE`] bit set matched an alternate name, not the place's main name: strip
    /// it with [`place_id`] before calling [`Gazetteer::place`].
    pub fn lookup(&self, key: &str) -> &[u32] {
        self.by_key.get(key).map_or(&[], |e| e.ids.as_slice())
    }

    /// The place a demonym (already normalized) refers to.
    pub fn demonym(&self, key: &str) -> Option<u32> {
        self.by_key.get(key).and_then(|e| e.demonym)
    }

    pub fn country(&self, code: &str) -> Option<u32> {
        self.countries.get(code).copied()
    }

    pub fn region(&self, country: &str, admin1: &str) -> Option<u32> {
        self.regions.get(&(Box::from(country), Box::from(admin1))).copied()
    }

    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Finds places by name as written (normalized here); convenient for tests.
    pub fn find(&self, name: &str) -> Vec<&Place> {
        let key = normalize(name);
        self.lookup(&key).iter().map(|&id| self.place(id)).collect()
    }
}

/// Marks an id from [`Gazetteer::lookup`] that matched an alternate name.
pub const ALTERNATE: u32 = 1 << 31;

/// The place id without the [`ALTERNATE`] mark.
pub fn place_id(id: u32) -> u32 {
    id & !ALTERNATE
}

/// The look-up key of a name: lowercase, periods dropped ("U.S." = "US", "St. Louis" =
/// "St Louis"), hyphens and runs of whitespace as one space, curly apostrophes straight.
pub fn normalize(name: &str) -> String {
    let mut out = Normalizer::with_capacity(name.len());
    out.push_str(name);
    out.key
}

/// Builds a [`normalize`]d key piece by piece: the matcher extends one buffer token by
/// token instead of normalizing every prefix of a name anew. `push_str(a); push_str(b)`
/// gives `normalize(a + b)`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Normalizer {
    key: String,
    /// A separator was seen since the last character written.
    space: bool,
}

impl Normalizer {
    pub(crate) fn with_capacity(n: usize) -> Normalizer {
        Normalizer { key: String::with_capacity(n), space: false }
    }

    pub(crate) fn clear(&mut self) {
        self.key.clear();
        self.space = false;
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.key
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        // Most names and most text are ASCII: a byte loop without case tables.
        if text.is_ascii() {
            for b in text.bytes() {
                match b {
                    b'.' => {}
                    b'-' | b' ' | b'\t' | b'\n' | b'\r' => self.space = true,
                    _ => {
                        self.separate();
                        self.key.push(char::from(b.to_ascii_lowercase()));
                    }
                }
            }
            return;
        }
        for ch in text.chars() {
            match ch {
                '.' => {}
                '-' | '–' | ' ' | '\t' | '\n' | '\r' | '\u{a0}' => self.space = true,
                '’' | '‘' => {
                    self.separate();
                    self.key.push('\'');
                }
                _ => {
                    self.separate();
                    self.key.extend(ch.to_lowercase());
                }
            }
        }
    }

    fn separate(&mut self) {
        if self.space && !self.key.is_empty() {
            self.key.push(' ');
        }
        self.space = false;
    }
}

/// What one key is in the gazetteer: a name (of these places), a demonym, the first words
/// of a longer name, or several of these.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    pub(crate) ids: Ids,
    pub(crate) demonym: Option<u32>,
    pub(crate) prefix: bool,
}

/// The places of one name: most names have one, so no vector is allocated for them.
#[derive(Debug, Clone, Default)]
pub(crate) enum Ids {
    #[default]
    None,
    One(u32),
    Many(Vec<u32>),
}

impl Ids {
    fn push(&mut self, id: u32) {
        match self {
            Ids::None => *self = Ids::One(id),
            Ids::One(first) if place_id(*first) != place_id(id) => {
                *self = Ids::Many(vec![*first, id]);
            }
            Ids::One(_) => {}
            Ids::Many(ids) => {
                if !ids.iter().any(|&i| place_id(i) == place_id(id)) {
                    ids.push(id);
                }
            }
        }
    }

    pub(crate) fn as_slice(&self) -> &[u32] {
        match self {
            Ids::None => &[],
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash rustc uses (FxHash): several times faster than SipHash on
/// short keys. The keys come from the gazetteer and the document, and a slow look-up
/// costs only time, so hash flooding is not a concern worth SipHash's price here.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply mixes upward: the low bits, which pick the bucket, depend only on
        // the first bytes of a short key ("new york", "new jersey", ...). The rotation
        // brings the well-mixed high bits down (as rustc-hash 2 does).
        self.hash.rotate_left(26)
    }
}
