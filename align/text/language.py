"""Language separation: cut a document into segments labelled fr, en, another ISO 639-1 or und.

How a label is chosen:
1. The document is cut into paragraphs (blank lines), logical lines (a hard-wrapped line that
   runs on into a lower-case next line is joined to it) and, inside a line, sentence-like
   chunks, so that a line mixing languages yields one segment per language.
2. Chunks with no language (emoji counters, bare URLs, numbers, hashtags, rules such as
   "---", Telegram interface lines such as "VIEW IN TELEGRAM") are `und` without asking lingua.
3. lingua gives every other chunk a probability per language of the restricted set.
4. Context: a Viterbi pass over the chunks of a document maximises the sum of log
   probabilities minus a penalty per language switch (dearer inside a line than across a
   paragraph break), so a short ambiguous line between two French paragraphs comes out French
   while a clear foreign caption keeps its own language.
5. The confidence of a chunk is its posterior probability under the same model
   (forward-backward) over the languages attested in the document. Below `UND_THRESHOLD` (0.5:
   the label must be likelier than all the others together) the chunk is `und`, with that
   low confidence: we never guess. Noise is `und` with confidence 1.0.
A segment's confidence is the lowest of its chunks'.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from align.errors import UsageError
from align.model import UND, Document, Segment
from align.text.clear import backed_alone, clear_language, foreign, names_only, supported
from align.text.lines import logical_lines, trim
from align.text.noise import PICTOGRAPHS, is_noise, without_addresses
from glossary.model import Lang

# The restricted set: French, English, the main European languages and the languages of the
# former USSR that historical and diplomatic material about Russia quotes. A smaller set makes
# short strings less ambiguous and detection faster than lingua with all its 75 languages.
DEFAULT_LANGUAGES: tuple[str, ...] = tuple(lang.value for lang in Lang if lang is not Lang.UND)

# A chunk whose posterior probability for its best language is below this is `und`.
UND_THRESHOLD = 0.5

# Penalties (in nats) for switching language between two consecutive chunks. Switching in and
# out of one line inside a paragraph costs 2 * 2.0 nats: lingua must find that line about 55
# times likelier in the other language, which a foreign sentence of some 25 letters is ("El
# tratado fue firmado en Moscú.": 160 times) and a stray name is not. Switching inside a line
# is dearer, across a blank line cheaper: paragraphs are where languages usually change.
SWITCH_IN_LINE = 3.0
SWITCH_NEW_LINE = 2.0
SWITCH_NEW_PARAGRAPH = 1.5

# lingua gives 0.0 to languages it rules out; the floor keeps one chunk from vetoing context.
_FLOOR = 1e-6

# lingua is sure of itself on a few letters ("Ruptly": 87 % English); a chunk's log
# probabilities count in full from this many letters on, and by sqrt(letters / 25) below.
_FULL_EVIDENCE = 25
_EVIDENCE_POWER = 0.5

# A chunk whose best lingua probability is below _AMBIGUOUS brings its _RIVALS likeliest
# languages into the posterior, so that an isolated "Notes" is `und`, not a coin toss.
_AMBIGUOUS = 0.5
_RIVALS = 3

# What lingua reads of a chunk: its first SAMPLE_CHARS characters of words, none longer than
# LONGEST_WORD letters (the longest words of French and English have about 25).
SAMPLE_CHARS = 300
LONGEST_WORD = 40

# lingua's fast models: a language they give at least this is weighed by the full models.
FAST_RIVAL = 0.1

# How many chunk texts a detector remembers (about 300 characters each at most).
MEMO_SIZE = 100_000

# How many languages besides French and English keep their full models loaded (about 30-55 MB
# each; reloading one costs about 0.4 s of CPU), while lingua weighs a chunk as well as between
# chunks (a chunk that itself needs more loads them). Without a bound a document quoting thirty
# languages would hold some 1.6 GB of models to its end. Twelve, not three: a detector that
# goes on to the next text (align run over an archive, the mixed-language benchmark's passes)
# would otherwise reload the same rivals text after text, 0.43 against 0.0017 MB/s on that
# benchmark, for a seeds' peak of 381 MB against 292 MB (BENCHMARKS.md, round 20).
RIVAL_MODELS = 12

# Chunks this short ("2.", "G.") are folded into a neighbour.
_TINY = 6

_LETTER = re.compile(r"[^\W\d_]")
# Letters of the scripts our languages write: Latin, Greek, Cyrillic.
_OUR_RANGES = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f"
_OUR_SCRIPTS = re.compile(f"[{_OUR_RANGES}]")
# Characters of our scripts, or no letters at all (ASCII, Latin-1's signs, general
# punctuation): a sample with nothing else has no letter of another script to count.
_NEUTRAL = "".join(
    re.escape(c)
    for c in map(chr, [*range(0x80), *range(0xA0, 0xC0), *range(0x2000, 0x2070)])
    if not _LETTER.match(c)
)
_ANOTHER_SCRIPT = re.compile(f"[^{_OUR_RANGES}{_NEUTRAL}]")
# What lingua is not shown: anything but letters, apostrophes and hyphens (one regex pass: a
# character loop in Python cost a fifth of `check`'s time).
_NOT_LETTERS = re.compile(r"(?:[^\w'’-]|[\d_])+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A sentence end followed by the start of another sentence, or a Telegram marker mid-line.
_CHUNK_BREAK = re.compile(
    r"(?<=[.!?…])[\"»”’)\]]*\s+(?=[\"«“(\[]?[^\W\d_])"
    rf"|\s+(?=[{PICTOGRAPHS}])"
)


class Detector(Protocol):
    """Gives, for each text, one probability per language of `languages` (same order)."""

    @property
    def languages(self) -> tuple[str, ...]: ...

    def confidences(
        self, texts: Sequence[str], quiet: Collection[str] = ...
    ) -> list[tuple[float, ...]]: ...


@dataclass(frozen=True)
class FixedLanguage:
    """A detector that gives every text one language: what `--lang fr|en` means."""

    lang: str

    @property
    def languages(self) -> tuple[str, ...]:
        """The single language, in the Detector protocol's shape."""
        return (self.lang,)

    def confidences(
        self, texts: Sequence[str], quiet: Collection[str] = ()
    ) -> list[tuple[float, ...]]:
        """Certainty for the one language, whatever the text."""
        return [(1.0,)] * len(texts)


@dataclass(frozen=True)
class LinguaDetector:
    """The lingua detector restricted to `languages` (ISO 639-1), behind cheaper steps.

    1. A chunk met before gets the same answer again (documents repeat lines: signatures,
       datelines, boilerplate), from a bounded memo of up to MEMO_SIZE texts.
    2. A chunk that is clearly French or clearly English by its function words
       (`align.text.clear`) is given that language with certainty, without lingua.
    3. lingua's low-accuracy mode (trigram models: a few MB, loaded in a blink) scores the
       rest; its answer stands when the chunk's function words back it: French or English
       ones for French or English (`align.text.clear.supported`), another language's for
       another language (`foreign`: "El tratado fue firmado en Moscú por los ministros").
    4. Otherwise lingua's full models decide between French, English and the languages the
       fast models give at least FAST_RIVAL: a short French line full of names that they
       take for Portuguese or English comes out French, a real Portuguese line stays
       Portuguese, a bare name is weighed as before (context decides).
       Full models load on first use, only for the languages asked about. Not when the
       fast models' favourite is another language that no function word backs while French or
       English ones back the likelier of those two (`_backed_row`): the fast row, between
       French and English, stands. Nor for a chunk of names and at most one other word
       (`align.text.clear.names_only`: "Poor Alice", "Maria Zakharova", "ISBN"): the letters
       of names are no evidence of a language, so only French's and English's full models
       weigh it, and context decides; a line quoting another language has more words.
    `first_stage=False` asks lingua's full models about every chunk, as before issue 10.
    """

    languages: tuple[str, ...]
    lingua: Any
    fast: Any = None
    first_stage: bool = True
    # Filled as chunks come; not arguments, so that dataclasses.replace starts afresh.
    _memo: dict[str, tuple[float, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _full: dict[tuple[str, ...], Any] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # Rows of `quiet` texts weighed by French and English alone (see confidences).
    _quiet: dict[str, tuple[float, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # Languages other than French and English whose full models are loaded, least recently
    # used first.
    _rivals: list[str] = field(default_factory=list, init=False, compare=False, repr=False)

    def confidences(
        self, texts: Sequence[str], quiet: Collection[str] = ()
    ) -> list[tuple[float, ...]]:
        """One probability per language for each text; lingua's part computed on all cores.

        A text of `quiet` that would be weighed by lingua's full models is weighed by French's
        and English's alone, as a chunk of names is (no rival model loads for it): for a text
        whose third language, if any, matters to no one (`align check`: a line holding no name
        it could report)."""
        found: dict[str, tuple[float, ...]] = {}
        asked: list[str] = []
        weighed_quietly: set[str] = set()
        for text in texts:
            if text in found:
                continue
            row = self._memo.get(text)
            if row is None and text in quiet:
                row = self._quiet.get(text)
            if row is None and self.first_stage:
                row = self._clear_row(text)
            if row is None:
                asked.append(text)
            else:
                found[text] = row
        unique = list(dict.fromkeys(asked))
        if unique and (not self.first_stage or self.fast is None):
            found.update(zip(unique, self._rows(self.lingua, unique), strict=True))
        elif unique:
            doubtful: dict[tuple[str, ...], list[str]] = {}
            for text, row in zip(unique, self._rows(self.fast, unique), strict=True):
                best = self.languages[max(range(len(row)), key=row.__getitem__)]
                if supported(text, Lang(best)) if best in _FR_EN else foreign(text):
                    found[text] = row
                elif best not in _FR_EN and (backed := self._backed_row(text, row)) is not None:
                    found[text] = backed
                elif names_only(text) or text in quiet:
                    # Names and a word: their letters say no language; French or English
                    # full models weigh the word, context decides (no rival model loads).
                    subset = tuple(c for c in self.languages if c in _FR_EN)
                    doubtful.setdefault(subset, []).append(text)
                    if text in quiet and not names_only(text):
                        weighed_quietly.add(text)
                else:
                    subset = tuple(
                        code
                        for code, p in zip(self.languages, row, strict=True)
                        if code in _FR_EN or p >= FAST_RIVAL
                    )
                    doubtful.setdefault(subset, []).append(text)
            left = sorted(doubtful)
            while left:
                # Next, the subset that loads the fewest models not loaded yet.
                subset = min(left, key=lambda s: sum(c not in self._rivals for c in s))
                left.remove(subset)
                group = doubtful[subset]
                needed = {code for s in left for code in s}
                self._make_room(subset, needed)
                found.update(zip(group, self._rows(self._full_models(subset), group), strict=True))
                self._unload_rivals(subset, needed)
        if len(self._quiet) + len(weighed_quietly) > MEMO_SIZE:
            self._quiet.clear()
        self._quiet.update((text, found[text]) for text in weighed_quietly)
        whole = {text: row for text, row in found.items() if text not in weighed_quietly}
        if len(self._memo) + len(whole) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update(whole)
        return [found[text] for text in texts]

    def _backed_row(self, text: str, row: tuple[float, ...]) -> tuple[float, ...] | None:
        """The fast row between French and English alone, when the fast models prefer another
        language on letters only (no function word of its own: `foreign` was not met) and the
        function words back the likelier of French and English, which they give at least
        FAST_RIVAL; else None. A short English line whose "met" reads Dutch so loads no full
        models, Dutch's or any."""
        kept = [i for i, code in enumerate(self.languages) if code in _FR_EN]
        if not kept:
            return None
        likelier = max(kept, key=row.__getitem__)
        if row[likelier] < FAST_RIVAL or not backed_alone(text, Lang(self.languages[likelier])):
            return None
        total = sum(row[i] for i in kept)
        out = [0.0] * len(row)
        for i in kept:
            out[i] = row[i] / total
        return tuple(out)

    def _rows(self, lingua: Any, texts: list[str]) -> list[tuple[float, ...]]:
        index = {code: i for i, code in enumerate(self.languages)}
        rows: list[tuple[float, ...]] = []
        for values in lingua.compute_language_confidence_values_in_parallel(texts):
            row = [0.0] * len(self.languages)
            for value in values:
                row[index[value.language.iso_code_639_1.name.lower()]] = value.value
            rows.append(tuple(row))
        return rows

    def _full_models(self, subset: tuple[str, ...]) -> Any:
        """lingua with full models for `subset` only (lingua shares loaded models)."""
        if subset not in self._full:
            self._full[subset] = _builder(subset).build()
        return self._full[subset]

    def _make_room(self, subset: tuple[str, ...], needed: set[str]) -> None:
        """Before `subset`'s models load: unload other languages until at most RIVAL_MODELS
        (or as many as `subset` itself needs) are loaded with it, so that the bound holds
        while lingua works, not only between subsets. Those `needed` later go last."""
        mine = [code for code in subset if code not in _FR_EN]
        new = sum(code not in self._rivals for code in mine)
        while len(self._rivals) + new > max(RIVAL_MODELS, len(mine)):
            others = [code for code in self._rivals if code not in mine]
            self._unload([c for c in others if c not in needed] or others)

    def _unload(self, spare: list[str]) -> None:
        """Unload the first of `spare`, the least recently used."""
        code = spare[0]
        self._rivals.remove(code)
        # The detectors of subsets holding `code` load it again when next asked.
        self._full_models((code,)).unload_language_models()
        return_freed_memory()

    def _unload_rivals(self, used: tuple[str, ...], needed: set[str]) -> None:
        """Keep the full models of at most RIVAL_MODELS languages besides French and English:
        first those `needed` by the chunks still to weigh, then those `used` last. lingua
        shares models between detectors, so unloading a language through a detector of its
        own frees it for all."""
        for code in used:
            if code not in _FR_EN:
                if code in self._rivals:
                    self._rivals.remove(code)
                self._rivals.append(code)
        while len(self._rivals) > RIVAL_MODELS:
            self._unload([c for c in self._rivals if c not in needed] or self._rivals)

    def release(self) -> None:
        """Free every full model this detector loaded (the fast ones are a few MB): for the
        end of a stage, before the next stage's heavy objects (spaCy) load."""
        for lingua in self._full.values():
            lingua.unload_language_models()
        self._full.clear()
        self._rivals.clear()
        return_freed_memory()

    def _clear_row(self, text: str) -> tuple[float, ...] | None:
        lang = clear_language(text)
        if lang is None or lang.value not in self.languages:
            return None
        return tuple(1.0 if code == lang.value else 0.0 for code in self.languages)


_FR_EN = (Lang.FR.value, Lang.EN.value)


def return_freed_memory() -> None:
    """Hand memory freed by lingua back to the system (glibc keeps it in its arenas otherwise,
    one per thread lingua ran on); nothing to do elsewhere."""
    trim = _libc("malloc_trim")
    if trim is not None:
        trim(0)


def _libc(function: str) -> Any:
    """A function of the C library (glibc's malloc tuning), or None where there is none."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), function, None) if name else None
    except OSError:
        return None


def _one_malloc_arena() -> None:
    """Have glibc serve every thread from one malloc arena. lingua loads and frees models on
    its worker threads; with an arena per thread (glibc's default, up to 8 per core) memory
    one thread freed is not reused by another, and the seeds' run peaked some 50-90 MB higher
    for the same models (BENCHMARKS.md, round 20). Nothing to do elsewhere than glibc, nor once
    lingua's threads have started (arenas already made stay)."""
    mallopt = _libc("mallopt")
    if mallopt is not None:
        mallopt(-8, 1)  # M_ARENA_MAX, glibc's number of arenas


def _builder(codes: Sequence[str]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for code in codes:
        try:
            isos.append(IsoCode639_1.from_str(code))
        except ValueError:
            raise UsageError(
                f"unknown language code {code!r}; use ISO 639-1 codes such as fr, en, de"
            ) from None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos)


def build_detector(languages: Sequence[str] | None = None) -> LinguaDetector:
    """The language detector, restricted to `languages` (default DEFAULT_LANGUAGES).

    Instant: lingua's models load when a chunk first needs them (see LinguaDetector for the
    steps that spare most chunks lingua's full models).
    """
    codes = tuple(dict.fromkeys(code.lower() for code in (languages or DEFAULT_LANGUAGES)))
    _one_malloc_arena()  # before lingua's threads start
    builder = _builder(codes)
    fast = _builder(codes).with_low_accuracy_mode().build()
    return LinguaDetector(codes, builder.build(), fast)


class _Chunk(NamedTuple):
    """A trimmed piece of a logical line; `gap` is the switch penalty from the previous chunk.

    A named tuple: a document has one per sentence or so, made twice each (see _chunks).
    """

    start: int
    end: int
    paragraph: int
    line_key: int
    gap: float
    noise: bool


@dataclass
class Layouts:
    """What `detect_segments` made of texts it met before, for the next documents of one
    command (documents repeat paragraphs: boilerplate, signatures, quotations; a copy gets the
    same chunks and samples, which depend on its own text alone). Up to MEMO_SIZE of each."""

    paragraphs: dict[str, tuple[_Chunk, ...]] = field(default_factory=dict)
    samples: dict[str, tuple[str, float]] = field(default_factory=dict)

    def chunks(self, text: str) -> list[_Chunk]:
        """`_chunks(text)`, each paragraph laid out once."""
        out: list[_Chunk] = []
        line_key = 0
        for paragraph, (p_start, p_end) in enumerate(_paragraphs(text)):
            piece = text[p_start:p_end]
            laid = self.paragraphs.get(piece)
            if laid is None:
                if len(self.paragraphs) >= MEMO_SIZE:
                    self.paragraphs.clear()
                laid = self.paragraphs[piece] = tuple(_chunks(piece))
            # Laid out alone, a paragraph's chunks are its chunks in the document, moved: its
            # first voiced chunk's penalty is the paragraph's whatever noise came before it.
            out.extend(
                _Chunk(c.start + p_start, c.end + p_start, paragraph, c.line_key + line_key,
                       c.gap, c.noise)
                for c in laid
            )  # fmt: skip
            if laid:
                line_key += laid[-1].line_key
        return out

    def sample(self, text: str) -> tuple[str, float]:
        """What lingua reads of a chunk (`_clean`) and the weight of its evidence."""
        known = self.samples.get(text)
        if known is None:
            if len(self.samples) >= MEMO_SIZE:
                self.samples.clear()
            clean = _clean(text)
            weight = min(1.0, (_letters(clean) / _FULL_EVIDENCE) ** _EVIDENCE_POWER)
            known = self.samples[text] = (clean, weight)
        return known


def detect_segments(
    doc: Document,
    detector: Detector,
    layouts: Layouts | None = None,
    matters: Callable[[str], bool] | None = None,
) -> list[Segment]:
    """Cut `doc` into paragraphs, lines and single-language spans, each with its language.

    `layouts` carries what earlier documents' paragraphs were cut into (the same result).
    `matters(line)` False says no one needs to know which third language the line is in, if
    any: its chunks load no rival model (see LinguaDetector.confidences' `quiet`)."""
    layouts = layouts if layouts is not None else Layouts()
    chunks = layouts.chunks(doc.text)
    voiced = [c for c in chunks if not c.noise]
    if len(detector.languages) == 1:
        # One language to choose from (--lang): every path and posterior gives it, certain.
        only = (Lang(detector.languages[0]), 1.0)
        return _merge(doc, chunks, dict.fromkeys((c.start for c in voiced), only))
    samples = [layouts.sample(doc.text[c.start : c.end]) for c in voiced]
    texts = [text for text, _ in samples]
    if matters is None:
        rows = detector.confidences(texts)
    else:
        rows = detector.confidences(texts, quiet=_quiet(doc.text, chunks, voiced, texts, matters))
    weights = [weight for _, weight in samples]
    labels = _label(detector.languages, [c.gap for c in voiced], rows, weights)
    decided: dict[int, tuple[Lang, float]] = {
        c.start: label for c, label in zip(voiced, labels, strict=True)
    }
    return _merge(doc, chunks, decided)


def _quiet(
    text: str,
    chunks: Sequence[_Chunk],
    voiced: Sequence[_Chunk],
    samples: Sequence[str],
    matters: Callable[[str], bool],
) -> set[str]:
    """The samples met only in lines `matters` says False of."""
    lines: dict[int, tuple[int, int]] = {}
    for chunk in chunks:
        start, _ = lines.get(chunk.line_key, (chunk.start, chunk.end))
        lines[chunk.line_key] = (start, chunk.end)
    says = {key: matters(text[start:end]) for key, (start, end) in lines.items()}
    loud = {sample for chunk, sample in zip(voiced, samples, strict=True) if says[chunk.line_key]}
    return {sample for sample in samples if sample not in loud}


def _letters(clean: str) -> int:
    """The letters of a text `_clean` gave: all but its spaces, apostrophes and hyphens."""
    return len(clean) - sum(clean.count(mark) for mark in " '’-")


def _chunks(text: str) -> list[_Chunk]:
    """All chunks of a text in order, with the switch penalty before each voiced one."""
    chunks: list[_Chunk] = []
    line_key = 0
    for paragraph, (p_start, p_end) in enumerate(_paragraphs(text)):
        first_line = True
        for l_start, l_end in logical_lines(text, p_start, p_end):
            line_key += 1
            first_chunk = True
            for c_start, c_end in _line_chunks(text, l_start, l_end):
                if first_chunk and first_line:
                    gap = SWITCH_NEW_PARAGRAPH
                elif first_chunk:
                    gap = SWITCH_NEW_LINE
                else:
                    gap = SWITCH_IN_LINE
                piece = text[c_start:c_end]
                silent = is_noise(piece) or _other_script(piece)
                chunks.append(_Chunk(c_start, c_end, paragraph, line_key, gap, silent))
                first_chunk = False
            first_line = False
    # A noise chunk is transparent: the next voiced chunk's penalty is the weakest seen since
    # the previous voiced chunk, so "text / 👍47 / text" still reads as one paragraph.
    out: list[_Chunk] = []
    pending = math.inf
    for chunk in chunks:
        if chunk.noise:
            pending = min(pending, chunk.gap)
            out.append(chunk)
            continue
        gap = min(pending, chunk.gap)
        out.append(chunk._replace(gap=gap))
        pending = math.inf
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of blank-line separated paragraphs that hold any non-space character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-like chunks of one logical line, trimmed."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for brk in _CHUNK_BREAK.finditer(text, start, end):
        spans.append(trim(text, cursor, brk.start()))
        cursor = brk.end()
    spans.append(trim(text, cursor, end))
    # Fold tiny chunks ("2." of a numbered list, "G." of an initial) into the next chunk (the
    # previous one at the end of the line): alone they say nothing and they are not sentences.
    merged: list[tuple[int, int]] = []
    carry = -1
    spans = [(s, e) for s, e in spans if s < e]
    for i, (s, e) in enumerate(spans):
        tiny = e - s <= _TINY
        if carry >= 0:
            s, carry = carry, -1
        if tiny and i < len(spans) - 1:
            carry = s
        elif tiny and merged:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _other_script(text: str) -> bool:
    """Mostly letters of a script none of our languages writes (Arabic, Hebrew, Chinese...):
    set aside like noise, since lingua, asked about our languages only, would name one of them
    (an Arabic line came out French at 0.54)."""
    sample = text[: SAMPLE_CHARS * 2]
    if _ANOTHER_SCRIPT.search(sample) is None:
        return False  # every letter is of our scripts
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_OUR_SCRIPTS.findall(sample)) * 2 < letters


def _clean(text: str) -> str:
    """The words lingua should see: no URLs, tags, digits or symbols, and a bounded sample.

    lingua's cost grows with the text (and faster on one endless run of letters), while its
    verdict on a sentence is settled long before its end: it sees the first SAMPLE_CHARS
    characters of a chunk, each word cut at LONGEST_WORD letters.
    """
    text = without_addresses(text[: SAMPLE_CHARS * 4])
    words = _NOT_LETTERS.sub(" ", text).split()
    if max(map(len, words), default=0) > LONGEST_WORD:
        words = [w[:LONGEST_WORD] for w in words]
    whole = " ".join(words)
    if len(whole) < SAMPLE_CHARS:
        return whole  # short enough to be seen whole
    sample: list[str] = []
    size = 0
    for word in words:
        size += len(word) + 1
        if size > SAMPLE_CHARS and sample:
            break
        sample.append(word)
    return " ".join(sample)


def _label(
    languages: Sequence[str],
    gaps: Sequence[float],
    rows: Sequence[Sequence[float]],
    weights: Sequence[float],
) -> list[tuple[Lang, float]]:
    """Best language sequence (Viterbi) and each chunk's posterior; `und` below the threshold."""
    if not rows:
        return []
    # Rows repeat (every chunk the function words settle has one of two): each distinct row's
    # logarithms are taken once, and shared as they are by the chunks of full weight.
    logs_of: dict[tuple[float, ...], tuple[float, ...]] = {}
    emit: list[Sequence[float]] = []
    for row, w in zip(rows, weights, strict=True):
        key = tuple(row)
        logs = logs_of.get(key)
        if logs is None:
            logs = logs_of[key] = tuple(math.log(max(v, _FLOOR)) for v in key)
        emit.append(logs if w == 1.0 else tuple(w * v for v in logs))
    path = _viterbi(emit, gaps, len(languages))
    # The posterior is taken over the languages attested in the document: those of the best
    # path, each chunk's own best, and the rivals of ambiguous chunks. Over all 15 languages a
    # short line would leak probability to 14 unlikely switches.
    attested = set(path)
    for row in logs_of:
        ranked = sorted(range(len(row)), key=row.__getitem__)
        attested.update(ranked[-_RIVALS:] if row[ranked[-1]] < _AMBIGUOUS else ranked[-1:])
    present = sorted(attested)
    local = _projected(emit, present)
    posterior = _posteriors(local, gaps, len(present))
    labels: list[tuple[Lang, float]] = []
    for t, state in enumerate(path):
        p = posterior[t][present.index(state)]
        labels.append((Lang(languages[state]), p) if p >= UND_THRESHOLD else (UND, p))
    return labels


def _projected(emit: Sequence[Sequence[float]], present: Sequence[int]) -> list[list[float]]:
    """Each row's values for the `present` states; one list for rows that are one object."""
    made: dict[int, list[float]] = {}
    out = []
    for row in emit:
        local = made.get(id(row))
        if local is None:
            local = made[id(row)] = [row[s] for s in present]
        out.append(local)
    return out


def _viterbi(emit: Sequence[Sequence[float]], gaps: Sequence[float], k: int) -> list[int]:
    """The state sequence maximising emissions minus switch penalties."""
    score = list(emit[0])
    back: list[list[int]] = []
    for t in range(1, len(emit)):
        best = max(range(k), key=score.__getitem__)
        pointers: list[int] = []
        new: list[float] = []
        for s in range(k):
            stay, switch = score[s], score[best] - gaps[t]
            if stay >= switch:
                pointers.append(s)
                new.append(stay + emit[t][s])
            else:
                pointers.append(best)
                new.append(switch + emit[t][s])
        back.append(pointers)
        score = new
    state = max(range(k), key=score.__getitem__)
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]


def _posteriors(emit: list[list[float]], gaps: Sequence[float], k: int) -> list[list[float]]:
    """Forward-backward marginals under the same switch penalties (as transition weights)."""
    n = len(emit)
    # Each row's exponentials once, for both passes (once for rows that are one list).
    exps: dict[int, list[float]] = {}
    ex = []
    for row in emit:
        exp_row = exps.get(id(row))
        if exp_row is None:
            exp_row = exps[id(row)] = [math.exp(e) for e in row]
        ex.append(exp_row)
    fwd: list[list[float]] = [_normalise(list(ex[0]))]
    for t in range(1, n):
        w = math.exp(-gaps[t])
        prev = fwd[-1]
        total = sum(prev)
        here = ex[t]
        fwd.append(_normalise([(prev[s] + w * (total - prev[s])) * here[s] for s in range(k)]))
    bwd: list[list[float]] = [[1.0] * k for _ in range(n)]
    for t in range(n - 2, -1, -1):
        w = math.exp(-gaps[t + 1])
        after = ex[t + 1]
        nxt = [bwd[t + 1][s] * after[s] for s in range(k)]
        total = sum(nxt)
        bwd[t] = _normalise([nxt[s] + w * (total - nxt[s]) for s in range(k)])
    return [_normalise([f * b for f, b in zip(fwd[t], bwd[t], strict=True)]) for t in range(n)]


def _normalise(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values] if total > 0 else [1.0 / len(values)] * len(values)


def _merge(
    doc: Document, chunks: Sequence[_Chunk], decided: dict[int, tuple[Lang, float]]
) -> list[Segment]:
    """One segment per run of same-language chunks inside a logical line."""
    segments: list[Segment] = []
    run: list[_Chunk] = []
    run_lang = UND
    run_conf = 1.0

    def flush() -> None:
        if run:
            start, end = run[0].start, run[-1].end
            segments.append(
                Segment(doc.source, doc.span(start, end), doc.text[start:end], run_lang,
                        round(run_conf, 4), run[0].paragraph)
            )  # fmt: skip

    for chunk in chunks:
        lang, conf = decided.get(chunk.start, (UND, 1.0))
        if run and (run[-1].line_key != chunk.line_key or lang != run_lang):
            flush()
            run = []
        if not run:
            run_lang, run_conf = lang, conf
        run.append(chunk)
        run_conf = min(run_conf, conf)
    flush()
    return segments
