"""Real-browser tests: Debian's Chromium driven by Playwright for Python (never a downloaded browser).

Without /usr/bin/chromium the tests skip and say how to install it; with ACTIONAGENDA_REQUIRE_BROWSER=1 (CI)
a missing browser fails the run instead.
"""

import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class OneAnswerAtATime(ThreadedWSGIServer):
    """The live server reading each request in a thread of its own, as usual, and letting Django answer one at a
    time."""

    def set_app(self, application):
        answering = threading.Lock()

        def one_at_a_time(environ, start_response):
            with answering:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


def pytest_configure(config):
    # On SQLite the live server's request threads share the tests' in-memory database connection (pytest-django
    # hands it over, as Django does for an in-memory database). Two requests at once, such as the API reads a
    # partner page's components make together, each open a transaction on it (reads are counted in the cache
    # table) and SQLite refuses the second: "cannot start a transaction within a transaction", a 500 now and then.
    # PostgreSQL gives each request thread its own connection.
    if connection.vendor == "sqlite":
        LiveServerThread.server_class = OneAnswerAtATime


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = "Debian's Chromium is not installed: run `apt-get install chromium` to run browser tests."
        if os.environ.get("ACTIONAGENDA_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def settled(page) -> None:
    """Wait for what a page still does after its load event: the web fonts its layout asked for (a policy's refusal
    of one comes then) and any htmx exchange in flight. A condition, where `networkidle` waits half a second more
    after every page."""
    page.wait_for_function("() => document.fonts.status === 'loaded'"
                           " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")


def axe_violations_at(page, paths) -> dict[str, list[str]]:
    """Each of `paths` opened in turn, with the axe violations of those that have some."""
    found = {}
    for path in paths:
        page.goto(path)
        if violations := axe_violations(page):
            found[path] = violations
    return found


def axe_violations(page) -> list[str]:
    """axe-core (bundled with axe-playwright-python, nothing downloaded) run in the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
            f"{', '.join(str(n['target']) for n in v['nodes'][:3])})"
            for v in results.response["violations"]]
