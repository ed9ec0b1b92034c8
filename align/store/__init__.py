"""The run's store: a SQLite cache in the output folder of what each stage found.

`database.py` is the file (opening, checking, rebuilding, transactions), `codec.py` the JSON of
the values, `reuse.py` how the stages are keyed and what a re-run takes from the store.
"""

from align.store.database import STORE_FILE, Store, opened

__all__ = ["STORE_FILE", "Store", "opened"]
