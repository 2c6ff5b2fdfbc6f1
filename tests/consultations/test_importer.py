import datetime
import io

import docx
import pytest
from django.core.management import call_command

from actionagenda.consultations import importer
from actionagenda.consultations.models import Consultation, Question
from actionagenda.events.models import Event

from .programmes import ENGLISH, FRENCH, SPANISH

UTC = datetime.UTC


def test_it_reads_weeks_groups_themes_and_questions_in_english():
    programme = importer.parse(ENGLISH, year=2021)
    assert programme.title == "Online discussions on biosafety capacity-building"
    assert [(w.number, w.starts_on, w.ends_on) for w in programme.weeks] == [
        (1, datetime.date(2021, 9, 27), datetime.date(2021, 10, 3)),
        (2, datetime.date(2021, 10, 4), datetime.date(2021, 10, 10))]
    assert [g.title for g in programme.groups] == ["Risk assessment and risk management",
                                                   "Public awareness and participation"]
    assert [t.title for t in programme.themes] == ["Capacity for risk assessment", "Detection and identification",
                                                   "Public participation"]
    first = programme.themes[0].questions
    assert [q.number for q in first] == [1, 2]
    assert first[0].text.endswith("[living modified organisms](https://bch.cbd.int)?")


def test_it_strips_bookmarks_glued_to_headings():
    programme = importer.parse(ENGLISH, year=2021)
    assert programme.themes[2].title == "Public participation"
    assert not any("bookmark" in text for _, text in programme.unrecognised)


def test_it_numbers_a_closing_question_without_a_number_and_says_so():
    programme = importer.parse(ENGLISH, year=2021)
    closing = programme.themes[1].questions[-1]
    assert (closing.number, closing.text) == (2, "What else should the secretariat know?")
    assert (12, "Question without a number: numbered 2.") in programme.notes


def test_it_reports_stray_dates_lines_and_bare_links_with_their_line_numbers():
    programme = importer.parse(ENGLISH, year=2021)
    assert programme.unrecognised == [(4, "Dates: 27 September – 3 October 2021"),
                                      (9, "Please share examples from your region."),
                                      (17, "https://www.cbd.int/biosafety")]


def test_a_webinar_line_with_a_time_zone_abbreviation_becomes_utc_times():
    webinar = importer.parse(ENGLISH, year=2021).webinars[0]
    assert webinar.title == "Launch webinar"
    assert webinar.starts_at == datetime.datetime(2021, 9, 27, 17, 0, tzinfo=UTC)
    assert webinar.ends_at == datetime.datetime(2021, 9, 27, 19, 0, tzinfo=UTC)
    assert webinar.timezone == "America/New_York"


def test_it_reads_french_markdown():
    programme = importer.parse(FRENCH, year=2021)
    assert programme.title == "Discussions en ligne sur la biosécurité"
    assert programme.weeks[0].starts_on == datetime.date(2021, 9, 27)
    assert programme.groups[0].title == "Évaluation des risques"
    assert programme.themes[0].title == "Capacités nationales"
    assert [q.number for q in programme.themes[0].questions] == [1, 2, 3]
    assert programme.webinars[0].starts_at == datetime.datetime(2021, 9, 27, 17, 0, tzinfo=UTC)
    assert programme.unrecognised == []


def test_it_reads_spanish_and_a_week_over_the_new_year():
    programme = importer.parse(SPANISH, year=2021)
    assert programme.weeks[1].starts_on == datetime.date(2021, 12, 28)
    assert programme.weeks[1].ends_on == datetime.date(2022, 1, 3)
    assert programme.themes[0].questions[0].text == "¿Qué capacidades necesitan las autoridades?"
    webinar = programme.webinars[0]
    assert (webinar.starts_at, webinar.ends_at) == (datetime.datetime(2021, 10, 5, 8, 0, tzinfo=UTC),
                                                   datetime.datetime(2021, 10, 5, 9, 30, tzinfo=UTC))


def test_a_webinar_with_an_unknown_time_zone_is_reported_not_guessed():
    programme = importer.parse("Title\nLaunch webinar: 27 September 2021, 13:00-15:00 XYZ\n", year=2021)
    assert programme.webinars == []
    assert programme.unrecognised == [(2, "Launch webinar: 27 September 2021, 13:00-15:00 XYZ")]


def test_explicit_utc_offsets_are_understood():
    programme = importer.parse("T\nWebinar: 3 May 2022, 09:00-10:00 UTC+3\n")
    assert programme.webinars[0].starts_at == datetime.datetime(2022, 5, 3, 6, 0, tzinfo=UTC)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Consultation on biosafety", level=1)
    document.add_paragraph("Week 1: 27 September - 3 October")
    document.add_paragraph("Online discussion group 1: Risk assessment")
    document.add_heading("Theme 1: National capacity", level=2)
    document.add_paragraph("What capacities exist today?", style="List Number")
    document.add_paragraph("Which gaps matter most?", style="List Number")
    document.add_paragraph("Dates: 27 September 2021")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_reads_a_docx_with_word_list_numbering():
    programme = importer.parse(importer.read_document("programme.docx", _docx_bytes()), year=2021)
    assert programme.title == "Consultation on biosafety"
    assert [(q.number, q.text) for q in programme.questions] == [(1, "What capacities exist today?"),
                                                                 (2, "Which gaps matter most?")]
    assert [text for _, text in programme.unrecognised] == ["Dates: 27 September 2021"]


@pytest.mark.django_db
def test_saving_creates_the_structure_and_the_webinar_event():
    consultation = importer.save(importer.parse(ENGLISH, year=2021))
    assert consultation.title == "Online discussions on biosafety capacity-building"
    assert (consultation.opens_on, consultation.closes_on) == (datetime.date(2021, 9, 27), datetime.date(2021, 10, 10))
    assert consultation.weeks.count() == 2
    assert consultation.groups.get(number=2).week.number == 2
    assert Question.objects.filter(theme__group__consultation=consultation).count() == 5
    event = Event.objects.get()
    assert (event.title, event.starts_at, event.timezone) == (
        "Launch webinar", datetime.datetime(2021, 9, 27, 17, 0, tzinfo=UTC), "America/New_York")


@pytest.mark.django_db
def test_saving_is_all_or_nothing(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("event service down")

    monkeypatch.setattr("actionagenda.events.services.create_event", broken)
    with pytest.raises(RuntimeError):
        importer.save(importer.parse(ENGLISH, year=2021))
    assert Consultation.objects.count() == 0
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_a_document_without_groups_is_refused():
    with pytest.raises(importer.EmptyProgramme):
        importer.save(importer.parse("Just a title\nSome words\n"))
    assert Consultation.objects.count() == 0


@pytest.mark.django_db
def test_the_command_prints_the_structure_it_created(tmp_path, capsys):
    path = tmp_path / "programme.md"
    path.write_text(FRENCH, encoding="utf-8")
    call_command("import_consultation", str(path), "--year", "2021")
    out = capsys.readouterr().out
    assert "Week 1: 2021-09-27 - 2021-10-03" in out
    assert "    Theme 1: Capacités nationales" in out
    assert "Note, line 8: Question without a number: numbered 3." in out
    assert "1 week, 1 group, 1 theme, 3 questions, 1 webinar." in out
    assert Consultation.objects.get().groups.get().themes.get().questions.count() == 3


def test_dates_without_a_year_take_the_year_written_in_the_document():
    programme = importer.parse(ENGLISH)
    assert programme.weeks[0].starts_on == datetime.date(2021, 9, 27)


def test_it_copes_with_french_no_break_spaces_parenthesised_weeks_and_question_labels():
    text = ("Consultation\r\nSemaine\u00a02 (4\u202f–\u202f10 octobre 2021)\r\n"
            "Groupe de discussion en ligne\u00a02\u202f: Sensibilisation\r\n"
            "Thème 4\u202f: Participation du public\r\nQuestion 1\u202f: Comment informer le public\u202f?\r\n")
    programme = importer.parse(text)
    assert (programme.weeks[0].number, programme.weeks[0].starts_on) == (2, datetime.date(2021, 10, 4))
    assert programme.groups[0].title == "Sensibilisation"
    assert programme.themes[0].title == "Participation du public"
    assert [(q.number, q.text) for q in programme.questions] == [(1, "Comment informer le public ?")]
    assert programme.unrecognised == []


def test_webinar_times_in_french_hours_without_minutes():
    programme = importer.parse("T\nWebinaire régional : 12 mai 2022, 9 h - 11 h 30 WAT\n")
    webinar = programme.webinars[0]
    assert (webinar.title, webinar.starts_at, webinar.ends_at, webinar.timezone) == (
        "Webinaire régional", datetime.datetime(2022, 5, 12, 8, 0, tzinfo=UTC),
        datetime.datetime(2022, 5, 12, 10, 30, tzinfo=UTC), "Africa/Lagos")


def test_text_saved_by_an_old_word_processor_in_windows_1252_is_read():
    text = importer.read_document("programme.txt", "Thème 1 : Capacités\n".encode("cp1252"))
    assert text == "Thème 1 : Capacités\n"


def test_a_broken_docx_is_reported():
    with pytest.raises(importer.UnreadableDocument):
        importer.read_document("programme.docx", b"not a zip file")
