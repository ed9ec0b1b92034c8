"""Cues around capitalised words: reference-list lines, catalogue labels, adjectives, head nouns."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from glossary.mentions.tokens import Token
from glossary.model import Lang, Passage
from glossary.text import fold_words
from glossary.weights import SHORTEST_ADJECTIVE

# Nouns that head the name of a body, an event or a place; alone they are common nouns
# (le Bureau, the Press, the Fleet), after a name they end it (White Caucasus Army, Crimean War).
_ORG_TEXT = """union organisation organization alliance party parti council conseil comité committee
ministry ministère bureau service army armée agency agence university université bank banque
congress congrès press presse assembly assemblée league ligue front journal magazine review revue
institute institut studies school école academy académie society société company guard garde
fleet flotte bloc movement mouvement museum musée centre center department département
ministry commonwealth partnership partenariat association fund fonds forum initiative commission
federation fédération forces court cour embassy ambassade authority autorité government
gouvernement corporation corp group groupe foundation fondation program programme church église
house chambre hall inc ltd force chancellery parliament parlement"""
# Newspapers' head nouns (the Washington Post, the Sunday Times): in lower case they are common
# nouns of other senses (in Yeltsin times, a Moscow post), so only a capital makes them heads.
_PRESS_TEXT = "times post tribune herald telegraph gazette"
_EVENT_TEXT = """war guerre pact pacte treaty traité conference conférence revolution révolution
republic république accord agreement summit sommet crisis crise operation opération incident
plan doctrine games jeux championship championships championnat championnats cup coupe marathon
olympics tournament tournoi festival fair salon competition compétition"""
_GEO_TEXT = """harbor harbour bay port island islands isle sea ocean river lake gulf strait cape
mount mountains valley canal peninsula coast desert baie île îles mer océan fleuve rivière lac golfe
détroit cap mont monts vallée péninsule côte heights hauteurs arena stadium stade square street
rue avenue boulevard city arène"""


@functools.lru_cache(maxsize=4)
def _folded(text: str) -> frozenset[str]:
    return frozenset(fold_words(w) for w in text.split())


def org_words() -> frozenset[str]:
    """Folded head nouns of bodies (committee, journal, army)."""
    return _folded(_ORG_TEXT) | press_words()


def press_words() -> frozenset[str]:
    """Folded head nouns of newspapers (Post, Times), heads only when capitalised."""
    return _folded(_PRESS_TEXT)


def event_words() -> frozenset[str]:
    """Folded head nouns of events (war, pact, conference)."""
    return _folded(_EVENT_TEXT)


def geo_words() -> frozenset[str]:
    """Folded head nouns of places (harbor, bay, île)."""
    return _folded(_GEO_TEXT)


def head_words() -> frozenset[str]:
    """All head nouns of names."""
    return org_words() | event_words() | geo_words()


# Ordinals open the names of sessions and ranks, not of bodies: the Second Congress.
ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth premier premiere
    deuxieme seconde troisieme quatrieme cinquieme""".split()  # noqa: SIM905
)


# Compass points: they end place names (Afrique du Nord, Middle East) and never start a person's.
COMPASS_POINTS = frozenset({"north", "south", "east", "west", "nord", "sud", "est", "ouest"})
# Parts of compound place names (Moyen-Orient, Extrême-Orient); alone they are names (l'Occident).
GEO_PARTS = frozenset({"orient", "occident"})
# Nouns that announce a place name after de/of: la ville de Lens, le pont d'Asnières.
_PLACE_NOUNS = frozenset(
    {"ville", "village", "commune", "region", "province", "departement", "pont", "city", "town"}
)
_OF = frozenset({"de", "d", "d'", "d’", "of"})
# Common nouns derived from names (Bolshevization, Sovietologists): capitalised, never a name.
_DERIVED_END = re.compile(r"(?:i[sz]ation|i[sz]ed|ologists?|ologues?)$")
# Words that start a French place name (Le Bourget, La Rochelle); a person's name rarely does.
PLACE_ARTICLES = frozenset({"le", "la", "les"})
# English adjectives of nationality and region end so (American, Eurasian, British, Baltic).
_ADJECTIVE_END = re.compile(r"(?:ican|ian|ean|ish|ese|ic|ern)$")
# Combining forms and prefixes of compound adjectives (Franco-Soviet, Non-Aligned, Anglo-Saxon).
_COMBINING = re.compile(r"^(?:[a-z]+o|non|anti|pro|pan|post|pre|neo)$")
# Words that follow a name as often as a noun follows an adjective: they prove nothing.
_FUNCTION_WORDS = frozenset(
    """and or of the to in on at by for with from as was were is are has had have be been which
who whom that this but nor not than then also its his her their et ou de des du la le les un une
en au aux est sont qui que dont pour par sur dans avec a été""".split()  # noqa: SIM905
)
# A reference-list entry: "12. Surname, Given (2005). Title. Publisher. ISBN ..."
_NUMBERED = re.compile(r"^\s*\d+\.\s")
_CITATION = re.compile(
    r"\((?:[A-Z][a-z]+\.? )?\d{4}\)|\b(?:ISBN|ISSN|OCLC|doi|DOI|PMID|JSTOR)\b|\bpp?\.\s*\d"
)
_AUTHOR_FIRST = re.compile(r"^\s*(?:\d+\.\s+)*[^\W\d_]+, [^\W\d_]+[^()]*\(\d{4}\)")
# A catalogue number after a label: ISBN 978-0-19-151881-2, Bestanddeelnr 911-1157.
_CATALOGUE = re.compile(r"^[ \t\u00a0]+\d(?:[\d./-]*\d)?(?![^\W\d_])")
_YEAR_DIGITS = 4


def citation_passages(passages: Sequence[Passage]) -> frozenset[int]:
    """Indices of passages on reference-list lines (numbered entries with a year, ISBN, pages)."""
    lines: dict[tuple[str, int], list[int]] = {}
    for i, p in enumerate(passages):
        lines.setdefault((p.source, p.line), []).append(i)
    found: set[int] = set()
    for members in lines.values():
        members.sort(key=lambda i: passages[i].column)
        text = " ".join(passages[i].text for i in members)
        numbered = _NUMBERED.match(text) and _CITATION.search(text)
        if numbered or _AUTHOR_FIRST.match(text):
            found.update(members)
    return frozenset(found)


def catalogue_label(text: str, tok: Token) -> bool:
    """A number other than a year follows the word (ISBN 978-..., OCLC 86068902, Yak 3)."""
    number = _CATALOGUE.match(text[tok.end :])
    if not number:
        return False
    digits = number.group().strip()
    return not (len(digits) == _YEAR_DIGITS and digits[:2] in ("17", "18", "19", "20"))


def derived_noun(word: str) -> bool:
    """A common word made from a name: Bolshevization, Sovietologists, Christianized."""
    return bool(_DERIVED_END.search(fold_words(word)))


def place_cue(text: str, tokens: Sequence[Token], k: int, lang: str = "") -> bool:
    """The word follows "ville (française) de", "city of", "pont d'", French "en": a place."""
    if k < 1:
        return False
    before = tokens[k - 1].text
    if lang == Lang.FR and before == "en" and text[tokens[k - 1].end : tokens[k].start] == " ":
        return True  # en France, en Normandie
    if before.lower() not in _OF:
        return False
    for back in (2, 3):
        if k >= back and fold_words(tokens[k - back].text) in _PLACE_NOUNS:
            # la ville de Lens, la ville française de Thil
            return all(t.text.islower() for t in tokens[k - back + 1 : k - 1])
    return False


@functools.lru_cache(maxsize=100_000)
def adjective_form(word: str) -> bool:
    """Shaped like an adjective: American, Baltic, Anglo-Saxon, Soviet-Polish, Non-Aligned."""
    parts = fold_words(word).split()
    if len(parts) == 1:
        return len(parts[0]) >= SHORTEST_ADJECTIVE and bool(_ADJECTIVE_END.search(parts[0]))
    capitals = all(p[:1].isupper() for p in re.split(r"[-‐]", word) if p)
    return capitals and any(
        _COMBINING.match(p) or (len(p) >= SHORTEST_ADJECTIVE and _ADJECTIVE_END.search(p))
        for p in parts
    )


def noun_follows(text: str, tokens: Sequence[Token], i: int) -> bool:
    """The next word is a lower-case content word joined by one space (American troops)."""
    if i + 1 >= len(tokens) or text[tokens[i].end : tokens[i + 1].start] not in (" ", "\u00a0"):
        return False
    nxt = tokens[i + 1].text
    return nxt[:1].islower() and len(nxt) > 2 and nxt.lower() not in _FUNCTION_WORDS


def function_word(word: str) -> bool:
    """An article, preposition, conjunction or auxiliary (the, Les, and, est)."""
    return word.lower() in _FUNCTION_WORDS


def word_follows(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Any word follows, joined by one space: an adjective stands before its noun."""
    if i + 1 >= len(tokens) or text[tokens[i].end : tokens[i + 1].start] not in (" ", "\u00a0"):
        return False
    nxt = tokens[i + 1].text
    return nxt[:1].isupper() or noun_follows(text, tokens, i)


def dash_compound(text: str, tok: Token) -> str:
    """The compound a dash makes with the next word, folded (Nazi–Soviet Pact -> nazi soviet)."""
    after = re.match(r"[–—-]([^\W\d_]+)", text[tok.end :])
    return f"{fold_words(tok.text)} {fold_words(after.group(1))}" if after else ""


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """English language names from CLDR: French, German, Russian alone are adjectives, not names."""
    from babel import Locale

    return frozenset(
        fold_words(name) for name in Locale("en").languages.values() if " " not in name
    )
