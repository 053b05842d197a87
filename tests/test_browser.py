"""The HTML report in a real browser: headless Chromium (Debian package ``chromium``).

Chromium loads the page from a file, runs its script, and dumps the resulting DOM
(``--dump-dom``) and a screenshot (``--screenshot``). Locally, the tests skip when
Chromium is not installed; in CI (environment variable ``CI`` set) its absence is a
failure. Screenshots go to pytest's tmp_path (their paths are printed; run pytest
with ``-s`` to see them); set ``CROSSCHECK_SCREENSHOT_DIR`` to also copy them there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import report_fixtures as fx

from crosscheck import html, report

pytestmark = pytest.mark.browser

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
TIMEOUT = 120  # seconds for one Chromium run


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium not found (install the Debian package: apt-get install chromium)"
    if in_ci():
        pytest.fail(message + " -- required in CI")
    pytest.skip(message)


def run(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"Chromium did not finish within {TIMEOUT} s: {' '.join(cmd)}")
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture
def page(tmp_path: Path) -> Path:
    ex, xref = fx.build()
    path = tmp_path / "report.html"
    path.write_text(
        html.render_html(report.build_report(ex, xref), report.article_texts(ex)), encoding="utf-8"
    )
    return path


def dom(page: Path, tmp_path: Path, *extra: str) -> str:
    return run(page, tmp_path, "--dump-dom", "--virtual-time-budget=2000", *extra).stdout


def test_page_after_javascript(page: Path, tmp_path: Path) -> None:
    out = dom(page, tmp_path)
    assert '<html lang="en" class="js">' in out  # the script ran
    assert 'id="summary"' in out
    assert 'id="finding-F-time-congress"' in out
    assert out.count('class="side"') >= 4
    timeline = out[out.index(f'id="{html.anchor("timeline", fx.CONGRESS)}"') :]
    timeline = timeline[: timeline.index("</article>")]
    assert [label in timeline for label in ("mid-November", "December", "late January")] == [
        True
    ] * 3
    assert timeline.index("mid-November") < timeline.index("late January")
    table = out[out.index('id="claims-table"') :]
    table = table[: table.index("</table>")]
    assert table.count("<tr") == 1 + 7
    assert 'class="filterbar"' in out and 'class="filter"' in out  # built by the script
    assert "7 of 7 shown" in out
    assert '<th class="sortable" tabindex="0" title="Sort by this column">claim</th>' in table


def test_page_without_javascript(page: Path, tmp_path: Path) -> None:
    # Chromium's --dump-dom needs script to read the DOM, so "no JavaScript" is
    # the same page with its one <script> element removed.
    text = page.read_text(encoding="utf-8")
    start, end = text.index("<script>"), text.index("</script>") + len("</script>")
    bare = page.with_name("report-nojs.html")
    bare.write_text(text[:start] + text[end:], encoding="utf-8")
    out = dom(bare, tmp_path)
    assert 'class="js"' not in out
    assert 'class="filterbar"' not in out
    table = out[out.index('id="claims-table"') :]
    assert table[: table.index("</table>")].count("<tr") == 1 + 7
    assert 'id="finding-F-time-congress"' in out
    assert "late January" in out


def test_fragment_opens_the_article_of_a_claim(page: Path, tmp_path: Path) -> None:
    target = page.with_name("report.html")
    url_page = target.resolve().as_uri() + "#" + html.anchor("claim", "B9")
    profile = tmp_path / "profile-frag"
    cmd = [
        chromium(),
        *FLAGS,
        f"--user-data-dir={profile}",
        "--dump-dom",
        "--virtual-time-budget=2000",
        url_page,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    block = out[out.index(f'id="{html.anchor("article", "001_bd1163be5567cad4")}"') - 200 :]
    block = block[: block.index("<summary")]
    assert "open" in block  # the <details> of the claim's article was opened
    flashed = re.findall(r'<mark class="claim flash"[^>]*>', out)
    assert flashed and all('data-claims="c-B9"' in m for m in flashed)
    assert any(f'id="{html.anchor("claim", "B9")}"' in m for m in flashed)


def _save(png: Path) -> None:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a rendered page, not a blank image
    print(f"screenshot: {png}")
    copy_to = os.environ.get("CROSSCHECK_SCREENSHOT_DIR")
    if copy_to:
        Path(copy_to).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(copy_to) / png.name)


def test_screenshot(page: Path, tmp_path: Path) -> None:
    png = tmp_path / "report-fixture.png"
    run(page, tmp_path, f"--screenshot={png}", "--window-size=1280,2000")
    _save(png)


def test_seeds_report_shows_the_congress_timeline(tmp_path: Path) -> None:
    """The real pipeline on the project's seeds/: the Sochi congress timeline is on the page."""
    from crosscheck import pipeline

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    ex = pipeline.extract([str(seeds)])
    xref = pipeline.cross_reference(ex)
    data = report.build_report(ex, xref)
    timing = [
        f for f in data["findings"] if f["relation"] == "contradiction" and f["slot"] == "time"
    ]
    if not any("late January" in {v["text"] for v in f["values"]} for f in timing):
        pytest.skip("the pipeline does not (yet) find the seeds' congress time contradiction")
    path = tmp_path / "report.html"
    path.write_text(html.render_html(data, report.article_texts(ex)), encoding="utf-8")
    out = dom(path, tmp_path)
    assert 'id="timelines"' in out
    timelines = out[out.index('id="timelines"') :]
    timelines = timelines[: timelines.index("</section>")]
    for text in ("mid-November", "December", "late January", "2018-01-21"):
        assert text in timelines, text
    png = tmp_path / "report-seeds.png"
    run(path, tmp_path, f"--screenshot={png}", "--window-size=1280,2000")
    _save(png)


@pytest.mark.parametrize(
    ("ci", "outcome"),
    [
        ("true", pytest.fail.Exception),
        ("1", pytest.fail.Exception),
        ("", pytest.skip.Exception),
        ("false", pytest.skip.Exception),
    ],
    ids=["ci-true", "ci-1", "local", "ci-false"],
)
def test_missing_chromium_skips_locally_but_fails_in_ci(
    ci: str, outcome: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome) as info:
        chromium()
    assert "apt-get install chromium" in str(info.value)
