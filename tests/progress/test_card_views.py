"""The infographic card of a published commitment, as PNG (1200 x 630, for social media) and as SVG."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.utils import translation
from PIL import Image

from actionagenda.progress import infographic
from factories import ActorFactory, CommitmentFactory

from .chart_data import TITLE, commitment_with_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    return commitment_with_progress()


def test_the_png_is_a_1200_by_630_image_that_may_be_cached_publicly(client, commitment):
    response = client.get(f"/en/commitments/{commitment.pk}/card.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.verify()
    assert image.format == "PNG" and image.size == (1200, 630)
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    again = client.get(f"/en/commitments/{commitment.pk}/card.png", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_the_card_changes_when_the_figures_do(client, commitment):
    first = client.get(f"/en/commitments/{commitment.pk}/card.png")["ETag"]
    commitment.kpis.filter(name="Listeners reached").update(name="Radio listeners reached")
    assert client.get(f"/en/commitments/{commitment.pk}/card.png")["ETag"] != first


def test_the_svg_names_the_commitment_and_its_figures(client, commitment):
    response = client.get(f"/en/commitments/{commitment.pk}/card.svg")
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    svg = ET.fromstring(response.content)
    assert svg.get("role") == "img" and svg.get("width") == "1200" and svg.get("height") == "630"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == TITLE
    words = [text.text for text in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Réseau Biosécurité Sahel — Sénégal" in words and "32 %" in words
    assert "Regressing · −50 %" in words and "Achieved · 117 %, target exceeded" in words
    assert "Two or more reports overdue" in words
    assert words[1] + " " + words[2] == TITLE[:len(words[1]) + 1 + len(words[2]) - 1] + "…"  # cut, marked


def test_the_card_speaks_the_language_of_its_address(client, commitment):
    words = ET.fromstring(client.get(f"/fr/commitments/{commitment.pk}/card.svg").content)
    assert "À risque · 38 %" in [text.text for text in words.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("status", ["draft", "submitted", "withdrawn"])
def test_only_a_published_commitment_has_a_card(client, commitment, author, status):
    commitment.status = status
    commitment.save()
    commitment.actor.members.add(author)
    client.force_login(author)  # not even its authors: a card is for sharing
    assert client.get(f"/en/commitments/{commitment.pk}/card.png").status_code == 404
    assert client.get(f"/en/commitments/{commitment.pk}/card.svg").status_code == 404


def test_a_card_refuses_writes(client, commitment):
    assert client.post(f"/en/commitments/{commitment.pk}/card.png").status_code == 405


@override_settings(SITE_URL="https://commitments.example.org")
def test_the_site_is_named_on_the_card(client, commitment):
    words = ET.fromstring(client.get(f"/en/commitments/{commitment.pk}/card.svg").content)
    assert "commitments.example.org" in [text.text for text in words.iter("{http://www.w3.org/2000/svg}text")]


def test_wrapping_keeps_each_line_within_its_width_and_marks_a_cut():
    with translation.override("en"):
        lines = infographic.wrap(TITLE, 50, 600, 3, bold=True)
    face = infographic.font(50, True)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(face.getlength(line) <= 600 for line in lines)
    assert " ".join(lines).startswith("Sensibilisation à la biosécurité")
    assert infographic.wrap("Short", 50, 600, 2) == ["Short"]
    long_word = infographic.wrap("A" * 80, 20, 200, 2)
    assert len(long_word) == 2 and long_word[1].endswith("…")


def test_a_commitment_without_any_reading_has_a_card_that_says_no_data(client):
    commitment = CommitmentFactory(title="Radio", actor=ActorFactory(name="Long actor name " * 10))
    response = client.get(f"/es/commitments/{commitment.pk}/card.png")
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    words = [text.text for text in ET.fromstring(client.get(f"/es/commitments/{commitment.pk}/card.svg").content)
             .iter("{http://www.w3.org/2000/svg}text")]
    assert words.count("Sin datos") == 2  # the KPI and the overall progress: never "0 %"
    assert "0 %" not in " ".join(words) and any(word.endswith("…") for word in words)
