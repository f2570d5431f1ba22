"""Every page in headless Chromium (Debian's `chromium`, driven by Playwright) against a live server."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium)", allow_module_level=True)

from dyad.serve import create_app  # noqa: E402
from dyad.serve.running import running  # noqa: E402

from test_api import fill  # noqa: E402

PASTED = ("SEOUL, March 3 (Reuters) - South Korea and Japan agreed on Friday to resume military talks, officials said. "
          "North Korea denied it had fired missiles and accused Washington of provoking tensions.")


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("web") / "dyad.duckdb"
    fill(db)
    with running(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()
    # no script errors, no blocked resource, on any page (a refused filter's 400 is the page's answer)
    assert [e for e in errors if "status of 400" not in e] == [], errors


def open_seed_article(page, base):
    page.goto(base + "/")
    page.click("text=North Korean Foreign Minister Choi Seong-hee")
    page.wait_for_selector("#article-text mark.trigger")


def test_the_example_article_shows_its_highlighted_events(page, base):
    open_seed_article(page, base)
    triggers = page.locator("#article-text mark.trigger")
    listed = page.locator("#event-list li")
    assert triggers.count() > 5 and listed.count() == int(page.inner_text("#event-count"))
    assert page.locator("#article-text mark.actor").count() > 10
    assert page.locator("#article-text mark.time").count() > 2
    assert page.locator("#article-text .att-cue").count() > 2
    met = triggers.filter(has_text="met").first
    met.click()
    detail = page.inner_text("#event-detail")
    for shown in ("CONSULT", "CAMEO", "2024-01-14", "day", "modality", "according to", "Choi"):
        assert shown in detail
    assert page.locator("#article-text mark.is-source").count() >= 1
    assert page.locator("#article-text mark.is-target").count() >= 1


def test_an_evidence_link_opens_its_event(page, base):
    page.goto(base + "/events?type=ACCUSE")
    link = page.locator("#events-table td.evidence a", has_text="evidence").first
    event_id = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_selector("#event-detail .event-card")
    assert page.locator(f"#event-detail .event-card[data-event='{event_id}']").count() == 1
    assert "ACCUSE" in page.inner_text("#event-detail")


def test_markup_in_a_stored_article_stays_text(page, base):
    page.goto(base + "/events?outlet=Wire")
    page.locator("#events-table a", has_text="evidence").first.click()
    page.wait_for_selector("#article-text mark")
    assert "<script>alert('text')</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text script, #article-text b").count() == 0
    assert page.title().startswith("<script>alert('title')</script>")
    assert page.locator("#article-text mark.trigger").count() >= 1


def test_the_explorer_filters_sorts_and_pages(page, base):
    page.goto(base + "/events")
    everything = page.locator("#events-table tbody tr").count()
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=CONSULT**")
    types = page.locator("#events-table tbody tr td:nth-child(2) .type").all_inner_texts()
    assert types and set(types) == {"CONSULT"} and len(types) < everything
    page.fill("input[name=since]", "not a date")
    page.click("form.filters button[type=submit]")
    assert "not a date" in page.inner_text("p.error")
    page.goto(base + "/events?limit=5")
    assert page.locator("#events-table tbody tr").count() == 5 and "1–5 of" in page.inner_text("#result-count")
    page.click("a[rel=next]")
    assert "6–10 of" in page.inner_text("#result-count")
    page.click("#events-table th:has-text('event')")
    shown = page.locator("#events-table tbody tr td:nth-child(2) .type").all_inner_texts()
    assert shown == sorted(shown)


def test_a_cluster_lists_all_its_mentions(page, base):
    page.goto(base + "/events")
    page.locator("#events-table a", has_text="real-world event").first.click()
    notice = page.inner_text("p.notice")
    mentions = int(notice.split(":")[1].split()[0])
    assert page.locator("#events-table tbody tr").count() == mentions >= 1


def test_the_dyad_chart_draws(page, base):
    page.goto(base + "/dyad")
    page.fill("input[name=a]", "RUS")
    page.fill("input[name=b]", "PRK")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#dyad-chart svg")
    assert page.locator("#dyad-chart svg g.bar").count() >= 1
    assert page.locator("#dyad-chart svg rect.q1").count() >= 1
    assert page.locator("#dyad-chart svg polyline.goldstein").count() == 1
    assert page.locator("table.sortable tbody tr").count() >= 1


def test_the_network_draws(page, base):
    page.goto(base + "/network")
    page.wait_for_selector("#network svg")
    nodes = page.locator("#network svg a.node")
    assert nodes.count() >= 3 and page.locator("#network svg path.edge.conflict").count() >= 1
    assert page.locator("#network svg path.edge.coop").count() >= 1
    labels = nodes.locator("text").all_text_contents()
    assert {"RUS", "PRK"} <= set(labels)
    boxes = [nodes.nth(i).locator("circle").bounding_box() for i in range(nodes.count())]
    assert len({(round(b["x"]), round(b["y"])) for b in boxes}) == len(boxes)  # laid out, not piled up


def test_the_analyse_form_codes_pasted_text(page, base):
    page.goto(base + "/analyse")
    page.click("#analyse-submit")
    assert "Paste an article" in page.inner_text("#analyse-error")
    page.fill("#analyse-text", PASTED)
    page.fill("#analyse-published", "2023-03-03")
    page.click("#analyse-submit")
    page.wait_for_selector("#analyse-result #article-text mark.trigger", timeout=120_000)
    assert page.locator("#analyse-error").is_hidden()
    page.locator("#analyse-result mark.trigger", has_text="agreed").first.click()
    detail = page.inner_text("#event-detail")
    assert "AGREE" in detail and "2023-03-03" in detail  # "on Friday" before a Friday publication


def test_the_analyse_form_refuses_a_large_file(page, base, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100_000)
    page.goto(base + "/analyse")
    page.set_input_files("#analyse-file", str(big))
    assert "can be analysed" in page.inner_text("#analyse-error")
    small = tmp_path / "article.txt"
    small.write_text(PASTED)
    page.set_input_files("#analyse-file", str(small))
    page.wait_for_function("document.getElementById('analyse-text').value.length > 0")
    assert page.input_value("#analyse-title") == "article"


def test_the_api_page_lists_the_endpoints(page, base):
    page.goto(base + "/docs")
    page.wait_for_selector("#api-docs .endpoint")
    text = page.inner_text("#api-docs")
    for path in ("/api/events", "/api/extract", "/api/series", "/api/network", "/api/quotes", "asserted_by"):
        assert path in text
