#!/usr/bin/env python3
"""Compiles the name lists the extractor ships (assets/names/) from the open data in
../shared/datasets (see its README for sources and licences; attribution in names/NOTICE.md).

Every key is normalised as the extractor normalises words: diacritics and tatweel dropped,
أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي.

Run from the project's root: python3 assets/make_names.py [DATASETS_DIR]
"""
import collections, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "datasets")
OUT = os.path.join(ROOT, "assets", "names")

TABLE = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}.items()}
DROP = re.compile("[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
ARABIC_WORD = re.compile(r"^[\u0621-\u064A ]+$")


def norm(s):
    return " ".join(DROP.sub("", s).translate(TABLE).split())


def rows(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(head, line.rstrip("\n").split("\t")))


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))
    print(f"{name}: {len(lines)} lines")


def name_units():
    """given / surname counts per normalised unit, Arab League countries weighted up."""
    given, surname = collections.Counter(), collections.Counter()
    for r in rows(os.path.join(DATA, "lexicons", "person_name_units_wikidata_anr.tsv")):
        key = norm(r["arabic_key_normalized"])
        if len(key) < 2 or not ARABIC_WORD.match(key) or " " in key:
            continue
        n = int(r["count"] or 1) * (2 if r["arab_league"] == "1" else 1)
        if r["role"] in ("given", "unknown"):
            given[key] += n
        if r["role"] in ("surname", "unknown"):
            surname[key] += n
    for f, counter in (("AKhateeb_male-first--names-in-arabic.txt", given),
                       ("AKhateeb_female-first-names-in-arabic.txt", given),
                       ("AKhateeb_last-names-in-arabic.txt", surname)):
        for line in open(os.path.join(DATA, "lexicons", f), encoding="utf-8"):
            key = norm(line.strip())
            if len(key) >= 2:
                counter[key] += 3
    keys = sorted(set(given) | set(surname))
    write("name_units.tsv", [f"{k}\t{given[k]}\t{surname[k]}" for k in keys])


def full_names():
    """Full names with their Latin form (the most frequent one)."""
    best = {}
    for r in rows(os.path.join(DATA, "lexicons", "person_fullnames_wikidata_anr.tsv")):
        key = norm(r["arabic_key_normalized"])
        if " " not in key or not ARABIC_WORD.match(key) or not r["latin"]:
            continue
        n = int(r["count"] or 1)
        if key not in best or n > best[key][1]:
            best[key] = (r["latin"], n, r["country"])
    write("persons.tsv", [f"{k}\t{v[0]}\t{v[2]}" for k, v in sorted(best.items())])


def cities():
    """Cities: normalised name, country, population (the most populous city of a name wins)."""
    best = {}
    for r in rows(os.path.join(DATA, "lexicons", "geonames_cities5000_arabic.tsv")):
        pop = int(r["population"] or 0)
        for name in r["arabic_names"].split("|"):
            key = norm(name)
            if len(key) < 3 or not ARABIC_WORD.match(key):
                continue
            if key not in best or pop > best[key][1]:
                best[key] = (r["country"], pop, r["name"])
    write("cities.tsv", [f"{k}\t{v[0]}\t{v[1]}\t{v[2]}" for k, v in sorted(best.items())])


ORG_TYPES = {"Government", "Non-Governmental", "Media", "Commercial", "Educational", "Police",
             "Religious_ORG", "Sports"}


def organisations():
    """Organisation names from WikiFANE's entity list (those seen at least twice)."""
    seen = {}
    for r in rows(os.path.join(DATA, "wikifane", "wikifane_entities_by_finetype.tsv")):
        if r["fine_type"] not in ORG_TYPES or int(r["count"]) < 2:
            continue
        key = norm(r["entity"])
        if len(key) < 3 or not ARABIC_WORD.match(key):
            continue
        seen[key] = r["fine_type"]
    write("organisations.tsv", [f"{k}\t{v}" for k, v in sorted(seen.items())])


def common_words():
    """Words that are almost never part of a name: seen at least 4 times in the training part
    of ANERcorp and in WikiFANE, tagged O at least 97% of the time. Neither held-back part of
    ANERcorp (every tenth sentence; the last tenth) is read."""
    o, named = collections.Counter(), collections.Counter()
    def read(path, keep):
        sents, cur = [], []
        for line in open(path, encoding="utf-8"):
            parts = line.split()
            if len(parts) < 2:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cur.append((norm(parts[0]), parts[-1]))
        if cur:
            sents.append(cur)
        return [x for i, x in enumerate(sents) if keep(i, len(sents))]
    aner = read(os.path.join(DATA, "anercorp", "ANERCorp_CamelLab_train.txt"), lambda i, n: i % 10 != 9 and i < n - n // 10)
    wiki = read(os.path.join(DATA, "wikifane", "WikiFANE_Gold_2014_500K.coarse_PERS-ORG-LOC-MISC.conll"), lambda i, n: True)
    for sent in aner + wiki:
        for w, t in sent:
            (o if t == "O" else named)[w] += 1
    words = sorted(w for w, n in o.items()
                   if n + named[w] >= 4 and n >= 0.97 * (n + named[w]) and len(w) >= 2 and ARABIC_WORD.match(w))
    write("common_words.txt", words)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    name_units()
    full_names()
    cities()
    organisations()
    common_words()
