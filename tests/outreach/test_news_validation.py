"""What the secretariat must give with a news item: alt text with an image, the text of each language it
translates, the actor a story profiles; and pictures that are pictures."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from actionagenda.outreach.models import NewsItem
from factories import ActorFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def item(**fields) -> NewsItem:
    values = {"slug": "lab-news", "title_en": "Labs", "summary_en": "Labs trained.", "body_en": "Twelve analysts."}
    return NewsItem(**values | fields)


def errors(record) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    return raised.value.message_dict


def test_an_image_needs_a_description_in_each_language_of_the_item():
    picture = SimpleUploadedFile("lab.png", PNG, content_type="image/png")
    assert "image_alt_en" in errors(item(image=picture))
    found = errors(item(image=SimpleUploadedFile("lab.png", PNG), image_alt_en="Analysts at a PCR bench.",
                        title_fr="Labos", summary_fr="Labos formés.", body_fr="Douze analystes."))
    assert list(found) == ["image_alt_fr"]


def test_a_translated_title_needs_its_summary_and_text():
    assert set(errors(item(title_es="Laboratorios"))) == {"summary_es", "body_es"}


def test_a_story_must_name_the_actor_it_profiles():
    assert "profiled_actor" in errors(item(kind="story"))
    item(kind="story", profiled_actor=ActorFactory()).full_clean()


@pytest.mark.parametrize("name, content", [
    ("picture.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("picture.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ("picture.jpg", PNG),
])
def test_an_image_that_is_not_the_raster_picture_its_name_says_is_refused(name, content):
    found = errors(item(image=SimpleUploadedFile(name, content), image_alt_en="A picture."))
    assert "image" in found
