"""Page types: the detector's arithmetic, its features, forcing a type, and reporting it."""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any

import pytest

from boilerstrip import Options, OptionsError, PageEvidence, Result, ResultFormatError, strip
from boilerstrip.classify import first_labels
from boilerstrip.page_type_features import FEATURE_NAMES, SCREEN_NAMES, page_features
from boilerstrip.page_types import (
    ARTICLE,
    FORCED,
    MIN_WORDS,
    PAGE_TYPES,
    TOO_SHORT,
    Model,
    decide,
    model,
    parse_model,
    screen,
)
from boilerstrip.pipeline import Stripper
from cli_harness import run_bytes
from strategies import PLAIN_PARAGRAPHS as PARA

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPED_SAMPLES = sorted((ROOT / "samples" / "page_types").glob("*.txt"))
ARTICLE_SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
#: A page long enough for the detector: a menu, then paragraphs of prose.
LONG_PAGE = "\n\n".join(["Home", "News", *PARA])


def _model(weights: dict[str, dict[str, float]], min_probability: float = 0.5) -> Model:
    """A model with unit scaling and zero means: the score of a type is its weights
    times the features, so decisions can be worked out by hand."""
    n = len(FEATURE_NAMES)
    coef = tuple(tuple(weights.get(t, {}).get(name, 0.0) for name in FEATURE_NAMES) for t in PAGE_TYPES)
    return Model(PAGE_TYPES, (0.0,) * n, (1.0,) * n, coef, (0.0,) * len(PAGE_TYPES), min_probability)


def _vector(**values: float) -> list[float]:
    return [values.get(name, 0.0) for name in FEATURE_NAMES]


def test_decide_takes_the_highest_score_and_names_what_pushed_it() -> None:
    m = _model({"forum": {"forum_cues": 4.0, "dates": 1.0}})
    # forum scores 4*1 + 1*1 = 5, every other type 0: p(forum) = e^5 / (e^5 + 6) = 0.96.
    d = decide(_vector(forum_cues=1.0, dates=1.0), m)
    assert d.page_type == "forum"
    assert d.evidence == ("forum_cues", "dates")  # forum_cues pushed 4, dates 1


def test_an_unsure_guess_stays_an_article() -> None:
    m = _model({"forum": {"forum_cues": 1.0}}, min_probability=0.5)
    # forum scores 1, the six others 0: p(forum) = e / (e + 6) = 0.31 < 0.5.
    d = decide(_vector(forum_cues=1.0), m)
    assert d.page_type == ARTICLE
    assert d.evidence == ("unsure:forum", "forum_cues")
    # The same score is enough with a lower threshold.
    assert decide(_vector(forum_cues=1.0), m._replace(min_probability=0.3)).page_type == "forum"


def test_an_article_reports_what_set_it_above_the_runner_up() -> None:
    m = _model({ARTICLE: {"prose_words": 3.0}, "service": {"prose_words": 1.0, "service_cues": 2.0}})
    # article 3*0.9 = 2.7; service 0.9 + 2*0.5 = 1.9; the runner-up is service.
    d = decide(_vector(prose_words=0.9, service_cues=0.5), m)
    assert d.page_type == ARTICLE
    assert d.evidence == ("prose_words",)  # service_cues pushed towards service, not article


def _screen(weights: dict[str, dict[str, float]], min_probability: float, intercept: float = 0.0) -> Model:
    """A screen over the screen features, unit scaling and zero means; *intercept* is the article's."""
    n = len(SCREEN_NAMES)
    coef = tuple(tuple(weights.get(t, {}).get(name, 0.0) for name in SCREEN_NAMES) for t in PAGE_TYPES)
    intercepts = (intercept,) + (0.0,) * (len(PAGE_TYPES) - 1)
    return Model(PAGE_TYPES, (0.0,) * n, (1.0,) * n, coef, intercepts, min_probability, SCREEN_NAMES)


def test_the_screen_lets_a_plain_article_through_with_what_made_it_plain() -> None:
    s = _screen({ARTICLE: {"prose_words": 3.0}}, min_probability=0.7)
    vector = [0.0] * len(SCREEN_NAMES)
    vector[SCREEN_NAMES.index("prose_words")] = 1.0
    # article scores 3, the six others 0: p(article) = e^3 / (e^3 + 6) = 0.770 >= 0.7.
    assert screen(vector, s) == (ARTICLE, ("prose_words",))
    # At half the prose share: e^1.5 / (e^1.5 + 6) = 0.428 < 0.7, so the page goes on to the full model.
    vector[SCREEN_NAMES.index("prose_words")] = 0.5
    assert screen(vector, s) is None


def test_a_screened_page_is_not_scanned_and_an_unscreened_one_is(monkeypatch: pytest.MonkeyPatch) -> None:
    import boilerstrip.page_types as page_types

    scanned: list[int] = []
    real_scan_vector = page_types.scan_vector

    def counting_scan_vector(*args: Any) -> list[float]:
        scanned.append(1)
        return real_scan_vector(*args)

    monkeypatch.setattr(page_types, "scan_vector", counting_scan_vector)
    full = _model({"forum": {}}, min_probability=0.5)._replace(intercept=(0.0, 10.0) + (0.0,) * 5)
    stripper = Stripper()
    page = stripper._page(LONG_PAGE, Options(), PageEvidence())
    first_labels.apply(page)
    # An article intercept of 10 makes every page plainly an article: p = e^10 / (e^10 + 6).
    monkeypatch.setattr(page_types, "model", lambda: full._replace(screen=_screen({}, 0.9, intercept=10.0)))
    assert page_types.detect(page.texts, page.feats, page.labels) == (ARTICLE, ())
    assert scanned == []
    # An article intercept of -10 makes none plain: the full model (forum intercept 10) decides.
    monkeypatch.setattr(page_types, "model", lambda: full._replace(screen=_screen({}, 0.9, intercept=-10.0)))
    assert page_types.detect(page.texts, page.feats, page.labels).page_type == "forum"
    assert scanned == [1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"min_probability": 1.0}, "between 0 and 1"),
        ({"min_probability": 0.0}, "between 0 and 1"),
        ({"features": list(SCREEN_NAMES[:-1])}, "fitted on other features"),
    ],
)
def test_a_malformed_screen_is_refused(change: dict[str, Any], message: str) -> None:
    data = json.loads((ROOT / "src" / "boilerstrip" / "data" / "page_types.json").read_text(encoding="utf-8"))
    data["screen"].update(change)
    with pytest.raises(ValueError, match=message):
        parse_model(data)


def test_a_file_without_a_screen_scans_every_page() -> None:
    data = json.loads((ROOT / "src" / "boilerstrip" / "data" / "page_types.json").read_text(encoding="utf-8"))
    data["screen"] = None
    assert parse_model(data).screen is None


def test_the_shipped_model_reads_and_names_every_type() -> None:
    m = model()
    assert set(m.types) == set(PAGE_TYPES)
    assert len(m.coef) == len(PAGE_TYPES) and all(len(row) == len(FEATURE_NAMES) for row in m.coef)
    assert 0.0 < m.min_probability < 1.0
    # The shipped file has a screen over the shape features alone.
    assert m.screen is not None and m.screen.names == SCREEN_NAMES
    assert all(len(row) == len(SCREEN_NAMES) for row in m.screen.coef)
    assert 0.0 < m.screen.min_probability < 1.0


def test_a_model_fitted_on_other_features_is_refused() -> None:
    data = json.loads((ROOT / "src" / "boilerstrip" / "data" / "page_types.json").read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="fit_page_types"):
        parse_model(data)


def test_features_of_a_hand_page() -> None:
    # Four blocks: two prices, a heading and one prose paragraph (PARA[0]).
    stripper = Stripper()
    text = "\n\n".join(["Blue mug $12.00", "Red mug $14.50", "Our Mugs", PARA[0]])
    page = stripper._page(text, Options(), PageEvidence())
    first_labels.apply(page)
    v = dict(zip(FEATURE_NAMES, page_features(page.texts, page.feats, page.labels)))
    assert v["prices"] == pytest.approx(math.sqrt(2 / 4))
    assert v["log_prices"] == pytest.approx(math.log1p(2))
    assert v["log_blocks"] == pytest.approx(math.log1p(4))
    # The three short lines end without a sentence mark, so they read as headings, and
    # the paragraph right under the last one is a heading's teaser.
    assert v["headings"] == pytest.approx(math.sqrt(3 / 4))
    assert v["heading_teasers"] == pytest.approx(math.sqrt(1 / 4))
    assert v["forum_cues"] == 0.0 and v["numbered_steps"] == 0.0


def test_a_short_page_is_an_article_without_asking_the_model() -> None:
    r = strip("Home\n\nReply\n\nQuote\n\nJoined: May 2020\n\nPosts: 12")
    assert r.page_type == ARTICLE
    assert r.page_type_evidence == (TOO_SHORT,)
    assert MIN_WORDS > 12


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_a_forced_type_is_reported_as_forced(name: str) -> None:
    r = strip(LONG_PAGE, options=Options(page_type=name))
    assert (r.page_type, r.page_type_evidence) == (name, (FORCED,))


def test_an_unknown_page_type_is_refused() -> None:
    with pytest.raises(OptionsError, match="unknown page type 'blog'"):
        Options(page_type="blog")
    assert Options().page_type == "auto"


def test_the_page_type_goes_through_to_dict_and_back() -> None:
    r = strip(LONG_PAGE, options=Options(page_type="listing"))
    d = r.to_dict()
    assert (d["page_type"], d["page_type_evidence"]) == ("listing", ["forced"])
    back = Result.from_dict(json.loads(json.dumps(d)))
    assert back == r


def test_a_dictionary_without_a_page_type_reads_as_none() -> None:
    d = strip(LONG_PAGE).to_dict()
    del d["page_type"], d["page_type_evidence"]
    back = Result.from_dict(d)
    assert (back.page_type, back.page_type_evidence) == (None, ())


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("page_type", 3, "page_type must be a string or null"), ("page_type_evidence", "forced", "must be a list")],
)
def test_a_malformed_page_type_is_named(key: str, value: object, message: str) -> None:
    d = strip(LONG_PAGE).to_dict()
    d[key] = value
    with pytest.raises(ResultFormatError, match=message):
        Result.from_dict(d)


def test_cli_forces_and_reports_the_type(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_bytes(["--json", "--page-type", "documentation"], LONG_PAGE.encode("utf-8"), monkeypatch)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["page_type"], data["page_type_evidence"]) == ("documentation", ["forced"])


def test_cli_refuses_an_unknown_type_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_bytes(["--page-type", "blog"], LONG_PAGE.encode("utf-8"), monkeypatch)
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and "--page-type" in err and "blog" in err


@pytest.mark.parametrize("path", TYPED_SAMPLES, ids=lambda p: p.stem)
def test_the_typed_samples_are_detected_as_their_type(path: pathlib.Path) -> None:
    # Each sample is named en_<type>_...; its type was written down with the page.
    expected = path.stem.split("_")[1]
    assert expected in PAGE_TYPES
    assert strip(path.read_text(encoding="utf-8")).page_type == expected


def test_the_typed_samples_cover_every_type_but_article() -> None:
    assert {p.stem.split("_")[1] for p in TYPED_SAMPLES} == set(PAGE_TYPES) - {ARTICLE}


@pytest.mark.parametrize("path", ARTICLE_SAMPLES, ids=lambda p: p.stem)
def test_the_article_samples_are_detected_as_articles(path: pathlib.Path) -> None:
    assert strip(path.read_text(encoding="utf-8")).page_type == ARTICLE
