"""Parallel mode: a text and its translation aligned sentence by sentence, every sentence in one
link. Per-sentence features and match keys (`features`), the Gale-Church length model (`length`),
the search band around anchors (`band`), the dynamic programme over beads (`dp`), the lexicon
learnt from a first pass (`lexicon`), and the two passes (`aligner`). The weights are in `weights`.
"""
