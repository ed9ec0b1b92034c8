"""The part of a glossary some passages could meet: checking a few lines needs no full index.

The checker reports a name only through a known form all of whose words are words of the passage
(exact lookup, or the same words but for middle initials: "George W. Bush" for George Bush), or
through a person's form (or its last words, which the index holds too) within MAX_EDITS edits of
a stretch of at most MAX_RUN consecutive words of the passage, both as folded words joined by
spaces: the fuzzy match's Levenshtein bound, whatever its blocks and transliteration keys decide
before it.

`narrowed` keeps the entities one of whose forms passes either test, with all their variants. An
entity dropped has no form the checker could match in these passages, so the index over what is
kept gives the same findings as the whole glossary's. Entities and variants keep the glossary's
order, so ties between forms fall the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

from glossary.check.checker import Checker, Finding
from glossary.check.keys import WORD, Memo, strip_elision
from glossary.model import ALTERNATIVES, Glossary, Passage
from glossary.outline import Chooser, Named, Outline, chosen_part
from glossary.text import APOSTROPHES, fold
from glossary.weights import MAX_EDITS, MAX_RUN

_APOSTROPHE = re.compile("[" + re.escape(APOSTROPHES) + "]")
# Past this many stretches of words the passages are no longer a few lines: the whole glossary is
# indexed, as before (each stretch is compared with the glossary's persons' forms of its length).
MAX_STRETCHES = 5_000
# Distances held at once when forms are compared with stretches (bytes: one each).
_CELLS = 16_000_000


class Draft:
    """What of some passages a known form must meet to be matched there: their folded words, and
    their stretches of at most MAX_RUN consecutive words (folded, joined by spaces)."""

    def __init__(self, passages: Sequence[Sequence[str]]) -> None:
        """`passages`: each passage's folded words, as the checker tokenises it."""
        self.words = frozenset(w for words in passages for w in words)
        stretches: set[str] = set()
        for words in passages:
            _add_stretches(words, stretches)
        self.stretches = frozenset(stretches)

    @classmethod
    def of(cls, texts: Iterable[str], folder: Callable[[str], str] = fold) -> Draft | None:
        """The draft of passages' `texts`; None if they are too long to be worth narrowing,
        known as soon as the stretches pass MAX_STRETCHES (10 MB of text is not folded and cut
        into every stretch first)."""
        passages: list[list[str]] = []
        stretches: set[str] = set()
        for text in texts:
            # Word by word, the stretches ending at each: a whole document given as one text
            # is not folded to its end first.
            words: list[str] = []
            for match in WORD.finditer(text):
                words.append(folder(match.group()))
                last = len(words)
                stretches.update(
                    " ".join(words[first:]) for first in range(max(0, last - MAX_RUN), last)
                )
                if len(stretches) > MAX_STRETCHES:
                    return None
            passages.append(words)
        return cls(passages)


def _add_stretches(words: Sequence[str], stretches: set[str]) -> None:
    """Add to `stretches` the runs of at most MAX_RUN consecutive `words`, joined by spaces."""
    for first in range(len(words)):
        for last in range(first, min(first + MAX_RUN, len(words))):
            stretches.add(" ".join(words[first : last + 1]))


def narrowed(glossary: Glossary, draft: Draft | None) -> Glossary:
    """The entities of `glossary` that could be met in `draft`, with all their variants (the
    whole glossary when there is no draft to narrow to)."""
    if draft is None:
        return glossary
    return chosen_part(glossary, chooser(draft))


def chooser(draft: Draft | None) -> Chooser | None:
    """What chooses, from a glossary's outline, the entities that could be met in `draft`
    (None, all of them, when there is no draft to narrow to)."""
    if draft is None:
        return None
    return lambda outline: chosen(outline, draft)


def chosen(outline: Outline, draft: Draft) -> set[str]:
    """The ids of the entities of `outline` that could be met in `draft`."""
    folder = Memo(fold)
    known = draft.words
    variants: dict[str, list[str]] = {}
    for variant in outline.variants:
        variants.setdefault(variant.entity_id, []).append(variant.variant)
    kept: set[str] = set()
    # A person's forms and their last words ("ouchakov" of "iouri ouchakov") -> their entities.
    fuzzy: dict[str, list[str]] = {}
    for entity in outline.entities:
        if entity.rejected:
            continue  # never indexed
        person = entity.person
        for surface in (*_canonicals(entity), *variants.get(entity.entity_id, ())):
            surface = surface.strip()
            if surface.isascii():
                if "'" in surface:
                    surface = strip_elision(surface)
                # An ASCII word folds to its lower case, word by word or whole.
                words = WORD.findall(surface.lower())
            else:
                if _APOSTROPHE.search(surface):
                    surface = strip_elision(surface)
                words = [folder[w] for w in WORD.findall(surface)]
            if not words:
                continue
            # Every word known (of the form, or for a person of some last words of it).
            if words[-1] in known and (
                all(w in known for w in words)
                or (person and any(all(w in known for w in words[i:]) for i in range(len(words))))
            ):
                kept.add(entity.entity_id)
                break
            if person:
                for i in range(len(words)):
                    fuzzy.setdefault(" ".join(words[i:]), []).append(entity.entity_id)
    for form in _within_edits(fuzzy, draft.stretches):
        kept.update(fuzzy[form])
    return kept


def _canonicals(entity: Named) -> list[str]:
    """Entity.canonicals(lang) for both languages (CHECK_LANGS), without splitting a cell with
    one form."""
    forms: list[str] = []
    for cell in (entity.canonical_en, entity.canonical_fr):
        if ALTERNATIVES in cell:
            forms.extend(form.strip() for form in cell.split(ALTERNATIVES) if form.strip())
        elif stripped := cell.strip():
            forms.append(stripped)
    return forms


def _within_edits(forms: Collection[str], stretches: Collection[str]) -> set[str]:
    """Those of `forms` within MAX_EDITS edits of one of `stretches`."""
    import numpy as np
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import cdist

    found: set[str] = set()
    if not forms or not stretches:
        return found
    forms, stretches = list(forms), list(stretches)
    # Every form against every stretch, in C (rapidfuzz gives up on a pair as soon as it is more
    # than MAX_EDITS apart, by its lengths first), a block of forms at a time: a few MB at once.
    block = max(1, _CELLS // len(stretches))
    for first in range(0, len(forms), block):
        part = forms[first : first + block]
        distances = cdist(
            stretches, part, scorer=Levenshtein.distance, score_cutoff=MAX_EDITS, dtype=np.uint8
        )
        near = np.flatnonzero((distances <= MAX_EDITS).any(axis=0))
        found.update(part[i] for i in near.tolist())
    return found


class NarrowingChecker(Checker):
    """A Checker that reads its glossary when it is given passages, and indexes only the part of
    it those passages could meet: the same findings as Checker(load()), for a few passages a
    small part of the time and memory of a large glossary's index."""

    def __init__(self, load: Callable[[Chooser | None], Glossary], *, strict: bool = False) -> None:
        """`load(choose)`: the glossary, or only the entities `choose` wants of its outline
        (read_glossary's `choose`); None wants them all."""
        # Not Checker.__init__: its index over the whole glossary is what is saved here.
        self._load = load
        self._narrow_strict = strict

    def prepared(self, texts: Iterable[str]) -> Checker:
        """A Checker over the part of the glossary that passages cut from `texts` could meet
        (their words are some of the texts' words, their stretches some of the texts')."""
        draft = Draft.of(texts)
        return Checker(self._load(chooser(draft)), strict=self._narrow_strict)

    def check(self, passages: Iterable[Passage], lang: str | None = None) -> list[Finding]:
        passages = list(passages)
        return self.prepared(p.text for p in passages).check(passages, lang)
