"""Markdown renderings (html2text): what a reader sees of links and images.

The pages here are written for these tests.
"""

from __future__ import annotations

from boilerstrip import language

# A German page whose menu links point at URLs full of Spanish and Portuguese stop
# words ("de", "la", "que", "os"): a reader never sees them.
GERMAN_LINK_MENU = [
    f"* [Rubrik {n}](https://zeitung.example.de/de/la-que-de-os-{n}/de/la/ "
    f"\"Rubrik {n}\")"
    for n in range(40)
]
GERMAN_TEXT = [
    "Der Gemeinderat hat am Dienstag die neuen Radwege am Hafen beschlossen, nachdem die "
    "Debatte mehr als vier Stunden gedauert hatte.",
    "Die Arbeiten an dem ersten Weg sollen im März beginnen, und das ganze Netz soll vor dem "
    "Herbst fertig sein.",
]


def test_language_is_read_in_the_link_text_not_the_targets():
    assert language.detect(GERMAN_LINK_MENU + GERMAN_TEXT) == "de"


def test_language_sample_of_plain_text_is_unchanged():
    assert language.detect(GERMAN_TEXT) == "de"
