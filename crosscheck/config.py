"""Configuration: the built-in lexicon and policies, extended by a user's TOML file.

A user file may hold any of the sections of the package's ``data/*.toml``; lists are
extended, scalars replaced. ``Config.digest`` keys the extraction cache.
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Optional


class ConfigError(Exception):
    """A config file that cannot be read or parsed."""


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, val in extra.items():
        if isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], val)
        elif isinstance(val, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in val if v not in out[key]]
        else:
            out[key] = val
    return out


@dataclass(frozen=True)
class Config:
    data: dict

    @cached_property
    def digest(self) -> str:
        """Of ``data`` as it is on first use (a Config's data is not changed after it is built);
        computed once: the extract stage asks for it per article."""
        return hashlib.sha256(json.dumps(self.data, sort_keys=True).encode()).hexdigest()[:16]

    def section(self, name: str) -> dict:
        return self.data.get(name, {})


def defaults() -> dict:
    """Every ``data/*.toml`` of the package, merged (each stage keeps its own file)."""
    data: dict = {}
    folder = resources.files("crosscheck").joinpath("data")
    for name in sorted(e.name for e in folder.iterdir() if e.name.endswith(".toml")):
        data = _merge(data, tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8")))
    return data


def load_config(path: Optional[str] = None) -> Config:
    data = defaults()
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config ({exc.__class__.__name__}: {exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        data = _merge(data, user)
    return Config(data)
