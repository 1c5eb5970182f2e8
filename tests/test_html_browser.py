"""The HTML report in a real browser (headless Chromium): tables there and sortable, the
picture loaded, and no script planted in an article runs.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages separated by NUL on file descriptors 3 and 4), so the test needs nothing beyond
the standard library. Without Chromium the test skips, unless CI is set: then it fails.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import replace as dc_replace

import pytest

from crosscheck.model import Article, Claim, Event, Finding
from crosscheck.render import write_reports
from test_render_fixture import build_result

CHROMIUM = os.environ.get("CROSSCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--remote-debugging-pipe"]

PAYLOAD = ('<script>document.title="pwned";window.__pwned=1</script>'
           '<img src=x onerror="document.title=\'pwned\';window.__pwned=2">'
           '<svg onload="window.__pwned=3"></svg><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>')


class Browser:
    """A headless Chromium and one page, spoken to over the DevTools pipe."""

    def __init__(self, profile: str):
        cmd_r, self._cmd_w = os.pipe()   # we write commands, Chromium reads them on fd 3
        self._res_r, res_w = os.pipe()   # Chromium writes replies on fd 4
        script = f'exec "$0" "$@" 3<&{cmd_r} 4>&{res_w} {cmd_r}<&- {res_w}>&-'
        self.proc = subprocess.Popen(["bash", "-c", script, CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     pass_fds=(cmd_r, res_w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(res_w)
        self._buf, self._id, self.session = b"", 0, None
        target = self._page_target()
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True, session=False)["sessionId"]

    def _page_target(self, timeout=20):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pages = [t for t in self.send("Target.getTargets", session=False)["targetInfos"] if t["type"] == "page"]
            if pages:
                return pages[0]["targetId"]
            time.sleep(0.1)
        raise TimeoutError("Chromium opened no page")

    def send(self, method, session=True, timeout=30, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        end = time.monotonic() + timeout
        while True:
            while b"\0" in self._buf:
                raw, self._buf = self._buf.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply["result"]
            left = end - time.monotonic()
            if left <= 0 or not select.select([self._res_r], [], [], left)[0]:
                raise TimeoutError(f"no reply to {method}")
            chunk = os.read(self._res_r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk

    def js(self, expression):
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"])
        return r["result"].get("value")

    def open(self, url, timeout=20):
        self.send("Page.navigate", url=url)
        end = time.monotonic() + timeout
        while self.js("location.href + ' ' + document.readyState") != f"{url} complete":
            if time.monotonic() > end:
                raise TimeoutError("page did not load")
            time.sleep(0.1)

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._res_r)


def _hostile_result():
    """The fixture plus an article whose text, claim fields and event label carry payloads."""
    r = build_result()
    text = f"Breaking {PAYLOAD} news: 2,000 people left Homs on Saturday. {PAYLOAD}\n"
    start = text.index("2,000 people")
    art = Article(doc="zz_<b>hostile</b>.txt", text=text, source="zz_hostile.txt")
    ev = Event(id="hostile", label=f"event {PAYLOAD}", date="2017-03-18", docs=(art.doc,), claims=("h1",))
    claim = Claim(id="h1", doc=art.doc, start=start, end=start + 12, text=text[start:start + 12], value=2000,
                  low=2000, high=2000, qualifier="exact", counted=f'people"> {PAYLOAD}', category="people",
                  sentence=text, said_by=PAYLOAD, event="hostile", date="2017-03-18")
    finding = Finding("conflict", f"2,000 people {PAYLOAD} against 1,365", "hostile", "people", ("h1", "c03+c04"),
                      (art.doc,))
    return dc_replace(r, claims=r.claims + [claim], events=r.events + [ev], findings=r.findings + [finding],
                      articles=dict(r.articles, **{art.doc: art}))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) and shutil.which("bash")):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM} (CI must install it: apt-get install -y chromium)")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    tmp = tmp_path_factory.mktemp("browser")
    write_reports(_hostile_result(), tmp / "out")
    b = Browser(str(tmp / "profile"))
    try:
        b.open((tmp / "out" / "report.html").as_uri())
        yield b
    finally:
        b.close()


def test_no_script_from_an_article_runs(page):
    assert page.js("document.title") == "crosscheck report"
    assert page.js("window.__pwned === undefined && window.parent.__pwned === undefined")
    assert page.js("document.scripts.length") == 1
    assert page.js("document.querySelectorAll('[onerror], [onload], iframe, svg').length") == 0
    assert page.js("Array.from(document.images).map(i => i.id)") == ["timeline-picture"]
    # the payload is there as text, for a reader to see
    assert PAYLOAD in page.js("document.querySelector('pre.article').textContent + "
                              "Array.from(document.querySelectorAll('pre.article')).map(p => p.textContent).join('')")


def test_our_script_runs_under_the_content_security_policy(page):
    assert page.js("document.documentElement.getAttribute('data-sortable')") == "ready"
    assert page.js("getComputedStyle(document.querySelector('th')).cursor") == "pointer"  # our style applied


def test_tables_and_picture_are_there(page):
    counts = page.js("""(() => { const n = s => document.querySelectorAll(s).length;
        return {conflicts: n('table.conflicts tbody tr'), claims: n('table.claims'), documents: n('table.documents tbody tr'),
                articles: n('details.article')}; })()""")
    assert counts == {"conflicts": 3, "claims": 8, "documents": 5, "articles": 6}
    size = page.js("""new Promise(ok => { const i = document.getElementById('timeline-picture');
        const done = () => ok([i.complete, i.naturalWidth, i.naturalHeight]);
        i.complete ? done() : i.addEventListener('load', done); })""")
    assert size[0] and size[1] > 300 and size[2] > 100
    assert page.js("performance.getEntriesByType('resource').filter(e => !e.name.startsWith('data:')).length") == 0


def _click(page, selector):
    """A real mouse click (pressed + released) in the middle of the element."""
    x, y = page.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
        e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
    for kind in ("mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def test_clicking_a_header_sorts_its_table(page):
    table = page.js("""(() => { const s = Array.from(document.querySelectorAll('section.event'))
        .find(s => s.querySelector('h3').textContent.startsWith('first group leaves')); return '#' + s.id; })()""")
    values = f"""Array.from(document.querySelectorAll('{table} table.claims tbody tr'))
                 .map(r => Number(r.cells[3].getAttribute('data-sort')))"""
    before = page.js(values)
    assert len(before) == 8 and before != sorted(before)
    header = f"{table} table.claims thead th:nth-child(4)"
    _click(page, header)
    assert page.js(values) == sorted(before)
    assert page.js(f"document.querySelector('{header}').getAttribute('aria-sort')") == "ascending"
    _click(page, header)
    assert page.js(values) == sorted(before, reverse=True)
    _click(page, f"{table} table.claims thead th:nth-child(1)")  # a text column sorts as text
    docs = page.js(f"Array.from(document.querySelectorAll('{table} table.claims tbody tr')).map(r => r.cells[0].textContent)")
    assert docs == sorted(docs, key=str.lower)


def test_the_policy_blocks_planted_scripts_even_if_escaping_failed(page, tmp_path):
    """Defence in depth: the same page with the payload pasted in raw still runs no foreign script."""
    url = page.js("location.href")
    html = open(url[len("file://"):], encoding="utf-8").read()
    raw = tmp_path / "raw.html"
    raw.write_text(html.replace("<h1>", PAYLOAD + "<h1>", 1), encoding="utf-8")
    try:
        page.open(raw.as_uri())
        assert page.js("document.querySelectorAll('body > script').length") == 2  # the payload's is in the DOM
        assert page.js("window.__pwned === undefined") and page.js("document.title") == "crosscheck report"
        assert page.js("document.documentElement.getAttribute('data-sortable')") == "ready"  # ours still runs
    finally:
        page.open(url)
