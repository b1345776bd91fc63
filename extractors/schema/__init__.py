"""The article record's JSON Schema, shipped inside the package, and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@cache
def article_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("article.schema.json").read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(article_schema())


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema, as readable ``path: message`` lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, err.absolute_path)) or '<root>'}: {err.message}"
        for err in sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    ]
