#!/usr/bin/env python3
"""Builds assets/names/latin_units.tsv, the table `src/romanize.rs` looks Arabic name words up in
before falling back on its letter rules: for each normalised Arabic name unit, the Latin form
Arab persons most often carry in Wikidata.

Learned from ../shared/datasets/lexicons/person_fullnames_wikidata_anr.tsv (rows with
source == wikidata and arab_league == 1; see that folder's README and NOTICE.md for the licence),
minus the held-out evaluation names of tests/romanization/heldout.tsv: every row whose Arabic key
is a held-out key, and every row whose Latin form equals a held-out Latin form (compared as
below), is skipped, whatever its source.

How a unit is learned. The Arabic key is cut into units: «عبد X» and a detached «ال X» are
always one unit. The Latin form is cut into groups at spaces, a bare article token (al, el, as,
ad, …) being joined to the word after it. Optionally, «X الدين» / «X الله» / «X الاسلام», and
«ابو / بو / ابن / بن / ولد X», may form one unit on the Arabic side, and «Abd…» / «Abu»,
«Bin», … may be joined to the next token on the Latin side. The row is kept when some pair of
cuttings has as many units as groups and every unit's first letter is a plausible rendering of
its group's first letter (the one with the most units wins). Each (unit, group) pair is then
one observation; a pair such as «نور الدين», «ابو بكر» or «بن سلمان» also gets the joined form of
its two units as an observation of the compound, so that its entry reflects every spelling of it
(«بن سلمان» → "bin Salman" although «بن» alone is most often "Ben"). For each unit, the most
frequent form under the comparison form (lowercase, accents folded, hyphens, apostrophes and
spaces dropped) wins (ties: the alphabetically first); its most frequent spelling is written,
accents folded, a leading article spelled «al-» or «el-». A compound whose form is just its two
parts' forms is left out (the romaniser spells it so anyway).

Every unit observed at least MIN_COUNT times is written (1 by default: a form seen once is a
better guess than the letter rules, and the table stays well under 1 MB).

The Arabic normalisation is the dataset's own (arabic_key_normalized): diacritics, tatweel and
Quranic marks dropped, أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی → ي and ک → ك; ؤ, ئ, ء are kept.

Run from the project's root:
    python3 assets/make_romanize.py [DATASETS_DIR]             # writes assets/names/latin_units.tsv
    python3 assets/make_romanize.py --heldout [DATASETS_DIR]   # (re)writes tests/romanization/heldout.tsv
    python3 assets/make_romanize.py --agreement [DATASETS_DIR] # how far Wikidata agrees with itself

The held-out selection is the rule written in the first line of heldout.tsv (see HELDOUT_RULE).
"""
import collections, csv, hashlib, itertools, os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
DATA = ARGS[0] if ARGS else os.path.join(ROOT, "..", "shared", "datasets")
FULLNAMES = os.path.join(DATA, "lexicons", "person_fullnames_wikidata_anr.tsv")
OUT = os.path.join(ROOT, "assets", "names", "latin_units.tsv")
HELDOUT = os.path.join(ROOT, "tests", "romanization", "heldout.tsv")
MIN_COUNT = 1

TABLE = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                                 "ی": "ي", "ک": "ك"}.items()}
DROP = re.compile("[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
ARABIC = re.compile(r"^[\u0621-\u064A ]+$")


def norm(s):
    return " ".join(DROP.sub("", s).translate(TABLE).split())


def fold(s):
    """Latin accents dropped (Taïeb → Taieb)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))


def cmp(s):
    """Comparison form: lowercase, accents folded, hyphens, apostrophes and spaces dropped."""
    return re.sub(r"[-'’`ʿʾ ]", "", fold(s).lower())


def rows():
    with open(FULLNAMES, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(head, line.rstrip("\n").split("\t")))


# ---------------------------------------------------------------------------------------------
# Held-out selection

HELDOUT_RULE = (
    "# held-out: rows of person_fullnames_wikidata_anr.tsv with source=wikidata, arab_league=1, "
    "country not SO/DJ/KM; Arabic key of 2-4 words of letters U+0621-U+064A only; Latin of ASCII "
    "letters, spaces, hyphens, apostrophes, every space-separated token capitalised or a particle "
    "(al el bin ben bint ibn abu abou ould); int(sha256(key utf-8) hex[:8], 16) % 150 == 0; per "
    "key the Latin with the highest count (ties: alphabetical); kept if its first letter fits the "
    "first Arabic letter (article ال skipped) and the first Arabic word starts at least 3 other "
    "(not held-out) wikidata arab_league names. Regenerate: python3 assets/make_romanize.py --heldout")

# Latin initials a word's first Arabic letter may have (a loose plausibility check, not a rule).
FIRST = {"ا": "aeiouy", "ب": "bp", "ت": "t", "ث": "ts", "ج": "jgdy", "ح": "h", "خ": "kh",
         "د": "d", "ذ": "dzt", "ر": "r", "ز": "zs", "س": "sc", "ش": "sc", "ص": "sc", "ض": "dz",
         "ط": "t", "ظ": "zd", "ع": "aeiouy", "غ": "gr", "ف": "f", "ق": "qkga", "ك": "kc", "ل": "l",
         "م": "m", "ن": "n", "ه": "hae", "و": "wouv", "ي": "yije", "ء": "aeiou", "ؤ": "aeiou",
         "ئ": "aeiouy"}
LATIN_PLAIN = re.compile(r"^[A-Za-z' -]+$")
LATIN_TOKEN = re.compile(r"^([A-Z]|(al|el|bin|ben|bint|ibn|abu|abou|ould)\b)")


def select_heldout():
    cand = collections.defaultdict(collections.Counter)
    all_rows = list(rows())
    for r in all_rows:
        k, lat = r["arabic_key_normalized"], r["latin"]
        if r["source"] != "wikidata" or r["arab_league"] != "1" or r["country"] in ("SO", "DJ", "KM"):
            continue
        if not ARABIC.match(k) or not 2 <= len(k.split()) <= 4:
            continue
        if not LATIN_PLAIN.match(lat) or not all(LATIN_TOKEN.match(t) for t in lat.split()):
            continue
        if int(hashlib.sha256(k.encode("utf-8")).hexdigest()[:8], 16) % 150 != 0:
            continue
        cand[k][lat] += int(r["count"] or 1)
    picked = []
    for k in sorted(cand):
        lat = sorted(cand[k].items(), key=lambda x: (-x[1], x[0]))[0][0]
        first = k.split()[0]
        if first.startswith("ال") and len(first) > 3:
            first = first[2:]
        if lat[0].lower() in FIRST.get(first[0], ""):
            picked.append((k, lat))
    keys = {k for k, _ in picked}
    firsts = collections.Counter(r["arabic_key_normalized"].split()[0] for r in all_rows
                                 if r["source"] == "wikidata" and r["arab_league"] == "1"
                                 and r["arabic_key_normalized"] not in keys)
    picked = [(k, l) for k, l in picked if firsts[k.split()[0]] >= 3]
    os.makedirs(os.path.dirname(HELDOUT), exist_ok=True)
    with open(HELDOUT, "w", encoding="utf-8") as f:
        f.write(HELDOUT_RULE + "\n")
        f.write("".join(f"{k}\t{l}\n" for k, l in picked))
    print(f"{os.path.relpath(HELDOUT, ROOT)}: {len(picked)} names")


def read_heldout():
    keys, latins = set(), set()
    with open(HELDOUT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            k, lat = line.rstrip("\n").split("\t")
            keys.add(norm(k))
            latins.add(cmp(lat))
    return keys, latins


# ---------------------------------------------------------------------------------------------
# Alignment of Arabic units with Latin groups

# ---------------------------------------------------------------------------------------------
# Alignment of Arabic units with Latin groups

PARTICLE = re.compile(r"^(al|el|ul|ad|ed|ar|er|as|es|ash|ech|esh|at|et|az|ez|an|en|ud|ur|us|uz|adh|ath)-?$", re.I)
ABD = re.compile(r"^(abd|abed|abid|abdel|abdul|abdal|abdol|abdou|abdu|abde|abdi|"
                 r"abd-?(el|al|ul|ar|er|as|es|an|en|ad|ed|ur|us|un|ush|ash|at|et|az|ez))-?$", re.I)
JOINS_NEXT = re.compile(r"^(abu|abou|abo|bou|bu|abi|ibn|ben|bin)$", re.I)
AR_SECOND = {"الدين", "الله", "الاسلام", "الرحمن"}       # «X الدين» may be one Latin word
AR_FIRST = {"ابو", "بو", "ابن", "بن", "ولد"}             # «ابو X» may be one Latin word
COMPOUND_SECOND = {"الدين", "الله", "الاسلام"}           # learned as compounds as well
COMPOUND_FIRST = {"ابو", "ابن", "بو", "بن", "ولد"}


def merged(units, at):
    out = []
    for j, x in enumerate(units):
        if j in at and out:
            out[-1] += " " + x
        else:
            out.append(x)
    return out


def arabic_cuttings(tokens):
    units, i = [], 0
    while i < len(tokens):
        if tokens[i] in ("عبد", "ال") and i + 1 < len(tokens):
            units.append(tokens[i] + " " + tokens[i + 1])
            i += 2
        else:
            units.append(tokens[i])
            i += 1
    joins = {j for j in range(1, len(units)) if units[j] in AR_SECOND and not units[j - 1].startswith("عبد ")}
    joins |= {j + 1 for j in range(len(units) - 1) if units[j] in AR_FIRST}
    joins = sorted(joins)
    out = [units]
    for r in range(1, len(joins) + 1):
        for at in itertools.combinations(joins, r):
            u = merged(units, set(at))
            if all(len(x.split()) <= 3 for x in u):
                out.append(u)
    return out


def latin_cuttings(latin):
    toks, groups, i = latin.split(), [], 0
    while i < len(toks):
        t = toks[i]
        if PARTICLE.match(t) and i + 1 < len(toks):
            toks[i + 1] = t + ("" if t.endswith("-") else " ") + toks[i + 1]
        else:
            groups.append(t)
        i += 1
    joins = [j + 1 for j in range(len(groups) - 1) if ABD.match(groups[j]) or JOINS_NEXT.match(groups[j])]
    out = [groups]
    for r in range(1, len(joins) + 1):
        for at in itertools.combinations(joins, r):
            out.append(merged(groups, set(at)))
    return out


def plausible(unit, group):
    lc = cmp(group)
    if not lc:
        return False
    s = unit
    if unit.startswith("ال "):
        s = unit[3:]
    elif unit.startswith("ال") and len(unit) > 3:
        s = unit[2:]
    if lc[0] in FIRST.get(s[0], ""):
        return True
    if s != unit and lc[0] in "ael":
        return True
    return s[0] == "ا" and len(s) > 1 and lc[0] in FIRST.get(s[1], "")


def align(key, latin):
    """(unit, Latin group) pairs, or None when no cutting of both sides lines up."""
    best = None
    for units in arabic_cuttings(key.split()):
        for groups in latin_cuttings(latin):
            if len(units) != len(groups) or (best and len(units) <= len(best)):
                continue
            if all(plausible(u, g) for u, g in zip(units, groups)):
                best = list(zip(units, groups))
    return best


def observations(pairs):
    """The aligned pairs, plus each «X الدين», «ابو X», «بن X»… pair joined as one compound.
    Returns (unit, Latin, is_compound) triples."""
    obs = [(u, l, False) for u, l in pairs]
    for (x, l), (y, m) in zip(pairs, pairs[1:]):
        if (y in COMPOUND_SECOND and not x.startswith("عبد ")) or x in COMPOUND_FIRST:
            obs.append((x + " " + y, l + " " + m, True))
    return obs


ARTICLE = re.compile(r"^(al|el)[- ](?=\w)", re.I)
PARTICLES = {"bin", "bint", "ibn", "ben", "abu", "abou", "ould"}


def style(latin):
    """Accents folded; a leading article written «al-» / «el-» (the word after it capitalised);
    otherwise the first letter capitalised unless the group starts with a particle (bin, ibn…)."""
    s = " ".join(fold(latin).split())
    m = ARTICLE.match(s)
    if m:
        rest = s[m.end():]
        return m.group(1).lower() + "-" + rest[:1].upper() + rest[1:]
    if s.split(" ")[0].lower() in PARTICLES:
        return s
    return s[:1].upper() + s[1:]


def spelled_by_parts(unit, best):
    """Whether some cut of a compound into two table units gives its own most usual form."""
    cut = unit.split(" ")
    return any(best.get(" ".join(cut[:at]), "\0") + best.get(" ".join(cut[at:]), "\0") == best[unit]
               for at in range(1, len(cut)))


def build():
    held_keys, held_latins = read_heldout()
    forms = collections.defaultdict(collections.Counter)     # unit -> comparison form -> count
    spellings = collections.defaultdict(collections.Counter)  # (unit, form) -> spelling -> count
    compounds = set()                                          # units learned as joined pairs
    used = skipped = 0
    for r in rows():
        if r["source"] != "wikidata" or r["arab_league"] != "1" or not r["latin"]:
            continue
        key = norm(r["arabic_key_normalized"])
        if key in held_keys or cmp(r["latin"]) in held_latins:
            skipped += 1
            continue
        if not ARABIC.match(key):
            continue
        pairs = align(key, r["latin"])
        if not pairs:
            continue
        used += 1
        for unit, group, compound in observations(pairs):
            if compound:
                compounds.add(unit)
            f = cmp(group)
            forms[unit][f] += 1
            spellings[(unit, f)][style(group)] += 1
    best = {}
    for unit, c in forms.items():
        if sum(c.values()) >= MIN_COUNT:
            best[unit] = sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0]
    lines = []
    for unit in sorted(best):
        if unit in compounds and spelled_by_parts(unit, best):
            continue  # the romaniser spells it so from its parts anyway
        spelling = sorted(spellings[(unit, best[unit])].items(), key=lambda x: (-x[1], x[0]))[0][0]
        lines.append(f"{unit}\t{spelling}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))
    print(f"{os.path.relpath(OUT, ROOT)}: {len(lines)} units from {used} aligned names "
          f"({skipped} held-out rows skipped), {os.path.getsize(OUT)} bytes")


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        cur = [i + 1]
        for j, cb in enumerate(b):
            cur.append(min(prev[j] + (ca != cb), prev[j + 1] + 1, cur[j] + 1))
        prev = cur
    return prev[-1]


def agreement():
    """The ceiling of the held-out test: for Arab full names (2-4 words) that Wikidata spells
    at least twice, how often one record's Latin form equals (or is within one letter of) the
    most frequent form among the other records of the same Arabic name, under the comparison
    form of src/romanize.rs (lowercase; hyphens, apostrophes and spaces dropped)."""
    comp = lambda s: re.sub(r"[-'’`ʿʾ\s]", "", s).lower()
    by = collections.defaultdict(collections.Counter)
    with open(FULLNAMES, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = r["arabic_key_normalized"]
            if r["source"] == "wikidata" and r["arab_league"] == "1" and 2 <= len(key.split()) <= 4:
                by[key][comp(r["latin"])] += int(r["count"] or 1)
    total = exact = close = 0
    for forms in by.values():
        for form, n in forms.items():
            others = forms.copy()
            others[form] -= 1
            if sum(others.values()) == 0:
                continue
            majority = others.most_common(1)[0][0]
            total += n
            exact += n * (majority == form)
            close += n * (lev(majority, form) <= 1)
    print(f"{total} records of repeated names: the others' majority spelling is exact for "
          f"{100 * exact / total:.1f} %, within one letter for {100 * close / total:.1f} %")


if __name__ == "__main__":
    if "--agreement" in sys.argv[1:]:
        agreement()
    elif "--heldout" in sys.argv[1:]:
        select_heldout()
    else:
        build()
