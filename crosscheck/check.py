"""CI mode: compare conflicts with a baseline file (owner: render).

    conflict_key(finding, result) -> str          # stable under claim renumbering and file order
    load_baseline(path) -> set[str]
    write_baseline(path, result)                  # atomic
    new_conflicts(result, baseline) -> list[Finding]
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


class BaselineError(Exception):
    pass


def conflict_key(finding, result) -> str:
    """STUB."""
    return f"{finding.event}|{finding.category}|{finding.explanation}"


def load_baseline(path) -> set:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a readable baseline ({exc})") from None
    return {e["key"] for e in data.get("conflicts", [])}


def write_baseline(path, result) -> None:
    entries = sorted({conflict_key(f, result): f.explanation for f in result.findings if f.kind == "conflict"}.items())
    text = json.dumps({"schema": 1, "conflicts": [{"key": k, "explanation": e} for k, e in entries]}, indent=1) + "\n"
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".baseline.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def new_conflicts(result, baseline: set) -> list:
    return [f for f in result.findings if f.kind == "conflict" and conflict_key(f, result) not in baseline]
