"""The JSON Schema (draft 2020-12) of content.yaml, generated from the declaration.

Editors that speak the YAML language server complete and check fields with it: a content file
names it on its first line (`# yaml-language-server: $schema=content.schema.json`). It says
what the schema language can say (types, required fields, limits, names, patterns); the rules
that span fields (a room id the plan names, dates in order, a photo that exists) stay with the
validator, which is the authority.
"""

from __future__ import annotations

import json
from typing import Any

from booklet.content.declaration import CONTENT

SCHEMA_FILE = "content.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def content_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict."""
    return {
        "$schema": DIALECT,
        "title": "booklet content.yaml",
        **CONTENT.schema(),
    }


def schema_text() -> str:
    """The schema as written to content.schema.json: stable, readable, one trailing newline."""
    return json.dumps(content_schema(), indent=2, ensure_ascii=False) + "\n"
