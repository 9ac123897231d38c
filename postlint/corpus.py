"""Build ``quotes_corpus/quotes.jsonl`` from the raw datasets.

Usage::

    python -m postlint.corpus build ../shared/quotes-raw [--out quotes_corpus]

Reads Quotable, DummyJSON, the attributed entries of fortune-mod and
Bartlett's Familiar Quotations (Project Gutenberg #16732), normalizes author
names, removes near-duplicates (preferring the curated file, then Quotable,
DummyJSON, Bartlett, fortune-mod) and writes one JSON record per line with the
source and licence of each record.  The output is deterministic.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from .quotes import QuoteIndex, QuoteRecord, read_corpus_file

SOURCES = {
    "quotable": ("quotable-io/data", "20037e8161167d25e971d2dcfe1ee0398eb8eb89", "MIT"),
    "dummyjson": ("Ovi/DummyJSON", "55ca918227aed430409a1ae46271448cb102d7f3", "MIT"),
    "fortune-mod": ("shlomif/fortune-mod", "559744333f3611ee96788f4b770fadb21a52ca9c",
                    "BSD-4-Clause (compilation)"),
    "bartlett": ("GITenberg/Familiar-Quotations_16732", "4193a36185dc6bc4be3c50016b9b669729744a7f",
                 "Public domain in the USA"),
}
FORTUNE_FILES = ("wisdom", "people", "literature", "humorists", "work", "education", "love", "art",
                 "politics", "science", "platitudes", "miscellaneous", "fortunes", "sports", "law",
                 "medicine", "food", "kids", "pets", "computers")
ALIASES = {
    "gandhi": "Mahatma Gandhi", "mohandas gandhi": "Mahatma Gandhi", "mohandas k. gandhi": "Mahatma Gandhi",
    "m. k. gandhi": "Mahatma Gandhi", "einstein": "Albert Einstein", "twain": "Mark Twain",
    "samuel clemens": "Mark Twain", "winston s. churchill": "Winston Churchill", "sir winston churchill": "Winston Churchill",
    "churchill": "Winston Churchill", "lao-tzu": "Lao Tzu", "laozi": "Lao Tzu", "lao tse": "Lao Tzu",
    "confucious": "Confucius", "mother theresa": "Mother Teresa", "martin luther king": "Martin Luther King Jr.",
    "martin luther king, jr.": "Martin Luther King Jr.", "dr. martin luther king jr.": "Martin Luther King Jr.",
    "abraham lincon": "Abraham Lincoln", "a. lincoln": "Abraham Lincoln", "steve jobs": "Steve Jobs",
    "apj abdul kalam": "A. P. J. Abdul Kalam", "abdul kalam": "A. P. J. Abdul Kalam",
    "a. p. j. abdul kalam": "A. P. J. Abdul Kalam", "rumi": "Rumi", "jalaluddin rumi": "Rumi",
    "william shakespeare": "William Shakespeare", "shakespeare": "William Shakespeare",
}
HONORIFICS = re.compile(r"\s*\((?:R\.?A\.?|A\.?S\.?|S\.?A\.?W\.?|PBUH|RA|AS)\)\s*", re.I)
_WS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _WS.sub(" ", text).strip()


def normalize_author(name: str) -> str:
    name = HONORIFICS.sub(" ", name or "")
    name = clean_text(name).strip(" ,.;:-–—")
    if not name:
        return ""
    return ALIASES.get(name.lower(), name)


def read_quotable(root: Path) -> list[QuoteRecord]:
    data = json.loads((root / "quotable" / "quotes.json").read_text("utf-8"))
    out = []
    for obj in data:
        tags = tuple(t.lower() for t in obj.get("tags", []) if t.lower() != "famous quotes")
        out.append(QuoteRecord(f"quotable:{obj['_id']}", clean_text(obj["content"]),
                               normalize_author(obj["author"]), "quotable", "MIT", tags))
    return out


def read_dummyjson(root: Path) -> list[QuoteRecord]:
    data = json.loads((root / "dummyjson" / "quotes.json").read_text("utf-8"))
    return [QuoteRecord(f"dummyjson:{o['id']}", clean_text(o["quote"]), normalize_author(o["author"]),
                        "dummyjson", "MIT") for o in data]


FORTUNE_ATTR = re.compile(r"^\s+--\s*(.+)$")
MISATTR = re.compile(r"misattributed to (.+)", re.I)


def read_fortune(root: Path) -> list[QuoteRecord]:
    out = []
    for name in FORTUNE_FILES:
        path = root / "fortune-mod" / name
        if not path.exists():
            continue
        entries = path.read_text("utf-8", errors="replace").split("\n%\n")
        for n, entry in enumerate(entries):
            lines = entry.strip("\n").split("\n")
            attr_idx = next((i for i, ln in enumerate(lines) if FORTUNE_ATTR.match(ln)), None)
            if attr_idx is None or attr_idx == 0:
                continue
            body = lines[:attr_idx]
            author = FORTUNE_ATTR.match(lines[attr_idx]).group(1)
            note_lines = " ".join(ln.strip() for ln in lines[attr_idx + 1:])
            # dialogue, verse with speaker labels, or long stories are not quotes
            if any(re.match(r"^\s*[A-Z][\w .]{0,20}:\s", ln) for ln in body) or len(body) > 8:
                continue
            text = clean_text(" ".join(ln.strip() for ln in body))
            if not 4 <= len(text.split()) <= 70:
                continue
            attribution = None
            m = MISATTR.search(author + " " + note_lines)
            if m:
                attribution = f"misattributed to {m.group(1).strip(' .]')} (fortune-mod note)"
            author = re.sub(r"\[.*?\]", "", author)
            author = re.split(r",\s*(?:\"|_|in |on |from |c\.|circa|\d)", author)[0]
            author = normalize_author(author)
            if not author or len(author) > 60:
                continue
            out.append(QuoteRecord(f"fortune:{name}:{n}", text, author, "fortune-mod",
                                   SOURCES["fortune-mod"][2], (name,), attribution))
    return out


LOCATOR = re.compile(r"(\b[ivxlcdm]+\.|\d|_|\bAct\b|\bSc\.|\bLine\b|\bBook\b|\bCanto\b|\bChap|\bPart\b|\bSt\.|\bl\.\s)", re.I)
HEADING = re.compile(r"^[A-Z][A-Z .,'&-]+\.$")


def read_bartlett(root: Path) -> list[QuoteRecord]:
    raw = (root / "bartlett-pg16732" / "16732.txt").read_text("utf-8", errors="replace").replace("\r\n", "\n")
    idx_start = raw.find("INDEX OF AUTHORS.")
    idx_end = raw.find("A COLLECTION OF FAMILIAR QUOTATIONS\n", idx_start)
    surnames: dict[str, str] = {}
    for ln in raw[idx_start:idx_end].splitlines()[1:]:
        ln = ln.strip()
        if "," in ln:
            last, first = [p.strip() for p in ln.split(",", 1)]
            surnames.setdefault(last.upper(), f"{first} {last}".replace("Mrs ", "").strip())
        elif ln:
            surnames.setdefault(ln.upper(), ln)
    body = raw[idx_end:]
    end = body.find("End of the Project Gutenberg")
    if end > 0:
        body = body[:end]
    paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    out = []
    author = ""
    work = None
    pending_locator = None
    for k, p in enumerate(paras):
        flat = " ".join(ln.strip() for ln in p.splitlines())
        lines = [ln.strip() for ln in p.splitlines()]
        if len(lines) == 2 and HEADING.match(lines[0]) and re.match(r"^[\d\-–? .circaBC]+\.?$", lines[1]):
            author, work = lines[0].rstrip(".").title(), None  # "ALEXANDER POPE." / "1688-1744."
            pending_locator = None
            continue
        if HEADING.match(flat) and len(flat) < 60:
            head = flat.rstrip(".").strip()
            key = head.split(",")[0].strip()
            if key in surnames:
                author, work = surnames[key], None
            elif not author or key in ("HOLY SCRIPTURES", "OLD TESTAMENT", "NEW TESTAMENT"):
                author, work = head.title(), None
            else:
                work = head.title()  # a work heading under the current author
            pending_locator = None
            continue
        if "*" in flat and not re.search(r"\w", flat):
            continue
        if pending_locator is None and len(flat) < 90 and LOCATOR.search(flat) and "\n" not in p:
            pending_locator = flat
            continue
        if pending_locator is not None:
            text = clean_text(flat.replace("_", ""))
            if 4 <= len(text.split()) <= 80 and author:
                out.append(QuoteRecord(f"bartlett:{len(out)}", text, author, "bartlett",
                                       SOURCES["bartlett"][2], (), None,
                                       ", ".join(x for x in (work, pending_locator.replace("_", "")) if x)))
            pending_locator = None
    return out


def dedupe(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """Drop exact and near-duplicate texts, keeping the first (highest-priority) record."""
    seen: set[str] = set()
    unique: list[QuoteRecord] = []
    for r in records:
        key = " ".join(w for w in re.findall(r"\w+", r.text.lower().replace("’", "'")))
        if key in seen or len(key.split()) < 3:
            continue
        seen.add(key)
        unique.append(r)
    idx = QuoteIndex.build(unique)
    drop: set[int] = set()
    for qi, r in enumerate(unique):
        if qi in drop:
            continue
        for m in idx.match(r.text, threshold=92.0):
            other = unique.index(m.record) if m.record is not r else qi
            if other != qi and other > qi and m.coverage > 0.9 and m.start == 0 and m.end >= len(r.text) - 3:
                drop.add(other)
    return [r for i, r in enumerate(unique) if i not in drop]


def build(raw_root: Path, out_dir: Path) -> dict[str, int]:
    curated_path = out_dir / "curated.jsonl"
    curated = read_corpus_file(curated_path) if curated_path.exists() else []
    curated_keys = {" ".join(re.findall(r"\w+", r.text.lower().replace("’", "'"))) for r in curated}
    raw = read_quotable(raw_root) + read_dummyjson(raw_root) + read_bartlett(raw_root) + read_fortune(raw_root)
    raw = [r for r in raw if " ".join(re.findall(r"\w+", r.text.lower().replace("’", "'"))) not in curated_keys]
    records = dedupe(curated + raw)
    records = [r for r in records if r.source != "curated"]
    with open(out_dir / "quotes.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False, sort_keys=False) + "\n")
    counts = Counter(r.source for r in records)
    counts["curated"] = len(curated)
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2 or argv[0] != "build":
        print("usage: python -m postlint.corpus build RAW_DIR [--out quotes_corpus]", file=sys.stderr)
        return 2
    out = Path("quotes_corpus")
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
    counts = build(Path(argv[1]), out)
    for k, v in sorted(counts.items()):
        print(f"{k}\t{v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
