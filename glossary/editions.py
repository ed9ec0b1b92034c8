"""An event's French and English names with one edition's number, in linked sentences, are one
event: JO-92 and the 1992 Olympic Games, Mondiaux-2009 and the 2009 World Championship.

Sports and political events are named differently in the two languages (Mondial / World Cup,
JO / Olympic Games), so no spelling key joins them; their edition's year does. Once is enough
when the sentences are a translation of each other and each holds one event of that year.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.mentions.cues import event_words
from glossary.model import EntityType, Lang, Mention
from glossary.text import fold_words

if TYPE_CHECKING:  # cooccurrence asks edition() of its pairs: no import cycle at run time
    from glossary.cooccurrence import LinkedSentences, TextSpan

# A year or its last two digits, alone or after a hyphen: Euro 2012, JO-92, World Cup 82.
_NUMBER = re.compile(r"(?<![\d.,:])(\d{4}|\d{2})(?![\d.,:])")


def edition(form: str) -> str:
    """The edition's year of an event's name, its last two digits ("92" for JO-92 and for the
    1992 Olympic Games); "" when the form holds none or two."""
    numbers = _NUMBER.findall(form)
    return numbers[0][-2:] if len(numbers) == 1 else ""


def _event(form: str, kind: EntityType) -> bool:
    """An event's name: typed MISC, or with an event's head noun (Jeux, Championship)."""
    if kind is EntityType.PER or kind is EntityType.LOC:
        return False
    words = set(fold_words(form).replace("-", " ").split())
    return kind is EntityType.MISC or bool(words & event_words())


def edition_pairs(
    groups: Sequence[Sequence[tuple[str, str]]],
    types: Sequence[EntityType],
    mentions: Sequence[Mention],
    links: Sequence[LinkedSentences],
) -> list[tuple[int, int]]:
    """(French group, English group) index pairs: the only event of an edition in a French
    sentence and the only one of that edition in the English sentences linked to it, events
    both sides name in one group aside."""
    group_of = {form: i for i, group in enumerate(groups) for form in group}
    rows: dict[str, list[tuple[int, str, int, str]]] = defaultdict(list)
    for m in mentions:
        i = group_of.get((m.form, m.lang))
        if i is None or m.lang not in (Lang.FR, Lang.EN):
            continue
        year = edition(m.form)
        if year and _event(m.form, types[i]):
            rows[m.source].append((m.start, m.lang, i, year))
    for source in rows:
        rows[source].sort()
    starts = {source: [r[0] for r in found] for source, found in rows.items()}

    def inside(spans: Sequence[TextSpan], lang: str) -> dict[str, set[int]]:
        by_year: dict[str, set[int]] = defaultdict(set)
        for span in spans:
            found, at = rows.get(span.source), starts.get(span.source)
            if not found or at is None:
                continue
            lo, hi = bisect.bisect_left(at, span.start), bisect.bisect_left(at, span.end)
            for _, m_lang, i, year in found[lo:hi]:
                if m_lang == lang:
                    by_year[year].add(i)
        return by_year

    pairs: set[tuple[int, int]] = set()
    for link in links:
        fr, en = inside(link.fr, Lang.FR), inside(link.en, Lang.EN)
        for year, fr_groups in fr.items():
            en_groups = en.get(year, set())
            # An event both sides name alike (Euro-2009 in both) is matched already: the one
            # event of that year left on each side is the pair (Mondiaux-2009, 2009 World
            # Championship beside it).
            both = fr_groups & en_groups
            fr_groups, en_groups = fr_groups - both, en_groups - both
            if len(fr_groups) == 1 and len(en_groups) == 1:
                (a,), (b,) = fr_groups, en_groups
                if a != b:
                    pairs.add((a, b))
    return sorted(pairs)
