"""One date style and one date-time style per language, on every page that shows a date (they were four:
"Nov. 28, 2026", "28 November 2026", "Tuesday, December 8, 2026 at 01:00 PM UTC", "12/01/2026 8:06 a.m.")."""

import datetime
import re

import pytest
from consultations.builders import make_consultation
from django.utils import translation

from actionagenda.accounts.services import make_secretariat
from actionagenda.consultations.models import Reply
from factories import CommitmentFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db

AT = datetime.datetime(2026, 11, 28, 13, 5, tzinfo=datetime.UTC)
DATE = {"en": "28 November 2026", "fr": "28 novembre 2026", "es": "28 de noviembre de 2026"}
DATETIME = {"en": "28 November 2026 at 13:05", "fr": "28 novembre 2026 à 13:05",
            "es": "28 de noviembre de 2026 a las 13:05"}
# What the other styles looked like: abbreviated months, a.m./p.m., numeric dates, weekdays.
OTHER_STYLES = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|[ap]\.m\.|\b\d{1,2}/\d{1,2}/\d{4}\b"
                          r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|midnight|noon")


@pytest.fixture
def pages(client):
    """The page kinds that show dates, with a date on 28 November 2026 (and its time, 13:05 UTC) on each."""
    author = UserFactory()
    commitment = CommitmentFactory(published_at=AT, start_date=AT.date(), end_date=datetime.date(2030, 12, 31))
    submitted = CommitmentFactory(status="submitted", submitted_at=AT, start_date=AT.date(), actor__members=[author])
    event = EventFactory(starts_at=AT, ends_at=AT + datetime.timedelta(hours=1), timezone="UTC")
    question = make_consultation()
    consultation = question.theme.group.consultation
    consultation.__class__.objects.filter(pk=consultation.pk).update(opens_on=AT.date())
    question.theme.group.week.__class__.objects.filter(pk=question.theme.group.week.pk).update(starts_on=AT.date())
    Reply.objects.create(question=question, author=author, body="First thoughts.", created=AT)
    secretariat, _ = make_secretariat("secretariat@example.org", password="x")
    return {
        "detail": (None, lambda: commitment.get_absolute_url(), ("date",)),
        "explore": (None, lambda: "/commitments/", ("date",)),
        "event": (None, lambda: event.get_absolute_url(), ("datetime",)),
        "consultation": (None, lambda: consultation.get_absolute_url(), ("date",)),
        "theme": (None, lambda: question.theme.get_absolute_url(), ("date",)),
        "question": (None, lambda: question.get_absolute_url(), ("datetime",)),
        "moderation": (secretariat, lambda: "/commitments/moderation/", ("datetime",)),
        "moderate": (secretariat, lambda: f"/commitments/{submitted.pk}/moderate/", ("date",)),
    }


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_page_writes_dates_and_times_one_way_per_language(client, pages, language):
    for name, (user, path, kinds) in pages.items():
        if user:
            client.force_login(user)
        with translation.override(language):
            url = path()
        url = url if url.startswith(f"/{language}/") else f"/{language}" + re.sub(r"^/(en|fr|es)/", "/", url)
        text = visible_text(client.get(url).content.decode())
        for kind in kinds:
            expected = {"date": DATE, "datetime": DATETIME}[kind][language]
            assert expected in text, (name, url, kind)
        assert OTHER_STYLES.findall(text) == [], (name, url)
        client.logout()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_e_mails_write_dates_the_way_pages_do(language):
    from django.core import mail

    from actionagenda.mail import send_templated

    send_templated("consultations/email/digest", {"day": AT.date(), "replies": []}, ["a@example.org"], language)
    assert DATE[language] in mail.outbox[0].body and DATE[language] in mail.outbox[0].subject
