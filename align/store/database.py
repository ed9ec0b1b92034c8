"""The run's store: one SQLite file in the output folder, a cache of each stage's results.

Entries are (stage, key) -> JSON text, where the key is a digest of everything that shaped the
value (the document's content, the stage's settings signature...). The store is only ever a
cache: a run that finds it missing, damaged, foreign, from another version of the tool or
unwritable warns in one line and goes on (rebuilding it, or without it); the exports never
depend on what it held. Each batch of entries is written in one transaction, so a run killed in
the middle leaves the store as it was after its last complete batch, which the next run reuses.
The run holds the output folder for its whole length (align/outfolder.py), so two runs never
write one store at once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

# The file's name in the output folder; hidden, as it is no export.
STORE_FILE = ".align-store.sqlite"
# What the `meta` table says of a store this code writes; anything else is rebuilt.
_FORMAT = "align-glossary store"
_SCHEMA = "1"
_CREATE = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    stage TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (stage, key)
) WITHOUT ROWID;
"""
# Seconds to wait for another program holding the file before going on without it.
_BUSY_TIMEOUT = 2.0


class Store:
    """Cached stage results, keyed by digests; every method is safe on a store that failed.

    `warnings` collects the one-line messages the run shows (store rebuilt, store not used).
    """

    def __init__(self, path: Path, code: str) -> None:
        """Open (or create) the store at `path` for this `code` (a digest of the tool's code)."""
        self.path = path
        self.code = code
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None
        self._used: dict[str, set[str]] = {}
        self._rebuilt = False
        self._open()

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _open(self) -> None:
        try:
            self._db = _connect(self.path)
            problem = _problem(self._db, self.code)
        except sqlite3.OperationalError as err:
            # Locked by another program, or no file can be opened there: leave it alone.
            self._give_up(err)
            return
        except sqlite3.DatabaseError as err:
            problem = f"is damaged ({err})"
        if problem is None:
            return
        if problem == "new":
            self._create()
            return
        self._rebuild(problem)

    def _create(self) -> None:
        assert self._db is not None
        try:
            with self._db:
                self._db.executescript(_CREATE)
                self._db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("format", _FORMAT), ("schema", _SCHEMA), ("code", self.code)],
                )
        except sqlite3.DatabaseError as err:
            self._give_up(err)

    def _rebuild(self, problem: str) -> None:
        """Replace a store this run cannot trust with an empty one."""
        self.warnings.append(f"{self.path}: the run's store {problem}; rebuilt it")
        self._rebuilt = True
        self._close()
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = _connect(self.path)
        except (OSError, sqlite3.DatabaseError) as err:
            self._give_up(err)
            return
        self._create()

    def _give_up(self, err: BaseException) -> None:
        """Go on without a store: every stage computes everything, the exports are the same."""
        self.warnings.append(
            f"{self.path}: the run's store cannot be used ({err}); the run goes on without "
            "it and analyses every document again; delete the file or make it writable"
        )
        self._close()

    def _failed(self, err: sqlite3.DatabaseError) -> None:
        """A read or write failed mid-run: a damaged file is rebuilt, anything else given up."""
        if isinstance(err, sqlite3.OperationalError):
            self._give_up(err)
        else:
            self._rebuild(f"is damaged ({err})")

    def damaged(self, problem: str) -> None:
        """A value read back wrong: the whole store is rebuilt (once) and the run goes on."""
        if self._db is not None and not self._rebuilt:
            self._rebuild(problem)

    def get(self, stage: str, keys: Iterable[str]) -> dict[str, str]:
        """The values stored for those keys of `stage` (missing keys are left out)."""
        wanted = list(dict.fromkeys(keys))
        self._used.setdefault(stage, set()).update(wanted)
        found: dict[str, str] = {}
        if self._db is None:
            return found
        try:
            # SQLite caps the parameters of one statement; ask in batches.
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(
                    f"SELECT key, value FROM entries WHERE stage = ? AND key IN ({marks})",
                    [stage, *batch],
                )
                found.update((str(k), str(v)) for k, v in rows)
        except sqlite3.DatabaseError as err:
            self._failed(err)
            return {}
        return found

    def keep(self, stage: str, keys: Iterable[str]) -> None:
        """Count those entries of `stage` as used by this run without reading them."""
        self._used.setdefault(stage, set()).update(keys)

    def keep_stages(self, prefix: str) -> None:
        """Count every entry of the stages named `prefix`... as used by this run."""
        if self._db is None:
            return
        try:
            rows = self._db.execute(
                "SELECT stage, key FROM entries WHERE substr(stage, 1, ?) = ?",
                (len(prefix), prefix),
            ).fetchall()
        except sqlite3.DatabaseError as err:
            self._failed(err)
            return
        for stage, key in rows:
            self._used.setdefault(str(stage), set()).add(str(key))

    def put(self, stage: str, values: Mapping[str, str]) -> None:
        """Store the values of `stage`, all in one transaction."""
        self._used.setdefault(stage, set()).update(values)
        if self._db is None or not values:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                    [(stage, k, v) for k, v in values.items()],
                )
        except sqlite3.DatabaseError as err:
            self._failed(err)

    def keep_only_used(self) -> None:
        """Drop the entries this run neither read nor wrote, so the store holds this corpus."""
        if self._db is None:
            return
        try:
            with self._db:
                stored = self._db.execute("SELECT stage, key FROM entries").fetchall()
                stale = [(s, k) for s, k in stored if k not in self._used.get(s, ())]
                # Freed pages are reused by the next runs' entries: the file does not grow.
                self._db.executemany("DELETE FROM entries WHERE stage = ? AND key = ?", stale)
        except sqlite3.DatabaseError as err:
            self._failed(err)

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def close(self) -> None:
        self._close()


# Keys per SELECT (SQLite's default limit on parameters is 999 in older builds).
_BATCH = 500


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT, isolation_level="DEFERRED")
    return db


def _problem(db: sqlite3.Connection, code: str) -> str | None:
    """Why this store cannot be used as it is; "new" for an empty file, None when it is fine."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return "new"
    if tables != {"meta", "entries"}:
        return "is not one this tool writes"
    meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
    if meta.get("format") != _FORMAT:
        return "is not one this tool writes"
    if meta.get("schema") != _SCHEMA or meta.get("code") != code:
        return "was made by another version of align-glossary"
    check = db.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        return f"is damaged ({check[0] if check else 'no answer'})"
    return None


def peek(folder: Path, code: str, stage: str, key: str) -> str | None:
    """One value of the store of `folder`, read without creating, checking or changing the file;
    None when there is no such store, value, or readable store of this code."""
    path = folder / STORE_FILE
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT)
    except sqlite3.Error:
        return None
    try:
        meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
        if (meta.get("format"), meta.get("schema"), meta.get("code")) != (_FORMAT, _SCHEMA, code):
            return None
        row = db.execute(
            "SELECT value FROM entries WHERE stage = ? AND key = ?", (stage, key)
        ).fetchone()
        return None if row is None else str(row[0])
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        db.close()


@contextlib.contextmanager
def opened(folder: Path, code: str) -> Iterator[Store]:
    """The store of the output folder `folder`, closed afterwards."""
    store = Store(folder / STORE_FILE, code)
    try:
        yield store
    finally:
        store.close()
