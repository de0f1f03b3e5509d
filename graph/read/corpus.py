"""Read a report from the corpus into sentences, sections and newsroom items.

Everything downstream points into documents by sentence number and
fingerprint, so the splitting here is the contract: it must be deterministic,
keep character offsets into the exact text on disk (no newline translation),
and never split inside a quotation, because reports quote findings that run
over several sentences and a finding must stay one piece of evidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.errors import BuildError

MONTHS = (
    "January February March April May June July August September October November December"
).split()

# "January 11, 2022 • Press Release": the line that opens a newsroom item.
DATELINE = re.compile(
    r"^(?P<month>" + "|".join(MONTHS) + r") (?P<day>\d{1,2}), (?P<year>\d{4}) \u2022 (?P<kind>.+)$"
)

# Words that end with a full stop without ending the sentence ("Kaboulov v. Ukraine").
ABBREVIATIONS = frozenset(
    "v vs mr mrs ms dr st no nos art arts para paras jr sr gen col lt prof inc co ltd e.g i.e cf".split()
)
OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
CLOSERS = "\u201d\u2019\"')]"
TERMINALS = ".!?\u2026"
# A heading has no terminal punctuation and only a few words.
MAX_HEADING_WORDS = 8


def fingerprint(text: str) -> str:
    """Eight hex digits of SHA-256 over the whitespace-folded sentence.

    Short enough to write in a curated file, long enough that an edited
    sentence is noticed; folding whitespace keeps re-wrapped text valid.
    """
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    kind: str  # "title", "heading", "dateline", "pubtitle" or "text"
    section: int | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)

    @property
    def pointer(self) -> str:
        return f"s{self.index}@{self.fingerprint}"


@dataclass(frozen=True)
class Section:
    index: int
    heading: Sentence | None
    start: int
    end: int


@dataclass(frozen=True)
class NewsItem:
    """One dated entry of a newsroom listing: dateline, title and summary."""

    date: date
    kind: str
    dateline: Sentence
    title: Sentence
    body: tuple[Sentence, ...]


@dataclass
class Document:
    path: Path
    text: str
    sha256: str
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def title(self) -> Sentence:
        return self.sentences[0]

    def sentence(self, index: int) -> Sentence | None:
        return self.sentences[index] if 0 <= index < len(self.sentences) else None

    def find_fingerprint(self, fp: str) -> Sentence | None:
        return next((s for s in self.sentences if s.fingerprint == fp), None)

    def news_item_of(self, sentence: Sentence) -> NewsItem | None:
        for item in self.news:
            if item.dateline.index <= sentence.index <= (item.body[-1].index if item.body else item.title.index):
                return item
        return None


def corpus_file(corpus: Path, name: str, where: str) -> Path:
    """The path of a report named inside the corpus folder; a name that leads out of it is refused."""
    candidate = (corpus / name).resolve()
    if Path(name).is_absolute() or corpus.resolve() not in candidate.parents:
        raise BuildError(where, f"{name!r} is outside the corpus folder {corpus}; name a file inside it, or pass --corpus FOLDER")
    return corpus / name


def read_document(path: Path) -> Document:
    """Read one report; a missing, empty or non-UTF-8 file is a BuildError."""
    if not path.is_file():
        raise BuildError(str(path), "report file not found")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise BuildError(f"{path}:{line}", f"not UTF-8 (byte {err.start}: {err.reason})") from None
    if not text.strip():
        raise BuildError(str(path), "report is empty")
    return parse_text(text, path)


def parse_text(text: str, path: Path) -> Document:
    """Segment text already in memory; the extractor and the build share this one splitter."""
    doc = Document(path=path, text=text, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    _segment(doc)
    return doc


def _lines(text: str):
    """Yield (start, end) of each non-blank line, stripped, in the raw text."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] (one paragraph) into sentence spans.

    A sentence ends at ., !, ? or an ellipsis, after any closing quotes or
    brackets, when white space and then a capital, digit or opening quote
    follow, and never while a double quotation is open.
    """
    spans = []
    depth = 0
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch == OPEN_QUOTE:
            depth += 1
        elif ch == CLOSE_QUOTE:
            depth = max(0, depth - 1)
        if ch in TERMINALS:
            j = i + 1
            while j < end and text[j] in CLOSERS:
                if text[j] == CLOSE_QUOTE:
                    depth = max(0, depth - 1)
                j += 1
            if depth == 0 and j < end and text[j].isspace():
                k = j
                while k < end and text[k].isspace():
                    k += 1
                nxt = text[k] if k < end else ""
                if (nxt.isupper() or nxt.isdigit() or nxt in "\u201c\"'\u2018") and not _is_abbreviation(text, begin, i):
                    spans.append((begin, j))
                    begin = k
                    i = k
                    continue
            i = j
            continue
        i += 1
    if begin < end:
        spans.append((begin, end))
    return spans


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > begin and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\u201c":
        word_start -= 1
    word = text[word_start:dot]
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _is_heading(text: str) -> bool:
    return (
        text[-1] not in TERMINALS + CLOSERS + ":;,"
        and len(text.split()) <= MAX_HEADING_WORDS
        and text[0].isupper()
    )


def _segment(doc: Document) -> None:
    """Fill sentences, sections and news items; the layout rules are in the module docstring."""
    text = doc.text
    sentences: list[Sentence] = []
    sections: list[Section] = []
    news: list[NewsItem] = []
    pending_title = False
    current: dict | None = None

    def open_section(heading: Sentence | None, start: int) -> int:
        if sections:
            last = sections[-1]
            sections[-1] = Section(last.index, last.heading, last.start, start)
        sections.append(Section(len(sections), heading, start, len(text)))
        return len(sections) - 1

    def add(start: int, end: int, kind: str) -> Sentence:
        sec = sections[-1].index if sections else None
        s = Sentence(len(sentences), start, end, text[start:end], kind, sec)
        sentences.append(s)
        return s

    def close_item() -> None:
        nonlocal current
        if current is not None and current["title"] is not None:
            news.append(NewsItem(current["date"], current["kind"], current["dateline"],
                                 current["title"], tuple(current["body"])))
        current = None

    for n, (start, end) in enumerate(_lines(text)):
        line = text[start:end]
        if n == 0:
            add(start, end, "title")
            continue
        m = DATELINE.match(line)
        if m:
            close_item()
            try:
                day = date(int(m["year"]), MONTHS.index(m["month"]) + 1, int(m["day"]))
            except ValueError:
                line_no = text.count("\n", 0, start) + 1
                raise BuildError(f"{doc.path}:{line_no}", f"newsroom dateline with an impossible date: {line!r}") from None
            current = {"date": day, "kind": m["kind"].strip(), "dateline": add(start, end, "dateline"),
                       "title": None, "body": []}
            pending_title = True
            continue
        if pending_title:
            current["title"] = add(start, end, "pubtitle")
            pending_title = False
            continue
        spans = split_sentences(text, start, end)
        if len(spans) == 1 and _is_heading(line) and current is None:
            open_section(None, start)
            heading = add(start, end, "heading")
            sections[-1] = Section(sections[-1].index, heading, start, len(text))
            continue
        if current is None and not sections:
            open_section(None, start)
        for k, (s_start, s_end) in enumerate(spans):
            frag = text[s_start:s_end]
            if k == len(spans) - 1 and k > 0 and _is_heading(frag):
                # A heading that lost its line break sits at the end of a paragraph.
                open_section(None, s_start)
                heading = add(s_start, s_end, "heading")
                sections[-1] = Section(sections[-1].index, heading, s_start, len(text))
                continue
            sentence = add(s_start, s_end, "text")
            if current is not None:
                current["body"].append(sentence)
    close_item()
    doc.sentences, doc.sections, doc.news = sentences, sections, news
