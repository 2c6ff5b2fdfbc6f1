import pytest
from django.urls import reverse

ASK = "/en/ask/"


def test_it_shows_the_documents_with_highlighted_passages(client, small_library):
    response = client.get(ASK, {"q": "risks of gene drive mosquitoes"})
    html = response.content.decode()
    assert "Risk assessment of gene-drive mosquitoes" in html
    assert "<mark>gene</mark>" in html
    assert "https://example.org/gene_drive_note" in html
    assert "IP-RA" in html


def test_it_says_plainly_when_no_source_is_good_enough(client, small_library):
    html = client.get(ASK, {"q": "best recipe for chocolate cake"}).content.decode()
    assert "No good source found" in html
    assert "Risk assessment of gene-drive mosquitoes" not in html


def test_it_answers_htmx_requests_with_the_results_only(client, small_library):
    response = client.get(ASK, {"q": "gene drive mosquitoes"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Risk assessment of gene-drive mosquitoes" in html
    assert "<html" not in html


def test_it_keeps_the_question_and_explains_a_too_short_one(client, db):
    html = client.get(ASK, {"q": "ab"}).content.decode()
    assert 'value="ab"' in html
    assert "at least 3 characters" in html


def test_it_limits_how_often_one_client_can_ask(client, small_library, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "assistant": "2/60"}
    for _ in range(2):
        assert client.get(ASK, {"q": "gene drive mosquitoes"}).status_code == 200
    response = client.get(ASK, {"q": "gene drive mosquitoes"})
    assert response.status_code == 429
    assert "Please wait a minute" in response.content.decode()


@pytest.mark.django_db
def test_the_secretariat_sees_the_library_status(client, secretariat):
    client.force_login(secretariat)
    html = client.get(ASK).content.decode()
    assert "Guidance library (secretariat)" in html
    assert reverse("admin:assistant_guidancedocument_changelist") in html


def test_it_hides_the_library_status_from_the_public(client, small_library):
    assert "Guidance library (secretariat)" not in client.get(ASK).content.decode()


def test_a_document_deleted_after_another_process_built_its_index_is_left_out_not_a_server_error(
        client, small_library, monkeypatch):
    from actionagenda.assistant import retrieval

    stale = retrieval.index()  # as in a web process whose index predates the deletion
    small_library["GENE_DRIVE_NOTE"].delete()
    monkeypatch.setattr(retrieval, "index", lambda: stale)
    response = client.get(ASK, {"q": "risks of gene drive mosquitoes"})
    assert response.status_code == 200
    assert "Risk assessment of gene-drive mosquitoes" not in response.content.decode()
    api = client.get("/api/v1/assistant/ask", {"q": "risks of gene drive mosquitoes"})
    assert api.status_code == 200
    assert "GENE_DRIVE_NOTE" not in {document["key"] for document in api.json()["documents"]}


def test_a_deleted_document_leaves_this_processs_index_at_once(client, small_library,
                                                               django_capture_on_commit_callbacks):
    from actionagenda.assistant import retrieval

    retrieval.index()
    with django_capture_on_commit_callbacks(execute=True):
        small_library["SCHOOLS_NOTE"].delete()
    assert "SCHOOLS_NOTE" not in retrieval.index().keys
