"""What shapes `align run`'s output, and the names of the files it writes.

The signature covers every setting of every stage (the weights of each stage's one settings
module, the glossary's data tables, the TMX tags and the version), so the About sheet's
signature changes whenever anything that shapes the output changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from align import __version__, anchors
from align.comparable import events, lexicon, spelled, words
from align.comparable import weights as comparable_weights
from align.pairing import documents, mode, names
from align.pairing import weights as pairing_weights
from align.parallel import band, features, length
from align.parallel import weights as parallel_weights
from align.text import clear, context, language, lines, noise, repeats, sentences
from glossary.signature import describe_modules, glossary_settings

# The align side's stages and the modules whose constants shape each; a stage's weights live in
# its one settings module (language.py, repeats.py, sentences.py, each package's weights.py), its
# rules (word lists, patterns) beside the code that uses them.
STAGES: dict[str, tuple[ModuleType, ...]] = {
    "language": (language, clear, noise, lines, context),
    "repeats": (repeats,),
    "sentences": (sentences,),
    "anchors": (anchors,),
    "pairing": (pairing_weights, documents, mode, names),
    "parallel": (parallel_weights, features, length, band),
    "comparable": (comparable_weights, words, lexicon, spelled, events),
}

GLOSSARY_XLSX = "glossary.xlsx"
GLOSSARY_TBX = "glossary.tbx"
GLOSSARY_CSV = "glossary.csv"
ALIGNMENT_XLSX = "alignment.xlsx"
ALIGNMENT_TMX = "alignment.tmx"
# Every file `align run` writes into its output folder.
EXPORTS = (GLOSSARY_XLSX, GLOSSARY_TBX, GLOSSARY_CSV, ALIGNMENT_TMX, ALIGNMENT_XLSX)


@dataclass(frozen=True)
class RunSettings:
    """Everything that changes `align run`'s output; its signature goes into the workbooks."""

    out_dir: Path
    glossary_path: Path | None = None
    fr_tag: str = "fr"
    en_tag: str = "en"
    keep_one_sided: bool = False

    def as_dict(self) -> dict[str, str]:
        """Settings that shape the output (paths excluded, so moving a folder changes nothing)."""
        stages = {stage: describe_modules(modules) for stage, modules in STAGES.items()}
        return {
            "version": __version__,
            **stages,
            **glossary_settings(),
            "tmx_tags": f"{self.fr_tag},{self.en_tag}",
            "tmx_one_sided": "kept" if self.keep_one_sided else "left out",
        }

    def signature(self) -> str:
        """A short, stable id of the settings, like sacreBLEU's signature."""
        text = json.dumps(self.as_dict(), sort_keys=True)
        return f"align-glossary:{__version__}|{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def stage_signature(*stages: str) -> str:
    """A digest of the settings of the named stages (of STAGES or the glossary's) and the version.

    It keys what the run's store keeps of those stages, so a changed setting invalidates only
    what it shapes.
    """
    glossary = glossary_settings()
    described = {s: describe_modules(STAGES[s]) if s in STAGES else glossary[s] for s in stages}
    if any(s in glossary for s in stages):
        described["data"] = glossary["data"]
    text = json.dumps({"version": __version__, **described}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
