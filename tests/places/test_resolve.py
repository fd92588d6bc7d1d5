import pytest

pytestmark = pytest.mark.model


def _place(result, text):  # type: ignore[no-untyped-def]
    return next(p for p in result.places if p.span.text == text)


def test_georgia_is_the_country_in_a_caucasus_story(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia fought a war with Georgia. Troops left Tbilisi and moved towards Armenia.")
    assert _place(result, "Georgia").country == "GEO"


def test_georgia_is_the_state_in_a_story_about_atlanta(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Storms hit Atlanta and Savannah on Monday. Georgia declared an emergency, and Alabama followed.")
    georgia = _place(result, "Georgia")
    assert (georgia.kind, georgia.country) == ("admin1", "USA")


def test_qualifier_picks_the_small_town(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The festival opened in Paris, Texas, on Friday.")
    assert _place(result, "Paris").country == "USA"


def test_world_city_beats_namesakes(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The United States and Iran held talks in Geneva.")
    assert _place(result, "Geneva").country == "CHE"


def test_regions_are_recognised(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The plan for a missile shield in Eastern Europe was scrapped.")
    assert _place(result, "Eastern Europe").kind == "region"


def test_capital_as_government_is_an_actor_use(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Moscow said it would respond. Clinton spoke at a mansion in central Moscow.")
    uses = [p.use for p in result.places if p.span.text == "Moscow"]
    assert uses == ["actor", "location"]


def test_unknown_toponyms_are_kept_with_zero_confidence(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Fighting was reported near Xqzvillebrook, officials said.")
    unknown = [p for p in result.places if p.span.text.startswith("Xqz")]
    assert all(p.confidence == 0 and p.country is None for p in unknown)


def test_unknown_name_lies_near_where_the_article_is_set(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Police fired tear gas in Nairobi on Monday. Clashes spread to Xqzvania and Kibera.")
    road = _place(result, "Xqzvania")
    nairobi = _place(result, "Nairobi")
    assert (road.kind, road.name, road.near, road.country) == ("vicinity", "Xqzvania", "Nairobi", "KEN")
    assert (road.lat, road.lon) == (nairobi.lat, nairobi.lon) and road.confidence < nairobi.confidence


def test_a_guessed_vicinity_places_an_event_but_names_no_party(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Police fired tear gas in Nairobi on Monday. Ugandan troops shelled villages in Xqzvania on Tuesday.")
    shelling = next(e for e in result.events if e.source is not None and e.source.country == "UGA")
    assert shelling.place is not None and (shelling.place.kind, shelling.place.near) == ("vicinity", "Nairobi")
    assert shelling.target is None  # Kenya would be a guess, not what the words say


def test_a_list_of_places_is_no_qualifier(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The virus has spread to Asia, Europe and North America.")
    asia = _place(result, "Asia")
    assert (asia.kind, asia.country) == ("region", None)


def test_a_state_listed_with_states_is_the_state(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Illnesses were reported in Ohio, Oregon, New Mexico and Wisconsin.")
    assert _place(result, "Oregon").kind == "admin1"
    cities = code("After stops in Washington, New York and Boston, the prince flew home.")
    assert _place(cities, "Washington").kind == "city"


def test_a_features_kind_word_is_no_place_of_its_own(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Warships sailed through the Xqzian Sea and the Xqzo Delta on Monday.")
    assert all(p.name not in ("Seattle", "Delta") for p in result.places)


def test_a_name_called_a_state_is_the_state(code) -> None:  # type: ignore[no-untyped-def]
    for text in ("The cow came from a Washington state farm.", "The case was found in the state of Washington.",
                 "Officials are investigating cases in Washington, Pennsylvania and California."):
        washington = _place(code(text), "Washington")
        assert (washington.kind, washington.name) == ("admin1", "Washington"), text
    georgia = _place(code("Georgia state television said Russian troops had left Gori."), "Georgia")
    assert georgia.country == "GEO"


def test_old_names_and_former_divisions_are_places(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Cholera spread from Zaire into Nyanza Province and the Katanga region.")
    assert _place(result, "Zaire").country == "COD"  # not Angola's Zaire province
    assert _place(result, "Nyanza Province").country == "KEN"
    assert _place(result, "Katanga").country == "COD"


def test_a_county_is_the_one_in_the_state_of_the_story(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Flooding closed roads in Henry County on Monday, officials in Atlanta said. "
                  "Schools across Georgia stayed open.")
    county = next(p for p in result.places if p.span.text == "Henry County")
    assert (county.kind, county.country, county.use) == ("admin2", "USA", "location")
    assert county.lat is not None and county.lon is not None
    assert abs(county.lat - 33.45) < 0.5 and abs(county.lon + 84.15) < 0.5  # Henry County, Georgia


def test_a_division_named_only_as_a_country_alias_is_the_division(code) -> None:  # type: ignore[no-untyped-def]
    place = _place(code("Floods hit towns across England and Queensland."), "England")
    assert (place.kind, place.country) == ("admin1", "GBR") and abs(place.lat - 52.5) < 1.5  # type: ignore[operator]
    assert _place(code("Floods hit towns across England and Queensland."), "Queensland").country == "AUS"


def test_a_capital_beats_the_division_that_shares_its_name(code) -> None:  # type: ignore[no-untyped-def]
    place = _place(code("Officials in Washington said the talks would resume."), "Washington")
    assert (place.kind, place.country) == ("city", "USA") and abs(place.lat - 38.9) < 0.2  # type: ignore[operator]


def test_small_towns_are_placed(code) -> None:  # type: ignore[no-untyped-def]
    place = _place(code("Cyclone Larry destroyed homes in Innisfail, Queensland."), "Innisfail")
    assert place.country == "AUS" and abs(place.lat + 17.5) < 0.2  # type: ignore[operator]


def test_a_division_the_ner_tags_as_organisation_or_group_is_a_place(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The Kano State government said Rakhine rebels had crossed the border.")
    assert {(p.span.text, p.country) for p in result.places} >= {("Kano State", "NGA"), ("Rakhine", "MMR")}


def test_a_local_story_places_a_shared_name_beside_its_neighbours(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Richmond police arrested two men on Friday. The suspects were driving from Lexington, "
                  "and Madison County deputies stopped them.")
    richmond, county = _place(result, "Richmond"), _place(result, "Madison County")
    assert abs(richmond.lat - 37.75) < 0.2 and abs(richmond.lon + 84.29) < 0.2  # type: ignore[operator]  # Kentucky
    assert abs(county.lat - richmond.lat) < 0.5  # type: ignore[operator]  # the same county, not Alabama's


def test_namesakes_of_world_cities_do_not_vouch_for_each_other(code) -> None:  # type: ignore[no-untyped-def]
    # London and Paris, Ontario, lie 80 km apart; a story about Europe still means the capitals.
    result = code("Ministers met in London and Paris, then flew to Brussels.")
    assert [_place(result, n).country for n in ("London", "Paris")] == ["GBR", "FRA"]


def test_a_town_named_like_a_country_in_a_story_crowded_into_its_state(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The festival in Palestine drew crowds from Tyler and Jacksonville, and Anderson County deputies "
                  "directed traffic. Palestine police said Texas highways were busy.")
    assert {(p.kind, p.country) for p in result.places if p.span.text == "Palestine"} == {("city", "USA")}
    assert _place(code("Israel and Palestine resumed talks in Cairo."), "Palestine").kind == "country"


def test_a_state_name_stays_the_state_beside_a_namesake_town(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Officials in Orange County, Newburgh and Middletown said Florida had sent aid.")
    assert _place(result, "Florida").kind == "admin1"


def test_oceans_and_the_short_forms_of_divisions(code) -> None:  # type: ignore[no-untyped-def]
    result = code("He flew over the Atlantic and landed in NSW.")
    assert _place(result, "Atlantic").name == "Atlantic Ocean"
    assert (_place(result, "NSW").name, _place(result, "NSW").country) == ("New South Wales", "AUS")


def test_demonyms_and_names_that_carry_a_place(resources) -> None:  # type: ignore[no-untyped-def]
    from eventlens.places.resolve import resolve_spans  # noqa: PLC0415  # the eval's entry point

    doc = resources.nlp("Ohioans and South Ossetians cheered Colorado State University and the EU.")
    spans = [doc[0:1], doc[2:4], doc[5:8], doc[9:11]]
    places = resolve_spans(doc, spans, resources.gazetteer)
    assert [p.name for p in places] == ["Ohio", "South Ossetia", "Colorado", "European Union"]
    assert all(p.lat is not None for p in places)


def test_a_compass_word_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    from eventlens.places.resolve import resolve_spans  # noqa: PLC0415  # the eval's entry point

    doc = resources.nlp("Aides in the West Wing and residents of the Western region met.")
    places = resolve_spans(doc, [doc[3:5], doc[9:10]], resources.gazetteer)
    assert [p.country for p in places] == [None, None]  # not Cameroon's West, not Ghana's Western Region


def test_a_lower_case_direction_names_part_of_the_place(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Hizbollah declared a unilateral ceasefire on Wednesday in south Lebanon.")
    assert [(p.name, p.country) for p in result.places] == [("Lebanon", "LBN")]  # not South Lebanon, Ohio


def test_a_name_the_phrase_calls_a_town_is_a_place_whatever_the_ner_says(code) -> None:  # type: ignore[no-untyped-def]
    result = code("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.")
    assert _place(result, "Samarra").country == "IRQ"
