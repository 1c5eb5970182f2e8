"""The grammar of a stated figure (owner: numbers).

Interface used by the extract stage:
    find_quantities(sentence: str) -> list[Quantity]   # offsets relative to ``sentence``
    parse_number(text: str) -> float | None            # "1,065" -> 1065.0, "a dozen" -> 12.0
"""
from __future__ import annotations

import re

from .model import Quantity

_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


def parse_number(text: str):
    """STUB."""
    try:
        return float(re.sub(r"[,\u00a0\u202f\u2009]", "", text))
    except ValueError:
        return None


def find_quantities(sentence: str) -> list:
    """STUB: bare digit numbers, exact."""
    out = []
    for m in _NUM.finditer(sentence):
        v = parse_number(m.group())
        out.append(Quantity(m.start(), m.end(), m.group(), v, v, v, num_start=m.start(), num_end=m.end()))
    return out
