from eventlens.places import gazetteer as gz
from eventlens.places import world


def test_towns_of_a_thousand_people_are_known_with_their_division() -> None:
    innisfail = next(t for t in world.towns() if t.name == "Innisfail" and t.iso2 == "AU")
    assert innisfail.division == "Queensland" and 1_000 <= innisfail.population < 15_000


def test_divisions_are_named_as_news_names_them() -> None:
    kano = next(d for d in world.divisions() if d.name == "Kano" and d.iso2 == "NG")
    assert kano.first_level and "Kano State" in kano.names
    bavaria = next(d for d in world.divisions() if d.iso2 == "DE" and d.name == "Baden-Württemberg")
    assert "Baden-Wurttemberg" in bavaria.names


def test_surface_forms_add_the_type_word_and_an_accent_free_spelling() -> None:
    assert world.surface_forms("Québec", "province") == ["Québec", "Quebec", "Québec Province", "Quebec Province"]
    assert world.surface_forms("Sindh", "") == ["Sindh"]


def test_the_gazetteer_knows_towns_and_divisions_worldwide() -> None:
    gaz = gz.load_gazetteer()
    assert [(e.kind, e.country) for e in gaz.lookup("Kano State")] == [("admin1", "NGA")]
    assert gaz.lookup("Pirbright")[0].country == "GBR"
    # a division named after a big city of its country is left to the city
    assert gaz.lookup("Buenos Aires")[0].kind == "city"
    # an existing city is not added twice from the town list
    assert [e.kind for e in gaz.lookup("Geneva") if e.country == "CHE"] == ["city"]


def test_a_missing_data_package_means_fewer_places_not_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(world.importlib.util, "find_spec", lambda name: None)
    assert list(world.towns()) == [] and list(world.divisions()) == []


def test_letters_that_are_not_accented_letters_are_spelled_as_english_copy_spells_them() -> None:
    assert world.ascii_fold("Đà Nẵng") == "Da Nang"
    assert world.ascii_fold("Łódź") == "Lodz" and world.ascii_fold("Tromsø") == "Tromso"
