"""The English names of months and weekdays, shared by the stages that read dates
(ingest's datelines, timeline's expressions, align's event dates)."""
from __future__ import annotations

_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")

#: month name or abbreviation (lower case, no dot) -> 1..12: "march", "mar", "sept"
MONTHS = {**{name: i for i, name in enumerate(_NAMES, 1)},
          **{name[:3]: i for i, name in enumerate(_NAMES, 1)}, "sept": 9}

#: weekday name (lower case) -> 0..6, Monday first, as ``date.weekday()``
WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
