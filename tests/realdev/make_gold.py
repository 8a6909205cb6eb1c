#!/usr/bin/env python3
"""Turns hand annotations of the real development articles into gold documents.

The articles are not ours to publish, so a gold document keeps offsets and the text's sha256,
not the text: `article.text` is empty, `article.text_sha256` and `article.source.path` say which
file of ../shared/corpus it annotates. The tests put the text back and check the hash.

An annotation (NN.ann.json, kept by the annotator, not in this repository) names its mentions and
evidence by quoting the article:
  {"file": "02_aawsat.txt",
   "entities": [{"id": "dabbashi", "kind": "person", "name": "مصطفى الدباشي", "latin": null,
                 "country": "LY", "roles": ["وزير الداخلية"], "part_of": null,
                 "mentions": ["مصطفى الدباشي", "الدباشي", "وزير الداخلية الليبي#2"]}],
   "events": [{"id": "v1", "kind": "visit", "status": "occurred", "summary": "…",
               "participants": [["dabbashi", "guest"]], "place": "tunisia",
               "when": {"expression": "أمس", "relative_days": -1},
               "topics": [], "evidence": ["خلال زيارة غير معلنة"]}]}
A mention quote matches every occurrence of it that stands as a word (after a proclitic such as
و ف ب ل ك at most); "QUOTE#2" or "QUOTE#1,3" keeps only those occurrences (1-based). An evidence
quote must occur once (or carry #k) and is widened to its whole sentence.

Usage: python3 make_gold.py ANNOTATION_DIR_OR_FILES...   (writes NN.gold.json next to this file;
WAQAI_CORPUS names the corpus folder when it is not ../shared/corpus from the project's root)
"""
import hashlib, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"person", "organization", "group", "country", "city", "site"}
EVENT_KINDS = {"visit", "arrival", "meeting", "signing", "agreement", "statement", "other"}
ROLES = {"host", "guest", "signatory", "delegation", "subject", "participant"}
STATUSES = {"occurred", "planned", "reported"}
CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "لـ", "ولـ", "بـ", "وبـ"}


def is_letter(ch):
    return unicodedata.category(ch)[0] in "LM" or ch == "\u0640"


def occurrences(text, quote):
    """Char offsets where `quote` stands as a word, perhaps after a proclitic."""
    out, i = [], text.find(quote)
    while i >= 0:
        j = i + len(quote)
        after_ok = j >= len(text) or not is_letter(text[j]) or not is_letter(quote[-1])
        k = i
        while k > 0 and is_letter(text[k - 1]):
            k -= 1
        before_ok = not is_letter(quote[0]) or text[k:i] in CLITICS
        if after_ok and before_ok:
            out.append(i)
        i = text.find(quote, i + 1)
    return out


def pick(text, quote, what):
    q, _, sel = quote.partition("#")
    if not q:
        sys.exit(f"{what}: empty quote")
    occ = occurrences(text, q)
    if not occ:
        sys.exit(f"{what}: «{q}» is not in the article as a word")
    if sel:
        idx = [int(s) for s in sel.split(",")]
        if any(n < 1 or n > len(occ) for n in idx):
            sys.exit(f"{what}: «{q}» occurs {len(occ)} times, asked for {sel}")
        occ = [occ[n - 1] for n in idx]
    # Python str indices are code points = the format's chars.
    return [{"start": o, "end": o + len(q)} for o in occ]


SENT_END = re.compile(r"[.!?؟]+(?=\s|$)|\n")


def sentence_around(text, span):
    start = 0
    for m in SENT_END.finditer(text):
        if m.end() <= span["start"]:
            start = m.end()
        elif m.start() >= span["end"]:
            end = m.end() if text[m.start()] != "\n" else m.start()
            break
    else:
        end = len(text)
    while start < len(text) and text[start].isspace():
        start += 1
    return {"start": start, "end": max(end, span["end"])}


def build(ann, corpus):
    path = os.path.join(corpus, "dev", ann["file"])
    raw = open(path, "rb").read()
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    ids = set()
    entities = []
    for e in ann["entities"]:
        what = f"{ann['file']} entity {e.get('id')}"
        if e["kind"] not in KINDS:
            sys.exit(f"{what}: kind {e['kind']!r}")
        if e["id"] in ids:
            sys.exit(f"{what}: duplicate id")
        ids.add(e["id"])
        spans = sorted({(s["start"], s["end"]) for m in e["mentions"] for s in pick(text, m, what)})
        entities.append({
            "id": e["id"], "name": e["name"], "latin": e.get("latin"), "kind": e["kind"],
            "roles": e.get("roles", []), "country": e.get("country"), "part_of": e.get("part_of"),
            "mentions": [{"start": a, "end": b} for a, b in spans],
        })
    for e in entities:
        if e["part_of"] is not None and e["part_of"] not in ids:
            sys.exit(f"{ann['file']} entity {e['id']}: part_of {e['part_of']} is not an entity")
    events = []
    for n, v in enumerate(ann["events"], 1):
        what = f"{ann['file']} event {v.get('id')}"
        if v["kind"] not in EVENT_KINDS or v.get("status", "occurred") not in STATUSES:
            sys.exit(f"{what}: kind or status")
        parts = []
        for ent, role in v["participants"]:
            if ent not in ids or role not in ROLES:
                sys.exit(f"{what}: participant {ent} {role}")
            parts.append({"entity": ent, "role": role})
        if v.get("place") is not None and v["place"] not in ids:
            sys.exit(f"{what}: place {v['place']}")
        ev = []
        for q in v["evidence"]:
            spans = pick(text, q, what)
            if len(spans) != 1:
                sys.exit(f"{what}: evidence «{q}» occurs {len(spans)} times; add #k")
            ev.append(sentence_around(text, spans[0]))
        ev = [{"start": a, "end": b} for a, b in sorted({(s["start"], s["end"]) for s in ev})]
        w = v.get("when", {})
        events.append({
            "id": v["id"], "kind": v["kind"], "cameo": v.get("cameo"), "summary": v.get("summary", ""),
            "participants": parts, "place": v.get("place"),
            "when": {"date": w.get("date"), "precision": w.get("precision", "day" if w.get("date") else "unknown"),
                     "expression": w.get("expression"), "weekday": w.get("weekday"),
                     "relative_days": w.get("relative_days")},
            "order": n, "status": v.get("status", "occurred"), "topics": v.get("topics", []),
            "evidence": ev,
        })
    title = text.split("\n", 1)[0].strip()
    return {
        "format": "waqai/1",
        "article": {"title": "", "text": "", "language": "ar", "published": None,
                    "source": {"path": "dev/" + ann["file"], "url": None, "outlet": ann["file"].split("_", 1)[1][:-4]},
                    "text_sha256": hashlib.sha256(raw).hexdigest(), "title_chars": len(title)},
        "entities": entities, "events": events, "relations": [],
    }


def main():
    corpus = os.environ.get("WAQAI_CORPUS", os.path.join(HERE, "../../../shared/corpus"))
    files = []
    for arg in sys.argv[1:]:
        if os.path.isdir(arg):
            files += [os.path.join(arg, n) for n in sorted(os.listdir(arg)) if n.endswith(".ann.json")]
        else:
            files.append(arg)
    for path in files:
        ann = json.load(open(path, encoding="utf-8"))
        gold = build(ann, corpus)
        out = os.path.join(HERE, ann["file"][:2] + ".gold.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{out}: {len(gold['entities'])} entities, {len(gold['events'])} events")


if __name__ == "__main__":
    main()
