"""Lines as a reader sees them: trimmed, and a hard-wrapped line that continues in lower case
joined to the line before it (a blank line always ends a run)."""

from __future__ import annotations

# A line ending in one of these ends its sentence: the next line does not continue it.
_SENTENCE_END = '.!?…:;»"”)]'


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it holds no leading or trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def continues(previous: str, line: str) -> bool:
    """True when `line` is the wrapped continuation of `previous` (no sentence end between)."""
    return bool(previous) and bool(line) and previous[-1] not in _SENTENCE_END and line[0].islower()


def logical_lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Trimmed, non-blank lines of text[start:end], wrapped lines joined (offsets into `text`)."""
    end = len(text) if end is None else end
    lines: list[tuple[int, int]] = []
    offset = start
    after_blank = False
    for raw in text[start:end].split("\n"):
        s, e = trim(text, offset, offset + len(raw))
        offset += len(raw) + 1
        if s == e:
            after_blank = True
            continue
        # The previous line's last character and this one's first are all `continues` reads.
        if lines and not after_blank and continues(text[lines[-1][1] - 1], text[s]):
            lines[-1] = (lines[-1][0], e)
        else:
            lines.append((s, e))
        after_blank = False
    return lines
