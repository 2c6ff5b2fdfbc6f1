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
