import pytest
from django.db import connection

from actionagenda.commitments import explore, facets
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    business = ActorFactory(kind="business", organization_type="")
    return {
        "kenya": CommitmentFactory(links={"countries": ["KE"], "gbf_targets": ["GBF-17", "GBF-20"]},
                                   phase="planning", scale="local"),
        "senegal": CommitmentFactory(links={"countries": ["SN"], "ip_elements": ["IP-RA"]}, language="fr",
                                     phase="planning", actor=business),
        "france": CommitmentFactory(links={"countries": ["FR", "SN"]}, language="fr", phase="evaluation"),
        "peru": CommitmentFactory(links={"countries": ["PE"], "action_areas": ["BIOSAFETY", "FOOD-AND-HEALTH"]},
                                  language="es", scale="national"),
        "draft": CommitmentFactory(status="draft", published_at=None, links={"countries": ["KE"]}),
    }


def counts(facet: str, **filters) -> dict[str, int]:
    result = explore.run(explore.parse({name: [value] if isinstance(value, str) else value
                                    for name, value in filters.items()}))
    return {value.code: value.count for value in result.facets[facet]}


def test_counts_match_the_published_commitments_only(data):
    stats = explore.statistics()
    assert stats["total"] == 4
    assert stats["country"] == {"KE": 1, "SN": 2, "FR": 1, "PE": 1}
    assert stats["language"] == {"en": 1, "fr": 2, "es": 1}
    assert stats["phase"] == {"planning": 2, "evaluation": 1, "implementation": 1}
    assert stats["actor_type"] == {"organization": 3, "business": 1}
    assert stats["gbf_target"] == {"GBF-17": 4, "GBF-20": 1}
    assert stats["ip_element"] == {"IP-PAEP": 3, "IP-RA": 1}
    assert stats["action_area"] == {"BIOSAFETY": 4, "FOOD-AND-HEALTH": 1}
    assert stats["scale"] == {"local": 1, "national": 3}


def test_the_un_region_comes_from_the_countries(data):
    # Kenya and Senegal are in Africa (002), France in Europe (150), Peru in the Americas (019).
    assert explore.statistics()["region"] == {"002": 3, "150": 1, "019": 1}
    result = explore.run(explore.parse({"region": ["150"]}))
    assert result.ids == [data["france"].pk]


def test_filters_of_different_facets_intersect(data):
    result = explore.run(explore.parse({"language": ["fr"], "phase": ["planning"]}))
    assert result.ids == [data["senegal"].pk]
    assert result.count == 1


def test_values_of_one_facet_add_up(data):
    result = explore.run(explore.parse({"country": ["KE", "PE"]}))
    assert set(result.ids) == {data["kenya"].pk, data["peru"].pk}


def test_a_facet_counts_apply_the_other_filters_but_not_its_own(data):
    assert counts("country", country="KE", language="fr") == {"KE": 0, "SN": 2, "FR": 1}
    assert counts("language", country="KE", language="fr") == {"en": 1, "fr": 0}


def test_unknown_values_are_reported_and_not_applied(data):
    parsed = explore.parse({"gbf_target": ["GBF-99", "GBF-17"], "country": ["zz"], "sort": "random"})
    assert set(parsed.errors) == {"gbf_target", "country", "sort"}
    assert "GBF-99" in parsed.errors["gbf_target"]
    assert parsed.filters == {"gbf_target": ["GBF-17"]}


def test_pages_come_newest_or_oldest_first(data):
    published = list(Commitment.objects.published().order_by("-published_at").values_list("pk", flat=True))
    assert explore.run(explore.parse({}), limit=2).ids == published[:2]
    assert explore.run(explore.parse({}), offset=2, limit=2).ids == published[2:]
    assert explore.run(explore.parse({"sort": "oldest"}), limit=3).ids == published[::-1][:3]


def test_a_change_of_status_saved_elsewhere_is_seen_without_invalidation(data):
    facets.current()
    draft = data["draft"]
    draft.status = "published"
    draft.published_at = data["kenya"].published_at
    draft.save()
    assert explore.statistics()["total"] == 5


@pytest.mark.parametrize("sort", ["newest", "oldest"])
@pytest.mark.parametrize("density", [1, 3, 50, 400])
def test_a_page_is_the_same_whichever_way_it_is_found(sort, density):
    import random
    from array import array

    from pyroaring import BitMap

    rng = random.Random(density)
    ids = array("I", rng.sample(range(1, 5000), 2000))  # newest first, ids in no particular order
    index = facets.Index(ids=ids, positions={pk: p for p, pk in enumerate(ids)}, published=BitMap(ids))
    matched = BitMap(rng.sample(list(ids), density))
    in_order = [pk for pk in (ids if sort == "newest" else reversed(ids)) if pk in matched]
    for offset, limit in ((0, 20), (20, 20), (0, 1), (density - 1, 5), (density, 5)):
        assert index.page(matched, offset, limit, sort) == in_order[offset:offset + limit]


def test_the_index_on_updated_that_every_request_reads_is_the_one_the_model_declares():
    # facets._version() reads the latest `updated` on every explore page and API list: the index it needs is
    # declared in Commitment.Meta, so that it is neither lost nor made twice by a later migration.
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Commitment._meta.db_table)
    in_database = {name for name, found in constraints.items() if found["index"] and found["columns"] == ["updated"]}
    declared = {index.name for index in Commitment._meta.indexes if index.fields == ["updated"]}
    assert declared and in_database == declared
