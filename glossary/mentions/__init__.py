"""Names in French and English passages: word tokens with their surroundings (`tokens`), cues
around capitalised words (`cues`), what the whole corpus says about each word (`corpus`), and
the finder that puts them together (`finder`).
"""

from glossary.mentions.finder import find_mentions

__all__ = ["find_mentions"]
