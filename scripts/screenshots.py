"""Screenshots of every workbench page, for the README: docs/screenshots/*.png.

    python scripts/screenshots.py [--db STORE] [--out docs/screenshots]

Without --db, a temporary store is filled from examples/ through the real pipeline. Drives
Debian's chromium (or any chromium on PATH) headless with Playwright.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from dyad.serve import create_app
from dyad.serve.running import running

ROOT = Path(__file__).resolve().parents[1]
ANALYSE_TEXT = (
    "SEOUL, March 3 (Reuters) - South Korea and Japan agreed on Friday to resume military talks, "
    "officials said, a week after North Korea fired two ballistic missiles into the sea. "
    "Pyongyang denied it had violated any agreement and accused Washington of provoking tensions."
)


def fill_store(path: Path, inputs: list[Path]) -> None:
    """As `dyad ingest` does it."""
    from dyad.api import extract_records
    from dyad.ingest import ReadError, read_paths
    from dyad.resolve.memory import recall
    from dyad.store import Store

    with Store(path) as store:
        documents = [d for d in read_paths([str(p) for p in inputs]) if not isinstance(d, ReadError)]
        for record in extract_records(documents):
            recall(record, store.remembered)
            store.save(record)


def shoot(page: Page, base: str, out: Path) -> list[Path]:
    shots = []

    def save(name: str) -> None:
        shots.append(out / f"{name}.png")
        page.screenshot(path=str(shots[-1]), full_page=False)

    page.goto(base + "/")
    save("documents")
    page.click("table.data a[href^='/documents/']")
    page.wait_for_selector("#article-text mark.trigger")
    trigger = page.locator("#article-text mark.trigger", has_text="met").first
    trigger.scroll_into_view_if_needed()
    trigger.click()
    page.evaluate("window.scrollTo(0, 0)")
    save("article")
    page.goto(base + "/events?dyad=RUS&dyad=PRK&limit=25")
    save("events")
    page.goto(base + "/dyad?a=RUS&b=PRK&by=month")
    page.wait_for_selector("#dyad-chart svg rect")
    save("dyad")
    page.goto(base + "/network")
    page.wait_for_selector("#network svg .node")
    save("network")
    page.goto(base + "/analyse")
    page.fill("#analyse-text", ANALYSE_TEXT)
    page.fill("#analyse-published", "2023-03-03")
    page.click("#analyse-submit")
    page.wait_for_selector("#analyse-result #article-text mark.trigger", timeout=120_000)
    page.wait_for_timeout(800)  # the smooth scroll to the result ends
    page.locator("#analyse-result #article-text mark.trigger").first.click()
    page.evaluate("window.scrollTo(0, document.getElementById('analyse-status').offsetTop - 70)")
    save("analyse")
    page.goto(base + "/docs")
    page.wait_for_selector("#api-docs .endpoint")
    save("api")
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="An existing store (default: a temporary one from examples/).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on PATH (Debian: apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "dyad.duckdb"
            fill_store(db, [ROOT / "examples"])
        with running(create_app(db)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True)
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            for shot in shoot(page, base, args.out):
                print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
            browser.close()


if __name__ == "__main__":
    main()
