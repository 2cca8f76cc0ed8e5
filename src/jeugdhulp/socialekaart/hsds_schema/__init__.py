"""The vendored HSDS 3.0 schemas (see PROVENANCE.md), loaded into one registry for validating API responses."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HIER = Path(__file__).parent


@cache
def schema(naam: str) -> dict:
    """One HSDS object schema by name, e.g. ``schema("service")``."""
    return json.loads((HIER / f"{naam}.json").read_text(encoding="utf-8"))


@cache
def validator(naam: str):
    """A jsonschema validator for one HSDS object; its ``$ref``s resolve to the sibling files."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resources(
        (pad.name, Resource.from_contents(json.loads(pad.read_text("utf-8")), default_specification=DRAFT202012))
        for pad in HIER.glob("*.json")
    )
    return Draft202012Validator(schema(naam), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
