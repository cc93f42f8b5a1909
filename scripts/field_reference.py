"""Rewrite the field reference in README.md from the content declaration.

Run after changing booklet/content/declaration.py: `python scripts/field_reference.py`.
(tests/test_schema.py fails while README.md and the declaration disagree.)
"""

from __future__ import annotations

from pathlib import Path

from booklet.content.reference import replace_reference

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    README.write_text(replace_reference(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the field reference into {README}")
