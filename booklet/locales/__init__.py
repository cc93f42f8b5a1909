"""Locale data for an edition, from CLDR (through Babel) rather than hand-written tables.

`codes` reads edition codes such as "en-US"; `formats` writes dates, times, numbers and lists the
way that locale does; `addresses` lays a postal address out by its country's convention.
"""
