"""Towns known by more than one name, and Welsh mutations of a town's name."""

from __future__ import annotations

import tomllib

import pytest

from footprint.analyze.names import fold
from footprint.analyze.towns import DATA, other_names, welsh_mutations


@pytest.mark.parametrize(("city", "other"), [
    ("Cardiff", "Caerdydd"), ("caerdydd", "Cardiff"), ("Turku", "Åbo"),
    ("Donostia-San Sebastián", "Donostia"), ("Liège", "Luik"), ("Wien", "Vienna"),
])
def test_other_names(city: str, other: str) -> None:
    assert other in other_names(city)


def test_a_town_with_one_name_has_no_other() -> None:
    assert other_names("Santa Rosa") == ()
    assert "Cardiff" not in other_names("Cardiff")


def test_every_name_is_in_one_group_only() -> None:
    with DATA.open("rb") as fh:
        groups = tomllib.load(fh)["groups"]
    seen: dict[str, int] = {}
    for i, group in enumerate(groups):
        assert len(group) >= 2
        for name in group:
            assert seen.setdefault(fold(name), i) == i, name


@pytest.mark.parametrize(("city", "forms"), [
    ("Llandeilo", ("Landeilo",)),
    ("Caerdydd", ("Gaerdydd", "Nghaerdydd", "Chaerdydd")),
    ("Pontypridd", ("Bontypridd", "Mhontypridd", "Phontypridd")),
    ("Abertawe", ()),
])
def test_welsh_mutations(city: str, forms: tuple[str, ...]) -> None:
    assert welsh_mutations(city) == forms


@pytest.mark.parametrize(("word", "town"), [
    ("Iași", True), ("Iasi", True), ("Jassy", True), ("Kirkwood", True), ("Red Deer", True),
    ("Spiridon", False), ("Clinic", False), ("Geoteknik", False),
])
def test_is_town(word: str, town: bool) -> None:
    from footprint.analyze.towns import is_town

    assert is_town(word) is town
