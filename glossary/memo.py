"""What the name finder may reuse from an earlier run, passage by passage (a record layer).

The finder's rules weigh what the whole corpus says about each capitalised word, then decide
passage by passage. A passage's decisions are a function of the passage and of the answers the
corpus-wide evidence gave to the questions its rules asked ("is ('fr', 'union') written in lower
case somewhere?"). So each decision is kept with the questions it asked and their answers; the
next run, over a corpus with one more document, replays those questions against the new
evidence and reuses the decision when every answer is the same, computing only the rest.

Nothing here knows the rules: the evidence's sets are wrapped so that every look-up made while a
passage is decided is noted (`Watch`), whatever rule makes it. A use of a whole set (iterating
it, its size, a set operation) is noted as a question about the whole set, answered by its
digest. What is kept goes to a `Keeper` (the run's store, or a dict in tests) as JSON values; the
keys carry the digest of the glossary package's source and data (the rules, the lists they read,
this module), so changed rules never reuse a decision made by others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, cast

from glossary.model import Passage

# Questions about a whole set are kept under its name with this prefix, with its digest.
_WHOLE = "*"


class Keeper(Protocol):
    """Where kept values live: JSON-able values by (stage, key)."""

    def recall(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        """The values kept for those keys (missing or unreadable ones left out)."""
        ...

    def keep(self, stage: str, values: Mapping[str, Any]) -> None:
        """Keep those values (and count them as this run's)."""
        ...

    def damaged(self, problem: str) -> None:
        """A kept value did not read back (it is computed again)."""
        ...


class DictKeeper:
    """A Keeper in memory (tests, or one process's runs)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], Any] = {}
        self.problems: list[str] = []

    def recall(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        return {k: self.values[stage, k] for k in keys if (stage, k) in self.values}

    def damaged(self, problem: str) -> None:
        self.problems.append(problem)

    def keep(self, stage: str, values: Mapping[str, Any]) -> None:
        for k, v in values.items():
            # Through JSON, as a store would: a value must read back as it was kept.
            self.values[stage, k] = json.loads(json.dumps(v))


@cache
def rules_digest() -> str:
    """A digest of the glossary package's source and data (the rules, the lists they read):
    changed rules reuse nothing."""
    h = hashlib.sha256()
    root = Path(str(resources.files("glossary")))
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def passage_key(passage: Passage, *extra: str) -> str:
    """A digest of everything the finder reads of one passage, and `extra` (its role)."""
    h = hashlib.sha256(rules_digest().encode())
    for part in (
        passage.source,
        passage.lang,
        passage.text,
        str(passage.start),
        str(passage.line),
        str(passage.column),
        *extra,
    ):
        h.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def _code(key: Any) -> str:
    """A set member as one string (what is kept of a question): the finder's members are
    words and (language, word) pairs. Called for every look-up kept: kept cheap."""
    if isinstance(key, str):
        return "s" + key
    if type(key) is tuple and len(key) == 2:
        first, second = key
        plain = isinstance(first, str) and isinstance(second, str)
        if plain and _SEP not in first and _SEP not in second:
            return f"t{first}{_SEP}{second}"
    return "j" + json.dumps(key, sort_keys=True, default=str)


_SEP = "\x1f"


def grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """A set of (language, word) pairs as JSON keeps it cheaply: the words of each language."""
    out: dict[str, list[str]] = {}
    for first, second in sorted(pairs):
        out.setdefault(str(first), []).append(second)
    return out


def ungrouped(value: Mapping[str, Sequence[str]]) -> frozenset[tuple[str, str]]:
    """The pairs of `grouped`."""
    return frozenset((first, second) for first, seconds in value.items() for second in seconds)


class Watch:
    """Notes the look-ups made in the sets it hands out, while `recorded` runs."""

    def __init__(self) -> None:
        self._watched: list[_WatchedSet | _WatchedMap] = []
        self._wholes: dict[str, str] | None = None
        self._codes: dict[str, frozenset[str]] = {}
        self._maps: dict[str, dict[str, list[str]]] = {}
        self._digests: dict[str, str] = {}

    def set(self, name: str, members: Iterable[Any]) -> frozenset[Any]:
        """`members` as a frozenset whose look-ups are noted under `name`."""
        watched = _WatchedSet(self, name, frozenset(members))
        self._codes[name] = frozenset(map(_code, watched.members))
        self._watched.append(watched)
        # Typed as the frozenset it stands for: the rules read it as one.
        return cast(frozenset[Any], watched)

    def mapping(
        self, name: str, values: Mapping[Any, frozenset[Any]]
    ) -> Mapping[Any, frozenset[Any]]:
        """A mapping to sets, whose look-ups are noted under `name`."""
        self._maps[name] = {_code(k): sorted(map(str, v)) for k, v in values.items()}
        watched = _WatchedMap(self, name, values)
        self._watched.append(watched)
        return watched

    def whole(self, name: str) -> None:
        if self._wholes is not None:
            self._wholes[_WHOLE + name] = self.digest(name)

    def digest(self, name: str) -> str:
        found = self._digests.get(name)
        if found is None:
            if name in self._codes:
                items = sorted(self._codes[name])
            else:
                items = sorted(json.dumps([k, v]) for k, v in self._maps[name].items())
            found = self._digests[name] = hashlib.sha256("\n".join(items).encode()).hexdigest()
        return found

    def recorded(self, compute: Callable[[], Any]) -> tuple[Any, dict[str, Any]]:
        """compute()'s value and the questions it asked, as JSON keeps them."""
        self._wholes = {}
        for watched in self._watched:
            watched.log = {}
        try:
            value = compute()
            asked: dict[str, Any] = dict(self._wholes)
            for watched in self._watched:
                if watched.log:
                    asked[watched.name] = watched.kept(watched.log)
        finally:
            self._wholes = None
            for watched in self._watched:
                watched.log = None
        return value, asked

    def holds(self, asked: Mapping[str, Any]) -> bool:
        """Whether every question kept in `asked` gets the same answer now."""
        for name, answers in asked.items():
            if name.startswith(_WHOLE):
                base = name.removeprefix(_WHOLE)
                if (base not in self._codes and base not in self._maps) or (
                    self.digest(base) != answers
                ):
                    return False
            elif name in self._codes:
                codes = self._codes[name]
                inside, outside = answers
                if not all(c in codes for c in inside) or any(c in codes for c in outside):
                    return False
            elif name in self._maps:
                values = self._maps[name]
                if any(values.get(c) != answer for c, answer in answers):
                    return False
            else:
                return False
        return True


class _WatchedSet(AbstractSet[Any]):
    """A read-only set noting each look-up to its Watch, and any use of the whole set (its
    members, its size) as such. Not a frozenset: set operations of the built-in sets would read
    one without asking it; with this class they go through its look-ups."""

    def __init__(self, watch: Watch, name: str, members: frozenset[Any]) -> None:
        self._watch, self.name, self.members = watch, name, members
        self.log: dict[Any, bool] | None = None

    def __contains__(self, key: object) -> bool:
        answer = key in self.members
        if self.log is not None:
            self.log[key] = answer
        return answer

    @staticmethod
    def kept(log: Mapping[Any, bool]) -> list[list[str]]:
        """The members asked about that were in, and those that were not."""
        inside = [_code(k) for k, answer in log.items() if answer]
        return [inside, [_code(k) for k, answer in log.items() if not answer]]

    def __iter__(self) -> Iterator[Any]:
        self._watch.whole(self.name)
        return iter(self.members)

    def __len__(self) -> int:
        self._watch.whole(self.name)
        return len(self.members)

    @classmethod
    def _from_iterable(cls, members: Iterable[Any]) -> frozenset[Any]:
        return frozenset(members)

    def union(self, *others: Iterable[Any]) -> frozenset[Any]:
        return frozenset(self).union(*others)

    def intersection(self, *others: Iterable[Any]) -> frozenset[Any]:
        return frozenset(self).intersection(*others)

    def difference(self, *others: Iterable[Any]) -> frozenset[Any]:
        return frozenset(self).difference(*others)


class _WatchedMap(Mapping[Any, frozenset[Any]]):
    """A read-only mapping to sets noting the keys looked up (and the sets they gave)."""

    def __init__(self, watch: Watch, name: str, values: Mapping[Any, frozenset[Any]]) -> None:
        self._watch, self.name, self._values = watch, name, values
        self.log: dict[Any, bool] | None = None

    def __getitem__(self, key: Any) -> frozenset[Any]:
        value = self._values.get(key)
        if self.log is not None:
            self.log[key] = True
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[Any]:
        self._watch.whole(self.name)
        return iter(self._values)

    def __len__(self) -> int:
        self._watch.whole(self.name)
        return len(self._values)

    def kept(self, log: Mapping[Any, bool]) -> list[list[Any]]:
        """The keys looked up, each with the set it gave then (None for none)."""
        out: list[list[Any]] = []
        for key in log:
            value = self._values.get(key)
            out.append([_code(key), None if value is None else sorted(map(str, value))])
        return out


# What a kept value that does not read back raises: it is computed again.
_UNREADABLE = (KeyError, TypeError, ValueError, IndexError, AttributeError)


class PassageMemo:
    """Per-passage results of one finding, taken from a Keeper when still valid.

    `keys` are the passages' keys (`passage_key`). Without a keeper everything is computed and
    nothing is noted, as the finder always did.
    """

    def __init__(self, keeper: Keeper | None, keys: Sequence[str]) -> None:
        self._keeper = keeper
        self._keys = list(keys)

    def each(
        self,
        stage: str,
        compute: Callable[[int], Any],
        encode: Callable[[Any], Any],
        decode: Callable[[Any], Any],
        *,
        watch: Watch | None = None,
        only: Sequence[int] | None = None,
        keys: Sequence[str] | None = None,
    ) -> list[Any]:
        """compute(n) for every passage n (or those of `only`, keyed by `keys` if given),
        reused where kept (and, with a watch, where every question kept gets the same answer)."""
        wanted = range(len(self._keys)) if only is None else only
        if self._keeper is None:
            return [compute(n) for n in wanted]
        stage_keys = [self._keys[n] for n in wanted] if keys is None else list(keys)
        stored = self._keeper.recall(stage, stage_keys)
        out: list[Any] = []
        new: dict[str, Any] = {}
        for n, key in zip(wanted, stage_keys, strict=True):
            value = _valid(stored.get(key), decode, watch, self._keeper)
            if value is None:
                value, kept = _computed(n, compute, encode, watch)
                new[key] = kept
            out.append(value[0])
        self._keeper.keep(stage, new)
        return out

    def reused(
        self, stage: str, decode: Callable[[Any], Any], watch: Watch | None
    ) -> list[tuple[Any] | None]:
        """The kept values of every passage still valid, (value,); None where to compute."""
        if self._keeper is None:
            return [None] * len(self._keys)
        stored = self._keeper.recall(stage, self._keys)
        keeper = self._keeper
        return [_valid(stored.get(key), decode, watch, keeper) for key in self._keys]

    def filled(
        self,
        stage: str,
        found: Sequence[tuple[Any] | None],
        compute: Callable[[int], Any],
        encode: Callable[[Any], Any],
        watch: Watch | None,
    ) -> list[Any]:
        """The values of `reused`, compute(n) where it had none (and kept)."""
        out: list[Any] = []
        new: dict[str, Any] = {}
        for n, value in enumerate(found):
            if value is None:
                if self._keeper is None:
                    out.append(compute(n))
                    continue
                value, new[self._keys[n]] = _computed(n, compute, encode, watch)
            out.append(value[0])
        if self._keeper is not None:
            self._keeper.keep(stage, new)
        return out


def _valid(
    stored: Any, decode: Callable[[Any], Any], watch: Watch | None, keeper: Keeper
) -> tuple[Any] | None:
    """A kept value, (value,), when it reads back and its questions get the same answers."""
    if stored is None:
        return None
    try:
        if watch is None:
            return (decode(stored),)
        if not watch.holds(stored["asked"]):
            return None
        return (decode(stored["value"]),)
    except _UNREADABLE as err:
        keeper.damaged(f"holds a value this version cannot read ({type(err).__name__}: {err})")
        return None


def _computed(
    n: int, compute: Callable[[int], Any], encode: Callable[[Any], Any], watch: Watch | None
) -> tuple[tuple[Any], Any]:
    """(value,) of compute(n), and what to keep of it (with its questions under a watch)."""
    if watch is None:
        value = compute(n)
        return (value,), encode(value)
    value, asked = watch.recorded(lambda: compute(n))
    return (value,), {"asked": asked, "value": encode(value)}
