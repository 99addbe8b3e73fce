"""HTML reports as a person sees them: a real headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` packages (``.ci/run`` installs
them) and the ``selenium`` package (in the ``test`` extra); the module is skipped,
saying what to install, when one is missing. Selenium is pointed at the Debian
binaries, so Selenium Manager never downloads a browser or a driver.

Set ``BOILERSTRIP_REPORT_SCREENSHOT=docs/report-seed.png`` to also write the seed
page's screenshot there (that is how the README's picture is made).
"""

from __future__ import annotations

import os
import pathlib
import shutil
from collections import Counter
from collections.abc import Iterator

import pytest

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMEDRIVER = pathlib.Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        f"browser tests need {CHROMIUM} and {CHROMEDRIVER}: "
        "apt-get install -y chromium chromium-driver",
        allow_module_level=True,
    )
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="browser tests need selenium: pip install -e '.[test]' (or pip install selenium)"
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from strategies import PLAIN_PARAGRAPHS

from boilerstrip import Result, categories, strip
from boilerstrip.report import render_report

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "seed_004_ebd96396f1565e17.txt"
#: Pages with many categories, CRLF line ends, and nothing but clutter around a short body.
PAGES = [SEED, SAMPLES / "en_recipe_html_text_crlf.txt", SAMPLES / "en_innertext_mostly_clutter.txt"]
#: The window the screenshot shows: wide enough for the legend on a few lines.
WIDTH, HEIGHT = 1200, 1600

ARTICLE = "\n\n".join(PLAIN_PARAGRAPHS[:3])
MARKUP = "<script>window.__pwned=1</script><b>bold</b>"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """One headless Chromium for the module, with a throw-away profile and no network chatter."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        # The viewport itself, not the window around it, is WIDTH x HEIGHT.
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
        )
        yield driver
    finally:
        driver.quit()


def open_report(driver: WebDriver, tmp_path: pathlib.Path, text: str, name: str = "page") -> Result:
    """Write the report of *text* to *tmp_path* and load it over ``file://``."""
    result = strip(text)
    path = tmp_path / "report.html"
    path.write_text(render_report(text, result, name=name), encoding="utf-8")
    driver.get(path.as_uri())
    return result


def visible_categories(driver: WebDriver) -> Counter[str]:
    return Counter(e.get_attribute("data-category") for e in driver.find_elements(By.CSS_SELECTOR, ".blk") if e.is_displayed())


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_visible_blocks_match_the_result(browser: WebDriver, tmp_path: pathlib.Path, page: pathlib.Path) -> None:
    text = page.read_bytes().decode("utf-8")
    result = open_report(browser, tmp_path, text, page.name)
    assert visible_categories(browser) == Counter(b.category for b in result.blocks)
    legend = {
        e.get_attribute("data-category"): int(e.get_attribute("data-count") or -1)
        for e in browser.find_elements(By.CSS_SELECTOR, ".legend li[data-count]")
        if e.is_displayed()
    }
    assert legend == dict(Counter(b.category for b in result.blocks))
    # The browser's own reading of the text area is the input, CRs included.
    assert browser.execute_script("return document.getElementById('source').textContent") == text


def test_kept_only_switch_hides_every_removed_block(browser: WebDriver, tmp_path: pathlib.Path) -> None:
    result = open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"))
    blocks = browser.find_elements(By.CSS_SELECTOR, ".blk")
    kept = [b.kept or b.category == categories.TITLE for b in result.blocks]
    assert len(blocks) == len(kept) and any(kept) and not all(kept)
    assert all(e.is_displayed() for e in blocks)
    browser.find_element(By.CSS_SELECTOR, "label[for=kept-only]").click()
    assert browser.find_element(By.ID, "kept-only").is_selected()
    assert [e.is_displayed() for e in blocks] == kept
    browser.find_element(By.ID, "kept-only").click()
    assert all(e.is_displayed() for e in blocks)


def test_markup_in_the_input_is_shown_not_run(browser: WebDriver, tmp_path: pathlib.Path) -> None:
    open_report(browser, tmp_path, MARKUP + "\n\n" + ARTICLE, name=MARKUP)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.find_elements(By.CSS_SELECTOR, "#source b, #source script") == []
    assert MARKUP in browser.find_element(By.ID, "source").text
    assert MARKUP in browser.find_element(By.TAG_NAME, "h1").text


def test_labels_show_category_offsets_and_reasons(browser: WebDriver, tmp_path: pathlib.Path) -> None:
    result = open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"))
    labels = browser.execute_script(
        "return Array.from(document.querySelectorAll('.blk'),"
        " e => getComputedStyle(e, '::before').content)"
    )
    assert len(labels) == len(result.blocks)
    for label, block in zip(labels, result.blocks):
        assert f"{block.start}\u2013{block.end}" in label
        assert ", ".join(block.reasons) in label
        assert (block.category in label) or (block.category == categories.TITLE and "TITLE" in label)


def test_screenshot(browser: WebDriver, tmp_path: pathlib.Path) -> None:
    open_report(browser, tmp_path, SEED.read_text(encoding="utf-8"), SEED.name)
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    # PNG header: width and height are the two big-endian words after "IHDR".
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (WIDTH, HEIGHT)
    target = os.environ.get("BOILERSTRIP_REPORT_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)
