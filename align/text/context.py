"""Language by document context: a French name does not make an English sentence French.

lingua reads letters, so an English sentence full of French names ("The Société de Développement
des Entreprises Culturelles (SODEC) will manage the fund.") comes out French, and the reverse.
Grammar is what tells the two apart: function words (the, will, of / le, est, dans). So, after
`align.text.language` has labelled a document:
1. The document's language is the one of French and English whose function words, counted
   outside names, outnumber the other's over the whole document.
2. A segment labelled with the other of the two needs strong evidence to keep that label: at
   least as many of its own function words outside names as of the document's. A function word
   inside a name ("de", "des", "du" in "Société de Développement des Entreprises") is no
   evidence: names are runs of capitalised words and the few lower-case words between them.
3. Otherwise the segment takes the document's language; its confidence is then the share of the
   document language's function words among the function words counted.
A line with no function word of the document's language keeps lingua's label (a French title, a
quotation), and segments in other languages or `und` are never touched.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from align.model import Segment
from glossary.model import Lang

# Closed-class words of each language that the other does not use as a word of its own ("a",
# "on", "as", "son", "plus" are words in both, so they are no evidence either way).


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: dict[Lang, frozenset[str]] = {
    Lang.FR: _words(
        "le la les l' un une des du de d' au aux et ou où mais donc car ni que qu' qui quoi dont "
        "est sont était étaient sera seront été être avait avaient ont avoir fait "
        "il elle ils elles nous vous je j' lui leur leurs se s' ce c' cette ces cet ne n' pas "
        "dans pour par sur avec sans sous entre vers chez selon depuis pendant contre "
        "sa ses mon ma mes notre nos votre vos aussi très déjà encore tout tous toute toutes "
        "cela ceci y"
    ),
    Lang.EN: _words(
        "the an and or but nor of to in into onto from with without for at by about after "
        "before over under between against during through is are was were be been being has "
        "have had will would shall should can could may might must do does did not no it its "
        "he she they we you i him them us his her their our your this that these those which "
        "who whom whose what there than then also said says very"
    ),
}
# Lower-case words allowed between two capitalised words of one name ("Conseil des arts et des
# lettres du Québec"): more would join two names across a clause.
MAX_NAME_GAP = 6

_TOKEN = re.compile(r"(?i:qu|[cdjlmnst])['’](?=[^\W\d_])|[^\W\d_]+|[^\w\s]")
# Function words that may stand between two capitalised words of one name ("Conseil des arts
# et des lettres du Québec", "Bank of the South").
PARTICLES: dict[Lang, frozenset[str]] = {
    Lang.FR: _words("de d' du des la le les l' et"),
    Lang.EN: _words("of the"),
}
# Those that also join a name to the capitalised word after them ("de Gaulle", "du Québec");
# "the" before a name is English grammar, not part of the name.
LEADING_PARTICLES: dict[Lang, frozenset[str]] = {
    Lang.FR: _words("de d' du des"),
    Lang.EN: frozenset(),
}

_COUNTED = (Lang.FR, Lang.EN)
# How many segment texts' function words a caller's memo holds at most.
MEMO_SIZE = 100_000
_EITHER = FUNCTION_WORDS[Lang.FR] | FUNCTION_WORDS[Lang.EN]
_FIRST = operator.itemgetter(0)
# Function words that end a name in `lang` (all but its particles).
_BREAKING = {lang: _EITHER - PARTICLES[lang] for lang in (Lang.FR, Lang.EN)}


@dataclass(frozen=True)
class Evidence:
    """Function words of French and English found outside names in a text."""

    fr: int
    en: int

    def of(self, lang: Lang) -> int:
        """The count for `lang` (French or English)."""
        return self.fr if lang is Lang.FR else self.en


def function_words(text: str) -> Evidence:
    """French and English function words of `text`, not counting those inside names."""
    # Tokenised, lowered and searched for names once for both languages. The two apostrophes
    # tokenise alike; no token holds a line break, so the tokens are lowered in one call.
    tokens = _TOKEN.findall(text.replace("’", "'"))
    if not tokens:
        return Evidence(0, 0)
    lower = "\n".join(tokens).lower().split("\n")
    capitals = itertools.compress(itertools.count(), map(str.isupper, map(_FIRST, tokens)))
    names = [i for i in capitals if tokens[i][0].isalpha() and lower[i] not in _EITHER]
    return Evidence(_count(tokens, lower, names, Lang.FR), _count(tokens, lower, names, Lang.EN))


def _count(tokens: Sequence[str], lower: Sequence[str], names: Sequence[int], lang: Lang) -> int:
    """Function words of `lang` outside names. Between two capitalised words of a name may
    stand content words and particles of `lang` ("des arts et des lettres du"), no other
    function word of either language ("from the" ends a name)."""
    hits = list(
        itertools.compress(itertools.count(), map(FUNCTION_WORDS[lang].__contains__, lower))
    )
    if not hits:
        return 0
    breaking = _BREAKING[lang]
    masked = [False] * len(tokens)
    for left, right in itertools.pairwise(names):
        gap = range(left + 1, right)
        if len(gap) <= MAX_NAME_GAP and all(
            tokens[k][:1].isalpha() and lower[k] not in breaking for k in gap
        ):
            for k in gap:
                masked[k] = True
    leading = LEADING_PARTICLES[lang]
    for i in names:
        k = i - 1
        while k >= 0 and lower[k] in leading and not masked[k]:
            masked[k] = True
            k -= 1
    return sum(1 for k in hits if not masked[k])


def document_language(segments: Sequence[Segment]) -> Lang | None:
    """French or English, whichever's function words dominate the document; None if neither."""
    return _main_language(_evidence(segments))


def _evidence(
    segments: Sequence[Segment], known: dict[str, Evidence] | None = None
) -> list[Evidence | None]:
    """The function words of each French or English segment (None for the others); `known`
    holds those of texts met before, and is given those of new ones."""
    if known is None:
        return [function_words(s.text) if s.lang in _COUNTED else None for s in segments]
    out: list[Evidence | None] = []
    for seg in segments:
        if seg.lang not in _COUNTED:
            out.append(None)
            continue
        found = known.get(seg.text)
        if found is None:
            if len(known) >= MEMO_SIZE:
                known.clear()
            found = known[seg.text] = function_words(seg.text)
        out.append(found)
    return out


def _main_language(evidence: Sequence[Evidence | None]) -> Lang | None:
    fr = sum(e.fr for e in evidence if e is not None)
    en = sum(e.en for e in evidence if e is not None)
    if fr == en:
        return None
    return Lang.FR if fr > en else Lang.EN


def in_document_context(
    segments: Sequence[Segment], known: dict[str, Evidence] | None = None
) -> list[Segment]:
    """The segments of one document, French/English labels weighed against the document's.

    `known`: the function words of segment texts met before (documents repeat lines), kept
    from one document to the next by a caller that checks many."""
    # Each segment's function words are counted once, for the document's language and its own.
    evidence = _evidence(segments, known)
    main = _main_language(evidence)
    if main is None:
        return list(segments)
    other = Lang.EN if main is Lang.FR else Lang.FR
    out = []
    for seg, found in zip(segments, evidence, strict=True):
        if seg.lang is other and found is not None:
            ours, theirs = found.of(main), found.of(other)
            if ours > theirs:
                seg = replace(seg, lang=main, confidence=round(ours / (ours + theirs), 4))
        out.append(seg)
    return out
