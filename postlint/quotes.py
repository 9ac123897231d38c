"""The famous-quote corpus, its candidate index, and the fuzzy matcher.

Retrieval never scans the corpus: word bigrams of the post look up the quotes
that share them (an inverted index), and only the best few candidates are
scored with rapidfuzz.  The index is derived data, cached in the user cache
directory keyed by a hash of the corpus, verified by checksum on load, and
written atomically; a bad cache is rebuilt.
"""
from __future__ import annotations

import gc
import hashlib
from array import array
import json
import marshal
import os
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from .textutil import tokenize

INDEX_FORMAT = 5
MIN_QUOTE_WORDS = 4
# Bigrams shared by more quotes than this are skipped at lookup time: a quote is
# found through its rarer bigrams, and the lookup cost per post stays bounded by
# (post bigrams x MAX_POSTINGS) however large the corpus grows.
MAX_POSTINGS = 20
POSTING_TYPE = "I"
POSTING_SIZE = array(POSTING_TYPE).itemsize
STOP = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been am it its this that "
    "these those i you he she we they me him her us them my your his our their not no so do does did "
    "have has had will would can could shall should may might must what which who whom there here than "
    "then when where why how all any each every some such only own same too very just also into out up".split()
)


@dataclass(frozen=True)
class QuoteRecord:
    id: str
    text: str
    author: str
    source: str
    license: str
    tags: tuple[str, ...] = ()
    attribution: str | None = None
    work: str | None = None

    @classmethod
    def from_json(cls, obj: dict, where: str) -> "QuoteRecord":
        try:
            return cls(
                id=str(obj["id"]), text=str(obj["text"]), author=str(obj.get("author") or ""),
                source=str(obj.get("source") or ""), license=str(obj.get("license") or ""),
                tags=tuple(obj.get("tags") or ()), attribution=obj.get("attribution") or None,
                work=obj.get("work") or None,
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{where}: bad quote record ({exc})") from None

    def to_json(self) -> dict:
        d = {"id": self.id, "text": self.text, "author": self.author, "source": self.source,
             "license": self.license}
        if self.tags:
            d["tags"] = list(self.tags)
        if self.attribution:
            d["attribution"] = self.attribution
        if self.work:
            d["work"] = self.work
        return d


def astuple_record(r: QuoteRecord) -> tuple:
    return (r.id, r.text, r.author, r.source, r.license, tuple(r.tags), r.attribution, r.work)


def builtin_corpus_files() -> list[Any]:
    root = resources.files("postlint.quotes_corpus")
    return sorted((p for p in root.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)


def read_corpus_file(path: Any, display: str | None = None) -> list[QuoteRecord]:
    display = display or str(path)
    out = []
    text = path.read_text(encoding="utf-8") if hasattr(path, "read_text") else Path(path).read_text("utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{display}:{n}: invalid JSON: {exc.msg}") from None
        if not isinstance(obj, dict) or not obj.get("text"):
            raise ValueError(f"{display}:{n}: a quote record needs a 'text'")
        obj.setdefault("id", f"{Path(display).stem}:{n}")
        out.append(QuoteRecord.from_json(obj, f"{display}:{n}"))
    return out


def read_user_quotes(path: str) -> list[QuoteRecord]:
    """User quote files: JSONL records, or plain text 'quote — author' per line."""
    p = Path(path)
    if p.suffix == ".jsonl":
        return read_corpus_file(p, path)
    out = []
    for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, _, author = line.partition(" — ")
        out.append(QuoteRecord(f"{p.stem}:{n}", text.strip(), author.strip(), f"user:{path}", "user"))
    return out


def load_records(extra: Iterable[str] = ()) -> list[QuoteRecord]:
    records: list[QuoteRecord] = []
    for f in builtin_corpus_files():
        records.extend(read_corpus_file(f, f"quotes_corpus/{f.name}"))
    for path in extra:
        records.extend(read_user_quotes(path))
    return records


def corpus_key(extra: Iterable[str] = ()) -> str:
    """A hash of the corpus files' bytes (built-in and user files) and the index format.

    Hashing bytes is cheap, so a warm start never parses the JSONL corpus at all."""
    h = hashlib.sha256(f"format{INDEX_FORMAT}".encode())
    for f in builtin_corpus_files():
        h.update(f.name.encode() + b"\x00" + f.read_bytes() + b"\x01")
    for path in extra:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"<unreadable>"  # reported when the records are read
        h.update(str(path).encode() + b"\x00" + data + b"\x01")
    return h.hexdigest()[:24]


def cache_dir() -> Path:
    env = os.environ.get("POSTLINT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("postlint"))


@dataclass
class QuoteMatch:
    start: int  # offsets into the post text
    end: int
    record: QuoteRecord
    similarity: float
    coverage: float  # share of the quote that the post contains


@dataclass
class QuoteIndex:
    records: list[QuoteRecord]
    keys: list[str]  # normalized quote text, per record
    nwords: list[int]
    # "w1 w2" -> packed array of qid*256+pos (unsigned 32-bit): compact, and fast to load
    postings: dict[str, bytes] = field(default_factory=dict)
    authors: set[str] = field(default_factory=set)

    # -------------------------------------------------------------- build
    @classmethod
    def build(cls, records: list[QuoteRecord]) -> "QuoteIndex":
        keys, nwords = [], []
        postings: dict[str, list[int]] = {}
        for qi, r in enumerate(records):
            words = [t.key for t in tokenize(r.text)]
            keys.append(" ".join(words))
            nwords.append(len(words))
            if len(words) < MIN_QUOTE_WORDS:
                continue
            seen = set()
            for j in range(min(len(words) - 1, 255)):
                a, b = words[j], words[j + 1]
                if a in STOP and b in STOP:
                    continue
                bg = a + " " + b
                if bg in seen:
                    continue
                seen.add(bg)
                postings.setdefault(bg, []).append(qi * 256 + j)
        packed = {k: array(POSTING_TYPE, v).tobytes() for k, v in postings.items()}
        return cls(records, keys, nwords, packed)

    @classmethod
    def load(cls, extra: Iterable[str] = (), use_cache: bool = True) -> "QuoteIndex":
        """The index for the built-in corpus plus ``extra`` files, from the cache when it is valid."""
        extra = tuple(extra)
        path = cache_dir() / f"quote-index-{corpus_key(extra)}.bin" if use_cache else None
        data = read_cache(path) if path else None
        if data is not None:
            try:
                keys, nwords, postings, rows, authors = data
                records = [QuoteRecord(*row) for row in rows]
                if len(keys) == len(records) == len(nwords):
                    return cls(records, keys, nwords, postings, set(authors))
            except (TypeError, ValueError):
                pass  # an old or foreign payload: rebuild
        idx = cls.build(load_records(extra))
        from .attribution import name_keys

        for r in idx.records:
            idx.authors |= name_keys(r.author)
        if path:
            rows = [astuple_record(r) for r in idx.records]
            write_cache(path, (idx.keys, idx.nwords, idx.postings, rows, sorted(idx.authors)))
        return idx

    # -------------------------------------------------------------- match
    def match(self, text: str, threshold: float = 86.0, min_fragment_words: int = 8,
              tokens=None) -> list[QuoteMatch]:
        from rapidfuzz import fuzz

        tokens = tokens if tokens is not None else tokenize(text)
        words = [t.key for t in tokens]
        n = len(words)
        if n < 2:
            return []
        postings = self.postings
        found: list[tuple[int, list[int]]] = []
        for i in range(n - 1):
            a, b = words[i], words[i + 1]
            if a in STOP and b in STOP:
                continue
            raw = postings.get(a + " " + b)
            if raw and len(raw) <= MAX_POSTINGS * POSTING_SIZE:  # a common bigram carries little evidence and costs most
                found.append((i, memoryview(raw).cast(POSTING_TYPE)))
        votes: Counter = Counter()
        for _, plist in found:
            votes.update([code >> 8 for code in plist])
        if not votes:
            return []
        top = []
        for qi, v in votes.most_common(8):
            qn = self.nwords[qi]
            if v < 2 and qn > 5:
                continue
            if v < max(1, min(3, (qn - 1) // 3)):
                continue
            top.append(qi)
        if not top:
            return []
        hits: dict[int, list[tuple[int, int]]] = {qi: [] for qi in top}
        for i, plist in found:
            for code in plist:
                h = hits.get(code >> 8)
                if h is not None:
                    h.append((i, code & 255))
        results: list[QuoteMatch] = []
        for qi in top:
            m = self._score(qi, hits[qi], tokens, words, threshold, min_fragment_words, fuzz)
            if m:
                results.append(m)
        # keep the best match per post region
        results.sort(key=lambda m: (-m.similarity * min(1.0, m.coverage + 0.2), m.start))
        out: list[QuoteMatch] = []
        for m in results:
            if all(m.end <= o.start or m.start >= o.end for o in out):
                out.append(m)
        return sorted(out, key=lambda m: m.start)

    def _score(self, qi, qhits, tokens, words, threshold, min_fragment_words, fuzz):
        # the dominant diagonal (post position - quote position)
        diag = Counter(i - j for i, j in qhits).most_common(1)[0][0]
        near = [(i, j) for i, j in qhits if abs((i - j) - diag) <= 3]
        qn = self.nwords[qi]
        lo = max(0, min(i for i, _ in near) - min(j for _, j in near) - 2)
        hi = min(len(words), max(i for i, _ in near) + (qn - max(j for _, j in near)) + 3)
        region = words[lo:hi]
        region_str = " ".join(region)
        q = self.keys[qi]
        if len(region_str) >= len(q):
            al = fuzz.partial_ratio_alignment(q, region_str, score_cutoff=threshold - 10)
            if al is None:
                return None
            ps, pe = al.dest_start, al.dest_end
            coverage = 1.0
            sim = al.score
        else:
            al = fuzz.partial_ratio_alignment(region_str, q, score_cutoff=threshold - 10)
            if al is None:
                return None
            ps, pe = al.src_start, al.src_end
            coverage = (al.dest_end - al.dest_start) / max(1, len(q))
            sim = al.score
        # character span of region_str -> token span
        offs, pos = [], 0
        for w in region:
            offs.append((pos, pos + len(w)))
            pos += len(w) + 1
        first = next((k for k, (s, e) in enumerate(offs) if e > ps), None)
        last = next((k for k in range(len(offs) - 1, -1, -1) if offs[k][0] < pe), None)
        if first is None or last is None or last < first:
            return None
        # trim partially-aligned edge words that do not belong to the quote
        qwords = set(q.split())
        while first < last and region[first] not in qwords:
            first += 1
        while last > first and region[last] not in qwords:
            last -= 1
        matched_words = last - first + 1
        if coverage >= 0.999:
            # full-quote comparison for the final similarity
            sim = fuzz.ratio(q, " ".join(region[first:last + 1]))
            coverage = min(1.0, matched_words / max(1, qn))
            if coverage < 0.75:
                return None
        short = qn <= 6
        need = threshold + (6 if short else 0)
        if sim < need:
            return None
        if coverage < 0.8 and matched_words < min_fragment_words:
            return None
        if matched_words < MIN_QUOTE_WORDS:
            return None
        t0, t1 = tokens[lo + first], tokens[lo + last]
        return QuoteMatch(t0.start, t1.end, self.records[qi], round(float(sim), 1), round(coverage, 3))

    def lookup(self, text: str, limit: int = 5) -> list[QuoteMatch]:
        """Best matches for `postlint quote`: looser, several candidates."""
        return self.match(text, threshold=70.0, min_fragment_words=5)[:limit]


def read_cache(path: Path) -> Any:
    """The cached payload, or None when missing, truncated or corrupted."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if len(raw) < 40 or raw[:8] != b"PLQIDX01":
        return None
    digest, payload = raw[8:40], raw[40:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    enabled = gc.isenabled()
    gc.disable()  # loading creates many objects and no cycles: skip the collector passes
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def write_cache(path: Path, data: Any) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    from .fsutil import write_atomic

    payload = marshal.dumps(data)
    blob = b"PLQIDX01" + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), blob)
    except OSError:
        pass  # a read-only cache folder only costs rebuild time


_INDEX_CACHE: dict[tuple, QuoteIndex] = {}


def get_index(extra: Iterable[str] = ()) -> QuoteIndex:
    key = tuple(extra)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = QuoteIndex.load(key)
    return _INDEX_CACHE[key]
