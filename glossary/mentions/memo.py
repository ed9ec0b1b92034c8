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
keys carry `VERSION` and the digest of the finder's own source, so changed rules never reuse a
decision made by others.
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

# The shape of what is kept: bump it when the values' layout changes.
VERSION = "1"
# Questions about a whole set are kept under its name with this prefix.
_WHOLE = "*"


class Keeper(Protocol):
    """Where kept values live: JSON-able values by (stage, key)."""

    def recall(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        """The values kept for those keys (missing or unreadable ones left out)."""
        ...

    def keep(self, stage: str, values: Mapping[str, Any]) -> None:
        """Keep those values (and count them as this run's)."""
        ...


class DictKeeper:
    """A Keeper in memory (tests, or one process's runs)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], Any] = {}

    def recall(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        return {k: self.values[stage, k] for k in keys if (stage, k) in self.values}

    def keep(self, stage: str, values: Mapping[str, Any]) -> None:
        for k, v in values.items():
            # Through JSON, as a store would: a value must read back as it was kept.
            self.values[stage, k] = json.loads(json.dumps(v))


@cache
def rules_digest() -> str:
    """A digest of the glossary package's source and data (the rules, the lists they read):
    changed rules reuse nothing."""
    h = hashlib.sha256(VERSION.encode())
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


def _plain(key: Any) -> Any:
    """A set member as JSON keeps it (tuples become lists, enums their value)."""
    if isinstance(key, tuple):
        return [_plain(k) for k in key]
    return str(key) if isinstance(key, str) else key


def _member(value: Any) -> Any:
    """A set member read back from JSON (lists become the tuples they were)."""
    return tuple(_member(v) for v in value) if isinstance(value, list) else value


class Watch:
    """Notes the look-ups made in the sets it hands out, while a log is open."""

    def __init__(self) -> None:
        # (set's name, key looked up) -> the answer, while a passage is worked on.
        self.log: dict[tuple[str, Any], Any] | None = None
        self._sets: dict[str, frozenset[Any]] = {}
        self._maps: dict[str, Mapping[Any, frozenset[Any]]] = {}
        self._digests: dict[str, str] = {}

    def set(self, name: str, members: Iterable[Any]) -> frozenset[Any]:
        """`members` as a frozenset whose look-ups are noted under `name`."""
        plain = self._sets[name] = frozenset(members)
        # Typed as the frozenset it stands for: the rules read it as one.
        return cast(frozenset[Any], _WatchedSet(self, name, plain))

    def mapping(
        self, name: str, values: Mapping[Any, frozenset[Any]]
    ) -> Mapping[Any, frozenset[Any]]:
        """A mapping to sets, whose look-ups are noted under `name`."""
        self._maps[name] = values
        return _WatchedMap(self, name, values)

    def note(self, name: str, key: Any, answer: Any) -> None:
        if self.log is not None:
            self.log[name, key] = answer

    def whole(self, name: str) -> None:
        if self.log is not None:
            self.log[_WHOLE + name, None] = self.digest(name)

    def digest(self, name: str) -> str:
        found = self._digests.get(name)
        if found is None:
            if name in self._sets:
                items: Any = sorted(json.dumps(_plain(m)) for m in self._sets[name])
            else:
                pairs = self._maps[name].items()
                items = sorted(json.dumps([_plain(k), sorted(map(str, v))]) for k, v in pairs)
            found = self._digests[name] = hashlib.sha256("\n".join(items).encode()).hexdigest()
        return found

    def recorded(self, compute: Callable[[], Any]) -> tuple[Any, dict[str, list[Any]]]:
        """compute()'s value and the questions it asked, as JSON keeps them."""
        self.log = {}
        try:
            value = compute()
            asked = self.log
        finally:
            self.log = None
        out: dict[str, list[Any]] = {}
        for (name, key), answer in asked.items():
            out.setdefault(name, []).append([_plain(key), answer])
        return value, dict(sorted(out.items()))

    def holds(self, asked: Mapping[str, Sequence[Any]]) -> bool:
        """Whether every question kept in `asked` gets the same answer now."""
        for name, answers in asked.items():
            whole = name.startswith(_WHOLE)
            name = name.removeprefix(_WHOLE)
            members = self._sets.get(name)
            mapping = self._maps.get(name)
            if members is None and mapping is None:
                return False
            for key, answer in answers:
                if whole:
                    if self.digest(name) != answer:
                        return False
                elif members is not None:
                    if (_member(key) in members) != answer:
                        return False
                elif mapping is not None:
                    now = mapping.get(_member(key))
                    if (None if now is None else sorted(map(str, now))) != answer:
                        return False
        return True


class _WatchedSet(AbstractSet[Any]):
    """A read-only set noting each look-up to its Watch, and any use of the whole set (its
    members, its size) as such. Not a frozenset: set operations of the built-in sets would read
    one without asking it; with this class they go through its look-ups."""

    def __init__(self, watch: Watch, name: str, members: frozenset[Any]) -> None:
        self._watch, self._name, self._members = watch, name, members

    def __contains__(self, key: object) -> bool:
        answer = key in self._members
        log = self._watch.log
        if log is not None:
            log[self._name, key] = answer
        return answer

    def __iter__(self) -> Iterator[Any]:
        self._watch.whole(self._name)
        return iter(self._members)

    def __len__(self) -> int:
        self._watch.whole(self._name)
        return len(self._members)

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
    """A read-only mapping noting the keys looked up (and the sets they gave)."""

    def __init__(self, watch: Watch, name: str, values: Mapping[Any, frozenset[Any]]) -> None:
        self._watch, self._name, self._values = watch, name, values

    def __getitem__(self, key: Any) -> frozenset[Any]:
        value = self._values.get(key)
        self._watch.note(self._name, key, None if value is None else sorted(map(str, value)))
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
        self._watch.whole(self._name)
        return iter(self._values)

    def __len__(self) -> int:
        self._watch.whole(self._name)
        return len(self._values)


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
            value = _valid(stored.get(key), decode, watch)
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
        return [_valid(stored.get(key), decode, watch) for key in self._keys]

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


def _valid(stored: Any, decode: Callable[[Any], Any], watch: Watch | None) -> tuple[Any] | None:
    """A kept value, (value,), when it reads back and its questions get the same answers."""
    if stored is None:
        return None
    try:
        if watch is None:
            return (decode(stored),)
        if not watch.holds(stored["asked"]):
            return None
        return (decode(stored["value"]),)
    except _UNREADABLE:
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
