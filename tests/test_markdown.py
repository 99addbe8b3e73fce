"""Markdown renderings (html2text): what a reader sees of links and images.

The pages here are written for these tests.
"""

from __future__ import annotations

from boilerstrip import categories as C
from boilerstrip import language, rules, strip

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


def test_image_line_whose_target_the_wrap_cut_is_an_image():
    wrapped = "![The harbour at dawn](https://gazette.example/wp-\ncontent/uploads/2020/07/harbour-\ndawn.jpg)"
    assert rules.markdown_image(wrapped) == (C.CAPTION, "shape:markdown-image")
    linked = '[ ![](https://gazette.example/wp-\ncontent/a.png) ](https://gazette.example/ "Gazette\nhome")'
    assert rules.markdown_image(linked) == (C.CAPTION, "shape:markdown-image")


def test_image_followed_by_text_is_not_an_image_line():
    assert rules.markdown_image("![a](https://gazette.example/a.jpg) and then the story goes on") is None
    assert rules.markdown_image("![a](https://gazette.example/a-\nb.jpg) and more") is None


PROSE = [
    "The town council approved the new harbour cycle lanes on Tuesday evening after a debate "
    "that ran for more than four hours.",
    "Residents of the hill district had asked for safer routes to the two primary schools for "
    "more than five years, and the parents' group handed in a petition.",
    "Work on the first lane will start in March, the council said, and the whole network "
    "should be finished before the autumn term begins.",
]


def test_sentence_above_a_markdown_image_is_not_its_caption():
    # A photo credit below a sentence makes that sentence a caption; an image line
    # is no credit: in Markdown the image stands above its own caption.
    short = "The old harbour wall will stay as it is."
    page = "\n\n".join([PROSE[0], PROSE[1], short, "![](https://gazette.example/a.jpg)", PROSE[2]])
    kept = strip(page).text
    assert short in kept
    assert PROSE[2] in kept
