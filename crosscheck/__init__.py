"""crosscheck: cross-check the numbers that news sources report about the same events.

Library use::

    from crosscheck import run
    result = run(["seeds"])
    for f in result.findings:
        print(f.kind, f.explanation)
"""
__version__ = "0.1.0"

from .pipeline import run, extract_paths  # noqa: E402,F401
