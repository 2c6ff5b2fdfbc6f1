import json

import pytest

from actionagenda.stats import mapbuild, worldmap
from actionagenda.vocabularies import catalogue


@pytest.mark.parametrize(("values", "expected"), [
    ([], []),
    ([0, 0], []),
    ([3, 1, 3, 0], [(1, 1), (3, 3)]),
    (list(range(1, 11)), [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]),
    ([1] * 20 + [2, 3, 5, 50, 400], [(1, 1), (2, 400)]),
])
def test_classes_are_at_most_five_touching_ranges_of_the_counts(values, expected):
    assert worldmap.classes(values) == expected


def test_every_count_falls_in_a_class_and_gets_its_colour():
    values = [1, 2, 2, 5, 8, 13, 21, 34, 55, 89, 144]
    ranges = worldmap.classes(values)
    assert all(sum(low <= value <= high for low, high in ranges) == 1 for value in values)
    assert [worldmap.colour(value, ranges) for value in (1, 144)] == [worldmap.COLOURS[0], worldmap.COLOURS[-1]]
    assert worldmap.colour(6, worldmap.classes([1, 6])) == worldmap.COLOURS[-1]  # the most is the darkest
    assert worldmap.colour(0, ranges) == worldmap.NONE


def test_the_shipped_map_has_every_large_un_member_and_stays_light():
    world = worldmap.shapes()
    assert {"KE", "BR", "FR", "IN", "CN", "US", "RU", "AU", "ZA", "MX", "NG", "ID"} <= set(world["shapes"])
    assert "AQ" not in world["shapes"]
    missing = set(catalogue.country_regions()) - set(world["shapes"])
    assert len(missing) < 15, sorted(missing)  # specks of land Natural Earth draws with another country
    assert worldmap.SHAPES.stat().st_size < 60_000


def test_the_shipped_map_is_what_the_release_step_draws_from_the_package():
    shipped = json.loads(worldmap.SHAPES.read_text(encoding="utf-8"))
    fresh = mapbuild.build()
    assert set(fresh["shapes"]) == set(shipped["shapes"]) and fresh["dots"].keys() == shipped["dots"].keys()
    assert (fresh["width"], fresh["height"]) == (shipped["width"], shipped["height"])
    # Paths may differ by a unit where a shapely release simplifies a little differently; not by more.
    for code, path in shipped["shapes"].items():
        assert abs(len(fresh["shapes"][code]) - len(path)) <= max(40, len(path) // 20), code


def test_equal_earth_keeps_the_map_inside_its_view_box():
    for longitude, latitude in ((-180, 0), (180, 0), (0, 90), (0, mapbuild.SOUTH), (180, -89)):
        x, y = mapbuild.to_view(longitude, latitude)
        assert -0.01 <= x <= mapbuild.WIDTH + 0.01 and -0.01 <= y <= mapbuild.HEIGHT + 0.5
