#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes N deterministic news articles for the end-to-end benchmark (benchmarks/run.sh).

    benchmarks/make_corpus.py N OUTDIR [--corpora DIR] [--seed S]

Each article is a Markdown file with Steppe's front matter (title, date YYYY-MM-DD, source,
lang) and a body, at OUTDIR/NNN/NNNNNN.LANG.md (1,000 files a folder). The mix is about 65%
English, 25% Russian and 10% Kazakh, mean size about 2.5 KB, dates 2010-01-01..2025-12-31, and
about 2% of the articles name seed entities (tests/data/name-variants.tsv) in varied spellings.

Text comes from the real news in ../shared/corpora (BBC and Reuters-21578 for English, NEREL and
factRuEval for Russian, KazNERD sentences for Kazakh) when that folder exists, else from the
bundled sample corpus/, so the benchmark also runs on a fresh clone. The shared corpora are
research-use data: they are read here at benchmark time and never copied into the repository.

Why Python and not C++: the sources are gzip'd CSV and JSON Lines, which the standard library
reads directly; in C++ that would need zlib, a CSV reader and a JSON parser for a tool that runs
once per benchmark and is not measured. Python's standard library only, no pip packages.

Same N, same seed, same inputs => the same bytes: the inputs are sorted by id, all randomness
comes from the integer SplitMix64 generator below (not `random`, whose algorithms may change
between Python versions), and no floating point is used. The summary line ends with a SHA-256
over all files in order, to check that.
"""

import argparse
import csv
import datetime
import gzip
import hashlib
import json
import os
import re
import shutil
import sys

MASK = (1 << 64) - 1
MARKER = ".steppe-bench-corpus"  # marks OUTDIR as ours, so a rerun may delete it
LANG_MIX = (("en", 65), ("ru", 25), ("kk", 10))  # percent
ENTITY_PER_MILLE = 20  # articles naming seed entities
FIRST_DAY = datetime.date(2010, 1, 1).toordinal()
LAST_DAY = datetime.date(2025, 12, 31).toordinal()


class Rng:
    """SplitMix64: small, fast, and the same on every platform and Python version."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def choice(self, items):
        return items[self.below(len(items))]

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


class Doc:
    """A source document: a one-line title and a list of one-line paragraphs."""

    def __init__(self, title, paragraphs, source):
        self.title = one_line(title)[:200]
        self.paragraphs = [one_line(p) for p in paragraphs if one_line(p)]
        self.source = source


def one_line(text):
    return " ".join((text or "").split())


def first_sentence(text, limit=100):
    """A title for a document that has none: its first sentence, cut at a word if long."""
    text = one_line(text)
    m = re.match(r"(.+?[.!?…])(\s|$)", text)
    s = m.group(1) if m else text
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0] + "…"
    return s.rstrip(".")


def paragraphs_blank_lines(text):
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


# ---- the real corpora, one reader per source; each returns Docs sorted by id ----------------


def read_bbc(root):
    path = os.path.join(root, "bbc", "bbc-text.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["id"])
    return [Doc(r["title"], paragraphs_blank_lines(r["text"]), "BBC News") for r in rows]


def read_reuters(root):
    path = os.path.join(root, "reuters21578", "reuters21578.jsonl.gz")
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = sorted((json.loads(line) for line in f), key=lambda r: r["id"])
    for r in rows:
        if r["text_type"] != "NORM" or not r["title"]:
            continue
        text = re.sub(r"\s*Reuter\s*$", "", r["text"], flags=re.IGNORECASE)
        paras = re.split(r"\n {3,}", text)  # wire copy: a new paragraph is indented
        doc = Doc(r["title"].title(), paras, "Reuters")
        if sum(len(p) for p in doc.paragraphs) >= 400:  # not a one-line brief
            docs.append(doc)
    return docs


def read_ru_jsonl(root, name, source):
    path = os.path.join(root, "ru-news", name)
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = sorted((json.loads(line) for line in f), key=lambda r: r["id"])
    for r in rows:
        text = r["text"]
        if r["title"] and text.startswith(r["title"]):  # NEREL: the text repeats the title
            text = text[len(r["title"]):]
        paras = paragraphs_blank_lines(text)
        title = r["title"] or first_sentence(text)
        if paras:
            docs.append(Doc(title, paras, source))
    return docs


def read_kaznerd(root, rng):
    """KazNERD has sentences, not articles: shuffled, then 16 to a document, 4 to a paragraph."""
    path = os.path.join(root, "kaznerd", "sentences.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        sentences = [s.strip() for s in f.read().splitlines() if s.strip()]
    rng.shuffle(sentences)  # the file is ordered by entity class
    docs = []
    for i in range(0, len(sentences) - 15, 16):
        group = sentences[i:i + 16]
        paras = [" ".join(group[j:j + 4]) for j in range(1, 16, 4)]
        docs.append(Doc(first_sentence(group[0], 120), paras, "Kazakh TV news (KazNERD)"))
    return docs


def read_shared(root, rng):
    """Pools per language; each pool is a list of groups (one per source) of Docs."""
    return {
        "en": [read_bbc(root), read_reuters(root)],
        "ru": [read_ru_jsonl(root, "nerel.jsonl.gz", "Russian Wikinews"),
               read_ru_jsonl(root, "factrueval2016.jsonl.gz", "OpenCorpora")],
        "kk": [read_kaznerd(root, rng)],
    }


# ---- the bundled sample, for a fresh clone without ../shared -------------------------------


def read_bundled(corpus_dir):
    pools = {"en": [[]], "ru": [[]], "kk": [[]]}
    for name in sorted(os.listdir(corpus_dir)):
        if name.startswith(".") or name.startswith("README") or not name.endswith((".md", ".txt")):
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            text = f.read()
        fields, body = {}, text
        m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
        if m:
            for line in m.group(1).splitlines():
                key, _, value = line.partition(":")
                fields[key.strip().lower()] = value.strip()
            body = m.group(2)
        paras = paragraphs_blank_lines(body)
        if not m:  # no front matter: the first line is the title
            paras = paras[1:]
            fields["title"] = one_line(body.strip().splitlines()[0])
        lang = fields.get("lang") or (name.split(".")[-2] if name.count(".") >= 2 else "en")
        if lang in pools and paras:
            pools[lang][0].append(Doc(fields.get("title", name), paras,
                                      fields.get("source", "Steppe sample")))
    return pools


# ---- seed entities in varied spellings ------------------------------------------------------

TEMPLATES = {
    ("en", "place"): ["Officials in {} said the situation there remained calm.",
                      "Residents of {} reported long queues at petrol stations this week.",
                      "A government delegation travelled to {} on Tuesday."],
    ("en", "company"): ["{} said it would publish its quarterly results next month.",
                        "A spokesman for {} declined to comment on the report.",
                        "Shares in {} rose after the announcement."],
    ("en", "person"): ["{} said the government would consider the proposals.",
                       "In a statement, {} called for calm.",
                       "The remarks were made by {} at a briefing in the capital."],
    ("ru", "place"): ["{}: ситуация остаётся спокойной, сообщили местные власти.",
                      "Делегация правительства прибыла в {} во вторник.",
                      "Жители сообщают об очередях на заправках, пишут из {}."],
    ("ru", "company"): ["Компания {} опубликует квартальные результаты в следующем месяце.",
                        "Представитель компании {} отказался от комментариев.",
                        "Акции компании {} выросли после заявления."],
    ("ru", "person"): ["{} заявил, что правительство рассмотрит предложения.",
                       "С заявлением выступил {}.",
                       "Как сообщил {}, переговоры продолжатся."],
    ("kk", "place"): ["{} өңірінде жағдай тұрақты екені хабарланды.",
                      "Үкімет делегациясы сейсенбі күні {} өңіріне барды.",
                      "{} тұрғындары жанармай бекеттерінде кезек бар екенін айтты."],
    ("kk", "company"): ["{} компаниясы келесі айда тоқсандық қорытындыларын жариялайды.",
                        "{} компаниясының өкілі пікір білдіруден бас тартты.",
                        "{} компаниясының акциялары мәлімдемеден кейін қымбаттады."],
    ("kk", "person"): ["{} үкімет ұсыныстарды қарастыратынын айтты.",
                       "Брифингте {} сөз сөйледі.",
                       "{} келіссөздер жалғасатынын мәлімдеді."],
}


def read_clusters(path):
    clusters = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cid, kind, variants = line.rstrip("\n").split("\t")
            clusters.append((cid, kind, [v.strip() for v in variants.split("|")]))
    return sorted(clusters)


def is_cyrillic(word):
    return any("\u0400" <= c <= "\u04ff" for c in word)


def entity_paragraphs(lang, clusters, rng):
    """One or two sentences naming one seed entity, mostly in the article's script."""
    _, kind, variants = rng.choice(clusters)
    same_script = [v for v in variants if is_cyrillic(v) == (lang != "en")] or variants
    out = []
    for _ in range(1 + rng.below(2)):
        pool = variants if rng.below(5) == 0 else same_script  # 1 in 5: any script
        out.append(rng.choice(TEMPLATES[(lang, kind)]).format(rng.choice(pool)))
    return out


# ---- the articles ---------------------------------------------------------------------------


class Picker:
    """Walks one language's documents in a shuffled order, reshuffling after each pass."""

    def __init__(self, groups, rng):
        self.groups = [g for g in groups if g]
        self.order = [(gi, di) for gi, g in enumerate(self.groups) for di in range(len(g))]
        self.rng = rng
        self.pos = len(self.order)
        self.epoch = -1

    def next(self):
        if self.pos == len(self.order):
            self.rng.shuffle(self.order)
            self.pos, self.epoch = 0, self.epoch + 1
        gi, di = self.order[self.pos]
        self.pos += 1
        return self.groups[gi], self.groups[gi][di], self.epoch


def make_body(group, doc, epoch, rng):
    """About 2.3 KB of paragraphs: the document's own (rotated on reuse, so repeats differ),
    then consecutive paragraphs of other documents of the same source until long enough."""
    target = 250 + rng.below(1300) + rng.below(1300) + rng.below(1300)  # bytes, mean ~2200
    paras = doc.paragraphs[epoch % len(doc.paragraphs):] + doc.paragraphs[:epoch % len(doc.paragraphs)]
    body, size = [], 0
    while size < target:
        if not paras:
            other = rng.choice(group)
            start = rng.below(len(other.paragraphs))
            paras = other.paragraphs[start:]
        p = paras.pop(0)
        body.append(p)
        size += len(p.encode()) + 2
    return body


def generate(n, pools, clusters, rng, outdir):
    pickers = {lang: Picker(pools[lang], rng) for lang, _ in LANG_MIX}
    counts = {lang: 0 for lang, _ in LANG_MIX}
    digest = hashlib.sha256()
    total_bytes = with_entities = 0
    for i in range(n):
        roll, lang = rng.below(100), None
        for lang, share in LANG_MIX:
            if roll < share:
                break
            roll -= share
        group, doc, epoch = pickers[lang].next()
        body = make_body(group, doc, epoch, rng)
        if rng.below(1000) < ENTITY_PER_MILLE:
            with_entities += 1
            for sentence in entity_paragraphs(lang, clusters, rng):
                body.insert(rng.below(len(body) + 1), sentence)
        date = datetime.date.fromordinal(FIRST_DAY + rng.below(LAST_DAY - FIRST_DAY + 1))
        text = (f"---\ntitle: {doc.title}\ndate: {date.isoformat()}\nsource: {doc.source}\n"
                f"lang: {lang}\n---\n\n" + "\n\n".join(body) + "\n")
        data = text.encode("utf-8")
        folder = os.path.join(outdir, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(folder)
        with open(os.path.join(folder, f"{i:06d}.{lang}.md"), "wb") as f:
            f.write(data)
        digest.update(data)
        counts[lang] += 1
        total_bytes += len(data)
    return counts, total_bytes, with_entities, digest.hexdigest()


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("outdir", help="folder to write (replaced if made by an earlier run)")
    ap.add_argument("--corpora", default=os.path.join(repo, "..", "shared", "corpora"),
                    help="the shared news corpora (default: ../shared/corpora); "
                         "when missing, the bundled corpus/ is used")
    ap.add_argument("--seed", type=int, default=20240228)
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")

    if os.path.exists(args.outdir):
        if os.listdir(args.outdir) and not os.path.exists(os.path.join(args.outdir, MARKER)):
            sys.exit(f"make_corpus: {args.outdir} is not empty and was not made by make_corpus; "
                     "give an empty or new folder")
        shutil.rmtree(args.outdir)
    os.makedirs(args.outdir)

    rng = Rng(args.seed)
    if os.path.isdir(args.corpora):
        pools, origin = read_shared(args.corpora, rng), os.path.normpath(args.corpora)
    else:
        pools, origin = read_bundled(os.path.join(repo, "corpus")), "the bundled corpus/"
        print(f"make_corpus: {args.corpora} not found; using the bundled sample corpus/",
              file=sys.stderr)
    clusters = read_clusters(os.path.join(repo, "tests", "data", "name-variants.tsv"))
    counts, total, entities, sha = generate(args.n, pools, clusters, rng, args.outdir)
    summary = (f"{args.n} articles (en {counts['en']}, ru {counts['ru']}, kk {counts['kk']}), "
               f"{total} bytes, mean {total // args.n} bytes, {entities} naming seed entities, "
               f"from {origin}, seed {args.seed}, sha256 {sha}")
    with open(os.path.join(args.outdir, MARKER), "w", encoding="utf-8") as f:
        f.write(summary + "\n")
    print("make_corpus: " + summary)


if __name__ == "__main__":
    main()
