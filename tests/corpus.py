"""Generated content files for the layout corpus: rooms of every length, with and without photos.

The default booklet's text was written to fit its pages; a museum's staff will write whatever
the season needs. This module derives content files from the default content.yaml (same front
matter, history, tips and theme) with generated rooms: 1 to 60 of them, 20 to 900 words each,
0 to 8 highlights, a landscape, portrait or square photo or none, in English and Spanish. Each
case is seeded, so a failing layout can be rebuilt exactly (`python -m tests.corpus SEED` writes
one to a folder). The ideas (word salad, a plan with one cell per room, seeded JPEGs) come from
benchmarks/build_speed.py.
"""

from __future__ import annotations

import copy
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

from booklet.content.declaration import ROOM_KINDS
from booklet.content.drawings import PICTOGRAMS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content.yaml"
PAPERS = ("half-letter", "a5", "letter", "a4")
PHOTOS = {"landscape": (900, 600), "portrait": (600, 800), "square": (700, 700)}
PLAN_MARGIN = 4.0

_EN_TEXT = (
    "the house walls garden study window door light shadow desk books papers letters family "
    "guards tower street patio afternoon morning evening visitors quiet stone brick steel "
    "shutters portrait photograph archive museum exile asylum writer revolution journey river "
    "city market old new small large narrow wide heavy bright dark simple careful long short "
    "still open closed kept moved built raised painted restored watched stood waited wrote read "
    "carried found shows recalls remains holds faces looks opens leads beside behind above below "
    "near along across a an of in on to and with from into through under over"
)
_EN = _EN_TEXT.split()
_ES_TEXT = (
    "la casa muros jardín estudio ventana puerta luz sombra escritorio libros papeles cartas "
    "familia guardias torre calle patio tarde mañana noche visitantes silencio piedra ladrillo "
    "acero postigos retrato fotografía archivo museo exilio asilo escritor revolución viaje río "
    "ciudad mercado viejo nuevo pequeño grande estrecho amplio pesado claro oscuro sencillo "
    "cuidadoso largo corto abierto cerrado guardado construido levantado pintado restaurado "
    "miraba esperaba escribió leyó llevó encontró muestra recuerda conserva mira abre lleva junto "
    "detrás encima debajo cerca a lo largo de en el los las con desde hacia por sobre bajo y que"
)
_ES = _ES_TEXT.split()
_NAMES = (
    ("Gallery", "Galería"), ("Bedroom", "Recámara"), ("Study", "Estudio"),
    ("Library", "Biblioteca"), ("Kitchen", "Cocina"), ("Dining room", "Comedor"),
    ("Courtyard", "Patio"), ("Office", "Oficina"), ("Garden room", "Jardín interior"),
    ("Reading room", "Sala de lectura"), ("Chapel", "Capilla"), ("Workshop", "Taller"),
    ("Room of the family photographs", "Sala de las fotografías de la familia"),
    ("Lower garden and the rabbit hutches", "Jardín bajo y conejeras"),
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One generated layout: the knobs the corpus varies."""

    seed: int
    rooms: int
    words: tuple[int, int]  # per room, drawn uniformly
    highlights: tuple[int, int]
    photos: tuple[str, ...]  # cycled over the rooms: "none", "landscape", "portrait", "square"
    paper: str
    language: str
    paragraph: tuple[int, int] = (30, 140)  # words per paragraph

    @property
    def name(self) -> str:
        return (
            f"s{self.seed}-{self.rooms}r-{self.words[0]}-{self.words[1]}w-"
            f"{'+'.join(self.photos)}-{self.paper}-{self.language}"
        )


def ci_cases() -> list[Case]:
    """Two dozen layouts: every paper, both editions, short, middling and long rooms."""
    every = ("none", "landscape", "portrait", "square")
    cases = [
        # The example: two ~90-word paragraphs, three highlights, a landscape photo.
        *(Case(1 + i, 10, (180, 185), (3, 3), ("landscape",), paper, language, (88, 95))
          for i, (paper, language) in enumerate((p, e) for p in PAPERS for e in ("en", "es"))),
    ]  # fmt: skip
    shapes = [  # rooms on each paper, words per room, highlights, photos
        ((1, 3, 4, 5), (20, 90), (0, 3), ("none", "landscape")),
        ((8, 8, 8, 8), (60, 400), (0, 8), ("portrait", "square", "none")),
        ((6, 6, 6, 6), (380, 900), (2, 8), ("landscape", "portrait")),
        ((24, 12, 18, 40), (20, 600), (0, 8), every),
    ]
    seed = len(cases) + 1
    for rooms, words, highlights, photos in shapes:
        for count, paper in zip(rooms, PAPERS, strict=True):
            language = ("en", "es")[seed % 2]
            cases.append(Case(seed, count, words, highlights, photos, paper, language))
            seed += 1
    return cases


def full_cases() -> list[Case]:
    """The larger sweep (BOOKLET_CORPUS=full): more seeds, up to 60 rooms, every combination."""
    cases = []
    seed = 1000
    for rooms in (1, 3, 12, 30, 60):
        for words in ((20, 120), (120, 400), (400, 900), (20, 900)):
            for photos in (("none",), ("landscape",), ("portrait",), ("square",),
                           ("none", "landscape", "portrait", "square")):  # fmt: skip
                for paper in PAPERS:
                    language = ("en", "es")[seed % 2]
                    cases.append(Case(seed, rooms, words, (0, 8), photos, paper, language))
                    seed += 1
    return cases


def write_case(case: Case, folder: Path) -> Path:
    """Write the content file and its photos into `folder`; return the content file."""
    rng = random.Random(case.seed)
    data = yaml.safe_load(DEFAULT_CONTENT.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    images = folder / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for kind, size in PHOTOS.items():
        _photo(size, case.seed).save(images / f"{kind}.jpg", "JPEG", quality=80)
    data["rooms"] = [_room(number, case, rng) for number in range(1, case.rooms + 1)]
    data["plan"]["areas"] = _plan_areas(case.rooms, data["plan"])
    data["theme"]["paper"] = case.paper
    path = folder / "content.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return path


def _text(
    rng: random.Random, words: int, vocabulary: list[str], paragraph: tuple[int, int] = (30, 140)
) -> str:
    """About `words` words in paragraphs of `paragraph` words, blank lines between them."""
    paragraphs: list[str] = []
    left = words
    while left > 0:
        size = min(left, rng.randint(*paragraph))
        if left - size < 15:
            size = left
        sentences: list[str] = []
        count = 0
        while count < size:
            length = min(size - count, rng.randint(6, 18))
            sentence = [rng.choice(vocabulary) for _ in range(length)]
            sentences.append(" ".join(sentence).capitalize() + ".")
            count += length
        paragraphs.append(" ".join(sentences))
        left -= size
    return "\n\n".join(paragraphs) + "\n"


def _both(rng: random.Random, words: int, paragraph: tuple[int, int] = (30, 140)) -> dict[str, str]:
    state = rng.random()
    english = _text(rng, words, _EN, paragraph)
    wider = (round(paragraph[0] * 1.15), round(paragraph[1] * 1.15))
    spanish = _text(random.Random(state), round(words * 1.15), _ES, wider)  # Spanish runs longer
    return {"en": english, "es": spanish}


def _room(number: int, case: Case, rng: random.Random) -> dict[str, Any]:
    english, spanish = _NAMES[(number * 7 + case.seed) % len(_NAMES)]
    words = rng.randint(*case.words)
    room: dict[str, Any] = {
        "id": f"room-{number}",
        "number": number,
        "name": {"en": f"{english} {number}", "es": f"{spanish} {number}"},
        "local_name": f"{spanish} {number}",
        "kind": ROOM_KINDS[0] if number % 5 else ROOM_KINDS[1 + number % 3],
        "pictogram": PICTOGRAMS[number % len(PICTOGRAMS)],
        "text": _both(rng, words, case.paragraph),
    }
    if rng.random() < 0.6:
        room["summary"] = {k: v.strip() for k, v in _both(rng, rng.randint(8, 30)).items()}
    count = rng.randint(*case.highlights)
    if count:
        room["highlights"] = [
            {k: v.strip().rstrip(".") for k, v in _both(rng, rng.randint(3, 12)).items()}
            for _ in range(count)
        ]
    photo = case.photos[(number - 1) % len(case.photos)]
    if photo != "none":
        room["image"] = {
            "file": f"assets/images/{photo}.jpg",
            "caption": {k: v.strip() for k, v in _both(rng, rng.randint(5, 24)).items()},
            "credit": "Corpus photo",
        }
    return room


def _plan_areas(count: int, plan: dict[str, Any]) -> list[dict[str, Any]]:
    """One small rectangle per room in a near-square grid below the plan's features."""
    width, height = (float(v) for v in plan.get("size", (100, 70)))
    top = PLAN_MARGIN
    ys = [p[1] for f in plan.get("features", []) for p in f["outline"]]
    if ys and max(ys) < height / 2:
        top = max(ys)
    left, right, bottom = PLAN_MARGIN, width - PLAN_MARGIN, height - PLAN_MARGIN
    cols = max(1, math.ceil(math.sqrt(count * (right - left) / (bottom - top))))
    rows = math.ceil(count / cols)
    cell_w, cell_h = (right - left) / cols, (bottom - top) / rows
    areas = []
    for index in range(count):
        row, col = divmod(index, cols)
        x0, y0 = left + col * cell_w + cell_w * 0.06, top + row * cell_h + cell_h * 0.06
        x1, y1 = left + (col + 1) * cell_w - cell_w * 0.06, top + (row + 1) * cell_h - cell_h * 0.06
        outline = [[round(x, 3), round(y, 3)] for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
        areas.append({"room": f"room-{index + 1}", "outline": outline})
    return areas


def _photo(size: tuple[int, int], seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        box = (x, y, x + rng.randrange(40, size[0] // 2), y + rng.randrange(40, size[1] // 2))
        draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


if __name__ == "__main__":  # write one case to look at: python -m tests.corpus SEED [FOLDER]
    wanted = int(sys.argv[1])
    case = next(c for c in ci_cases() + full_cases() if c.seed == wanted)
    target = Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/corpus-{wanted}")
    print(write_case(case, target), case)
