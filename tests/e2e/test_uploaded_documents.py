"""In Chromium, opening a stored upload's address downloads it: an SVG or HTML file never renders on the site's
origin, so its script never runs (issue 14, item 3)."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from actionagenda.events.models import EventDocument
from factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'pwned\'"><circle r="9"/></svg>'


@pytest.mark.parametrize("name, content", [("programme.svg", SVG),
                                           ("programme.pdf", b"%PDF-1.4\n%%EOF\n")])
def test_opening_a_stored_document_downloads_it(page, name, content):
    event = EventFactory()
    document = EventDocument(event=event, title="Programme", kind="programme")
    document.file.save(name, ContentFile(content), save=True)
    with translation.override("en"):
        page.goto(event.get_absolute_url())
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    with page.expect_download() as download:
        page.get_by_role("link", name="Programme").click()
    assert download.value.suggested_filename == name
    with open(download.value.path(), "rb") as saved:
        assert saved.read() == content
    # The event page is still the one shown: nothing was rendered in its place, no script ran.
    assert page.title() != "pwned" and "/documents/" not in page.url and not dialogs
