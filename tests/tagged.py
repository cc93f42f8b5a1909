"""Reading a tagged PDF back for the tests: the structure tree, its marked content, its text.

Independent of booklet's own tagging code: everything is read from the PDF with pikepdf,
pypdfium2 and poppler's pdfinfo, as a screen reader or a checker would.
"""

from __future__ import annotations

import ctypes
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
MARKS = PAINT | TEXT_SHOW | {"Do", "sh", "INLINE IMAGE"}


@dataclass
class Element:
    role: str
    alt: str = ""
    lang: str = ""
    kids: list[Element | tuple[int, int] | str] = field(default_factory=list)
    """Child elements, marked content as (page index, MCID), annotations as "annot"."""

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def marked(self) -> Iterator[tuple[int, int]]:
        """Every (page, MCID) under this element, in reading order."""
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.marked()
            elif isinstance(kid, tuple):
                yield kid


def read_tree(pdf: pikepdf.Pdf) -> Element:
    """The structure tree as plain objects; fails on anything malformed."""
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}

    def read(node: pikepdf.Dictionary, page: int | None) -> Element:
        assert node.get("/Type", pikepdf.Name.StructElem) == pikepdf.Name.StructElem
        if "/Pg" in node:
            page = pages[node.Pg.objgen]
        element = Element(str(node.S)[1:], str(node.get("/Alt", "")), str(node.get("/Lang", "")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
            if isinstance(kid, int):
                assert page is not None, f"{element.role}: MCID {kid} without a page"
                element.kids.append((page, int(kid)))
            elif kid.get("/Type") == pikepdf.Name.MCR:
                element.kids.append((pages[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == pikepdf.Name.OBJR:
                element.kids.append("annot")
            else:
                element.kids.append(read(kid, page))
        return element

    root = pdf.Root.StructTreeRoot
    kids = root.K
    top = kids if isinstance(kids, pikepdf.Dictionary) else kids[0]
    return read(top, None)


def page_mcids(page: pikepdf.Page) -> list[int]:
    """MCIDs in a page's content stream, in stream order."""
    found = []
    for instruction in pikepdf.parse_content_stream(page):
        operands = instruction.operands
        if str(instruction.operator) == "BDC" and len(operands) == 2:
            properties = operands[1]
            if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                found.append(int(properties.MCID))
    return found


def unmarked_problems(page: pikepdf.Page) -> list[str]:
    """Marks outside any marked content, and text inside an untyped (catch-all) artifact."""
    problems: list[str] = []
    stack: list[str] = []
    for instruction in pikepdf.parse_content_stream(page):
        operator = str(instruction.operator)
        if operator in ("BDC", "BMC"):
            operands = instruction.operands
            kind = str(operands[0])
            if kind == "/Artifact" and operator == "BMC":
                kind = "catch-all artifact"
            stack.append(kind)
        elif operator == "EMC":
            stack.pop()
        elif operator in MARKS and not stack:
            problems.append(f"'{operator}' outside marked content")
        elif operator in TEXT_SHOW and stack and stack[-1] == "catch-all artifact":
            problems.append(f"text in an untyped artifact: {instruction.operands}")
    return problems


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}


def mcid_texts(path: Path) -> list[dict[int, str]]:
    """For each page, the text of each MCID (pdfium reads the text objects' marked content)."""
    document = pdfium.PdfDocument(path)
    pages = []
    for page in document:
        text_page = page.get_textpage()
        texts: dict[int, str] = {}
        for obj in page.get_objects(max_depth=1):
            if obj.type != pdfium_raw.FPDF_PAGEOBJ_TEXT:
                continue
            mcid = pdfium_raw.FPDFPageObj_GetMarkedContentID(obj.raw)
            size = pdfium_raw.FPDFTextObj_GetText(obj.raw, text_page.raw, None, 0)
            buffer = (ctypes.c_ushort * (size // 2))()
            pdfium_raw.FPDFTextObj_GetText(obj.raw, text_page.raw, buffer, size)
            text = bytes(buffer)[: size - 2].decode("utf-16-le")
            if mcid >= 0:
                texts[mcid] = texts.get(mcid, "") + text
        pages.append(texts)
    return pages


def reading_order(path: Path) -> list[tuple[int, str]]:
    """(page index, text) of every marked-content sequence, in structure-tree order."""
    with pikepdf.open(path) as pdf:
        tree = read_tree(pdf)
    texts = mcid_texts(path)
    return [(page, texts[page].get(mcid, "")) for page, mcid in tree.marked()]


def struct_text(path: Path) -> list[tuple[int, str, str]]:
    """`pdfinfo -struct-text` as (depth, role, text of its direct text lines)."""
    output = subprocess.run(
        ["pdfinfo", "-struct-text", str(path)], check=True, capture_output=True, text=True
    ).stdout
    rows: list[tuple[int, str, str]] = []
    for line in output.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        stripped = line.strip()
        if stripped.startswith('"') and rows:
            d, role, text = rows[-1]
            rows[-1] = (d, role, text + stripped.strip('"'))
        elif re.fullmatch(r"[A-Za-z0-9]+( \((block|inline)\))?:?", stripped):
            rows.append((depth, stripped.split()[0].rstrip(":"), ""))
    return rows


def letters(text: str) -> str:
    """Text reduced to its letters and digits, for comparing across line breaks and hyphens."""
    return "".join(c for c in text.casefold() if c.isalnum())
