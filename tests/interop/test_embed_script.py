"""embed.js, the one script partners include: small, served as a static file, and never parsing API text as HTML."""

import gzip
import pathlib

import pytest

import actionagenda.interop

SCRIPT = pathlib.Path(actionagenda.interop.__file__).parent / "static" / "interop" / "embed.js"
BUDGET = 10 * 1024


def test_the_whole_script_is_at_most_10_kb_gzipped():
    source = SCRIPT.read_bytes()
    size = len(gzip.compress(source, compresslevel=9))
    print(f"\nembed.js: {len(source):,} bytes, {size:,} bytes gzipped (budget {BUDGET:,})")
    assert size <= BUDGET


def test_it_never_parses_text_as_html():
    source = SCRIPT.read_text()
    assert all(sink not in source for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"))


@pytest.mark.django_db
def test_it_is_served_as_a_static_file_any_page_may_include(client):
    response = client.get("/static/interop/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"customElements.define" in b"".join(response.streaming_content)
