"""Evaluation: score the cleaner (or any command, or a baseline) against human gold.

``clean eval --gold FORMAT PATH`` reads gold in one of five formats (:mod:`cleaner.evaluate.gold`,
:mod:`cleaner.evaluate.edits`), runs the systems (:mod:`cleaner.evaluate.systems`), scores them
(:mod:`cleaner.evaluate.metrics`) and prints a table or JSON (:mod:`cleaner.evaluate.cli`).

>>> from cleaner.evaluate.gold import Sample
>>> from cleaner.evaluate.metrics import score
>>> s = score(Sample("x", "the. officers", "the officers"), "the officers")
>>> s.ocr_char_dist, s.out_char_dist, s.fixed, s.broken
(1, 0, 1, 0)
"""

from __future__ import annotations

from cleaner.evaluate.gold import FORMATS, EvalError, Region, Sample, read_gold

__all__ = ["FORMATS", "EvalError", "Region", "Sample", "read_gold"]
