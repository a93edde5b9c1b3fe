"""Regenerate docs/seeds-report.png, the README's picture of the HTML report, from the real page.

    python docs/screenshot.py [--lang en|id] [--out docs/seeds-report.png]

Runs `timeline check fixtures/seeds --format html`, opens the page in Debian's headless Chromium
(playwright pointed at /usr/bin/chromium, a fresh profile, no background networking), marks the
date-conflict finding as a reader would by clicking it, and photographs the page down to the end of
Basri Rase's timeline. Nothing is drawn by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [  # this machine's closed network refuses background connections: none are attempted
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", choices=("en", "id"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "seeds-report.png")
    parser.add_argument("--width", type=int, default=1100)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="timeline-shot-") as tmp:
        page_path = Path(tmp) / "seeds-report.html"
        proc = subprocess.run(
            [sys.executable, "-m", "timeline", "check", "fixtures/seeds", "--format", "html", "--lang", args.lang,
             "--no-cache", "--fail-on", "never", "--output", str(page_path)],
            cwd=ROOT, capture_output=True, text=True,
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            return 1
        with sync_playwright() as p:
            browser = p.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": args.width, "height": 900}, device_scale_factor=1,
            )
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_path.as_uri())
            page.locator('li.finding[data-rule="TL101"] .message').click()
            page.evaluate("window.scrollTo(0, 0)")
            page.evaluate("document.activeElement && document.activeElement.blur()")
            bottom = page.evaluate(
                "() => document.querySelector('section[data-official=\"basri-rase\"] figure').getBoundingClientRect().bottom")
            page.screenshot(path=str(args.out), full_page=True,
                            clip={"x": 0, "y": 0, "width": args.width, "height": bottom + 16})
            browser.close()
        if errors:
            sys.stderr.write("\n".join(errors) + "\n")
            return 1
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
