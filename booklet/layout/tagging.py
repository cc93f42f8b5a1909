"""Tagged PDF (PDF/UA-1): the structure tree is recorded from the story as ReportLab draws it.

ReportLab's open-source edition writes untagged pages. This module is the one place that knows
about tagging while laying out; flowables use a small interface:

- `tag(flowable, role, alt=..., lang=...)` gives a flowable its structure role. A paragraph
  without one is a `P`; anything else untagged is drawn as it is, and the finishing step marks
  its graphics as artifacts (decoration: panel backgrounds, rules, badge discs).
- `draw_on(flowable, canvas, x, y)` draws a child inside its structure element; the frame, our
  containers and layout-grid cells (`Tagged`) go through it. A leaf element (P, H1, Figure,
  Lbl...) wraps its marks in `/P <</MCID n>> BDC ... EMC`.
- `element(canvas, tag)` does the same around marks a flowable draws itself (a bullet, a date);
  `artifact(canvas, ...)` marks page furniture a reader should skip (footers, crop marks, art).
- `carry(flowable, parts)` makes the parts of a split flowable continue one element.

ReportLab's own extension points do the plumbing, nothing is patched: `TaggedCanvas` is a
`canvasmaker` (it records the tree of each layout pass and which element owns each link
annotation), `TaggingFrame` a frame, `TableTags` a table render callback (Table/TR/TH/TD).
`layout/tagged_pdf.py` turns the recorded `Structure` into /StructTreeRoot and the rest once
ReportLab has written the bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus.tables import Table, TableRenderCB

# Grouping elements hold other elements; every other role is a leaf that holds marked content.
GROUPS = frozenset(
    {"Document", "Part", "Art", "Sect", "Div", "L", "LI", "Table", "TR", "TH", "TD", "TOC", "TOCI"}
)
# An element of these roles lives inside the given parent; consecutive ones share it.
CONTAINERS = {"LI": "L", "TOCI": "TOC"}


@dataclass(eq=False)
class Tag:
    """A structure role for a flowable: one Tag is one element, whichever pages it spans."""

    role: str
    alt: str = ""
    lang: str = ""
    scope: str = ""
    leaf: bool | None = None
    inner: Tag | None = None  # a group directly inside this one (a card: LI > LBody)

    @property
    def is_leaf(self) -> bool:
        return self.role not in GROUPS if self.leaf is None else self.leaf


@dataclass(frozen=True)
class Marked:
    """A marked-content sequence: page index (0-based) and MCID on that page."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    """A link annotation: page index, its position in the page's /Annots, its description."""

    page: int
    index: int
    contents: str


@dataclass(eq=False)
class Node:
    """One structure element as recorded; `tagged_pdf` writes it as a /StructElem."""

    role: str
    alt: str = ""
    lang: str = ""
    scope: str = ""
    target: str = ""  # a Link's destination, so a link broken over lines stays one element
    kids: list[Node | Marked | Annotation] = field(default_factory=list)


class Structure:
    """The structure tree of one layout pass, and the state of the page being drawn."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.page = 0
        self.artifacts = 0  # depth of open artifacts: nothing inside one is tagged
        self._groups: list[Node] = [self.root]
        self._nodes: dict[int, Node] = {}
        self._tags: list[Tag] = []  # keeps every Tag alive, so their ids stay unique
        self._marked: Node | None = None  # the leaf whose marked content is open
        self._mcid = 0
        self._annotations = 0
        self._drawing: list[Flowable] = []

    # elements

    def node(self, tag: Tag) -> Node:
        """The element of `tag`, created under the open element the first time it is drawn."""
        node = self._nodes.get(id(tag))
        if node is None:
            node = Node(tag.role, tag.alt, tag.lang, tag.scope)
            self._nodes[id(tag)] = node
            self._tags.append(tag)
            self._attach(node, self._groups[-1])
        return node

    def _attach(self, node: Node, parent: Node) -> None:
        container = CONTAINERS.get(node.role)
        if container and parent.role != container:
            last = parent.kids[-1] if parent.kids else None
            if not (isinstance(last, Node) and last.role == container):
                last = Node(container)
                parent.kids.append(last)
            parent = last
        parent.kids.append(node)

    def enter(self, canvas: Canvas, tag: Tag | None) -> tuple[str, Node | None]:
        """Open the element of `tag`; returns what `leave` needs to close it."""
        if tag is None or self.artifacts or self._marked is not None:
            return ("", None)  # inside an artifact or a leaf: its marks belong there
        node = self.node(tag)
        if tag.is_leaf:
            self._begin_marked(canvas, node)
            return ("leaf", node)
        self._groups.append(node)
        if tag.inner is not None:
            self._groups.append(self.node(tag.inner))
            return ("groups", node)
        return ("group", node)

    def leave(self, canvas: Canvas, token: tuple[str, Node | None]) -> None:
        kind, _node = token
        if kind == "leaf":
            self._end_marked(canvas)
        elif kind in ("group", "groups"):
            del self._groups[-2 if kind == "groups" else -1 :]

    def _begin_marked(self, canvas: Canvas, node: Node) -> None:
        mcid = self._mcid
        self._mcid += 1
        canvas.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")
        node.kids.append(Marked(self.page, mcid))
        self._marked = node

    def _end_marked(self, canvas: Canvas) -> None:
        canvas.addLiteral("EMC")
        self._marked = None

    # artifacts

    def begin_artifact(self, canvas: Canvas, kind: str, subtype: str) -> Node | None:
        """Open an artifact; a leaf open around it is closed first and reopened after."""
        self.artifacts += 1
        if self.artifacts > 1:
            return None
        interrupted = self._marked
        if interrupted is not None:
            self._end_marked(canvas)
        extra = f" /Subtype /{subtype}" if subtype else ""
        canvas.addLiteral(f"/Artifact <</Type /{kind}{extra}>> BDC")
        return interrupted

    def end_artifact(self, canvas: Canvas, interrupted: Node | None) -> None:
        self.artifacts -= 1
        if self.artifacts:
            return
        canvas.addLiteral("EMC")
        if interrupted is not None:
            self._begin_marked(canvas, interrupted)

    # pages and annotations

    def turn_page(self, canvas: Canvas, show_page: Any) -> None:
        """End the page; a leaf still open continues on the next page with a new MCID."""
        open_leaf = self._marked
        if open_leaf is not None:
            self._end_marked(canvas)
        show_page()
        self.page += 1
        self._mcid = 0
        self._annotations = 0
        if open_leaf is not None:
            self._begin_marked(canvas, open_leaf)

    def annotation(self, target: str, contents: str) -> None:
        """Record the link annotation just added to the page, in a Link element.

        Inside a Link leaf it belongs to that leaf; in any other leaf (a paragraph with a link)
        it gets a Link of its own there, shared by the pieces of a link broken over lines; a
        link on a figure (the plan's rooms) follows the figure."""
        index = self._annotations
        self._annotations += 1
        described = contents or self._link_text(target) or target.removeprefix("#")
        leaf = self._marked
        if leaf is not None and leaf.role == "Link":
            owner = leaf
        else:
            parent = leaf if leaf is not None and leaf.role != "Figure" else self._groups[-1]
            last = parent.kids[-1] if parent.kids else None
            if isinstance(last, Node) and last.role == "Link" and last.target == target:
                owner = last
            else:
                owner = Node("Link", target=target)
                parent.kids.append(owner)
        owner.kids.append(Annotation(self.page, index, described))

    def _link_text(self, target: str) -> str:
        """The words of the link to `target` in the paragraph being drawn."""
        for flowable in reversed(self._drawing):
            frags = getattr(flowable, "frags", None)
            if not isinstance(flowable, Paragraph) or not frags:
                continue
            words = [
                frag.text
                for frag in _flat(frags)
                if any(link == target for _n, link in getattr(frag, "link", None) or ())
            ]
            if words:
                return " ".join("".join(words).split())
        return ""

    @contextmanager
    def drawing(self, flowable: Flowable) -> Iterator[None]:
        self._drawing.append(flowable)
        try:
            yield
        finally:
            self._drawing.pop()


def _flat(frags: list[Any]) -> Iterator[Any]:
    """A paragraph's fragments; some are lists of fragments once lines are broken."""
    for frag in frags:
        if isinstance(frag, list):
            yield from _flat(frag)
        elif hasattr(frag, "text"):
            yield frag


class _SpacedLines(PDFTextObject):
    """A paragraph's text object that ends each line with a space.

    The space at a line break is not drawn, so ReportLab leaves it out, and text taken from
    the structure tree (a screen reader's, `pdfinfo -struct-text`) runs the last word of a
    line into the first of the next: "LeonTrotsky". A trailing space, invisible past the end
    of the line, keeps the words apart; a line ending in a hyphen gets none."""

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if TStar and text and not text[-1].isspace() and text[-1] not in "-\u00ad":
            text += " "
        super()._textOut(text, TStar)


class TaggedCanvas(Canvas):
    """A canvas that records the structure of what is drawn on it (ReportLab's `canvasmaker`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.structure = Structure()

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _SpacedLines(self, x, y, direction=direction)

    def showPage(self) -> None:
        self.structure.turn_page(self, super().showPage)

    def linkRect(
        self,
        contents: str,
        destinationname: str,
        Rect: Any = None,
        addtopage: int = 1,
        name: str | None = None,
        relative: int = 1,
        thickness: float = 0,
        color: Any = None,
        dashArray: Any = None,
        **kw: Any,
    ) -> Any:
        made = super().linkRect(contents, destinationname, Rect, addtopage, name, relative,
                                thickness, color, dashArray, **kw)  # fmt: skip
        if addtopage:
            self.structure.annotation("#" + destinationname, contents)
        return made

    def linkURL(
        self,
        url: str,
        rect: Any,
        relative: int = 0,
        thickness: float = 0,
        color: Any = None,
        dashArray: Any = None,
        kind: str = "URI",
        **kw: Any,
    ) -> None:
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, **kw)
        self.structure.annotation(url, "")


def structure_of(canvas: Any) -> Structure | None:
    """The structure being recorded on `canvas`, or None for a plain canvas (no tagging)."""
    return getattr(canvas, "structure", None) if isinstance(canvas, TaggedCanvas) else None


# The interface for flowables


def tag(
    flowable: Any,
    role: str,
    *,
    alt: str = "",
    lang: str = "",
    leaf: bool | None = None,
    inner: str = "",
) -> Any:
    """Give `flowable` a structure role (alt text, a language, a group directly inside it);
    returns the flowable."""
    inside = Tag(inner, leaf=False) if inner else None
    flowable._booklet_tag = Tag(role, alt, lang, leaf=leaf, inner=inside)
    return flowable


def tag_of(flowable: Any) -> Tag | None:
    """The flowable's tag: its own, a P for a paragraph, or None (drawn as it is)."""
    found: Tag | None = getattr(flowable, "_booklet_tag", None)
    if found is None and isinstance(flowable, Paragraph):
        found = Tag("P")
        # Kept on the paragraph, so the parts it splits into stay one element.
        flowable._booklet_tag = found
    return found


def carry(flowable: Any, parts: list[Any]) -> list[Any]:
    """The parts of a split flowable continue its element (same Tag); returns `parts`."""
    found = tag_of(flowable)
    if found is not None:
        for part in parts:
            if isinstance(part, Flowable) and getattr(part, "_booklet_tag", None) is None:
                part._booklet_tag = found
    return parts


@contextmanager
def element(canvas: Any, found: Tag | None, flowable: Flowable | None = None) -> Iterator[None]:
    """Marks drawn inside belong to the element of `found` (nothing happens untagged)."""
    structure = structure_of(canvas)
    if structure is None:
        yield
        return
    token = structure.enter(canvas, found)
    try:
        if flowable is None:
            yield
        else:
            with structure.drawing(flowable):
                yield
    finally:
        structure.leave(canvas, token)


@contextmanager
def artifact(canvas: Any, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
    """Marks drawn inside are an artifact of ISO 32000 type `kind` (Pagination, Layout, Page,
    Background) that a reader skips."""
    structure = structure_of(canvas)
    if structure is None:
        yield
        return
    interrupted = structure.begin_artifact(canvas, kind, subtype)
    try:
        yield
    finally:
        structure.end_artifact(canvas, interrupted)


def draw_on(flowable: Flowable, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
    """`flowable.drawOn(...)` inside the flowable's structure element."""
    with element(canvas, tag_of(flowable), flowable):
        flowable.drawOn(canvas, x, y, _sW)


class TaggingFrame(Frame):
    """A frame that draws each flowable of the story inside its structure element."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        with element(canv, tag_of(flowable), flowable):
            return int(super().add(flowable, canv, trySplit))

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        return carry(flowable, super().split(flowable, canv))


class Tagged(Flowable):
    """One flowable in a table cell, drawn inside its structure element.

    A ReportLab table draws the flowables of a cell itself; this wrapper is how a layout grid's
    cells (a room's name beside its number, a caption beside a photo) keep their roles."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner
        self.hAlign = getattr(inner, "hAlign", "LEFT")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None)
        if canvas is None:
            self.width, self.height = self.inner.wrap(available_width, available_height)
        else:
            self.width, self.height = self.inner.wrapOn(canvas, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.inner.split(available_width, available_height)
        return [Tagged(part) for part in carry(self.inner, parts)]

    def minWidth(self) -> float:
        return float(self.inner.minWidth())

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        draw_on(self.inner, self.canv, 0, 0)


class TableTags(TableRenderCB):
    """Table/TR/TH/TD for a table of facts (ReportLab's table render callback).

    The first `header_columns` cells of a row are row headers (TH, /Scope /Row); backgrounds
    and rules are artifacts. The parts of a table split over pages stay one Table element."""

    def __init__(self, header_columns: int = 1) -> None:
        self.header_columns = header_columns
        self.table = Tag("Table")
        self._open: list[tuple[str, Node | None]] = []
        self._interrupted: Node | None = None

    def _enter(self, table: Table, found: Tag) -> None:
        structure = structure_of(table.canv)
        if structure is not None:
            self._open.append(structure.enter(table.canv, found))

    def _leave(self, table: Table) -> None:
        structure = structure_of(table.canv)
        if structure is not None and self._open:
            structure.leave(table.canv, self._open.pop())

    def _artifact(self, table: Table, begin: bool) -> None:
        structure = structure_of(table.canv)
        if structure is None:
            return
        if begin:
            self._interrupted = structure.begin_artifact(table.canv, "Layout", "")
        else:
            structure.end_artifact(table.canv, self._interrupted)

    def startTable(self, T: Table) -> None:
        self._enter(T, self.table)

    def endTable(self, T: Table) -> None:
        self._leave(T)

    def startBG(self, T: Table) -> None:
        self._artifact(T, True)

    def endBG(self, T: Table) -> None:
        self._artifact(T, False)

    def startLines(self, T: Table) -> None:
        self._artifact(T, True)

    def endLines(self, T: Table) -> None:
        self._artifact(T, False)

    def startRow(self, T: Table, rowNo: int) -> None:
        self._enter(T, Tag("TR"))

    def endRow(self, T: Table) -> None:
        self._leave(T)

    def startCell(
        self, T: Table, rowNo: int, colNo: int, cellval: Any, cellstyle: Any, pos: Any, size: Any
    ) -> None:
        header = colNo < self.header_columns
        self._enter(T, Tag("TH", scope="Row") if header else Tag("TD"))

    def endCell(self, T: Table) -> None:
        self._leave(T)
