"""Comparable mode: the passages of separately written documents that report the same event,
linked on shared dates, numbers, names and key terms (`events`), with content words and cognates
(`words`). The weights are in `weights`.
"""
