#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds tests/data/distractors.tsv: real Russian and Kazakh news that names no spelling cluster.

Only the openly licensed corpora are sampled:
  * factRuEval-2016 (MIT): Russian news articles, ids `factrueval-<docid>`;
  * KazNERD (CC BY 4.0): Kazakh TV-news sentences, grouped 4-8 consecutive sentences to a
    pseudo-article, ids `kaznerd-<n>` where n is the 0-based line of the first sentence in
    kaznerd/sentences.txt.gz.

Exclusion rule. Every spelling of every cluster in name-variants.tsv gives a stem: lower-cased,
less its last 2 characters if it is longer than 5, less its last 1 if it has 4-5, else whole.
Hyphenated spellings (Kassym-Jomart) also give a stem for each part. A few more roots are added
for safety (EXTRA_ROOTS). A text is excluded if its lower-cased form contains any stem as a
substring.

  * Russian: each document is split into sentences (paragraph breaks always end a sentence) and
    cut after the last sentence that ends within MAX_RU_CHARS (backing off past a heading or a
    line ending in `:`). The file list testset/list is skipped. If that text is excluded, the
    longest sentence prefix that is not excluded is used instead, provided it has at least
    MIN_RU_SENTENCES sentences and MIN_RU_CHARS characters; otherwise the document is dropped.
  * Kazakh: sentences are read from kaznerd/sentences.txt.gz, which joins the IOB2 tokens with
    spaces except before `. , » ) ? : ! % ;` and after `« (`. Two more spacing rules are
    applied: no space before a `%-...` token after a number, and `74, 9%` / `14, 6 миллиард`
    become `74,9%` / `14,6 миллиард`. Excluded sentences are dropped, and so is a sentence that
    repeats the one before it (KazNERD often has a sentence twice, numbers spelled out and then
    in digits: at least 70% of the digit-free words of the shorter one are shared; the later one
    is kept). The remaining sentences form runs of consecutive lines (never crossing the
    validation/test boundary); each run is chunked into groups whose sizes cycle through
    KK_GROUP_SIZES (a tail shorter than 4 is dropped). Groups containing a look-alike word
    (KK_LOOKALIKES) are taken first, up to KK_PER_LOOKALIKE each, spread evenly over the
    matching groups; the rest are spread evenly over all groups, until there are TARGET_TOTAL
    articles in all (and at least half as many Kazakh as Russian).

Texts are unmodified except for whitespace (runs become single spaces, and the Kazakh token
spacing above) and cutting Russian documents at a sentence end. The title is the first
sentence, cut at a word boundary to at most 80 characters. Output is deterministic: the same
inputs give the same bytes.

Usage (from the repository root):
  python3 tests/data/tools/make_distractors.py tests/data/name-variants.tsv \
      ../shared/corpora/ru-news/factrueval2016.jsonl.gz \
      ../shared/corpora/kaznerd/sentences.txt.gz -o tests/data/distractors.tsv
"""
import argparse
import collections
import gzip
import json
import re
import sys

MAX_RU_CHARS = 1500
MIN_RU_CHARS = 250
MIN_RU_SENTENCES = 2
KK_GROUP_SIZES = (6, 4, 7, 5, 8)
TARGET_TOTAL = 360           # Kazakh articles fill up to this, and are at least half the Russian
KK_SPLIT_START = 11167        # first line of the KazNERD test split in sentences.txt.gz
KK_PER_LOOKALIKE = 4
TITLE_CHARS = 80

# Roots dropped as well, whatever the clusters say: the brief's safety list, then other
# spellings of the same entities that the clusters do not list (Russian Chimkent, Aktyubinsk,
# Kazakh Zhetibai and Kazatomonerkasip, and so on).
EXTRA_ROOTS = (
    "казах", "қазақ", "kazakh", "qazaq", "алмат", "актау", "ақтау", "тенгиз", "теңіз",
    "чимкент", "джезказг", "кзыл-орд", "кзылорд", "мангышлак", "кустанай", "актюб", "узень",
    "жетіб", "казатом", "қазатом", "казмунай", "қазмұнай", "озенмунай", "өзенмұнай",
)

# Words that look like cluster names but are not (tenge vs Tengiz, Oral, Kazan vs Kazakh).
KK_LOOKALIKES = (
    ("теңге", re.compile(r"теңге")),
    ("Орал", re.compile(r"(?<!\w)Орал")),
    ("Қазан", re.compile(r"(?<!\w)[Ққ]азан(?![ш])")),
)
# Look-alikes counted in the output, for the report on stderr.
REPORT_LOOKALIKES = (
    ("теңге", r"теңге"), ("тенге", r"тенге"), ("Орал/орал (word start)", r"(?<!\w)[Оо]рал"),
    ("Қазан/қазан (word start)", r"(?<!\w)[Ққ]азан"), ("Казань/Казани", r"(?<!\w)Казан[ьи]"),
    ("казан inside a word (наказан, показан)", r"\wказан"),
    ("орал inside a word (морально, Моралес)", r"\wорал"), ("Алма", r"(?<!\w)[Аа]лма"),
    ("орала/орало/оралу (ru plough, kk return)", r"(?<!\w)орал[аоу]\b"),
)

ABBREVIATIONS = {
    "г", "гг", "т", "е", "д", "п", "с", "см", "им", "ул", "пл", "пр", "просп", "руб", "млн",
    "млрд", "трлн", "тыс", "долл", "коп", "др", "ст", "проф", "акад", "чел", "тел", "англ", "рус",
    "н", "э", "в", "вв", "р", "обл", "ок", "св", "кв", "км", "м", "ч", "мин", "стр", "рис",
    "зам", "ген", "гос", "мр", "mr", "dr", "inc", "corp", "co", "ltd", "jr", "st", "vs",
}
BOUNDARY = re.compile(r"[.!?…]+[»\"”)]*(?=\s)")
STARTS_SENTENCE = re.compile(r"\s+[«\"„(—–-]?\s*[A-ZА-ЯЁ0-9]")


def stems_of(variants_path):
    stems = set()
    with open(variants_path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            for variant in line.rstrip("\n").split("\t")[2].split(" | "):
                parts = [variant] + (variant.split("-") if "-" in variant else [])
                for part in parts:
                    part = part.strip().lower()
                    cut = 2 if len(part) > 5 else 1 if len(part) >= 4 else 0
                    if part:
                        stems.add(part[: len(part) - cut])
    return stems


def hits(text, roots):
    lower = text.lower()
    return sorted(root for root in roots if root in lower)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def sentences_of(paragraph):
    """Splits one paragraph at sentence ends, keeping initials and abbreviations together."""
    out, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        end = match.end()
        if not STARTS_SENTENCE.match(paragraph, end):
            continue
        token = re.search(r"(\w+)$", paragraph[start:match.start()])
        if match.group().startswith(".") and token:
            last = token.group(1)
            if last.lower() in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        out.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def title_of(sentence):
    sentence = squash(sentence)
    if len(sentence) <= TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_CHARS + 1)
    return sentence[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS].rstrip(" ,;:—–-")


def end_cleanly(sentences, n):
    """Backs a cut off from a heading or a line ending in `:` to a sentence that ends properly."""
    while 1 < n < len(sentences) and not re.search(r"[.!?…][»\"”)]*$", sentences[n - 1]):
        n -= 1
    return n


def russian(path, roots, report):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    out = []
    for doc in docs:
        doc_id = "factrueval-" + doc["id"].split("/")[-1]
        if not doc["id"].split("/")[-1].startswith("book_"):
            report["ru skipped, not an article: " + doc["id"]] += 1  # testset/list, a file list
            continue
        sentences = [squash(s) for p in doc["text"].split("\n") if p.strip()
                     for s in sentences_of(p.strip())]
        sentences = [s for s in sentences if s]
        n, length = 0, -1
        while n < len(sentences) and length + 1 + len(sentences[n]) <= MAX_RU_CHARS:
            length += 1 + len(sentences[n])
            n += 1
        n = max(n, 1)  # a first sentence longer than the limit is kept whole
        n = end_cleanly(sentences, n)
        text = " ".join(sentences[:n])
        found = hits(text, roots)
        if not found:
            report["ru kept " + ("whole" if n == len(sentences) else "cut at ~1500")] += 1
            out.append((doc_id, "ru", title_of(sentences[0]), text))
            continue
        for root in found:
            report["ru stem hit in first ~1500 chars: " + root] += 1
        while n > 0 and hits(" ".join(sentences[:n]), roots):
            n -= 1
        n = end_cleanly(sentences, n)
        text = " ".join(sentences[:n])
        if n >= MIN_RU_SENTENCES and len(text) >= MIN_RU_CHARS:
            report["ru kept, cut shorter before the first stem hit"] += 1
            out.append((doc_id, "ru", title_of(sentences[0]), text))
        else:
            report["ru dropped (stem too early)"] += 1
    return out


def spread(items, count):
    """count items spread evenly over items, in order; deterministic."""
    if count >= len(items):
        return list(items)
    return [items[(2 * i + 1) * len(items) // (2 * count)] for i in range(count)]


def kk_spacing(sentence):
    """Spacing the token join misses: `61 %-і` -> `61%-і`, `74, 9%` -> `74,9%`."""
    sentence = re.sub(r"(?<=\d) (?=%)", "", sentence)
    return re.sub(r"(?<=\d), (?=\d+(?:%| миллион| миллиард| триллион))", ",", sentence)


def near_duplicate(a, b):
    """KazNERD often gives a sentence twice, numbers spelled out and then in digits."""
    words = [{w.strip(".,;:!?«»()—–-") for w in s.lower().split()} for s in (a, b)]
    words = [{w for w in ws if w and not any(c.isdigit() for c in w)} for ws in words]
    small = min(len(words[0]), len(words[1]))
    return small >= 2 and len(words[0] & words[1]) >= 0.7 * small


def kazakh(path, roots, wanted, report):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        sentences = [kk_spacing(squash(line)) for line in lines]
    groups, run, sizes = [], [], 0

    def flush():
        nonlocal run, sizes
        at = 0
        while len(run) - at >= 4:
            size = min(KK_GROUP_SIZES[sizes % len(KK_GROUP_SIZES)], len(run) - at)
            sizes += 1
            groups.append(run[at:at + size])
            at += size
        run = []

    for i, sentence in enumerate(sentences):
        if i == KK_SPLIT_START:
            flush()
        found = hits(sentence, roots) if sentence else ["(empty)"]
        if found:
            report["kk sentences dropped"] += 1
            for root in found:
                report["kk sentence stem hit: " + root] += 1
            flush()
            continue
        if run and near_duplicate(sentences[run[-1]], sentence):
            report["kk near-duplicate sentences skipped"] += 1
            run[-1] = i  # keep the later one, which has the numbers in digits
            continue
        run.append(i)
    flush()
    report["kk candidate groups"] = len(groups)

    chosen = set()
    for _, pattern in KK_LOOKALIKES:
        matching = [g[0] for g in groups
                    if pattern.search(" ".join(sentences[i] for i in g)) and g[0] not in chosen]
        chosen.update(spread(matching, KK_PER_LOOKALIKE))
    rest = [g[0] for g in groups if g[0] not in chosen]
    chosen.update(spread(rest, wanted - len(chosen)))
    out = []
    for group in groups:
        if group[0] in chosen:
            text = " ".join(sentences[i] for i in group)
            out.append((f"kaznerd-{group[0]}", "kk", title_of(sentences[group[0]]), text))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", help="tests/data/name-variants.tsv")
    parser.add_argument("factrueval", help="ru-news/factrueval2016.jsonl.gz")
    parser.add_argument("kaznerd", help="kaznerd/sentences.txt.gz")
    parser.add_argument("-o", "--output", help="output file (default: stdout)")
    args = parser.parse_args()

    roots = stems_of(args.variants) | set(EXTRA_ROOTS)
    report = collections.Counter()
    ru = russian(args.factrueval, roots, report)
    kk = kazakh(args.kaznerd, roots, max((len(ru) + 1) // 2, TARGET_TOTAL - len(ru)), report)

    rows = ["# id\tlang\ttitle\ttext"]
    for row in ru + kk:
        assert not any("\t" in f or "\n" in f for f in row), row[0]
        assert not hits(row[3], roots), row[0]
        rows.append("\t".join(row))
    data = "\n".join(rows) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.write(data)
    else:
        sys.stdout.write(data)

    err = sys.stderr
    print(f"stems and roots: {len(roots)}", file=err)
    print(f"articles: ru {len(ru)}, kk {len(kk)}, total {len(ru) + len(kk)}; "
          f"{len(data.encode('utf-8'))} bytes", file=err)
    for key in sorted(report):
        print(f"  {key}: {report[key]}", file=err)
    print("look-alike words present (articles ru/kk):", file=err)
    for name, pattern in REPORT_LOOKALIKES:
        found = collections.Counter(lang for _, lang, _, text in ru + kk
                                    if re.search(pattern, text))
        print(f"  {name}: ru {found['ru']}, kk {found['kk']}", file=err)


if __name__ == "__main__":
    main()
