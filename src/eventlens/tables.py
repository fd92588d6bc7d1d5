"""Versioned data tables shipped inside the package.

Every table is a JSON file ``{"name": ..., "version": ..., ...}`` or a TSV
with a ``# version:`` line, so that each output row can say which table
versions produced it and a malformed table fails loudly at start-up.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from eventlens.errors import DataError


@cache
def load_json(package: str, filename: str) -> dict[str, Any]:
    """Load a packaged JSON table, checking its name/version header."""
    try:
        text = resources.files(package).joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"packaged table {package}/data/{filename} is missing; reinstall eventlens") from exc
    try:
        table = json.loads(text)
    except ValueError as exc:
        raise DataError(f"packaged table {package}/data/{filename} is not valid JSON: {exc}") from exc
    if not isinstance(table, dict) or "version" not in table:
        raise DataError(f"packaged table {package}/data/{filename} has no version header")
    return table


def read_text(package: str, filename: str) -> str:
    """The raw text of a packaged data file (TSV lexicons)."""
    try:
        return resources.files(package).joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"packaged table {package}/data/{filename} is missing; reinstall eventlens") from exc


def version_of(package: str, filename: str) -> str:
    """'name@version' of a JSON table, recorded with results."""
    table = load_json(package, filename)
    return f"{table.get('name', filename)}@{table['version']}"
