#!/usr/bin/env python3
"""Regenerates assets/cldr-ar.json from the Unicode CLDR JSON packages (npm registry):

    npm pack cldr-localenames-full cldr-dates-full cldr-cal-islamic-full
    for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
    python3 make_cldr_ar.py /path/to/unpacked > cldr-ar.json

Takes, for every Arabic locale: month names (all regional forms), weekday names, Hijri month
names, country names by ISO code, and exemplar city names by time zone."""
import glob, json, os, sys

root = sys.argv[1]
def pkg(name):
    return glob.glob(os.path.join(root, name + "-*", "package", "main"))[0]
dates, names, islamic = pkg("cldr-dates-full"), pkg("cldr-localenames-full"), pkg("cldr-cal-islamic-full")
locales = sorted(l for l in os.listdir(dates) if l == "ar" or l.startswith("ar-"))
months = [[] for _ in range(12)]
for loc in locales:
    g = json.load(open(os.path.join(dates, loc, "ca-gregorian.json")))["main"][loc]["dates"]["calendars"]["gregorian"]
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for k, v in g["months"][ctx][width].items():
                if v not in months[int(k) - 1] and not v.isdigit():
                    months[int(k) - 1].append(v)
g = json.load(open(os.path.join(dates, "ar", "ca-gregorian.json")))["main"]["ar"]["dates"]["calendars"]["gregorian"]
order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
weekdays = [g["days"]["format"]["wide"][d] for d in order]
h = json.load(open(os.path.join(islamic, "ar", "ca-islamic.json")))["main"]["ar"]["dates"]["calendars"]["islamic"]
hijri = [h["months"]["format"]["wide"][str(i)] for i in range(1, 13)]
t = json.load(open(os.path.join(names, "ar", "territories.json")))["main"]["ar"]["localeDisplayNames"]["territories"]
countries = {k: v for k, v in sorted(t.items()) if len(k) == 2 and k.isalpha() and "-alt-" not in k}
z = json.load(open(os.path.join(dates, "ar", "timeZoneNames.json")))["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
cities = {}
def walk(node, path):
    for k, v in node.items():
        if isinstance(v, dict) and "exemplarCity" in v:
            cities["/".join(path + [k])] = v["exemplarCity"]
        elif isinstance(v, dict):
            walk(v, path + [k])
walk(z, [])
json.dump({"source": "Unicode CLDR 48.2 (cldr-*-full JSON packages)", "months": months,
           "weekdays": weekdays, "hijri_months": hijri, "countries": countries,
           "cities": dict(sorted(cities.items()))}, sys.stdout, ensure_ascii=False, indent=1)
print()
