"""The iframe variants of the embeddable components: server-rendered, in the `lang` parameter's language, and
the only pages another site may frame."""

import datetime
from decimal import Decimal

import pytest

from actionagenda.progress.models import Reading
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

FRAMES = ["/embed/frame/commitments/", "/embed/frame/statistics/", "/embed/frame/categories/"]


@pytest.fixture
def commitments():
    return {
        "kenya": CommitmentFactory(title="Biosafety radio in Nairobi", links={"countries": ["KE"],
                                                                             "ip_elements": ["IP-RA"]}),
        "senegal": CommitmentFactory(title="Radio à Dakar", links={"countries": ["SN"], "ip_elements": ["IP-RA"]}),
        "draft": CommitmentFactory(title="Unpublished draft in Kenya", status="draft", published_at=None,
                                   links={"countries": ["KE"]}),
    }


@pytest.mark.parametrize("path", FRAMES)
def test_a_frame_may_be_framed_by_any_site(client, commitments, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy


@pytest.mark.parametrize("path", ["/en/", "/en/commitments/", "/en/embed/", "/api/v1/statistics"])
def test_other_pages_refuse_to_be_framed(client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_commitments_frame_filters_like_the_element_and_speaks_french(client, commitments):
    response = client.get("/embed/frame/commitments/", {"country": "KE", "lang": "fr"})
    text = response.content.decode()
    assert '<html lang="fr">' in text
    assert "Biosafety radio in Nairobi" in text and "Kenya" in text
    assert "Radio à Dakar" not in text and "Unpublished draft" not in text
    assert "1 engagement" in text
    assert 'href="/fr/commitments/?country=KE"' in text
    assert f'/fr/commitments/{commitments["kenya"].pk}/"' in text


def test_the_commitments_frame_names_options_it_did_not_apply(client, commitments):
    text = client.get("/embed/frame/commitments/", {"country": "XX"}).content.decode()
    assert "not known" in text
    assert "Biosafety radio in Nairobi" in text and "Radio à Dakar" in text


def test_the_commitment_frame_shows_scorecard_and_kpi_progress(client):
    commitment = CommitmentFactory(title="Biosafety radio in Nairobi")
    kpi = commitment.kpis.get()
    kpi.baseline_value, kpi.target_value = Decimal(0), Decimal(5000)
    kpi.save()
    Reading.objects.create(kpi=kpi, date=datetime.date(2026, 1, 15), value=Decimal(2000))
    text = client.get(f"/embed/frame/commitments/{commitment.pk}/", {"lang": "es"}).content.decode()
    assert "Biosafety radio in Nairobi" in text
    assert "People reached" in text
    assert '<progress max="100" value="40"' in text
    assert "5000 people" in text.replace("\u202f", "").replace("\xa0", "").replace(".", "")


def test_the_commitment_frame_does_not_show_an_unpublished_commitment(client):
    draft = CommitmentFactory(status="draft", published_at=None)
    assert client.get(f"/embed/frame/commitments/{draft.pk}/").status_code == 404


def test_the_statistics_frame_counts_published_commitments_by_region(client, commitments):
    text = client.get("/embed/frame/statistics/", {"lang": "en"}).content.decode()
    assert "<strong>2</strong> published commitments" in text
    assert "Africa" in text and "2 commitments" in text


def test_the_categories_frame_lists_the_implementation_plan_elements_with_counts(client, commitments):
    text = client.get("/embed/frame/categories/", {"lang": "fr"}).content.decode()
    assert "Domaines de mise en œuvre" in text
    assert 'href="/fr/commitments/?ip_element=IP-RA"' in text
    assert "2 engagements" in text


def test_a_frame_refuses_a_post(client):
    assert client.post("/embed/frame/statistics/").status_code == 405
