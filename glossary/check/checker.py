"""Checking new text against the glossary: a name not in its canonical form is a finding.

The checker is built once per glossary (see index.py). For each passage it finds known forms by
exact lookup of its words, then tries the capitalised runs left over against the glossary's forms
with fuzzy matching inside small blocks, and judges each hit against the canonical form wanted by
the passage's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from glossary.check.index import CHECK_LANGS, Form, FormIndex, KeyFunction, Role, build_index
from glossary.check.keys import compare_key, tokens
from glossary.check.match import Hit, exact_hits, fuzzy_hits
from glossary.model import EntityType, Glossary, Passage, VariantKind, VariantStatus
from glossary.text import snippet
from glossary.translit import match_key
from glossary.weights import MIN_CONFIDENCE, SHORT_CONFIDENCE

CONTEXT_CHARS = 160


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


@dataclass(frozen=True)
class _Verdict:
    """What one entity makes of a hit: acceptable (finding None) or a finding's kind and target."""

    entity_id: str
    kind: FindingKind | None
    suggestion: str
    confidence: float
    introduces: bool
    derived: bool


class Checker:
    """Matches passages against one glossary; build it once and call `check` on many texts."""

    def __init__(
        self,
        glossary: Glossary,
        *,
        name_key: KeyFunction = match_key,
        min_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        self._index: FormIndex = build_index(glossary, name_key)
        self._min_confidence = min_confidence

    def check(self, passages: Iterable[Passage], lang: str | None = None) -> list[Finding]:
        """Findings in document order; `lang` ("fr"/"en") overrides every passage's language."""
        findings: list[Finding] = []
        introduced: dict[str, set[str]] = {}
        order: dict[str, int] = {}
        for passage in passages:
            order.setdefault(passage.source, len(order))
            wanted = lang or passage.lang
            if wanted not in CHECK_LANGS:
                continue  # no canonical form to want in an undetermined or third language
            seen = introduced.setdefault(passage.source, set())
            findings.extend(self._check_passage(passage, wanted, seen))
        return sorted(findings, key=lambda f: (order[f.file], f.line, f.column))

    def _check_passage(self, passage: Passage, lang: str, seen: set[str]) -> list[Finding]:
        words = tokens(passage.text, self._index.fold.__getitem__)
        exact = exact_hits(self._index, passage.text, words)
        fuzzy = fuzzy_hits(self._index, passage.text, words, exact, self._min_confidence)
        fuzzy_spans = [(h.start, h.end) for h in fuzzy]
        kept = [h for h in exact if not any(s <= h.start and h.end <= e for s, e in fuzzy_spans)]
        result = []
        for hit in sorted([*kept, *fuzzy], key=lambda h: h.start):
            verdict = self._judge(hit, lang, seen)
            if verdict is None:
                continue
            if verdict.introduces:
                seen.add(verdict.entity_id)
            if verdict.kind is not None:
                result.append(self._finding(passage, hit, lang, verdict))
        return result

    def _judge(self, hit: Hit, lang: str, seen: set[str]) -> _Verdict | None:
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
            # romanisation from a typo: every unknown form is reported as a likely misspelling.
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
            if entity_id in seen:
                return verdict(None, tails[0])
            # Reported once per entity and document: the fix is to write the full name first.
            return _Verdict(entity_id, FindingKind.SHORT, canon[0], SHORT_CONFIDENCE, True, True)
        if variants:
            ref = max(variants, key=lambda f: f.count)
            if self._is_abbreviation(ref, lang):
                if entity_id in seen:
                    return verdict(None, ref)
                return _Verdict(entity_id, _variant_kind(ref, lang), canon[0], 1.0, True, False)
            return verdict(_variant_kind(ref, lang), ref)
        if same:
            ref = min(same, key=lambda f: (f.role is Role.SUFFIX, f.lang == lang))
            return verdict(_variant_kind(ref, lang), ref)
        # Equal to a known form but for accents: "Serguei Lavrov" for "Sergueï Lavrov".
        ref = min(forms, key=lambda f: (f.lang != lang, f.role is not Role.CANONICAL))
        return verdict(FindingKind.SPELLING, ref)

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
