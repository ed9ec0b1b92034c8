"""Documents in: files, folders and standard input (`files`), bytes to text (`encoding`), the
visible text of HTML (`html`) and of Word documents (`docx`).
"""

from align.readers.files import ReadResult, Skipped, read_file, read_paths

__all__ = ["ReadResult", "Skipped", "read_file", "read_paths"]
