"""What a content.yaml may say: every section and field, declared once.

This declaration drives validation (model.py reads the file through it), the defaults, the
README's field reference (reference.py) and the JSON Schema `booklet schema` prints
(jsonschema.py), as MkDocs' `config/defaults.py` drives its configuration. Only what every museum
has is required: the booklet's title, the museum's name and address, and rooms with a name and a
text. Every other section may be left out, and the booklet leaves out its pages.

Each field has a one-line `doc` and a one-line YAML `example` for the reference; keep them short.
"""

from __future__ import annotations

from booklet.content.drawings import COVER_ART, PICTOGRAMS, TIP_ICONS
from booklet.content.kinds import Field, ListOf, Mapping
from booklet.content.values import (
    Boolean,
    Choice,
    Colour,
    Country,
    Date,
    Drawing,
    Edition,
    Integer,
    Language,
    Name,
    Photo,
    Point,
    Sender,
    Slug,
    Text,
    Time,
    Url,
    Website,
)
from booklet.theme.palette import DEFAULT_PALETTE
from booklet.theme.paper import PAPERS

# What a room is, for its heading (Room or Area) and its colour on the plan.
ROOM_KINDS = ("room", "outdoor", "memorial", "structure")
RENAMED_KINDS = (("garden", "outdoor"), ("tomb", "memorial"), ("tower", "structure"))
STREET_SIDES = ("top", "bottom", "left", "right")
PLAN_SIZE = (100.0, 70.0)

COVER_PHOTO = Mapping((
    Field("file", Photo(), "The photo, relative to this file's folder.",
          "assets/images/front.jpg", required=True),
    Field("credit", Text(200, neutral=True), "Who took it; printed on the back cover.",
          '"Ana Ruiz"', default=""),
    Field("alt", Text(300, read_aloud=True), "What it shows, read aloud by screen readers.",
          '"The museum\'s front door at dusk"', default=""),
))  # fmt: skip

ROOM_PHOTO = Mapping((
    Field("file", Photo(), "The photo, relative to this file's folder.",
          "assets/images/study.jpg", required=True),
    Field("caption", Text(300), "Printed beside or under the photo.", '"The desk by the window"',
          default=""),
    Field("credit", Text(200, neutral=True), "Who took it; printed after the caption.",
          '"Ana Ruiz"', default=""),
    Field("alt", Text(300, read_aloud=True), "What it shows, read aloud by screen readers.",
          '"A wooden desk under a window"', default=""),
))  # fmt: skip

BOOKLET = Mapping((
    Field("title", Text(80), "The booklet's title, on the cover and in the PDF's properties.",
          '"The House on Avenida Viena"', required=True),
    Field("subtitle", Text(160), "A line under the title on the cover.",
          '"A visitor\'s guide"', default=""),
    Field("native_title", Name(60), "A name in its own script, printed on the cover.",
          '"Лев Троцкий"', default=""),
    Field("native_language", Language("ru"), "The language of `native_title`, for screen readers.",
          "ru", default=""),
    Field("language", Edition(), "The language the texts are written in (a region picks the "
          "formats of dates and times).", "en-US", default="en"),
    Field("translations", ListOf(Edition(), 0, 20), "Other editions, each text given per "
          "language.", "[es, es-MX]"),
    Field("local_language", Language(), "The language of the `local_name` fields (not repeated "
          "in that edition).", "es", default=""),
    Field("nearby_title", Text(80), "Title of the nearby page.", '"Nearby in Coyoacán"',
          default="", default_doc="Nearby"),
    Field("edition", Text(40, neutral=True), "Printed on the cover: \"Edition 2026\".",
          '"2026"', default=""),
    Field("authors", ListOf(Name(120)), "In the PDF's properties.", '["Museum volunteers"]'),
    Field("keywords", ListOf(Text(60)), "In the PDF's properties.", "[history, mill]"),
    Field("colophon", Text(1200), "Small print on the back cover.",
          '"Written by the museum\'s volunteers."', default=""),
    Field("cover", Mapping((
        Field("image", COVER_PHOTO, "A full-bleed photo cover, the title on a calm band.",
              "{file: assets/images/front.jpg, credit: \"Ana Ruiz\", alt: \"…\"}"),
        Field("art", Choice(COVER_ART), "A drawn motif instead of a photo.", "trotsky-house",
              default=""),
    )), "The cover: a photo or a drawn motif; neither gives a typographic cover.",
        "{art: trotsky-house}"),
))  # fmt: skip

WELCOME = Mapping((
    Field("title", Text(80), "The welcome page's title.", '"Welcome"', default="",
          default_doc="Welcome"),
    Field("text", Text(4000), "Why the place matters, in a paragraph or two.",
          '"Welcome to the mill…"', required=True),
))  # fmt: skip

ADDRESS = Mapping((
    Field("street", Name(120), "Street and number.", '"Avenida Río Churubusco 410"',
          required=True),
    Field("line2", Name(120), "A second line: a building, a floor.", '"Building B"',
          default=""),
    Field("neighbourhood", Name(120), "Neighbourhood or district.", '"Col. Del Carmen"',
          default=""),
    Field("borough", Name(120), "Borough or county.", '"Coyoacán"', default=""),
    Field("region", Name(120), "State, province or region.", '"CDMX"', default=""),
    Field("postal_code", Name(120), "Postal code, in quotes.", '"04100"', default=""),
    Field("city", Name(120), "Town or city.", '"Mexico City"', required=True),
    Field("country", Country(), "The country: its name (may be translated) or its code, "
          "which sets the address's layout.", '"Mexico" or MX', required=True),
))  # fmt: skip

HOURS = Mapping((
    Field("days", Text(80), "The days these hours apply to.", '"Tue–Sun"', required=True),
    Field("opens", Time(), "Opening time, printed as the edition writes times.", '"10:00"',
          required=True),
    Field("closes", Time(), "Closing time, after the opening time.", '"17:00"',
          required=True),
))  # fmt: skip

MUSEUM_FACTS = ("name", "local_name", "address", "website", "hours", "institution", "phone",
                "closed", "admission", "visit_length")  # fmt: skip

MUSEUM = Mapping((
    Field("name", Text(120), "The museum's name.", '"Harrow Creek Town Museum"', required=True),
    Field("local_name", Name(120), "Its name on the sign, in the local language.",
          '"Museo Casa de León Trotsky"', default=""),
    Field("institution", Name(200), "Who runs it.", '"Harrow Creek Historical Society"',
          default=""),
    Field("address", ADDRESS, "Where it is.", "{street: …, city: …, country: …}",
          required=True),
    Field("website", Website(), "Its website, also the QR code; one URL or one per edition.",
          '"https://example.org"', default=""),
    Field("phone", Name(40), "Phone number, as dialled from abroad.", '"+52 55 5658 8732"',
          default=""),
    Field("hours", ListOf(HOURS, 0, 14), "Opening hours.",
          '[{days: "Tue–Sun", opens: "10:00", closes: "17:00"}]'),
    Field("closed", Text(120), "When it is closed.", '"Mondays"', default=""),
    Field("admission", Text(400), "Prices.", '"Adults $5; children free"', default=""),
    Field("visit_length", Text(300), "How long a visit takes.", '"About an hour"', default=""),
    Field("verify", ListOf(Choice(MUSEUM_FACTS)), "Fields above that go out of date: marked † "
          "and listed by `booklet check`.", "[hours, admission]"),
))  # fmt: skip

CHAPTER = Mapping((
    Field("title", Text(100), "The chapter's heading.", '"The mill years"', required=True),
    Field("text", Text(20_000), "The chapter; a blank line between paragraphs.", '"In 1880…"',
          required=True),
))  # fmt: skip

EVENT = Mapping((
    Field("date", Date(), "When, only as precise as the sources.", '"1940-08-20"',
          required=True),
    Field("until", Date(), "The end of a period.", '"1945"'),
    Field("event", Text(300), "What happened, in a line.", '"The mill closes"', required=True),
    Field("highlight", Boolean(), "Print it in the accent colour.", "true", default=False),
))  # fmt: skip

HISTORY = Mapping((
    Field("intro", Text(2000), "A lead paragraph before the chapters.", '"A town built on…"',
          default=""),
    Field("chapters", ListOf(CHAPTER, 0, 60), "History to read, chapter by chapter.",
          "[{title: …, text: …}]"),
    Field("timeline", ListOf(EVENT, 0, 200, "event"), "Dated events, oldest first, drawn as a "
          "timeline.", '[{date: "1880", event: …}]'),
))  # fmt: skip

SHAPE = Mapping((
    Field("name", Text(80), "What it is, printed on the plan.", '"Patio"', required=True),
    Field("outline", ListOf(Point(), 3, 64), "Its corners.", "[[0, 0], [40, 0], [40, 30]]",
          required=True),
))  # fmt: skip

AREA = Mapping((
    Field("room", Slug(), "The room's id.", "mill-room", required=True),
    Field("outline", ListOf(Point(), 3, 64), "Its corners.", "[[0, 0], [40, 0], [40, 30]]",
          required=True),
))  # fmt: skip

STREET = Mapping((
    Field("name", Text(80), "The street's name.", '"Avenida Viena"', required=True),
    Field("side", Choice(STREET_SIDES), "Which side of the plan it runs along.", "bottom",
          required=True),
))  # fmt: skip

PLAN = Mapping((
    Field("title", Text(80), "The plan page's title.", '"Plan of the mill"', default="",
          default_doc="Plan"),
    Field("caption", Text(300), "A line under the plan.", '"Ground floor"', default="",
          default_doc="Schematic plan, not to scale"),
    Field("size", Point(), "Width and height, in any unit the coordinates use.", "[100, 70]",
          default=PLAN_SIZE),
    Field("streets", ListOf(STREET, 0, 4), "Streets around the plan.",
          "[{name: Viena, side: top}]"),
    Field("entrance", Point(), "Where visitors come in.", "[50, 70]"),
    Field("features", ListOf(SHAPE, 0, 40), "Unnumbered shapes: a patio, a pond.",
          "[{name: Patio, outline: […]}]"),
    Field("areas", ListOf(AREA, 1, 2000, "area"), "The rooms on the plan, numbered and linked "
          "to their pages.", "[{room: mill-room, outline: […]}]", required=True),
))  # fmt: skip

ROOM = Mapping((
    Field("id", Slug(), "A short name the plan refers to.", "mill-room",
          default_doc="a slug of the name"),
    Field("number", Integer(1, 9999), "The number on the plan and the page.", "3",
          default_doc="its position"),
    Field("name", Text(80), "The room's name.", '"The Mill Room"', required=True),
    Field("local_name", Name(80), "Its name on the sign, in the local language.", '"Cocina"',
          default=""),
    Field("kind", Choice(ROOM_KINDS, RENAMED_KINDS), "Room or Area in its heading; its colour "
          "on the plan.", "outdoor", default="room"),
    Field("pictogram", Drawing(PICTOGRAMS, "pictogram"), "A drawing when there is no photo.",
          "workshop", default=""),
    Field("summary", Text(300), "One sentence in italics under the heading.",
          '"Where the wheel turned."', default=""),
    Field("text", Text(20_000), "What to see and why it matters.", '"The millstones…"',
          required=True),
    Field("highlights", ListOf(Text(200), 0, 12), "The \"Look for\" box.",
          '["The date on the beam"]'),
    Field("image", ROOM_PHOTO, "A photo, leading the page.",
          "{file: assets/images/mill.jpg, caption: …}"),
))  # fmt: skip

TIP = Mapping((
    Field("title", Text(80), "The tip in a few words.", '"Come early"', required=True),
    Field("text", Text(1200), "The tip.", '"Mornings are quiet."', required=True),
    Field("icon", Drawing(TIP_ICONS, "tip icon"), "An icon beside it.", "clock", default=""),
))  # fmt: skip

PLACE = Mapping((
    Field("name", Text(100), "The place.", '"Frida Kahlo Museum"', required=True),
    Field("local_name", Name(100), "Its local name.", '"Museo Frida Kahlo"', default=""),
    Field("walk_minutes", Integer(1, 240), "Minutes on foot.", "10"),
    Field("text", Text(2000), "Why go.", '"The Blue House…"', required=True),
))  # fmt: skip

PRACTICAL_FACTS = ("getting_there", "accessibility", "photography", "bags")

PRACTICAL = Mapping((
    Field("getting_there", Text(2000), "Transport and parking.", '"Bus 12 to Mill Lane."',
          default=""),
    Field("accessibility", Text(2000), "Steps, lifts, seats.", '"Step-free ground floor."',
          default=""),
    Field("photography", Text(2000), "The rules for cameras.", '"Without flash."', default=""),
    Field("bags", Text(2000), "Bags and lockers.", '"Large bags at the desk."', default=""),
    Field("verify_note", Text(2000), "A note on what changes.", '"Prices change in January."',
          default=""),
    Field("verify", ListOf(Choice(PRACTICAL_FACTS)), "Fields above that go out of date.",
          "[getting_there]"),
))  # fmt: skip

SOURCE = Mapping((
    Field("title", Text(300), "The source, as cited.", '"Town records, 1880–1950"',
          required=True),
    Field("url", Url(), "Where to find it.", '"https://example.org/records"', default=""),
))  # fmt: skip

THEME = Mapping((
    Field("paper", Choice(tuple(PAPERS)), "The paper size.", "a5", default="half-letter"),
    Field("palette", Mapping(tuple(
        Field(key, Colour(), f"The {key} colour.", f'"{value}"')
        for key, value in DEFAULT_PALETTE.items()
    )), "Colours, in quotes.", '{accent: "#1f5fa8"}'),
))  # fmt: skip

MAIL = Mapping((
    Field("from", Sender(), "The sender of `booklet send`, unless --from says otherwise.",
          '"Museum <visits@museum.example>"', default=""),
))  # fmt: skip

CONTENT = Mapping((
    Field("booklet", BOOKLET, "The booklet: title, languages, cover.", "", required=True),
    Field("welcome", WELCOME, "The welcome page, with the facts at a glance.", ""),
    Field("museum", MUSEUM, "The museum: name, address, hours.", "", required=True),
    Field("history", HISTORY, "History chapters and a timeline.", ""),
    Field("plan", PLAN, "A plan of the building, its rooms numbered.", ""),
    Field("rooms", ListOf(ROOM, 1, 2000, "room"), "One page per room, in visiting order.", "",
          required=True),
    Field("tips", ListOf(TIP, 0, 40, "tip"), "Tips for the visit, as cards.", ""),
    Field("nearby", ListOf(PLACE, 0, 40, "place"), "Places for a walk after the visit.", ""),
    Field("practical", PRACTICAL, "Practical information, with the QR code.", ""),
    Field("sources", ListOf(SOURCE, 0, 60, "source"), "Where the facts come from.", ""),
    Field("theme", THEME, "Paper and colours.", ""),
    Field("mail", MAIL, "What `booklet send` needs from the content.", ""),
), doc="The content of a visitor booklet: one content.yaml, read by booklet.")  # fmt: skip
