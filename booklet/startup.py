"""Start-up work the `booklet` process puts off until it is needed, if ever.

Four regular expressions the libraries compile on import are compiled on first use instead.
ReportLab, pikepdf and PyYAML compile these as they are imported, ~40 ms of every build's
start-up, and a build rarely or never needs them: ReportLab's URL pattern (~25 ms: a
case-insensitive class over most of Unicode), pikepdf's filter of characters XML forbids
(~6 ms; used when pikepdf edits XMP, which booklet writes itself), the character check of
PyYAML's pure-Python reader (~4 ms; booklet reads YAML with libyaml) and ReportLab's CJK line
splitter (~4 ms).

While a command of the `booklet` process runs, `re.compile` of exactly these patterns (known by
how they begin) returns a `DeferredPattern`; every other call is left alone. The libraries use
them only through the pattern's methods (`.match`, `.search`, `.sub`), which compile it then.
ReportLab tries its URL pattern on every word it may hyphenate (nearly every paragraph), but a
match needs "://" (the pattern's first group): on a word without it, `match` and `search` say
no match without compiling.

HarfBuzz (`uharfbuzz`, ~15 ms to load: a 5 MB extension) is imported by ReportLab's TrueType
module whether or not any text needs shaping. A stand-in (`LazyModule`) takes its place in
`sys.modules` and imports it when ReportLab first asks it for anything: when it first shapes
text (Arabic, Hebrew, the Indic scripts).

For the CLI process only, as its collector thresholds (cli_entry): booklet imported as a
library starts as usual.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

DEFERRED = {
    # pattern's beginning: a text every match contains ("" for none)
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?": "://",  # ReportLab's uri_pat
    "(?u)[^\\x09\\x0A\\x0D\\x20-\\U0000D7FF": "",  # pikepdf's re_xml_illegal_chars
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff": "",  # yaml.reader.Reader.NON_PRINTABLE
    "([\u2e80-\uffff])": "",  # reportlab.lib.textsplit.rx
}
_BEGINNINGS = tuple(DEFERRED)


class DeferredPattern:
    """A compiled pattern that compiles itself when first used; then each attribute asked for
    (`match`, `sub`...) is kept on the instance, so later uses cost what the pattern's do.

    With `required`, a text every match contains, `match` and `search` of a string without it
    return None without compiling."""

    def __init__(self, pattern: str, flags: int, required: str = "") -> None:
        self.deferred = (pattern, flags)
        self.required = required

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self.required and name in ("match", "search"):
            value = self._unless_missing(name)
        else:
            value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return _compile(*self.deferred)

    def _unless_missing(self, name: str) -> Any:
        required = self.required

        def find(string: str, *args: Any, **kwargs: Any) -> Any:
            if required not in string:
                return None
            return getattr(self.compiled, name)(string, *args, **kwargs)

        return find


class LazyModule(types.ModuleType):
    """Stands in for the module `name` in sys.modules until one of its attributes is asked
    for; then the module is imported (in its own place in sys.modules) and answers, and each
    attribute asked for is kept on the stand-in. Its `__spec__` is None, so that an `import`
    of the name finds it without loading it."""

    def __getattr__(self, name: str) -> Any:
        module = self.__dict__.get("_module")
        if module is None:
            if "_loading" in self.__dict__:  # asked while importing: not there yet
                raise AttributeError(name)
            self._loading = True
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            module = self._module = importlib.import_module(self.__name__)
        value = getattr(module, name)
        setattr(self, name, value)
        return value


LAZY_MODULES = ("uharfbuzz",)

_compile = re.compile


@contextmanager
def deferred_start_up() -> Iterator[None]:
    """Inside, `re.compile` defers the patterns of DEFERRED; the modules of LAZY_MODULES not
    imported yet are imported on first use (see the module's docstring)."""
    for name in LAZY_MODULES:
        if name not in sys.modules and importlib.util.find_spec(name) is not None:
            sys.modules[name] = LazyModule(name)

    def compile_or_defer(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_BEGINNINGS):
            beginning = next(b for b in _BEGINNINGS if pattern.startswith(b))
            return DeferredPattern(pattern, flags, DEFERRED[beginning])
        return _compile(pattern, flags)

    re.compile = compile_or_defer
    try:
        yield
    finally:
        re.compile = _compile
