"""Ids and page numbers from requests are ASCII digits only: never a 500, never a different record (14.6)."""

import pytest
from consultations.builders import make_consultation
from django.test import Client

from actionagenda import ids
from actionagenda.consultations import services
from actionagenda.consultations.models import Reply
from factories import ActorFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

BAD = ["²", "①", "٥", "-1", "1e3", "+5", " 5", "0x5", "9" * 19, "9" * 5000, ""]


def _arabic_indic(number: int) -> str:
    """The same number in Arabic-Indic digits, which int() reads and str.isdigit() accepts."""
    return "".join(chr(0x660 + int(digit)) for digit in str(number))


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def question(db):
    return make_consultation()


@pytest.fixture
def author(client, author):
    """The shared author, member of an actor, signed in."""
    ActorFactory(members=[author])
    client.force_login(author)
    return author


def _reply(client, question, parent):
    return client.post(f"/en/consultations/{question.theme.group.consultation.slug}/questions/{question.pk}/reply/",
                       {"parent": parent, "body": "An answer"})


@pytest.mark.parametrize("parent", [value for value in BAD if value])
def test_a_reply_whose_parent_is_not_plain_digits_is_refused_with_400(client, question, author, parent):
    services.post_reply(user=author, question=question, body="The first reply")
    assert _reply(client, question, parent).status_code == 400
    assert Reply.objects.count() == 1


def test_a_parent_written_in_other_digits_does_not_attach_the_reply_to_that_reply(client, question, author):
    first = services.post_reply(user=author, question=question, body="The first reply")
    assert _reply(client, question, _arabic_indic(first.pk)).status_code == 400
    assert list(Reply.objects.values_list("body", flat=True)) == ["The first reply"]


def test_a_reply_to_an_existing_reply_by_its_id_is_attached(client, question, author):
    first = services.post_reply(user=author, question=question, body="The first reply")
    assert _reply(client, question, str(first.pk)).status_code == 302
    assert Reply.objects.get(body="An answer").parent == first


def test_a_reply_to_an_unknown_reply_is_404(client, question, author):
    assert _reply(client, question, "999999999999999999").status_code == 404


@pytest.fixture
def two_pages(db):
    CommitmentFactory.create_batch(21, kpi=False)


def test_explore_reads_a_page_in_other_digits_as_the_first_page(client, two_pages):
    response = client.get("/en/commitments/", {"page": _arabic_indic(2)})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()
    assert "Page 2 of 2" in client.get("/en/commitments/", {"page": "2"}).content.decode()


def test_explore_never_fails_on_a_strange_page_number(client, two_pages):
    for page in BAD + ["999999999999999999"]:
        response = client.get("/en/commitments/", {"page": page})
        assert response.status_code == 200, page
        assert "of 2" in response.content.decode()


def test_a_question_page_never_fails_on_a_strange_page_number(client, question):
    for page in BAD + ["999999999999999999"]:
        response = client.get(question.get_absolute_url(), {"page": page})
        assert response.status_code == 200, page
        assert question.text in response.content.decode()


@pytest.mark.parametrize("value", ["²", "①", "٥", "-1", "1e3", "9" * 30])
def test_the_api_answers_a_bad_commitment_id_with_a_problem(client, value):
    response = client.get(f"/api/v1/commitments/{value}")
    assert response.status_code in (404, 422)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("value", ["²", "①", "٥", "1e3", "9" * 30])
def test_the_api_answers_a_bad_limit_with_a_422_problem(client, value):
    response = client.get("/api/v1/commitments", {"limit": value})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/en/commitments/{}/", "/en/consultations/biosafety-dialogues/questions/{}/"])
def test_a_huge_id_in_the_path_is_404(client, question, path):
    assert client.get(path.format("9" * 30)).status_code == 404


@pytest.mark.parametrize("value", BAD)
def test_the_parser_refuses_everything_but_ascii_digits(value):
    assert ids.parse(value) is None
    assert ids.page_number(value) == 1


def test_the_parser_reads_ascii_digits_and_bounds_pages():
    assert ids.parse("0") == 0 and ids.parse("42") == 42 and ids.parse("9" * 18) == int("9" * 18)
    assert ids.page_number("0") == 1 and ids.page_number("3") == 3
    assert ids.page_number("9" * 18) == ids.MAX_PAGE
