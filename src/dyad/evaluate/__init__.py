"""Scorers that measure dyad's output against gold data (kept out of the project: pass a path).

Each scorer reads a gold file, runs the real pipeline and returns an ``Evaluation``
(``dyad.evaluate.report``) that the CLI prints as tables or one JSON object.
"""

from dyad.evaluate.report import Evaluation, GoldError

__all__ = ["Evaluation", "GoldError"]
