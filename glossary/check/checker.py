"""Checking new text against the glossary: a name not in its canonical form is a finding.

The checker is built once per glossary (see index.py). For each passage it finds known forms by
exact lookup of its words, then tries the capitalised runs left over against the glossary's forms
with fuzzy matching inside small blocks, and judges each hit against the canonical form wanted by
the passage's language.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from glossary.check.index import (
    CHECK_LANGS,
    Case,
    Form,
    FormIndex,
    KeyFunction,
    Role,
    build_index,
)
from glossary.check.keys import WORD, Word, compare_key, joins_name, tokens
from glossary.check.kinship import (
    convention_only,
    same_name,
    spelled_alike,
    spelt_like,
    translated_given_name,
)
from glossary.check.match import Hit, exact_hits, fuzzy_hits
from glossary.model import EntityType, Glossary, Lang, Passage, VariantKind, VariantStatus
from glossary.text import is_particle, listed_words, snippet, titles
from glossary.translit import (
    foreign_romanisation,
    match_key,
    respell,
    to_english,
    to_french,
)
from glossary.weights import MIN_CONFIDENCE, SHORT_CONFIDENCE

CONTEXT_CHARS = 160
# How many passage texts a checker remembers the hits of (documents repeat lines: datelines,
# signatures, boilerplate; a copy of a passage is still checked, from the hits of the first).
SCAN_MEMO = 100_000


class FindingKind(StrEnum):
    """Why a name is reported: the variant's kind in the glossary, or what the checker saw."""

    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    SHORT = "short"
    ACRONYM = "acronym"
    EXONYM = "exonym"
    OTHER_LANGUAGE = "other-language"
    DEPRECATED = "deprecated"  # a variant the workbook marks deprecated
    MISSPELLING = "misspelling"  # an unknown form close to a known one


@dataclass(frozen=True)
class Finding:
    """A name that is not written as the glossary wants it, located in its file (1-based)."""

    file: str
    line: int
    column: int
    found: str
    suggestion: str
    entity_id: str
    lang: str
    kind: FindingKind
    confidence: float
    context: str
    # Where a person finds it when line and column are not enough: in a .docx, "paragraph 6
    # (table 1, row 1, cell 2)" (line is then the paragraph's number); "" elsewhere.
    place: str = ""


@dataclass(frozen=True)
class _Verdict:
    """What one entity makes of a hit: acceptable (finding None) or a finding's kind and target."""

    entity_id: str
    kind: FindingKind | None
    suggestion: str
    confidence: float
    introduces: bool
    derived: bool


# What a word of a passage may be (see Checker._scan_text): written in lower case, the first
# word of a known form, its last word, a word of a run near a person's known form.
_LOWER, _FIRST, _LAST, _NEAR = 1, 2, 4, 8


@dataclass(frozen=True)
class _Scan:
    """What one passage's text holds for the checker, whatever its document and language."""

    lower: frozenset[str]  # its words written in lower case, folded
    hits: tuple[Hit, ...]  # exact and fuzzy hits, in text order
    inside: tuple[bool, ...]  # each hit is an exact one inside a longer unknown name


@dataclass(frozen=True)
class _Ends:
    """Folded words that may start (or end) a known form: any way written, or capitalised."""

    any_case: frozenset[str]
    cased: frozenset[str]

    @classmethod
    def of(cls, index: FormIndex, position: int) -> _Ends:
        any_case: set[str] = set()
        cased: set[str] = set()
        for forms in index.exact.values():
            for form in forms:
                word, case = form.words[position], form.cases[position]
                (any_case if case is Case.ANY else cased).add(word)
        return cls(frozenset(any_case), frozenset(cased))

    def admits(self, folded: str, capital: bool) -> bool:
        return folded in self.any_case or (capital and folded in self.cased)


class Checker:
    """Matches passages against one glossary; build it once and call `check` on many texts."""

    def __init__(
        self,
        glossary: Glossary,
        *,
        name_key: KeyFunction = match_key,
        min_confidence: float = MIN_CONFIDENCE,
        strict: bool = False,
        prefilter: bool = True,
    ) -> None:
        self._index: FormIndex = build_index(glossary, name_key)
        self._min_confidence = min_confidence
        self._strict = strict
        self._romanisations: dict[tuple[str, str], str] = {}
        # The prefilter (see _scan_text); `prefilter=False` looks every passage up in full.
        self._prefilter = prefilter
        self._first = _Ends.of(self._index, 0)
        self._last = _Ends.of(self._index, -1)
        self._near: dict[str, bool] = {}
        self._word_flags: dict[str, tuple[str, int]] = {}
        self._scans: dict[str, _Scan] = {}
        self._may: dict[str, bool] = {}
        # Per hit (by identity, the hit kept with it): its entities and its verdicts by
        # language and introduced entities (see _judge).
        self._verdicts: dict[
            int,
            tuple[Hit, frozenset[str], dict[tuple[str, frozenset[str]], _Verdict | None]],
        ] = {}

    def check(self, passages: Iterable[Passage], lang: str | None = None) -> list[Finding]:
        """Findings in document order; `lang` ("fr"/"en") overrides every passage's language.

        A passage of no clear language (a short, name-heavy line is often `und`) is checked
        against its document's language; in a document with none, against both canonicals.
        """
        findings: list[Finding] = []
        introduced: dict[str, set[str]] = {}
        order: dict[str, int] = {}
        for source, group in groupby(passages, key=lambda p: p.source):
            document = list(group)
            order.setdefault(source, len(order))
            main = lang or _document_language(document)
            seen = introduced.setdefault(source, set())
            scans = [self._scan(passage.text) for passage in document]
            # Words the document also writes in lower case are common words when alone
            # (Time/time, Affaires/affaires): only names are matched.
            common = frozenset().union(*(scan.lower for scan in scans))
            for passage, scan in zip(document, scans, strict=True):
                if not scan.hits:
                    continue
                wanted: str | None = lang or passage.lang
                if wanted not in CHECK_LANGS:
                    if passage.lang not in (Lang.UND, ""):
                        continue  # a third language: no canonical form to want
                    wanted = main
                findings.extend(self._check_passage(passage, scan, wanted, seen, common))
        return sorted(findings, key=lambda f: (order[f.file], f.line, f.column))

    def _scan(self, text: str) -> _Scan:
        """The hits of a passage's text, looked up once per checker (texts repeat)."""
        scan = self._scans.get(text)
        if scan is None:
            if len(self._scans) >= SCAN_MEMO:
                self._scans.clear()
            scan = self._scans[text] = self._scan_text(text)
        return scan

    def _scan_text(self, text: str) -> _Scan:
        """Exact and fuzzy hits of `text`, and its lower-case words.

        The prefilter: most passages hold no name of the glossary, and their words tell so
        before any lookup. An exact hit starts on a word that starts a known form and ends on
        one that ends a known form (capitalised where the form's word is); a fuzzy hit is a
        run of capitalised words and particles of which one at least shares a blocking key
        with a person's word. A passage with neither cannot hold a hit and is not looked up.
        """
        lower, kinds = self._word_kinds(text)
        if not _may_hit(kinds):
            return _Scan(frozenset(lower), (), ())
        words = tokens(text, self._index.fold.__getitem__)
        exact = exact_hits(self._index, text, words)
        fuzzy = fuzzy_hits(self._index, text, words, exact, self._min_confidence)
        fuzzy_spans = [(h.start, h.end) for h in fuzzy]
        kept = [h for h in exact if not any(s <= h.start and h.end <= e for s, e in fuzzy_spans)]
        hits = tuple(sorted([*kept, *fuzzy], key=lambda h: h.start))
        inside = tuple(not h.fuzzy and _inside_longer_name(text, h, words) for h in hits)
        return _Scan(frozenset(lower), hits, inside)

    def prepared(self, texts: Iterable[str]) -> Checker:
        """The checker for passages cut from `texts`: this one (a NarrowingChecker gives one
        that indexes only the part of its glossary those texts could meet)."""
        return self

    def may_hit(self, text: str) -> bool:
        """False when no passage cut from `text` can hold a hit (the prefilter of _scan_text):
        a passage's words are some of its text's, and a word only adds to what they may be.
        Such a text needs no cutting into sentences: it lends the checker only its lower-case
        words."""
        known = self._may.get(text)
        if known is not None:
            return known
        lower, kinds = self._word_kinds(text)
        may = _may_hit(kinds)
        if len(self._may) >= SCAN_MEMO:
            self._may.clear()
        self._may[text] = may
        if not may and text not in self._scans:
            # Its scan too: the passage it will be is not looked up again.
            if len(self._scans) >= SCAN_MEMO:
                self._scans.clear()
            self._scans[text] = _Scan(frozenset(lower), (), ())
        return may

    def _word_kinds(self, text: str) -> tuple[set[str], int]:
        """The lower-case words of `text` (folded) and what its words may be in a hit."""
        lower: set[str] = set()
        kinds = 0 if self._prefilter else _FIRST | _LAST | _NEAR
        for word in set(WORD.findall(text)):
            folded, flags = self._word_flags.get(word) or self._flags_of(word)
            if flags & _LOWER:
                lower.add(folded)
            kinds |= flags
        return lower, kinds

    def _flags_of(self, word: str) -> tuple[str, int]:
        """A word's folded form and what it may be in a hit (kept: words repeat)."""
        folded = self._index.fold[word]
        capital = word[0].isupper()
        cased = capital or word.isupper()
        flags = 0 if capital else _LOWER
        if self._first.admits(folded, cased):
            flags |= _FIRST
        if self._last.admits(folded, cased):
            flags |= _LAST
        if (capital or is_particle(folded)) and self._near_person(folded):
            flags |= _NEAR
        self._word_flags[word] = (folded, flags)
        return folded, flags

    def _near_person(self, folded: str) -> bool:
        """Whether a word shares a blocking key with a word of a person's known form."""
        near = self._near.get(folded)
        if near is None:
            near = self._near[folded] = bool(self._index.candidates((folded,)))
        return near

    def _check_passage(
        self,
        passage: Passage,
        scan: _Scan,
        lang: str | None,
        seen: set[str],
        common: frozenset[str],
    ) -> list[Finding]:
        result = []
        for hit, inside in zip(scan.hits, scan.inside, strict=True):
            if not self._strict and ((not hit.fuzzy and inside) or _common_word(hit, common)):
                continue  # "London" of "London Marathon", "Arabia" of "Saudi Arabia", "Time"
            wanted, verdict = self._judge_in(hit, lang, seen)
            if verdict is None:
                continue
            if verdict.introduces:
                seen.add(verdict.entity_id)
            if verdict.kind is not None:
                result.append(self._finding(passage, hit, wanted, verdict))
        return result

    def _judge_in(self, hit: Hit, lang: str | None, seen: set[str]) -> tuple[str, _Verdict | None]:
        """The verdict in `lang`; with no language, a form right in either one is right."""
        if lang is not None:
            return lang, self._judge(hit, lang, seen)
        verdicts = [(code, self._judge(hit, code, seen)) for code in CHECK_LANGS]
        for code, verdict in verdicts:
            if verdict is None or verdict.kind is None:
                return code, verdict
        return max(verdicts, key=lambda cv: cv[1].confidence if cv[1] else 0.0)

    def _judge(self, hit: Hit, lang: str, seen: set[str]) -> _Verdict | None:
        """The verdict on a hit in `lang`, remembered: a repeated passage's hits are the same
        Hit objects (its scan is), and a verdict depends on the hit, the language and which of
        the hit's entities the document has introduced, nothing else."""
        known = self._verdicts.get(id(hit))
        if known is None or known[0] is not hit:
            if len(self._verdicts) >= SCAN_MEMO:
                self._verdicts.clear()
            known = self._verdicts[id(hit)] = (hit, frozenset(f.entity_id for f in hit.forms), {})
        _, entities, by_context = known
        key = (lang, entities.intersection(seen))
        if key not in by_context:
            by_context[key] = self._judge_afresh(hit, lang, seen)
        return by_context[key]

    def _judge_afresh(self, hit: Hit, lang: str, seen: set[str]) -> _Verdict | None:
        found = compare_key(hit.found)
        barred = self._index.rejected.get(found, frozenset())
        by_entity: dict[str, list[Form]] = {}
        for form in hit.forms:
            if form.entity_id not in barred:
                by_entity.setdefault(form.entity_id, []).append(form)
        verdicts = [
            v
            for entity_id, forms in sorted(by_entity.items())
            if (v := self._judge_entity(entity_id, forms, hit, lang, seen)) is not None
        ]
        if not verdicts:
            return None
        accepted = [v for v in verdicts if v.kind is None]
        if accepted:
            return accepted[0]
        if len({v.entity_id for v in verdicts}) > 1:
            known = [v for v in verdicts if v.entity_id in seen]
            if known:
                verdicts = known
            elif all(v.derived for v in verdicts):
                return None  # a bare surname shared by two entities: do not guess which
        return min(verdicts, key=lambda v: (v.derived, -v.confidence, v.entity_id))

    def _judge_entity(
        self, entity_id: str, forms: list[Form], hit: Hit, lang: str, seen: set[str]
    ) -> _Verdict | None:
        found = compare_key(hit.found)
        canon = self._index.canonical(entity_id, lang)
        if not canon:
            return None
        same = [f for f in forms if f.compare == found]
        full = not any(f.is_short for f in (same or forms))

        def verdict(kind: FindingKind | None, ref: Form, confidence: float = 1.0) -> _Verdict:
            suggestion = self._suggest(entity_id, ref, lang) if kind else ""
            derived = ref.role is Role.SUFFIX
            return _Verdict(entity_id, kind, suggestion, confidence, full, derived)

        if hit.fuzzy:
            # Bartou and Barthou share a transliteration key, so the key cannot tell a new
            # romanisation from a typo: every unknown form is reported as a likely misspelling,
            # unless it is this language's regular spelling of the name (see _wrong_by_default).
            if not self._strict and self._own_spelling(entity_id, forms[0], hit, lang):
                return verdict(None, forms[0])
            return verdict(FindingKind.MISSPELLING, forms[0], hit.confidence)
        variants = [f for f in same if f.role is Role.VARIANT]
        for form in variants:
            if form.status is VariantStatus.APPROVED:
                return verdict(None, form)
        for form in variants:
            if form.status is VariantStatus.DEPRECATED:
                return verdict(FindingKind.DEPRECATED, form)
        if found in {compare_key(c) for c in canon}:
            return verdict(None, same[0] if same else forms[0])
        tails = [
            f
            for f in same
            if f.role is Role.SUFFIX
            and (
                f.status is VariantStatus.APPROVED
                or (f.kind is VariantKind.CANONICAL and f.lang == lang)
            )
        ]
        if tails:
            if entity_id in seen or not self._strict:
                return verdict(None, tails[0])  # a correct short form: Merkel, Poutine
            # Reported once per entity and document: the fix is to write the full name first.
            return _Verdict(entity_id, FindingKind.SHORT, canon[0], SHORT_CONFIDENCE, True, True)
        if variants:
            ref = max(variants, key=lambda f: (f.count, f.lang == lang))
            if self._is_abbreviation(ref, lang):
                if entity_id in seen or not self._strict:
                    return verdict(None, ref)
                return _Verdict(entity_id, _variant_kind(ref, lang), canon[0], 1.0, True, False)
            kind = _variant_kind(ref, lang)
        elif same:
            ref = min(same, key=lambda f: (f.role is Role.SUFFIX, f.lang == lang))
            kind = _variant_kind(ref, lang)
        else:
            # Equal to a known form but for accents: "Serguei Lavrov" for "Sergueï Lavrov".
            ref = min(forms, key=lambda f: (f.lang != lang, f.role is not Role.CANONICAL))
            kind = FindingKind.SPELLING
        if not self._strict:
            kind_or_none = self._wrong_by_default(kind, ref, hit, entity_id, lang)
            if kind_or_none is None:
                return verdict(None, ref)
            kind = kind_or_none
        return verdict(kind, ref)

    def _wrong_by_default(
        self,
        kind: FindingKind,
        ref: Form,
        hit: Hit,
        entity_id: str,
        lang: str,
    ) -> FindingKind | None:
        """What the default policy reports of a known non-canonical form (None: it is correct).

        A style guide's view: deprecated forms, spelling and transliteration variants and the
        other language's forms are wrong; correct short forms, acronyms and same-language
        alternative names (Czech Republic for Czechia, URSS for Union soviétique) are not, unless
        they are spelt like the canonical form with a slip (Etats-Unis for États-Unis).
        """
        if kind is FindingKind.DEPRECATED:
            return kind
        if self._own_spelling(entity_id, ref, hit, lang):
            return None
        if kind in (FindingKind.SPELLING, FindingKind.TRANSLITERATION):
            # Clustering may file another name under an entity (Lyons under Sean Lien): a
            # spelling is reported only when the spelling shows it, and not when only the
            # common words of the name differ (Co-operation, irakien/iraquien).
            if not self._spelt_as_own(entity_id, hit.found):
                return None
            if convention_only(hit.found, self._suggest(entity_id, ref, lang)):
                return None
            return kind
        if kind is FindingKind.OTHER_LANGUAGE or ref.lang not in (lang, ""):
            # "URSS" in English, "Moscow" in French: unless this language's sources write it
            # so and never write the canonical form (Kiev where English sources lack Kyiv).
            # An acronym this language's sources write at all is theirs too (USA in French).
            acronym = ref.kind is VariantKind.ACRONYM
            if acronym and self._index.count(entity_id, hit.found, lang):
                return None
            if self._part_of_own(entity_id, hit, lang):
                return None  # al-Maliki where English writes Nouri al-Maliki, and the reverse
            if not same_name(hit.found, self._index.canonical(entity_id, lang)):
                return None  # Euro beside Championnat européen: another name, not a spelling
            if self._other_romanisation(entity_id, hit.found, lang):
                return FindingKind.OTHER_LANGUAGE  # Ziouganov in English, whoever writes it
            return FindingKind.OTHER_LANGUAGE if self._foreign(entity_id, hit, lang) else None
        target = self._suggest(entity_id, ref, lang)
        if kind is FindingKind.SHORT and self._other_tail(entity_id, hit, lang):
            return FindingKind.OTHER_LANGUAGE  # "Lukashenko" for "Loukachenko" in French
        if kind in (FindingKind.SHORT, FindingKind.EXONYM) and spelled_alike(hit.found, target):
            return FindingKind.SPELLING
        return None

    def _own_spelling(self, entity_id: str, ref: Form, hit: Hit, lang: str) -> bool:
        """Whether the found form is right in `lang` whatever the canonical cell says.

        Peter King is not to be romanised Pyotr King (an English given name, not a spelling of
        Пётр); and where this language's canonical form is the other language's romanisation
        (Alexandre Lukashenko in French), this language's regular one (Alexandre Loukachenko,
        as the glossary's transliteration writes it) is the spelling, not a variant.
        """
        if translated_given_name(hit.found, self._suggest(entity_id, ref, lang)):
            return True
        own = self._index.canonical(entity_id, lang)
        if (
            lang not in CHECK_LANGS
            or not own
            or not all(foreign_romanisation(c, lang) for c in own)
        ):
            return False
        found = compare_key(hit.found)
        for code in CHECK_LANGS:
            for name in self._index.canonical(entity_id, code):
                romanised = self._romanised(name, lang)
                if romanised == name:
                    continue  # not a Russian name, or already so written: nothing to learn
                key = compare_key(romanised)
                if key == found or key.endswith(" " + found):
                    return True
        return False

    def _other_romanisation(self, entity_id: str, found: str, lang: str) -> bool:
        """Whether `found` is a Russian name in the other language's romanisation, which this
        language's own gives back as its canonical form (Guennadi Ziouganov for Gennadi
        Zyuganov in English): the spelling proves it, even where the sources write it so. The
        two are compared by transliteration keys, word for word: the romanisation of a given
        name varies within one language (Gennadi, Gennady), the name does not."""
        if lang not in CHECK_LANGS or not foreign_romanisation(found, lang):
            return False
        key = match_key(respell(found, lang))
        return bool(key) and any(
            match_key(name) == key or match_key(name).endswith(" " + key)
            for name in self._index.canonical(entity_id, lang)
        )

    def _romanised(self, name: str, lang: str) -> str:
        """`name` as `lang` romanises Russian (kept: names repeat)."""
        key = (name, lang)
        if key not in self._romanisations:
            romanise = to_french if lang == Lang.FR else to_english
            self._romanisations[key] = romanise(name)
        return self._romanisations[key]

    def _spelt_as_own(self, entity_id: str, found: str) -> bool:
        """Whether `found` is spelt like one of the entity's canonical forms (a person's: or
        like as many of its last words), with slips or in another romanisation."""
        person = self._index.entities[entity_id].type is EntityType.PER
        size = len(tokens(found))
        for code in CHECK_LANGS:
            for name in self._index.canonical(entity_id, code):
                words = tokens(name)
                tail = name[words[-size].start :] if person and 0 < size < len(words) else ""
                if spelt_like(found, name) or (tail and spelt_like(found, tail)):
                    return True
        return False

    def _foreign(self, entity_id: str, hit: Hit, lang: str) -> bool:
        """Whether the form belongs to the other language in the glossary's own sources.

        It does when this language never writes it, or writes the canonical form too and the
        other language writes this form at least as often.
        """
        index = self._index
        here = index.count(entity_id, hit.found, lang)
        if not here:
            return True
        there = sum(index.count(entity_id, hit.found, c) for c in CHECK_LANGS if c != lang)
        canonical_here = any(
            index.count(entity_id, c, lang) for c in index.canonical(entity_id, lang)
        )
        return canonical_here and there >= here

    def _part_of_own(self, entity_id: str, hit: Hit, lang: str) -> bool:
        """The found words are a shorter or longer form of this language's canonical form: its
        last words (al-Maliki of Nouri al-Maliki) or the canonical form with words added at
        either end (Sky TG for Sky, Nouri al-Maliki for al-Maliki)."""
        found = compare_key(hit.found)
        for name in self._index.canonical(entity_id, lang):
            key = compare_key(name)
            if key == found:
                continue
            short, long = sorted((key, found), key=len)
            if long.endswith((" " + short, "-" + short)) or long.startswith(short + " "):
                return True
        return False

    def _other_tail(self, entity_id: str, hit: Hit, lang: str) -> bool:
        """The found words end the other language's canonical form, not this language's."""
        found = compare_key(hit.found)
        other = [
            c
            for code in CHECK_LANGS
            if code != lang
            for c in self._index.canonical(entity_id, code)
        ]
        own = self._index.canonical(entity_id, lang)

        def ends(name: str) -> bool:
            key = compare_key(name)
            return key == found or key.endswith(" " + found) or key.endswith("-" + found)

        return any(ends(c) for c in other) and not any(ends(c) for c in own)

    def _is_abbreviation(self, form: Form, lang: str) -> bool:
        """An acronym or short form of a place or body, in the segment's language (l'URSS, ONU).

        Like a person's surname, it may stand alone once the full name has been written. A
        person's short forms are checked against the canonical form's own words instead: a
        misspelt surname can come labelled `short` ("Bartoux").
        """
        return (
            form.kind in {VariantKind.ACRONYM, VariantKind.SHORT}
            and form.status is VariantStatus.AUTO
            and form.lang in {lang, ""}
            and self._index.entities[form.entity_id].type is not EntityType.PER
        )

    def _suggest(self, entity_id: str, ref: Form, lang: str) -> str:
        """The canonical form in `lang` for `ref`: a surname for a surname, an acronym for one."""
        canon = self._index.canonical(entity_id, lang)
        entity = self._index.entities[entity_id]
        if entity.type is not EntityType.PER:
            # Among alternatives ("Union soviétique|URSS"), the one closest in length to `ref`.
            return min(canon, key=lambda c: abs(len(tokens(c)) - len(ref.words)))
        target = canon[0]
        target_words = tokens(target)
        # A surname stands for a surname: "Ushakov" in French wants "Ouchakov", not the full name;
        # but "Dwight Eisenhower" wants all of "Dwight D. Eisenhower".
        if (ref.is_short or len(ref.words) == 1) and len(ref.words) < len(target_words):
            return target[target_words[-len(ref.words)].start :]
        return target

    def _finding(self, passage: Passage, hit: Hit, lang: str, verdict: _Verdict) -> Finding:
        line, column = _position(passage, hit.start)
        assert verdict.kind is not None
        return Finding(
            file=passage.source,
            line=line,
            column=column,
            found=" ".join(hit.found.split()),  # one line, even when the source wraps a name
            suggestion=verdict.suggestion,
            entity_id=verdict.entity_id,
            lang=lang,
            kind=verdict.kind,
            confidence=round(verdict.confidence, 3),
            context=snippet(passage.text, hit.start, hit.end, CONTEXT_CHARS),
        )


def _may_hit(kinds: int) -> bool:
    """Whether words that may be `kinds` can hold a hit: a word that starts a known form and
    one that ends one, or a word near a person's form."""
    return kinds & (_FIRST | _LAST) == _FIRST | _LAST or bool(kinds & _NEAR)


def _document_language(passages: Sequence[Passage]) -> str | None:
    """The language most of a document's text is in (French or English), None if neither."""
    sizes = {code: 0 for code in CHECK_LANGS}
    for passage in passages:
        if passage.lang in sizes:
            sizes[passage.lang] += len(passage.text)
    best = max(CHECK_LANGS, key=lambda code: sizes[code])
    return best if sizes[best] else None


def _common_word(hit: Hit, common: frozenset[str]) -> bool:
    """A one-word hit on a word its document also writes in lower case, not as a name."""
    words = tokens(hit.found)
    return len(words) == 1 and words[0].folded in common


def _inside_longer_name(text: str, hit: Hit, words: Sequence[Word]) -> bool:
    """Whether a capitalised word joins the hit into a longer name the glossary does not know.

    "London" in "le London Marathon" or "Arabia" in "Saudi Arabia" is part of another name, not
    the glossary's London written in English. Titles ("Président Poutine") and a sentence's first
    word ("Hier Poutine...") do not lengthen a name.
    """
    first = bisect.bisect_left(words, hit.start, key=lambda w: w.start)
    last = bisect.bisect_left(words, hit.end, key=lambda w: w.end)
    if first == len(words) or last == len(words) or words[first].start != hit.start:
        return False
    if words[last].end != hit.end:
        return False
    neighbours = []
    if first > 0 and joins_name(text, words[first - 1], words[first]):
        before = first - 1
        if before > 0 and not _ends_sentence(text[words[before - 1].end : words[before].start]):
            neighbours.append(words[before])
    if last + 1 < len(words) and joins_name(text, words[last], words[last + 1]):
        neighbours.append(words[last + 1])
    ordinary = _ordinary_capitals()
    return any(w.capital and w.folded not in ordinary for w in neighbours)


def _ends_sentence(gap: str) -> bool:
    return any(mark in gap for mark in '.!?:;«»"“”\n')


@functools.cache
def _ordinary_capitals() -> frozenset[str]:
    """Capitalised words that stand beside names without being part of them: titles, etc."""
    return frozenset().union(*listed_words().values(), titles())


def _variant_kind(form: Form, lang: str) -> FindingKind:
    if form.status is VariantStatus.DEPRECATED:
        return FindingKind.DEPRECATED
    if form.kind is VariantKind.CANONICAL:
        # Another language's canonical form, or a canonical form a person has since replaced.
        return FindingKind.OTHER_LANGUAGE if form.lang != lang else FindingKind.SPELLING
    return FindingKind(form.kind.value)


def _position(passage: Passage, offset: int) -> tuple[int, int]:
    """1-based line and column in the source file of passage.text[offset]."""
    breaks = passage.text.count("\n", 0, offset)
    if not breaks:
        return passage.line, passage.column + offset
    return passage.line + breaks, offset - passage.text.rfind("\n", 0, offset)
