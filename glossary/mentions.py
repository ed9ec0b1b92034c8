"""Find names of people, places, bodies and events in French and English passages."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from glossary.exonyms import exonym_index
from glossary.model import EntityType, Mention, Passage
from glossary.tokens import Token, tokenize
from glossary.translit import fold, given_name, is_russian_name

# Words that make a capitalised word after them a common noun: "leur Patrie", "a Union".
# Definite articles are left out: "the Kremlin", "la France" precede names all the time.
# Words that make a capitalised word after them a common noun: "leur Patrie", "a Union".
# Definite articles are left out: "the Kremlin", "la France" precede names all the time.
_CUE_WORDS = """un une leur leurs notre nos votre vos mon ma mes ton ta tes son sa ses
a an their our my your his its"""
_COMMON_CUES = frozenset(_CUE_WORDS.split())
# "les Américains", "the Bolsheviks": a capitalised plural after a plural article is a people.
_PLURAL_CUES = frozenset({"les", "des", "aux", "the"})
_ROMAN = re.compile(r"^[IVXLC]+$")
_ORG_TEXT = """union organisation organization alliance party parti council conseil comité committee
ministry ministère bureau service army armée agency agence university université bank banque
congress congrès press presse assembly assemblée league ligue front"""
_ORG_WORDS = frozenset(_ORG_TEXT.split())
_EVENT_TEXT = """war guerre pact pacte treaty traité conference conférence revolution révolution
republic république accord agreement summit sommet crisis crise operation opération incident
plan doctrine"""
_EVENT_WORDS = frozenset(_EVENT_TEXT.split())
_CONTEXT = 120
_TITLE_LINE_SHARE = 0.6


@dataclass(frozen=True)
class _Evidence:
    """What the whole corpus says about each capitalised word, per language."""

    lower: frozenset[tuple[str, str]]
    cued: frozenset[tuple[str, str]]
    mid_cap: frozenset[tuple[str, str]]
    tails: frozenset[str]


@functools.lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Titles and conventionally capitalised nouns (data/not_names.tsv), months and weekdays."""
    from babel import Locale

    text = resources.files("glossary").joinpath("data/not_names.tsv").read_text("utf-8")
    words = {line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"}
    for loc in ("en", "fr", "nl", "de"):
        locale = Locale(loc)
        for table in (locale.months, locale.days):
            words.update(table["format"]["wide"].values())
    return frozenset(fold(w) for w in words)


@functools.lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """English language names from CLDR: French, German, Russian alone are adjectives, not names."""
    from babel import Locale

    return frozenset(fold(name) for name in Locale("en").languages.values() if " " not in name)


def _title_line(text: str, tokens: Sequence[Token]) -> bool:
    """A heading or tag list: most words capitalised, no closing stop; capitals say nothing."""
    words = [t for t in tokens if not t.hashtag and not t.particle]
    if len(words) < 3 or text.rstrip()[-1:] in (".", "!", "?", ":", ";"):
        return False
    return sum(t.capitalised for t in words) / len(words) >= _TITLE_LINE_SHARE


def _collect(passages: Sequence[Passage], tokenised: Sequence[list[Token]]) -> _Evidence:
    lower, cued, mid_cap = set(), set(), set()
    for passage, tokens in zip(passages, tokenised, strict=True):
        heading = _title_line(passage.text, tokens)
        for i, tok in enumerate(tokens):
            key = (passage.lang, fold(tok.text))
            if not tok.capitalised:
                lower.add(key)
            elif i and not tok.acronym and tok.gap_before.strip() == "":
                prev = tokens[i - 1].text
                if prev in _COMMON_CUES or (prev in _PLURAL_CUES and tok.text.endswith("s")):
                    cued.add(key)
            if tok.capitalised and not tok.initial and not heading:
                mid_cap.add(key)
    return _Evidence(frozenset(lower), frozenset(cued), frozenset(mid_cap), frozenset())


def _is_name_word(tok: Token, lang: str, heading: bool, ev: _Evidence) -> bool:
    """Decide whether one capitalised word can be part of a name."""
    if tok.hashtag or tok.glued or not tok.capitalised or len(tok.text) < 2:
        return False
    folded = fold(tok.text)
    if folded in _not_names() or folded.removesuffix("s") in _not_names():
        return False
    if tok.acronym:
        # In a heading, capitals are shouting (VIEW IN TELEGRAM); roman numerals are numbers.
        known = exonym_index().lookup(tok.text) is not None
        return known or (len(tok.text) <= 6 and not heading and not _ROMAN.match(tok.text))
    key = (lang, folded)
    known = exonym_index().lookup(tok.text) is not None or given_name(tok.text) is not None
    if known:
        return True
    if key in ev.lower or key in ev.cued:
        return False
    if tok.initial or heading:
        return key in ev.mid_cap
    return True


def _name_flags(passage: Passage, tokens: Sequence[Token], ev: _Evidence) -> list[bool]:
    """Which tokens can be part of a name; a surname right after a given name always can."""
    heading = _title_line(passage.text, tokens)
    flags = [_is_name_word(t, passage.lang, heading, ev) for t in tokens]
    for i in range(1, len(tokens)):
        tok, prev = tokens[i], tokens[i - 1]
        if flags[i] or not flags[i - 1] or not tok.capitalised or tok.hashtag or tok.acronym:
            continue
        if given_name(prev.text) is None or not _joined(passage.text, prev, tok):
            continue
        key = (passage.lang, fold(tok.text))
        if fold(tok.text) not in _not_names() and key not in ev.lower and key not in ev.cued:
            flags[i] = True
    return flags


def _runs(text: str, tokens: Sequence[Token], flags: Sequence[bool]) -> list[list[Token]]:
    """Maximal sequences of name words joined by single spaces, with particles inside."""
    runs: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        if not (flags[i] or (tokens[i].particle and i + 1 < len(tokens) and flags[i + 1])):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]):
            if flags[j]:
                run.append(tokens[j])
            elif tokens[j].particle and j + 1 < len(tokens) and flags[j + 1]:
                if not _joined(text, tokens[j], tokens[j + 1]):
                    break
                run.append(tokens[j])
            else:
                break
            j += 1
        runs.append(run)
        i = j
    return runs


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return gap in (" ", "\u00a0", "") and not right.hashtag


def _phrase_at(text: str, tokens: Sequence[Token], i: int) -> int:
    """Length in tokens of the longest known multi-word name starting at token i (0 if none)."""
    index = exonym_index()
    top = min(len(tokens) - i, index.longest_words + 2)
    for size in range(top, 1, -1):
        last = tokens[i + size - 1]
        if not last.text[:1].isalpha():
            continue
        if any(not _joined(text, tokens[k], tokens[k + 1]) for k in range(i, i + size - 1)):
            continue
        if index.lookup(text[tokens[i].start : last.end]) is not None:
            return size
    return 0


def _split_run(text: str, run: list[Token], tails: frozenset[str]) -> list[list[Token]]:
    """Cut a run where a known place ends (Russie | Iouri Ouchakov) or a place name leads."""
    while run and run[0].particle:
        if fold(text[run[0].start : run[-1].end]) in tails:
            break
        run = run[1:]
    while run and run[-1].particle:
        run = run[:-1]
    if not run:
        return []
    if len(run) > 1 and run[0].acronym != run[1].acronym:
        # An acronym does not prefix a name (FAFL | Normandie-Niemen).
        return [run[:1], *_split_run(text, run[1:], tails)]
    index = exonym_index()
    for cut in range(len(run) - 1, 0, -1):
        head = text[run[0].start : run[cut - 1].end]
        if index.lookup(head) is not None and not run[cut].particle:
            return [run[:cut], *_split_run(text, run[cut:], tails)]
    # "le Moyen-Orient Steve Whitkoff": a hyphenated place before a two-word personal name.
    hyphenated = "-" in run[0].text and not given_name(run[0].text)
    if len(run) >= 3 and hyphenated and all(not t.particle for t in run[1:]):
        return [run[:1], run[1:]]
    return [run]


def _type_of(form: str, words: Sequence[str]) -> EntityType:
    """PER, LOC, ORG or MISC from known names, keywords and name patterns."""
    concept = exonym_index().lookup(form)
    if concept is not None:
        return concept.type
    lowered = {fold(w) for w in words}
    if len(words) == 1 and words[0].isupper():
        return EntityType.ORG
    if lowered & _EVENT_WORDS:
        return EntityType.MISC
    if lowered & _ORG_WORDS:
        return EntityType.ORG
    if is_russian_name(form) or given_name(words[0]) is not None:
        return EntityType.PER
    if any(exonym_index().lookup(w) is not None for w in words):
        return EntityType.LOC
    caps = [w for w in words if w[:1].isupper()]
    return EntityType.PER if len(caps) >= 2 else EntityType.MISC


def _context(text: str, start: int, end: int) -> str:
    """The sentence around a mention, trimmed to about 120 characters."""
    flat = " ".join(text.split())
    if len(flat) <= _CONTEXT:
        return flat
    left = max(0, start - (_CONTEXT - (end - start)) // 2)
    snippet = " ".join(text[left : left + _CONTEXT].split())
    return ("…" if left else "") + snippet + ("…" if left + _CONTEXT < len(text) else "")


def _mention(passage: Passage, start: int, end: int) -> Mention:
    text = passage.text
    form = text[start:end]
    before = text[:start]
    newlines = before.count("\n")
    if newlines:
        line, column = passage.line + newlines, start - before.rfind("\n")
    else:
        line, column = passage.line, passage.column + start
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", form)
    return Mention(
        form=form,
        lang=passage.lang,
        type=_type_of(form, words),
        source=passage.source,
        start=passage.start + start,
        end=passage.start + end,
        line=line,
        column=column,
        context=_context(text, start, end),
    )


def _tails(
    passages: Sequence[Passage], tokenised: Sequence[list[Token]], ev: _Evidence
) -> set[str]:
    """Particle + surname endings of full names (de Gaulle from Charles de Gaulle)."""
    tails: set[str] = set()
    for passage, tokens in zip(passages, tokenised, strict=True):
        flags = _name_flags(passage, tokens, ev)
        for run in _runs(passage.text, tokens, flags):
            form = passage.text[run[0].start : run[-1].end]
            if _type_of(form, [t.text for t in run]) != EntityType.PER:
                continue
            for tok in run[1:-1]:
                if tok.particle and tok.text.islower():
                    tails.add(fold(passage.text[tok.start : run[-1].end]))
                    break
    return tails


def find_mentions(passages: Iterable[Passage]) -> list[Mention]:
    """All name mentions in the passages, using corpus-wide evidence for capitalised words."""
    items = list(passages)
    tokenised = [tokenize(p.text) for p in items]
    ev = _collect(items, tokenised)
    ev = _Evidence(ev.lower, ev.cued, ev.mid_cap, frozenset(_tails(items, tokenised, ev)))
    found: list[Mention] = []
    for passage, tokens in zip(items, tokenised, strict=True):
        text = passage.text
        flags = _name_flags(passage, tokens, ev)
        taken = [False] * len(tokens)
        i = 0
        while i < len(tokens):
            size = _phrase_at(text, tokens, i) if tokens[i].capitalised else 0
            if size and not tokens[i].hashtag:
                found.append(_mention(passage, tokens[i].start, tokens[i + size - 1].end))
                for k in range(i, i + size):
                    taken[k] = True
                    flags[k] = False
                i += size
            else:
                i += 1
        for run in _runs(text, tokens, flags):
            for piece in _split_run(text, run, ev.tails):
                if len(piece) == 1 and fold(piece[0].text) in _language_names():
                    continue
                found.append(_mention(passage, piece[0].start, piece[-1].end))
    found.sort(key=lambda m: (m.source, m.start, m.end))
    return found
