"""Which of lingua's full models a detector keeps loaded: a bounded few, freed when done.

The lingua here is a hand-made fake (lingua-py's own habit): each fake detector records which
languages' models are loaded in one shared registry, as lingua shares loaded models between
detectors, and forgets them when unloaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from fake_lingua import Confidence, confidence

import align.text.language as language
from align.model import Document
from align.text.language import LinguaDetector

# What the fake fast models say of each text: French and English beside the rivals of each.
# Lower-case words, not names: a chunk of names alone is weighed by French and English only.
FAST = {
    "ruptly kazbek": {"de": 0.5, "nl": 0.3, "en": 0.2},
    "oblomov karenina": {"pl": 0.6, "cs": 0.3, "fr": 0.1},
    "tallinn tartu": {"sv": 0.7, "ro": 0.2, "en": 0.1},
    "ruptly oblomov": {"de": 0.6, "pl": 0.4},
    "Ruptly Kazbek": {"de": 0.5, "nl": 0.3, "en": 0.2},
    "Tallinn": {"sv": 0.7, "ro": 0.2, "en": 0.1},
    "Oblomov dixit vale": {"pl": 0.6, "cs": 0.3, "fr": 0.1},
    # Lines whose letters read as another language while their function words do not.
    "The adviser Ushakov met Lavrov in Moscow": {"nl": 0.6, "en": 0.3, "fr": 0.1},
    "Het adviser Ushakov met the Lavrov in Moscow": {"nl": 0.6, "en": 0.3, "fr": 0.1},
    "The adviser Ushakov met Lavrov": {"nl": 0.95, "en": 0.04, "fr": 0.01},
    "Le conseiller Ouchakov met Lavrov": {"nl": 0.6, "en": 0.3, "fr": 0.1},
}


@dataclass
class _Registry:
    loaded: set[str] = field(default_factory=set)
    loads: int = 0
    # The most languages besides French and English loaded at once, while weighing a chunk.
    most: int = 0


@dataclass
class _FakeLingua:
    languages: tuple[str, ...]
    registry: _Registry
    fast: bool = False

    def compute_language_confidence_values_in_parallel(
        self, texts: Sequence[str]
    ) -> Iterator[list[Confidence]]:
        if not self.fast:
            missing = set(self.languages) - self.registry.loaded
            self.registry.loads += len(missing)
            self.registry.loaded |= missing
            self.registry.most = max(self.registry.most, len(self.registry.loaded - {"fr", "en"}))
        for text in texts:
            table = FAST[text] if self.fast else {code: 1.0 for code in self.languages}
            total = sum(table.get(code, 0.0) for code in self.languages)
            yield [confidence(code, table.get(code, 0.0) / total) for code in self.languages]

    def unload_language_models(self) -> None:
        self.registry.loaded -= set(self.languages)


@dataclass
class _FakeBuilder:
    languages: tuple[str, ...]
    registry: _Registry

    def build(self) -> _FakeLingua:
        return _FakeLingua(self.languages, self.registry)


LANGUAGES = ("fr", "en", "de", "nl", "pl", "cs", "sv", "ro")


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> _Registry:
    shared = _Registry()

    def builder(codes: Sequence[str]) -> Any:
        return _FakeBuilder(tuple(codes), shared)

    monkeypatch.setattr(language, "_builder", builder)
    return shared


def _detector(registry: _Registry) -> LinguaDetector:
    fast = _FakeLingua(LANGUAGES, registry, fast=True)
    return LinguaDetector(LANGUAGES, _FakeLingua(LANGUAGES, registry), fast)


def _rivals(registry: _Registry) -> set[str]:
    return registry.loaded - {"fr", "en"}


def test_doubtful_lines_of_many_languages_keep_few_full_models_loaded(
    registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "RIVAL_MODELS", 2)
    detector = _detector(registry)
    detector.confidences(list(FAST))
    assert len(_rivals(registry)) <= language.RIVAL_MODELS
    assert {"fr", "en"} <= registry.loaded


@pytest.mark.parametrize("bound", [0, 1, 2, 3, 4])
def test_the_bound_holds_while_lingua_weighs_a_chunk_not_only_between_chunks(
    registry: _Registry, monkeypatch: pytest.MonkeyPatch, bound: int
) -> None:
    monkeypatch.setattr(language, "RIVAL_MODELS", bound)
    # Three chunks with two rivals each, none shared: six languages in all.
    _detector(registry).confidences(["ruptly kazbek", "oblomov karenina", "tallinn tartu"])
    assert registry.most == max(bound, 2)


def test_answers_do_not_depend_on_how_many_models_stay_loaded(
    registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    bounded = _detector(registry).confidences(list(FAST))
    monkeypatch.setattr(language, "RIVAL_MODELS", len(LANGUAGES))
    unbounded = _detector(registry).confidences(list(FAST))
    assert bounded == unbounded


def test_a_language_unloaded_is_loaded_again_when_a_later_line_needs_it(
    registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "RIVAL_MODELS", 0)
    detector = _detector(registry)
    detector.confidences(["ruptly kazbek"])
    assert _rivals(registry) == set()
    detector.confidences(["ruptly oblomov"])
    assert registry.loads == len({"fr", "en", "de", "nl"}) + len({"de", "pl"})


def test_lines_sharing_a_language_are_weighed_before_it_is_unloaded(
    registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "RIVAL_MODELS", 1)
    _detector(registry).confidences(["ruptly kazbek", "oblomov karenina", "ruptly oblomov"])
    # Each language loaded once: "ruptly oblomov" (de, pl) comes between the other two.
    assert registry.loads == len(LANGUAGES) - len({"sv", "ro"})


def test_release_frees_every_full_model(registry: _Registry) -> None:
    detector = _detector(registry)
    detector.confidences(["ruptly kazbek", "oblomov karenina", "tallinn tartu"])
    detector.release()
    assert registry.loaded == set()
    # Released is not broken: the next doubtful line loads what it needs again.
    detector.confidences(["ruptly oblomov"])
    assert registry.loaded == {"fr", "en", "de", "pl"}


@pytest.mark.parametrize(
    ("text", "full_models", "best"),
    [
        # English function words back English, the likelier of the two: the fast row stands.
        ("The adviser Ushakov met Lavrov in Moscow", set(), "en"),
        # A Dutch function word ("het"), fewer than English ones: the full models weigh Dutch.
        ("Het adviser Ushakov met the Lavrov in Moscow", {"fr", "en", "nl"}, None),
        # English below FAST_RIVAL: no backing counts.
        ("The adviser Ushakov met Lavrov", {"fr", "en", "nl"}, None),
        # French words back French, but the fast models find English likelier than French.
        ("Le conseiller Ouchakov met Lavrov", {"fr", "en", "nl"}, None),
    ],
)
def test_a_line_read_as_another_language_on_letters_alone_loads_no_full_models(
    registry: _Registry, text: str, full_models: set[str], best: str | None
) -> None:
    (row,) = _detector(registry).confidences([text])
    assert registry.loaded == full_models
    if best is not None:
        assert LANGUAGES[max(range(len(row)), key=row.__getitem__)] == best
        assert sum(row) == pytest.approx(1.0)
        assert all(
            p == 0.0 for code, p in zip(LANGUAGES, row, strict=True) if code not in ("fr", "en")
        )


@pytest.mark.parametrize(
    ("text", "full_models"),
    [
        # Names, alone or with one other word: their letters say no language.
        ("Ruptly Kazbek", {"fr", "en"}),
        ("Tallinn", {"fr", "en"}),
        # Two words besides the names: the rivals the fast models name are weighed.
        ("Oblomov dixit vale", {"fr", "en", "pl", "cs"}),
        ("ruptly kazbek", {"fr", "en", "de", "nl"}),
    ],
)
def test_a_chunk_of_names_alone_loads_no_rivals_full_model(
    registry: _Registry, text: str, full_models: set[str]
) -> None:
    _detector(registry).confidences([text])
    assert registry.loaded == full_models


@pytest.mark.parametrize(
    ("text", "quiet", "full_models"),
    [
        # Lower-case words the fast models give to other languages: their rivals are weighed,
        # unless no one needs the third language (quiet).
        ("ruptly kazbek", False, {"fr", "en", "de", "nl"}),
        ("ruptly kazbek", True, {"fr", "en"}),
        ("Oblomov dixit vale", True, {"fr", "en"}),
        # Names alone: French and English either way.
        ("Tallinn", False, {"fr", "en"}),
        ("Tallinn", True, {"fr", "en"}),
    ],
)
def test_a_quiet_text_loads_no_rivals_full_model(
    registry: _Registry, text: str, quiet: bool, full_models: set[str]
) -> None:
    _detector(registry).confidences([text], quiet={text} if quiet else set())
    assert registry.loaded == full_models


def test_a_text_weighed_quietly_is_weighed_in_full_when_it_matters(registry: _Registry) -> None:
    """What French and English alone made of a quiet text is not given where it matters; the
    full weighing, once made, is given everywhere."""
    detector = _detector(registry)
    (quiet,) = detector.confidences(["ruptly kazbek"], quiet={"ruptly kazbek"})
    (loud,) = detector.confidences(["ruptly kazbek"])
    fresh = _detector(_Registry()).confidences(["ruptly kazbek"])
    assert loud == fresh[0] != quiet
    assert {"de", "nl"} <= registry.loaded
    assert detector.confidences(["ruptly kazbek"], quiet={"ruptly kazbek"}) == [loud]


@pytest.mark.parametrize(
    ("lines", "matter", "full_models"),
    [
        (["ruptly kazbek"], [True], {"fr", "en", "de", "nl"}),
        (["ruptly kazbek"], [False], {"fr", "en"}),
        # A sample met in a line that matters is weighed in full there and everywhere.
        (["ruptly kazbek", "ruptly kazbek"], [False, True], {"fr", "en", "de", "nl"}),
        (["ruptly kazbek", "tallinn tartu"], [False, True], {"fr", "en", "sv", "ro"}),
    ],
)
def test_lines_that_matter_to_no_one_load_no_rivals_full_model(
    registry: _Registry, lines: list[str], matter: list[bool], full_models: set[str]
) -> None:
    text = "\n\n".join(lines)
    says = dict(zip(lines, matter, strict=True)) if len(set(lines)) == len(lines) else None
    wanted = iter(matter)
    language.detect_segments(
        Document("a.txt", text),
        _detector(registry),
        matters=(lambda line: says[line]) if says else (lambda line: next(wanted)),
    )
    assert registry.loaded == full_models
