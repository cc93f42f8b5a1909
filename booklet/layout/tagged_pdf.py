"""Finishing a tagged PDF (PDF/UA-1) from ReportLab's bytes and the structure recorded in layout.

ReportLab writes the pages with their marked content (`BDC ... EMC` with MCIDs, see
`tagging.py`); this step, with pikepdf, adds what ReportLab cannot write: the structure tree
(/StructTreeRoot, /ParentTree, /StructParents on pages and link annotations, OBJRs), /Tabs /S,
/MarkInfo, and XMP metadata naming PDF/UA-1. It also tidies the page streams:

- a marked-content sequence that drew nothing (a spacer's turn in the frame) is removed and the
  MCIDs of its page renumbered, so every MCID in a stream is reachable from the tree;
- marks drawn outside any element or artifact (a panel's background, a rule under a caption)
  are decoration by construction, since every text and picture of the story is tagged: they
  are wrapped as `/Artifact BMC ... EMC`, so no content is left unmarked. Text never ends up
  there from our own layout; tests check that such plain artifacts hold no text.

The output is deterministic: same input bytes and tree, same output bytes.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

from booklet.content.inline import escape  # as xml.sax.saxutils.escape, without urllib
from booklet.layout.tagging import Annotation, Marked, Node, Structure

PATH = frozenset({"m", "l", "c", "v", "y", "h", "re"})
PAINT = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
TEXT_SHOW = frozenset({"Tj", "TJ", "'", '"'})
MARKS = PAINT | TEXT_SHOW | frozenset({"Do", "sh", "INLINE IMAGE", "BI"})
BEGIN_MARKED = frozenset({"BDC", "BMC"})


def finish(pdf: bytes, structure: Structure, metadata: dict[str, str | bool]) -> bytes:
    """The PDF with its structure tree, ready for a screen reader; deterministic bytes."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        mcids: dict[tuple[int, int], int] = {}
        for index, page in enumerate(document.pages):
            _tidy_page(document, page, index, mcids)
        _write_structure(document, structure, mcids)
        root = document.Root
        root.MarkInfo = Dictionary(Marked=True)
        language = str(metadata.get("lang", "")) or "und"
        root.Lang = String(language)
        preferences = root.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        created = _set_dates(document, str(metadata.get("created", "")))
        root.Metadata = document.make_stream(_xmp(document, language, created).encode())
        root.Metadata.Type = Name.Metadata
        root.Metadata.Subtype = Name.XML
        out = io.BytesIO()
        document.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            # The XMP names no pdf:PDFVersion to fix, and is already written as pikepdf's
            # fixing would rewrite it (through lxml: ~7 ms and an import per file).
            fix_metadata_version=False,
        )
    return out.getvalue()


def _tidy_page(
    document: pikepdf.Pdf, page: pikepdf.Page, index: int, mcids: dict[tuple[int, int], int]
) -> None:
    """Drop empty MCID sequences (renumbering the rest) and mark stray marks as artifacts."""
    original = pikepdf.parse_content_stream(page)
    out: list[Any] = []
    open_sequences: list[tuple[int, int | None, bool]] = []  # (position in out, mcid, marked)
    loose: list[Any] = []  # marks outside any sequence, waiting to be wrapped
    loose_marks = False
    in_text = False
    next_mcid = 0
    changed = False

    def flush_loose() -> None:
        nonlocal loose_marks, changed
        if loose_marks:
            out.append(pikepdf.ContentStreamInstruction([Name.Artifact], Operator("BMC")))
            out.extend(loose)
            out.append(pikepdf.ContentStreamInstruction([], Operator("EMC")))
            changed = True
        else:
            out.extend(loose)
        loose.clear()
        loose_marks = False

    for instruction in original:
        operator = str(instruction.operator)
        if not open_sequences:
            # Outside marked content: gather a path, a text object or an image, whole.
            if operator in BEGIN_MARKED:
                flush_loose()
            elif operator == "BT":
                flush_loose()
                in_text = True
                loose.append(instruction)
                continue
            elif in_text:
                loose.append(instruction)
                loose_marks |= operator in MARKS
                if operator == "ET":
                    in_text = False
                    flush_loose()
                continue
            elif operator in PATH:
                loose.append(instruction)
                continue
            elif operator in MARKS or operator in ("n", "W", "W*"):
                loose.append(instruction)
                loose_marks |= operator in MARKS
                if operator != "W" and operator != "W*":
                    flush_loose()
                continue
            else:
                flush_loose()
        if operator in BEGIN_MARKED:
            mcid = _mcid_of(instruction) if operator == "BDC" else None
            open_sequences.append((len(out), mcid, False))
            out.append(instruction)
            continue
        if operator == "EMC" and open_sequences:
            position, mcid, marked = open_sequences.pop()
            if mcid is not None and not marked:
                out[position] = None  # an empty sequence: drop its BDC and this EMC
                changed = True
                continue
            if mcid is not None:
                mcids[(index, mcid)] = next_mcid
                if next_mcid != mcid:
                    tag = out[position].operands[0]
                    out[position] = pikepdf.ContentStreamInstruction(
                        [tag, Dictionary(MCID=next_mcid)], Operator("BDC")
                    )
                    changed = True
                next_mcid += 1
            if open_sequences and marked:
                parent = open_sequences[-1]
                open_sequences[-1] = (parent[0], parent[1], True)
            out.append(instruction)
            continue
        if operator in MARKS and open_sequences:
            position, mcid, _ = open_sequences[-1]
            open_sequences[-1] = (position, mcid, True)
        out.append(instruction)
    flush_loose()
    if changed:
        kept = [item for item in out if item is not None]
        page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(kept))


def _mcid_of(instruction: Any) -> int | None:
    operands = instruction.operands
    if len(operands) == 2 and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
        return int(operands[1].MCID)
    return None


def _write_structure(
    document: pikepdf.Pdf, structure: Structure, mcids: dict[tuple[int, int], int]
) -> None:
    pages = [page.obj for page in document.pages]
    parents: dict[int, dict[int, pikepdf.Object]] = {}  # page -> MCID -> element
    annotations: list[tuple[Annotation, pikepdf.Object]] = []

    def write(node: Node, parent: pikepdf.Object) -> pikepdf.Object | None:
        element = document.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent)
        )
        kids = Array()
        home: int | None = None
        for kid in node.kids:
            if isinstance(kid, Node):
                written = write(kid, element)
                if written is not None:
                    kids.append(written)
            elif isinstance(kid, Marked):
                mcid = mcids.get((kid.page, kid.mcid))
                if mcid is None:
                    continue
                home = kid.page if home is None else home
                parents.setdefault(kid.page, {})[mcid] = element
                if kid.page == home:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=pages[kid.page], MCID=mcid))
            else:
                annotation = _annotation(pages, kid)
                kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=pages[kid.page]))
                annotations.append((kid, element))
        if not kids and node is not structure.root:
            return None
        if home is not None:
            element.Pg = pages[home]
        element.K = kids[0] if len(kids) == 1 else kids
        if node.alt:
            element.Alt = String(node.alt)
        if node.lang:
            element.Lang = String(node.lang)
        if node.scope:
            element.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))
        return element

    tree_root = document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    top = write(structure.root, tree_root)
    numbers = Array()
    for page_index in sorted(parents):
        by_mcid = parents[page_index]
        pages[page_index].StructParents = page_index
        numbers.append(page_index)
        numbers.append(Array([by_mcid.get(m, None) for m in range(max(by_mcid) + 1)]))
    key = len(pages)
    for annotation, element in annotations:
        target = _annotation(pages, annotation)
        target.StructParent = key
        target.Contents = String(annotation.contents)
        numbers.append(key)
        numbers.append(element)
        key += 1
    for page in pages:
        page.Tabs = Name.S
    tree_root.K = top
    tree_root.ParentTree = document.make_indirect(Dictionary(Nums=numbers))
    tree_root.ParentTreeNextKey = key
    document.Root.StructTreeRoot = tree_root


def _annotation(pages: Sequence[pikepdf.Object], annotation: Annotation) -> pikepdf.Object:
    annots = pages[annotation.page].get("/Annots", Array())
    if annotation.index >= len(annots):
        raise RuntimeError(
            f"tagging: annotation {annotation.index} recorded on page {annotation.page + 1} "
            f"but the page has {len(annots)}"
        )
    return annots[annotation.index]


def _set_dates(document: pikepdf.Pdf, created: str) -> str:
    """The Info dictionary's creation and modification dates from `created` (ISO 8601), in
    place of ReportLab's fixed 2000-01-01; none at all when `created` is empty. Returns the
    date for the XMP, which must say the same."""
    info = document.docinfo
    if not created:
        for key in ("/CreationDate", "/ModDate"):
            if key in info:
                del info[key]
        return ""
    moment = datetime.datetime.fromisoformat(created).astimezone(datetime.UTC)
    info.CreationDate = info.ModDate = String(moment.strftime("D:%Y%m%d%H%M%S+00'00'"))
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _xmp(document: pikepdf.Pdf, language: str, created: str) -> str:
    """XMP naming the document (the same words and dates as the Info dictionary) and
    PDF/UA-1, laid out as lxml writes it back (namespaces before rdf:about, empty elements
    closed in their start tag, a blank line before the closing packet): pikepdf would rewrite
    it so on saving (tests/test_tagged.py)."""
    info = document.docinfo
    dates = (
        f"<xmp:CreateDate>{created}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{created}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{created}</xmp:MetadataDate>\n"
        if created
        else ""
    )

    def text(key: str) -> str:
        return escape(str(info.get(key, "")))

    creators = "".join(f"<rdf:li>{escape(a.strip())}</rdf:li>"
                       for a in str(info.get("/Author", "")).split(",") if a.strip())  # fmt: skip
    default = 'rdf:li xml:lang="x-default"'
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f"<dc:title><rdf:Alt>{_element(default, text('/Title'))}</rdf:Alt></dc:title>\n"
        f"<dc:creator>{_element('rdf:Seq', creators)}</dc:creator>\n"
        f"<dc:description><rdf:Alt>{_element(default, text('/Subject'))}</rdf:Alt>"
        "</dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>\n"
        f"{_element('pdf:Keywords', text('/Keywords'))}\n"
        f"{_element('pdf:Producer', text('/Producer'))}\n"
        f"{_element('xmp:CreatorTool', text('/Creator'))}\n"
        f"{dates}"
        "<pdfuaid:part>1</pdfuaid:part>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '\n<?xpacket end="w"?>\n'
    )


def _element(start: str, content: str) -> str:
    """`<start>content</name>`, or `<start/>` when there is no content (as lxml writes it)."""
    if not content:
        return f"<{start}/>"
    return f"<{start}>{content}</{start.split(' ', 1)[0]}>"
