"""Source lines of .html text (issue 10, item 5): their cost, and that it stays linear.

Run from the repository root:  python benchmarks/html_positions.py

`page_text` reads a page as `visible_text` did and also counts, for each line of the text, the
line of the source where it starts. Measured: CPU seconds of reading pages of 1 and 2 MB (many
short paragraphs, a deep unclosed nesting, one long hard-wrapped paragraph), and the growth
when the size doubles (x2.0 is linear).
Baseline, in the same run: align/readers/html.py of BASE_COMMIT (before source lines), exported
with `git show` into a temporary module, on the same pages.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.readers.html import page_text  # noqa: E402

BASE_COMMIT = "34b26ed"
MB = 1_000_000
PARAGRAPH = "<p>Le conseiller Iouri Ouchakov a reçu\nl'envoyé Steve Witkoff à Moscou.</p>\n"
WRAPPED = "Le conseiller Iouri Ouchakov a reçu l'envoyé Steve Witkoff à Moscou,\n"
PAGES: dict[str, Callable[[int], str]] = {
    "short paragraphs": lambda size: PARAGRAPH * (size // len(PARAGRAPH)),
    "unclosed divs": lambda size: "<div>\n" * (size // 12) + "Bonjour " * (size // 16),
    "one wrapped paragraph": lambda size: "<p>" + WRAPPED * (size // len(WRAPPED)) + "</p>",
}


def baseline() -> Callable[[str], str]:
    source = subprocess.run(
        ["git", "show", f"{BASE_COMMIT}:align/readers/html.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="html-base-"))
    (folder / "html_base.py").write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("html_base", folder / "html_base.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.visible_text  # type: ignore[no-any-return]


def cpu(function: Callable[[str], object], page: str) -> float:
    start = time.process_time()
    function(page)
    return time.process_time() - start


def main() -> None:
    base = baseline()
    print(f"{'page':24s} {'size':>6s} {'base s':>7s} {'ours s':>7s} {'ratio':>6s}")
    for name, make in PAGES.items():
        ours_by_size = {}
        for size in (MB, 2 * MB):
            page = make(size)
            text, lines = page_text(page)
            assert text == base(page), f"{name}: the text changed"
            assert len(lines) == text.count("\n")
            base_s, ours_s = cpu(base, page), cpu(page_text, page)
            ours_by_size[size] = ours_s
            ratio = ours_s / base_s
            print(f"{name:24s} {size // MB:>4d}MB {base_s:7.2f} {ours_s:7.2f} {ratio:6.2f}")
        print(f"{'':24s} doubling the size: x{ours_by_size[2 * MB] / ours_by_size[MB]:.1f}")


if __name__ == "__main__":
    main()
