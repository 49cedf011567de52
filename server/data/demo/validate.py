#!/usr/bin/env python3
"""Validates the Guild demo data in this folder (standard library only).

Checks freelancers.json, clients.json, gigs.json and reviews.json against the
shapes described for the demo seed, the role taxonomy in
app/data/roles/roles.csv, and cross-file references. Prints counts and exits
with status 1 if anything is wrong.

Usage: python3 server/data/demo/validate.py [path/to/roles.csv]
"""

import collections
import csv
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROLES_CSV = HERE.parents[2] / "app" / "data" / "roles" / "roles.csv"

USERNAME_RE = re.compile(r"^[a-z][a-z0-9_-]{2,29}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
KINDS = {"freelance", "coaching", "both"}
FREELANCER_CURRENCIES = {"USD", "EUR", "GBP", "CAD", "AUD", "INR"}
GIG_CURRENCIES = {"USD", "EUR", "GBP"}
PROFICIENCIES = {"native", "fluent", "conversational", "basic"}
AVAILABILITY = {"full_time", "part_time", "evenings", "weekends"}
EDUCATION_KINDS = {"education", "certificate"}
LEVELS = {"beginner", "intermediate", "advanced"}
PLACEHOLDER_RE = re.compile(r"lorem|ipsum|placeholder|todo|tbd|example\.(com|org)|xxx", re.I)

EXPECTED = {"freelancers": 160, "clients": 40, "gigs": 92, "reviews": 80}

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def load(name):
    path = HERE / f"{name}.json"
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        err(path.name, f"cannot parse: {e}")
        return []
    if not isinstance(data, list):
        err(path.name, "top level must be a JSON array")
        return []
    if len(data) != EXPECTED[name]:
        err(path.name, f"expected {EXPECTED[name]} entries, found {len(data)}")
    return data


def sentences(text):
    """Rough sentence count: split after . ! ? followed by a space and a capital/quote/digit."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9'\"¿¡])", text.strip())
    return len([p for p in parts if p])


def is_str(v, min_len=1, max_len=None):
    return isinstance(v, str) and len(v.strip()) >= min_len and (max_len is None or len(v) <= max_len)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_keys(where, obj, required, optional=()):
    if not isinstance(obj, dict):
        err(where, "must be an object")
        return False
    missing = [k for k in required if k not in obj]
    extra = [k for k in obj if k not in required and k not in optional]
    if missing:
        err(where, f"missing keys {missing}")
    if extra:
        err(where, f"unexpected keys {extra}")
    return not missing


def check_text_fields(where, obj):
    for k, v in obj.items():
        if isinstance(v, str) and PLACEHOLDER_RE.search(v):
            err(where, f"placeholder-like text in {k!r}: {v[:60]!r}")


def check_languages(where, langs):
    if not isinstance(langs, list) or not 1 <= len(langs) <= 3:
        err(where, "languages must be a list of 1 to 3 entries")
        return
    seen = set()
    for i, lang in enumerate(langs):
        w = f"{where}.languages[{i}]"
        if not check_keys(w, lang, ["language", "proficiency"]):
            continue
        if not is_str(lang["language"]) or not lang["language"][0].isupper():
            err(w, f"bad language name {lang['language']!r}")
        if lang["proficiency"] not in PROFICIENCIES:
            err(w, f"bad proficiency {lang['proficiency']!r}")
        if lang["language"] in seen:
            err(w, f"duplicate language {lang['language']!r}")
        seen.add(lang["language"])


def load_roles(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["id"]: r for r in rows}


def skill_key(s):
    # Normalise case, spaces, dots and hyphens, but keep + and # (C++ vs C#).
    return re.sub(r"[\s.\-_/]", "", s.lower())


def main():
    roles_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROLES_CSV
    roles = load_roles(roles_path)
    teaching = {rid for rid, r in roles.items() if r["category"] == "teaching"}

    freelancers = load("freelancers")
    clients = load("clients")
    gigs = load("gigs")
    reviews = load("reviews")

    skill_spellings = collections.defaultdict(set)
    primary = collections.Counter()
    usernames = collections.Counter()

    # ---------------- freelancers ----------------
    for i, p in enumerate(freelancers):
        where = f"freelancers[{i}]"
        req = ["username", "display_name", "kind", "tagline", "bio", "city", "country",
               "hourly_rate", "currency", "roles", "skills", "languages", "availability",
               "years_experience", "experience", "education", "portfolio"]
        if not check_keys(where, p, req):
            continue
        where = f"freelancers[{i}] ({p['username']})"
        check_text_fields(where, p)
        usernames[p["username"]] += 1
        if not isinstance(p["username"], str) or not USERNAME_RE.match(p["username"]):
            err(where, "username must be 3-30 chars of a-z 0-9 _ - starting with a letter")
        if not is_str(p["display_name"]):
            err(where, "display_name required")
        if p["kind"] not in KINDS:
            err(where, f"bad kind {p['kind']!r}")
        if not is_str(p["tagline"], 10, 100):
            err(where, f"tagline must be 10-100 chars (is {len(p['tagline'])})")
        if not is_str(p["bio"], 40) or not 2 <= sentences(p["bio"]) <= 4:
            err(where, f"bio must be 2-4 sentences (found {sentences(p['bio'])})")
        if not is_str(p["city"]) or not COUNTRY_RE.match(str(p["country"])):
            err(where, "city and 2-letter uppercase country required")
        if not is_int(p["hourly_rate"]) or not 8 <= p["hourly_rate"] <= 180:
            err(where, f"hourly_rate must be an integer 8..180 (is {p['hourly_rate']!r})")
        if p["currency"] not in FREELANCER_CURRENCIES:
            err(where, f"bad currency {p['currency']!r}")
        r = p["roles"]
        if not isinstance(r, list) or not 1 <= len(r) <= 3 or len(set(r)) != len(r):
            err(where, "roles must be 1-3 distinct role ids")
        else:
            for rid in r:
                if rid not in roles:
                    err(where, f"unknown role {rid!r}")
            primary[r[0]] += 1
            if set(r) & teaching and p["kind"] == "freelance":
                err(where, "has a teaching role, so kind must be coaching or both")
            if p["kind"] in ("coaching", "both") and not set(r) & teaching:
                err(where, f"kind {p['kind']!r} but no teaching role")
            if p["kind"] == "coaching" and not set(r) <= teaching:
                warn(where, "kind 'coaching' with a non-teaching role; consider 'both'")
        s = p["skills"]
        if not isinstance(s, list) or not 4 <= len(s) <= 8 or len(set(s)) != len(s):
            err(where, "skills must be 4-8 distinct strings")
        else:
            for sk in s:
                if not is_str(sk):
                    err(where, f"bad skill {sk!r}")
                else:
                    skill_spellings[skill_key(sk)].add(sk)
        check_languages(where, p["languages"])
        if p["availability"] not in AVAILABILITY:
            err(where, f"bad availability {p['availability']!r}")
        if not is_int(p["years_experience"]) or not 1 <= p["years_experience"] <= 25:
            err(where, "years_experience must be an integer 1..25")
        if not is_str(p["experience"], 20) or not 1 <= sentences(p["experience"]) <= 2:
            err(where, f"experience must be 1-2 sentences (found {sentences(p['experience'])})")
        edu = p["education"]
        if not isinstance(edu, list) or len(edu) > 3:
            err(where, "education must be a list of 0-3 entries")
        else:
            for j, e in enumerate(edu):
                w = f"{where}.education[{j}]"
                if not check_keys(w, e, ["kind", "title", "institution", "year"]):
                    continue
                if e["kind"] not in EDUCATION_KINDS:
                    err(w, f"bad kind {e['kind']!r}")
                if not is_str(e["title"]) or not is_str(e["institution"]):
                    err(w, "title and institution required")
                if not is_int(e["year"]) or not 1975 <= e["year"] <= 2025:
                    err(w, f"implausible year {e['year']!r}")
        pf = p["portfolio"]
        if not isinstance(pf, list) or not 1 <= len(pf) <= 4:
            err(where, "portfolio must be a list of 1-4 entries")
        else:
            for j, item in enumerate(pf):
                w = f"{where}.portfolio[{j}]"
                if not check_keys(w, item, ["title", "url", "description"]):
                    continue
                u = urlparse(item["url"])
                if u.scheme != "https" or "." not in u.netloc or " " in item["url"]:
                    err(w, f"url must be an https URL: {item['url']!r}")
                if "youtube.com" in u.netloc and u.path == "/watch" and not re.match(r"^v=[A-Za-z0-9_-]{11}$", u.query):
                    err(w, f"youtube watch URL needs an 11-char v= id: {item['url']!r}")
                if not is_str(item["title"]) or not is_str(item["description"]):
                    err(w, "title and description required")
                if sentences(item["description"]) != 1:
                    warn(w, "description should be one sentence")

    for sk_key, spellings in skill_spellings.items():
        if len(spellings) > 1:
            err("skills", f"inconsistent spellings of one skill: {sorted(spellings)}")

    for rid in roles:
        if primary[rid] < 3:
            err("coverage", f"role {rid!r} is primary for only {primary[rid]} freelancers (need >= 3)")

    # ---------------- clients ----------------
    client_by_name = {}
    for i, c in enumerate(clients):
        where = f"clients[{i}]"
        req = ["username", "display_name", "city", "country", "about", "learning_goals", "languages", "is_student"]
        if not check_keys(where, c, req):
            continue
        where = f"clients[{i}] ({c['username']})"
        check_text_fields(where, c)
        usernames[c["username"]] += 1
        client_by_name[c["username"]] = c
        if not isinstance(c["username"], str) or not USERNAME_RE.match(c["username"]):
            err(where, "bad username")
        if not is_str(c["display_name"]) or not is_str(c["city"]) or not COUNTRY_RE.match(str(c["country"])):
            err(where, "display_name, city and 2-letter country required")
        if not is_str(c["about"], 20) or not 1 <= sentences(c["about"]) <= 2:
            err(where, f"about must be 1-2 sentences (found {sentences(c['about'])})")
        if not isinstance(c["is_student"], bool):
            err(where, "is_student must be a boolean")
        elif c["is_student"] and not is_str(c["learning_goals"], 10):
            err(where, "students need learning_goals")
        elif not c["is_student"] and c["learning_goals"] != "":
            err(where, "non-students must have an empty learning_goals")
        check_languages(where, c["languages"])

    for name, n in usernames.items():
        if n > 1:
            err("usernames", f"{name!r} used {n} times across freelancers.json and clients.json")

    # ---------------- gigs ----------------
    gig_roles = collections.Counter()
    for i, g in enumerate(gigs):
        where = f"gigs[{i}]"
        req = ["owner", "kind", "title", "description", "roles", "skills", "budget", "currency",
               "deadline_days", "remote", "city", "country"]
        lesson_keys = ["subject", "level", "goals", "sessions_wanted"]
        kind = g.get("kind") if isinstance(g, dict) else None
        if not check_keys(where, g, req + (lesson_keys if kind == "lesson" else [])):
            continue
        where = f"gigs[{i}] ({g['title'][:40]!r})"
        check_text_fields(where, g)
        owner = client_by_name.get(g["owner"])
        if owner is None:
            err(where, f"owner {g['owner']!r} not in clients.json")
        if kind not in ("project", "lesson"):
            err(where, f"bad kind {kind!r}")
        if not is_str(g["title"], 10, 90):
            err(where, f"title must be 10-90 chars (is {len(g['title'])})")
        if not 3 <= sentences(g["description"]) <= 6:
            err(where, f"description must be 3-6 sentences (found {sentences(g['description'])})")
        r = g["roles"]
        if not isinstance(r, list) or not 1 <= len(r) <= 2 or len(set(r)) != len(r):
            err(where, "roles must be 1-2 distinct role ids")
        else:
            for rid in r:
                if rid not in roles:
                    err(where, f"unknown role {rid!r}")
                gig_roles[rid] += 1
        s = g["skills"]
        if not isinstance(s, list) or not 2 <= len(s) <= 5 or len(set(s)) != len(s):
            err(where, "skills must be 2-5 distinct strings")
        else:
            for sk in s:
                skill_spellings[skill_key(sk)].add(sk)
        b = g["budget"]
        bt = b.get("type") if isinstance(b, dict) else None
        if bt == "fixed":
            if set(b) != {"type", "amount"} or not is_int(b["amount"]) or b["amount"] <= 0:
                err(where, f"bad fixed budget {b}")
        elif bt == "hourly":
            if set(b) != {"type", "min", "max"} or not (is_int(b["min"]) and is_int(b["max"]) and 0 < b["min"] <= b["max"]):
                err(where, f"bad hourly budget {b}")
        elif bt == "per_session":
            if set(b) != {"type", "amount"} or not is_int(b["amount"]) or b["amount"] <= 0:
                err(where, f"bad per_session budget {b}")
        else:
            err(where, f"bad budget {b}")
        if g["currency"] not in GIG_CURRENCIES:
            err(where, f"bad currency {g['currency']!r}")
        if not is_int(g["deadline_days"]) or not 7 <= g["deadline_days"] <= 90:
            err(where, "deadline_days must be an integer 7..90")
        if not isinstance(g["remote"], bool):
            err(where, "remote must be a boolean")
        if owner is not None and (g["city"], g["country"]) != (owner["city"], owner["country"]):
            err(where, f"city/country {g['city']}, {g['country']} differ from owner's {owner['city']}, {owner['country']}")
        if kind == "lesson":
            if owner is not None and not owner["is_student"]:
                err(where, f"lesson owned by non-student {g['owner']!r}")
            if bt != "per_session":
                err(where, "lessons must use a per_session budget")
            if not is_str(g["subject"]) or g["level"] not in LEVELS or not is_str(g["goals"], 10):
                err(where, "lesson needs subject, level and goals")
            elif not 1 <= sentences(g["goals"]) <= 2:
                err(where, "goals must be 1-2 sentences")
            if not is_int(g["sessions_wanted"]) or not 1 <= g["sessions_wanted"] <= 20:
                err(where, "sessions_wanted must be an integer 1..20")
            if isinstance(r, list) and not set(r) & teaching:
                err(where, "lesson gigs need a teaching role")
        elif kind == "project":
            if bt == "per_session":
                err(where, "projects should not use per_session budgets")
            if any(k in g for k in lesson_keys):
                err(where, "project has lesson-only fields")

    for sk_key, spellings in skill_spellings.items():
        if len(spellings) > 1 and not any("inconsistent" in e and sorted(spellings)[0] in e for e in errors):
            err("skills", f"inconsistent spellings across freelancers and gigs: {sorted(spellings)}")

    # ---------------- reviews ----------------
    for i, rv in enumerate(reviews):
        where = f"reviews[{i}]"
        if not check_keys(where, rv, ["rating", "from", "text"]):
            continue
        check_text_fields(where, rv)
        if not is_int(rv["rating"]) or not 1 <= rv["rating"] <= 5:
            err(where, "rating must be an integer 1..5")
        if rv["from"] not in ("client", "freelancer"):
            err(where, f"bad from {rv['from']!r}")
        if not is_str(rv["text"], 20) or not 1 <= sentences(rv["text"]) <= 3:
            err(where, f"text must be 1-3 sentences (found {sentences(rv['text'])})")
    texts = collections.Counter(rv.get("text") for rv in reviews if isinstance(rv, dict))
    for t, n in texts.items():
        if n > 1:
            err("reviews", f"duplicate review text: {t[:60]!r}")

    # ---------------- report ----------------
    print("Guild demo data")
    print(f"  freelancers: {len(freelancers)}  "
          f"by kind {dict(collections.Counter(p.get('kind') for p in freelancers))}")
    print(f"    currencies: {dict(collections.Counter(p.get('currency') for p in freelancers))}")
    print(f"    countries: {len({p.get('country') for p in freelancers})}, "
          f"cities: {len({(p.get('city'), p.get('country')) for p in freelancers})}")
    print(f"    with 2+ roles: {sum(1 for p in freelancers if len(p.get('roles', [])) > 1)}, "
          f"distinct skills: {len({s for p in freelancers for s in p.get('skills', [])})}")
    print(f"    primary roles covered: {sum(1 for rid in roles if primary[rid] > 0)}/{len(roles)} "
          f"(min {min(primary[rid] for rid in roles)}, max {max(primary.values()) if primary else 0})")
    for rid in roles:
        print(f"      {rid:30s} {primary[rid]}")
    students = sum(1 for c in clients if c.get("is_student") is True)
    print(f"  clients: {len(clients)}  (students {students}, non-students {len(clients) - students})")
    print(f"  gigs: {len(gigs)}  by kind {dict(collections.Counter(g.get('kind') for g in gigs))}")
    print(f"    distinct roles in gigs: {len(gig_roles)}/{len(roles)}, "
          f"owners: {len({g.get('owner') for g in gigs})}, "
          f"remote: {sum(1 for g in gigs if g.get('remote') is True)}, "
          f"on-site: {sum(1 for g in gigs if g.get('remote') is False)}")
    print(f"    budgets: {dict(collections.Counter(g.get('budget', {}).get('type') for g in gigs))}, "
          f"currencies: {dict(collections.Counter(g.get('currency') for g in gigs))}")
    print(f"  reviews: {len(reviews)}  by from {dict(collections.Counter(r.get('from') for r in reviews))}")
    print(f"    by rating {dict(sorted(collections.Counter(r.get('rating') for r in reviews).items()))}")
    print(f"  usernames (freelancers + clients): {len(usernames)} unique")

    for w in warnings:
        print(f"WARNING {w}")
    if errors:
        for e in errors:
            print(f"ERROR {e}")
        print(f"FAILED with {len(errors)} error(s)")
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
