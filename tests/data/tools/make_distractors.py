#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Selects the distractor articles of tests/data/distractors.tsv.

Real Russian and Kazakh news that names none of the spelling clusters, for the name-variant
quality test. Only openly licensed corpora are sampled: factRuEval-2016 (MIT) and KazNERD
(CC BY 4.0). Deterministic: the same inputs give the same bytes.

Usage: make_distractors.py SHARED_CORPORA_DIR NAME_VARIANTS_TSV > distractors.tsv
"""
import gzip
import json
import re
import sys

RU_ARTICLES = 255       # every factRuEval document that names no cluster
KK_ARTICLES = 200       # KazNERD sentences grouped six at a time
KK_GROUP = 6
MAX_CHARS = 1500


def exclusion_stems(variants_path):
    """Lower-cased stems of every spelling (and hyphenated part) in the clusters."""
    stems = set()
    for line in open(variants_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        for variant in line.rstrip("\n").split("\t")[2].split(" | "):
            for part in variant.lower().split("-"):
                cut = 2 if len(part) > 5 else 1 if len(part) >= 4 else 0
                stems.add(part[: len(part) - cut] if cut else part)
    # Look-alike roots the clusters cover anyway, for safety.
    stems.update(["казах", "қазақ", "kazakh", "qazaq", "алмат", "актау", "ақтау"])
    return stems


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def cut_at_sentence(text, limit):
    if len(text) <= limit:
        return text
    end = max(text.rfind(". ", 0, limit), text.rfind("! ", 0, limit), text.rfind("? ", 0, limit))
    return text[: end + 1] if end > limit // 3 else text[:limit]


def first_sentence(text):
    match = re.match(r"(.{10,80}?[.!?])(\s|$)", text)
    return match.group(1) if match else text[:80]


def mentions(text, stems):
    lower = text.lower()
    return any(stem in lower for stem in stems)


def russian(corpora, stems, dropped):
    path = f"{corpora}/ru-news/factrueval2016.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            text = cut_at_sentence(clean(doc["text"]), MAX_CHARS)
            if mentions(text, stems):
                dropped["ru"] += 1
                continue
            yield "factrueval-" + doc["id"].split("/")[-1], "ru", text


def kazakh(corpora, stems, dropped):
    path = f"{corpora}/kaznerd/sentences.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        group, n = [], 0
        for sentence in lines:
            sentence = clean(sentence)
            if not sentence:
                continue
            if mentions(sentence, stems):
                dropped["kk"] += 1
                continue
            group.append(sentence)
            if len(group) == KK_GROUP:
                n += 1
                yield f"kaznerd-{n}", "kk", " ".join(group)
                group = []


def main():
    corpora, variants = sys.argv[1], sys.argv[2]
    stems = exclusion_stems(variants)
    dropped = {"ru": 0, "kk": 0}
    print("# id\tlang\ttitle\ttext")
    for source, limit in ((russian, RU_ARTICLES), (kazakh, KK_ARTICLES)):
        for i, (doc_id, lang, text) in enumerate(source(corpora, stems, dropped)):
            if i == limit:
                break
            print(f"{doc_id}\t{lang}\t{first_sentence(text)}\t{text}")
    print(f"dropped for naming a cluster: {dropped}", file=sys.stderr)


if __name__ == "__main__":
    main()
