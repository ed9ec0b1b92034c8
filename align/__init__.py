"""align-glossary: French-English alignment and a bilingual glossary of proper names.

Use it from Python::

    import align

    read = align.read("seeds")                    # Documents from files and folders
    analysed = align.analyse(read.documents)      # language segments and sentences
    fr = [s for s in analysed[0].sentences if s.lang == "fr"]
    en = [s for s in analysed[3].sentences if s.lang == "en"]
    result = align.pair(fr, en)                   # mode "auto": parallel or comparable
    for link in result.links:
        print(link.fr, link.en, link.score, link.labels)

    links = align.align_parallel(fr_texts, en_texts)    # a text and its translation
    links = align.align_comparable(fr_texts, en_texts)  # separately written reports
    summary = align.run("seeds", "exports")             # the whole pipeline, as `align run`
    findings = align.check(documents, "exports/glossary.xlsx")  # as `align check`

Names match through transliteration by default (Ouchakov anchors Ushakov): pass
`name_key=None` to compare spellings only. The glossary side is the `glossary` package.

The packages, in the order a document goes through them: `readers` (files in), `text` (language,
repeats, sentences), `anchors` (dates and numbers), `pairing` (which documents go together, in
which mode), `parallel` and `comparable` (the two aligners), `exports` (TMX and the review
workbook), `pipeline` (the run), `cli` (the command line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The API lives in align.api and is loaded on first use: this package is also the command line's,
# and `align --help` must not pay the ~0.25 s that setting up every stage's types and patterns
# costs. Type checkers and readers see the plain imports below.
if TYPE_CHECKING:
    from align.api import (
        align_comparable,
        align_parallel,
        analyse,
        build_detector,
        build_splitter,
        check,
        pair,
        read,
        run,
    )
    from align.model import AnalysedDocument, Document, Link, Mode, Segment, Sentence
    from align.pairing.pair import PairResult
    from align.pipeline import RunSummary

_API = {
    "read": "align.api",
    "analyse": "align.api",
    "align_parallel": "align.api",
    "align_comparable": "align.api",
    "pair": "align.api",
    "run": "align.api",
    "check": "align.api",
    "build_detector": "align.api",
    "build_splitter": "align.api",
    "AnalysedDocument": "align.model",
    "Document": "align.model",
    "Link": "align.model",
    "Mode": "align.model",
    "Segment": "align.model",
    "Sentence": "align.model",
    "PairResult": "align.pairing.pair",
    "RunSummary": "align.pipeline",
}
__all__ = [
    "AnalysedDocument",
    "Document",
    "Link",
    "Mode",
    "PairResult",
    "RunSummary",
    "Segment",
    "Sentence",
    "__version__",
    "align_comparable",
    "align_parallel",
    "analyse",
    "build_detector",
    "build_splitter",
    "check",
    "pair",
    "read",
    "run",
]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'align' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
