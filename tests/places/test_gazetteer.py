from pathlib import Path

import pytest

from eventlens.places import gazetteer as gz


def test_names_are_matched_without_case_dots_or_the() -> None:
    assert gz.normalise_name("The U.S.") == gz.normalise_name("us")
    assert gz.normalise_name("  New   York ") == "new york"


def test_lookup_finds_countries_regions_states_and_cities() -> None:
    gaz = gz.load_gazetteer()
    kinds = {e.kind for e in gaz.lookup("Georgia")}
    assert {"country", "admin1"} <= kinds
    assert gaz.lookup("Eastern Europe")[0].kind == "region"
    geneva = [e for e in gaz.lookup("Geneva") if e.country == "CHE"]
    assert geneva and abs(geneva[0].lat - 46.2) < 0.1  # type: ignore[operator]
    assert gaz.countries["RUS"].name == "Russia"


def test_natural_features_are_regions_of_the_countries_they_lie_in() -> None:
    gaz = gz.load_gazetteer()
    java = gaz.lookup("Java")[0]
    assert (java.kind, java.country) == ("region", "IDN") and -9 < java.lat < -5  # type: ignore[operator]
    black_sea = gaz.lookup("Black Sea")[0]
    assert black_sea.kind == "region" and 40 < black_sea.lat < 47 and 28 < black_sea.lon < 41  # type: ignore[operator]


def test_cache_is_written_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTLENS_CACHE", str(tmp_path))
    gz.load_gazetteer.cache_clear()
    try:
        first = gz.load_gazetteer()
        [cached] = list((tmp_path / "eventlens").glob("gazetteer-*.pickle"))
        gz.load_gazetteer.cache_clear()
        second = gz.load_gazetteer()
        assert cached.stat().st_size > 1_000_000
        assert second.lookup("Qom")[0].geonameid == first.lookup("Qom")[0].geonameid
    finally:
        gz.load_gazetteer.cache_clear()


def test_a_torn_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTLENS_CACHE", str(tmp_path))
    gz.load_gazetteer.cache_clear()
    try:
        path = gz._cache_path()
        assert path is not None
        path.parent.mkdir(parents=True)
        path.write_bytes(b"not a pickle")
        assert gz.load_gazetteer().lookup("Moscow")
    finally:
        gz.load_gazetteer.cache_clear()
