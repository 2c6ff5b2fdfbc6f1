import pytest
from django.core.management import call_command

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
