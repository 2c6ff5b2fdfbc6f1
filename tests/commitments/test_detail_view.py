import datetime

import pytest
from django.test import override_settings

from actionagenda.progress import services as progress
from actionagenda.progress.models import Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(author):
    commitment = CommitmentFactory(
        actor=ActorFactory(members=[author], name="Réseau Biosécurité Sahel", organization_type="ngo"),
        title="Biosafety radio in Dakar", description="We will **broadcast** weekly programmes.",
        partners="Radio Sénégal", resources="Two journalists", expected_impact="Listeners understand LMOs",
        contact_name="Awa Ndiaye", contact_email="awa@example.org", contact_public=True,
        website="https://example.org/radio",
        links={"countries": ["SN", "FR"], "gbf_targets": ["GBF-17"], "ip_elements": ["IP-BCH", "IP-RA"],
               "audiences": ["farmers"], "action_areas": ["BIOSAFETY"]},
        kpi=False)
    kpi = KPIFactory(commitment=commitment, name="Listeners reached", unit="people")
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=1200, source=Reading.Source.API)
    progress.refresh([commitment.pk])
    return commitment


def test_it_shows_everything_about_a_published_commitment(client, commitment):
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "<h1>Biosafety radio in Dakar</h1>" in page
    assert "<strong>broadcast</strong>" in page
    assert "Réseau Biosécurité Sahel (Organisation, Non-governmental organisation)" in page
    assert "Senegal" in page and "France" in page and "Africa, Europe" in page
    assert "Target 17: Strengthen biosafety" in page
    assert "A.2 Biosafety Clearing-House and information sharing" in page and "Risk assessment" in page
    assert "Farmers and producers" in page and "Biosafety" in page
    assert "Radio Sénégal" in page and "Two journalists" in page and "Listeners understand LMOs" in page
    assert 'Listeners reached</a></th>' in page and "5000" in page
    assert "Latest: 1200 (30 June 2025)" in page  # the form's old value is a dated reading now
    assert 'href="mailto:awa@example.org"' in page and "https://example.org/radio" in page


@override_settings(SITE_URL="https://commitments.example.org")
def test_it_has_open_graph_tags_and_plain_share_links(client, commitment):
    page = client.get(commitment.get_absolute_url()).content.decode()
    url = f"https://commitments.example.org{commitment.get_absolute_url()}"
    assert '<meta property="og:title" content="Biosafety radio in Dakar">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    card = f"https://commitments.example.org/en/commitments/{commitment.pk}/card.png"
    assert f'<meta property="og:image" content="{card}">' in page and f'href="{card}" download' in page
    assert '<meta property="og:description" content="We will broadcast weekly programmes.">' in page
    assert "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fcommitments.example.org" in page
    assert "https://x.com/intent/post?" in page and "https://www.facebook.com/sharer/sharer.php?u=" in page
    assert "mailto:?subject=Biosafety%20radio%20in%20Dakar" in page
    assert "<script" not in page.split("</head>")[1]  # no third-party share widgets


def test_contact_details_are_private_unless_the_authors_show_them(client, commitment, author, secretariat):
    commitment.contact_public = False
    commitment.save()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "awa@example.org" not in page and "mailto:awa" not in page and "Awa Ndiaye" not in page
    assert "https://example.org/radio" in page  # the commitment's website is not personal data
    client.force_login(author)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "awa@example.org" in page and "Not shown to the public" in page
    client.force_login(secretariat)
    assert "awa@example.org" in client.get(commitment.get_absolute_url()).content.decode()


def test_ticked_contact_details_are_public(client, commitment):
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert 'href="mailto:awa@example.org"' in page and "Awa Ndiaye" in page
    assert "Not shown to the public" not in page


def test_a_draft_is_not_found_by_visitors_and_other_users(client, commitment):
    commitment.status = "draft"
    commitment.save()
    assert client.get(commitment.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(commitment.get_absolute_url()).status_code == 404


def test_a_draft_is_shown_to_its_author_and_the_secretariat(client, commitment, author, secretariat):
    commitment.status = "submitted"
    commitment.save()
    client.force_login(author)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Not public: this commitment is Submitted." in page
    client.force_login(secretariat)
    assert client.get(commitment.get_absolute_url()).status_code == 200


def test_an_unknown_commitment_is_not_found(client):
    assert client.get("/en/commitments/999999/").status_code == 404


def test_the_detail_page_needs_a_fixed_number_of_queries(client, commitment, django_assert_max_num_queries):
    # 5 of them the progress figures (progress.public.read), the reports among them because the scorecard was
    # never stored yet (none per KPI: tests/progress/test_public_reader.py); one the BCH records cited, however many
    with django_assert_max_num_queries(14):
        response = client.get(commitment.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Biosafety radio in Dakar</h1>" in page and 'Listeners reached</a></th>' in page


def test_the_author_sees_the_status_and_an_edit_link_on_a_returned_commitment(client):
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="returned", published_at=None)
    client.force_login(author)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Status: Returned for changes" in page
    assert f'href="/en/commitments/{commitment.pk}/edit/"' in page


def test_the_public_sees_neither_status_nor_edit_link(client):
    commitment = CommitmentFactory()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Status:" not in page and "/edit/" not in page
