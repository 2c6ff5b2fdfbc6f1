import datetime
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import translation

from actionagenda.consultations import demo
from actionagenda.consultations.models import Consultation

pytestmark = pytest.mark.django_db


def test_the_demo_consultation_is_open_today_and_made_once(capsys):
    call_command("seed_consultation_demo")
    consultation = Consultation.objects.get()
    assert consultation.is_open()
    assert consultation.groups.count() == 2
    assert sum(theme.questions.count() for group in consultation.groups.all() for theme in group.themes.all()) == 7
    assert demo.seed() is None
    assert Consultation.objects.count() == 1


def test_the_sample_programme_is_understood_completely():
    programme = demo.importer.parse(demo.SAMPLE.read_text(encoding="utf-8"))
    assert programme.unrecognised == []
    assert programme.notes == []
    assert len(programme.webinars) == 1


def test_the_demo_question_shows_a_threaded_discussion_in_three_languages(client):
    call_command("seed_consultation_demo")
    question = Consultation.objects.get().groups.first().themes.first().questions.first()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "<strong>laboratory capacity</strong>" in page
    assert "annexe III" in page and "parientes silvestres" in page
    assert question.replies.filter(parent__parent__isnull=False).count() == 1  # a reply to a reply to a reply


def test_the_demo_webinar_keeps_the_organisers_wall_clock_when_moved_across_summer_time():
    # The sample says 13:00-15:00 EDT in September; moved to today it is still 13:00 in New York.
    call_command("seed_consultation_demo")
    webinar = Consultation.objects.get().events.get()
    local = webinar.starts_at.astimezone(zoneinfo.ZoneInfo(webinar.timezone))
    assert (local.hour, local.minute) == (13, 0)
    assert webinar.ends_at - webinar.starts_at == datetime.timedelta(hours=2)


@pytest.mark.parametrize(("language", "notice"), [
    ("fr", "Le programme de cette consultation est rédigé en anglais."),
    ("es", "El programa de esta consulta está redactado en inglés."),
])
def test_the_french_and_spanish_pages_say_the_demo_programme_is_in_english(client, language, notice):
    call_command("seed_consultation_demo")
    consultation = Consultation.objects.get()
    theme = consultation.groups.first().themes.first()
    question = theme.questions.first()
    for page in (consultation, theme, question):
        with translation.override(language):
            url = page.get_absolute_url()
        html = client.get(url).content.decode()
        assert notice in html, url
        assert 'lang="en">' in html
    with translation.override("en"):
        english = client.get(consultation.get_absolute_url()).content.decode()
    assert "The programme of this consultation is written in" not in english
    listing = client.get(f"/{language}/consultations/").content.decode()
    assert {"fr": "Langue\u00a0: Anglais", "es": "Idioma: Inglés"}[language] in listing


@pytest.mark.parametrize(("programme", "language"), [("ENGLISH", "en"), ("FRENCH", "fr"), ("SPANISH", "es")])
def test_an_imported_programme_keeps_the_language_it_is_written_in(programme, language):
    from . import programmes

    consultation = demo.importer.save(demo.importer.parse(getattr(programmes, programme), year=2021))
    assert consultation.language == language
    assert {event.language for event in consultation.events.all()} <= {language}


def test_the_demo_replies_were_posted_over_the_days_since_the_consultation_opened():
    from django.utils import timezone

    call_command("seed_consultation_demo")
    consultation = Consultation.objects.get()
    posted = [reply.created for reply in demo.Reply.objects.order_by("created")]
    assert len(set(posted)) == len(posted) == 4
    assert consultation.opens_on <= posted[0].date() and posted[-1] <= timezone.now()
