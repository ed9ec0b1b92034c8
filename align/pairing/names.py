"""Names matched through the run's glossary: the entity a word belongs to is its key.

The aligners compare names word by word through a name key (`NameKey`). Built from a glossary,
the key of a word is the entity whose forms hold it (its canonical forms and every variant not
rejected, after a person's edits), so whatever the glossary merges, the aligners match: an
exonym (Moscou = Moscow), an acronym (URSS = USSR), a misspelling a translator moved to the
right entity (Whitkoff = Witkoff). A word that belongs to no entity, or to several (a given name,
"Union"), keeps its transliteration key (glossary.translit.match_key), so Ouchakov still
meets Ushakov when the glossary does not know him.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from align.model import NameKey
from glossary.model import Glossary, Lang, VariantStatus
from glossary.translit import match_key

_WORD = re.compile(r"[^\W\d_]+")
# Shorter words of a name are particles and initials (de, la, al, D.): never an entity's key.
MIN_KEY_WORD = 3
ENTITY_PREFIX = "entity:"


class GlossaryNames:
    """A name key built once from a glossary; call it on a word of a text.

    The glossary only ever joins: words with one transliteration key keep meeting, and the keys
    of every word of one entity meet too (union of the classes, represented by the smallest).
    """

    def __init__(self, glossary: Glossary, fallback: NameKey = match_key) -> None:
        self._fallback = fallback
        owners: dict[str, set[str]] = defaultdict(set)
        for entity_id, form in _forms(glossary):
            for word in _WORD.findall(form):
                if len(word) >= MIN_KEY_WORD:
                    owners[fallback(word)].add(entity_id)
        parent: dict[str, str] = {}

        def find(key: str) -> str:
            root = key
            while parent.get(root, root) != root:
                root = parent[root]
            parent[key] = root
            return root

        for key, ids in sorted(owners.items()):
            # A word several entities share (a given name, "Union") says nothing about which.
            if len(ids) == 1:
                a, b = find(key), find(ENTITY_PREFIX + next(iter(ids)))
                if a != b:
                    parent[max(a, b)] = min(a, b)
        self._class = {key: find(key) for key in owners if len(owners[key]) == 1}
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._memo.get(word)
        if found is None:
            key = self._fallback(word)
            found = self._memo[word] = self._class.get(key, key)
        return found


def _forms(glossary: Glossary) -> Iterable[tuple[str, str]]:
    """(entity id, form) for every canonical form and every variant not rejected."""
    for entity in glossary.entities:
        for lang in (Lang.EN, Lang.FR):
            for form in entity.canonicals(lang):
                yield entity.entity_id, form
    for variant in glossary.variants:
        if variant.status is not VariantStatus.REJECTED:
            yield variant.entity_id, variant.variant


def glossary_name_key(glossary: Glossary | None) -> NameKey:
    """The name key of a run: through the glossary's entities when there is one."""
    return match_key if glossary is None else GlossaryNames(glossary)
