import pytest
from django.urls import reverse

from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

URL = reverse("commitments:explore")


@pytest.fixture
def commitments():
    return [
        CommitmentFactory(title="Radio campaign in Nairobi", links={"countries": ["KE"]}, phase="planning"),
        CommitmentFactory(title="Radio campaign in Dakar", language="fr", links={"countries": ["SN"]}),
        CommitmentFactory(title="Laboratory training in Lima", language="es", links={"countries": ["PE"]}),
        CommitmentFactory(title="Unpublished radio plan", status="draft", published_at=None),
    ]


def test_it_lists_published_commitments_with_their_count(client, commitments):
    page = client.get(URL).content.decode()
    assert "3 commitments" in page
    assert "Radio campaign in Nairobi" in page and "Laboratory training in Lima" in page
    assert "Unpublished radio plan" not in page


def test_a_search_and_a_facet_narrow_the_results_and_the_counts(client, commitments):
    page = client.get(URL, {"search": "radio", "country": "KE"}).content.decode()
    assert "1 commitment" in page
    assert "Radio campaign in Nairobi" in page and "Radio campaign in Dakar" not in page
    # Counts of the country facet ignore its own filter: Senegal would add one.
    assert 'id="f-country-SN"' in page and "Senegal <span class=\"count\">(1)</span>" in page
    assert 'value="KE" id="f-country-KE" checked' in page
    assert "Laboratory" not in page


def test_active_filters_can_be_removed_one_by_one(client, commitments):
    page = client.get(URL, {"search": "radio", "country": "KE", "phase": "planning"}).content.decode()
    assert 'href="?search=radio&amp;phase=planning"' in page  # remove Kenya
    assert 'href="?search=radio&amp;country=KE"' in page  # remove the phase
    assert 'href="?country=KE&amp;phase=planning"' in page  # remove the search words
    assert "Remove filter Country: Kenya" in page


def test_htmx_requests_get_only_the_results(client, commitments):
    response = client.get(URL, {"search": "campaign"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "2 commitments" in body
    assert "<html" not in body and 'id="explore-form"' not in body
    assert "HX-Request" in response["Vary"]
    restored = client.get(URL, {"search": "campaign"}, headers={"HX-Request": "true",
                                                                "HX-History-Restore-Request": "true"})
    assert 'id="explore-form"' in restored.content.decode()


def test_the_form_works_without_javascript_and_is_enhanced_with_htmx(client, commitments):
    page = client.get(URL).content.decode()
    assert 'method="get"' in page and 'hx-get="/en/commitments/"' in page and 'hx-push-url="true"' in page
    assert "<noscript><button type=\"submit\">Apply filters</button></noscript>" in page


def test_pages_and_sort_order(client, commitments, settings):
    from actionagenda.commitments import views_explore

    views_explore.PAGE_SIZE, old = 2, views_explore.PAGE_SIZE
    try:
        first = client.get(URL, {"sort": "oldest"}).content.decode()
        second = client.get(URL, {"sort": "oldest", "page": 2}).content.decode()
        beyond = client.get(URL, {"sort": "oldest", "page": 99}).content.decode()
    finally:
        views_explore.PAGE_SIZE = old
    oldest = sorted(commitments[:3], key=lambda c: c.published_at)
    assert oldest[0].title in first and oldest[2].title not in first
    assert oldest[2].title in second and "Page 2 of 2" in second
    assert 'href="?sort=oldest&amp;page=2"' in first
    assert beyond.count('class="card"') == 1  # the last page


def test_unknown_filter_values_are_ignored_with_a_message(client, commitments):
    page = client.get(URL, {"gbf_target": "GBF-99", "page": "x"}).content.decode()
    assert "Unknown gbf_target: GBF-99." in page
    assert "3 commitments" in page


def test_a_search_without_results_says_so(client, commitments):
    page = client.get(URL, {"search": "nothingmatchesthis"}).content.decode()
    assert "0 commitments" in page and "No published commitment matches these filters." in page


def test_the_number_of_queries_does_not_grow_with_the_results(client, django_assert_max_num_queries):
    for index in range(25):
        CommitmentFactory(title=f"Radio campaign {index}", links={"countries": ["KE", "UG"]})
    client.get(URL)  # builds the facet index once
    with django_assert_max_num_queries(10):
        page = client.get(URL, {"search": "radio", "country": "KE", "phase": "implementation"})
    assert "25 commitments" in page.content.decode()
