import pytest

from eventlens.evaluation.events import happened
from eventlens.records import ArticleResult, Event

pytestmark = pytest.mark.model


def _events(result):  # type: ignore[no-untyped-def]
    return [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover, e.modes)
            for e in result.events]


def test_subject_verb_object(code) -> None:  # type: ignore[no-untyped-def]
    assert ("USA", "RUS", "CONSULT", ()) in _events(code("Hillary Clinton met Russian officials today."))


def test_negation_is_kept_and_flagged(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Clinton did not attend the summit with Russia."))
    assert events and all("negated" in modes for _, _, plover, modes in events if plover == "CONSULT")


def test_ruling_out_a_sanction_is_a_rejection_not_a_sanction(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Moscow has ruled out imposing oil sanctions against the Islamic Republic."))
    assert ("RUS", "IRN", "REJECT", ()) in events
    assert all("negated" in modes for _, _, plover, modes in events if plover == "SANCTION")


def test_conditional_sanctions_are_not_sanctions_that_happened(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The United States wants to impose sanctions on Iran if talks end without resolution.")
    assert all({"conditional", "hypothetical"} & set(e.modes) for e in result.events if e.plover == "SANCTION")
    # wanting to punish if the other side fails is a threat of sanctions, made now
    assert [(e.plover, e.cameo) for e in result.events if e.trigger.text == "impose"] == [("THREATEN", "1312")]


def test_coordinated_subjects_make_a_reciprocal_pair(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Obama and Medvedev agreed on the outlines of a deal in July."))
    assert {("USA", "RUS"), ("RUS", "USA")} <= {(s, t) for s, t, plover, _ in events if plover == "AGREE"}


def test_passive_agent_is_the_source(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Georgian troops were attacked by Russian forces on Friday."))
    assert any(s == "RUS" and t == "GEO" and plover == "ASSAULT" for s, t, plover, _ in events)


def test_passive_without_agent_invents_no_source(code) -> None:  # type: ignore[no-untyped-def]
    [event] = code("Iranian diplomats were expelled.").events
    assert event.source is None and event.target is not None and event.target.country == "IRN"
    assert event.plover == "SANCTION"


def test_a_non_actor_doer_leaves_the_source_unknown_or_unnamed_where_it_struck(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("A car bomb killed a Ukrainian journalist on Sunday."))
    assert ("---", "UKR", "ASSAULT") in {(s or "---", t, plover) for s, t, plover, _ in events}
    events = _events(code("A car bomb in Kiev killed a Ukrainian journalist on Sunday."))
    assert ("UKR", "UKR", "ASSAULT") in {(s or "---", t, plover) for s, t, plover, _ in events}


def test_an_unknown_doer_of_what_did_not_happen_is_not_coded(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Kigali hoped French officials would be indicted.").events == ()


def test_a_partitive_subject_is_what_it_counts(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday."))
    assert any(s == "IRQ" and plover == "PROTEST" for s, _, plover, _ in events)


def test_a_named_organisation_without_a_country_can_act(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Amnesty International accused the United States of violating human rights.")
    [event] = [e for e in result.events if e.plover == "ACCUSE"]
    assert event.source is not None and event.source.name == "Amnesty International"
    assert event.target is not None and event.target.country == "USA"


def test_agreeing_to_an_action_is_a_commitment_coded_on_the_action(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Iran agreed on October 1 to allow UN experts access to the plant.")
    [event] = [e for e in result.events if e.trigger.text == "allow"]
    assert (event.plover, event.cameo) == ("AGREE", "035")  # intent to yield
    assert (event.source.country if event.source else None, event.target.country if event.target else None) == \
        ("IRN", "UNO")
    assert event.date == "2009-10-01"
    assert not [e for e in result.events if e.trigger.text == "agreed"]


def test_promised_conflict_is_a_threat_and_refused_cooperation_a_rejection(code) -> None:  # type: ignore[no-untyped-def]
    assert ("IRN", "IRQ", "THREATEN", ()) in _events(code("Iran threatened to shell Iraqi towns."))
    assert ("SYR", None, "AGREE", ()) in _events(code("Syria is willing to withdraw its troops."))
    rejected = _events(code("Syria says it will not accept refugees from Iraq."))
    assert any(s == "SYR" and plover == "REJECT" for s, _, plover, _ in rejected)


def test_historical_event_is_dated_and_flagged(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Clinton will raise Russia's treatment of Georgia, with which it fought a five-day war last year.")
    [war] = [e for e in result.events if e.plover == "ASSAULT"]
    assert (war.source.country if war.source else None, war.target.country if war.target else None) == ("RUS", "GEO")
    assert war.date == "2008" and "historical" in war.modes


def test_events_carry_codes_evidence_and_provenance(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian forces shelled Georgian villages near Gori.")
    [event] = [e for e in result.events if e.plover == "ASSAULT"]
    assert event.cameo.startswith(("18", "19", "20")) and event.quad_class == 4 and event.goldstein < 0
    assert result.article.text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert event.rule and event.lexicon_entry.startswith("verb shell") and event.coder.startswith("eventlens-coder")
    assert event.place is not None and event.place.country == "GEO"


def test_a_sentence_without_actors_yields_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert code("The weather was mild and the markets were calm.").events == ()


def test_a_refusal_is_aimed_at_the_party_of_the_refused_act_which_did_not_happen(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Israeli President Moshe Katsav has refused to meet Jordan's visiting King Abdullah II in Tel Aviv.")
    happened = [e for e in result.events if "negated" not in e.modes]
    assert [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover)
            for e in happened] == [("ISR", "JOR", "REJECT")]
    assert "refused:meet" in happened[0].rule
    # the meeting that did not happen is kept, flagged
    assert [(e.plover, e.modes) for e in result.events if e.trigger.text == "meet"] == [("CONSULT", ("negated",))]


def test_the_object_of_the_verb_governing_a_nominal_event_is_its_target(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Syrian rebels engaged Filipino peacekeepers in a firefight in Golan Heights on Saturday.")
    assert [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover)
            for e in result.events] == [("SYR", "PHL", "ASSAULT")]
    assert "governor-object" in result.events[0].rule


def test_a_two_word_event_noun_is_read_whole(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Algerian activists continued their hunger strike in Algiers on Sunday.")
    strikes = [e for e in result.events if e.trigger.text == "strike"]
    assert strikes and all(e.cameo == "142" and e.plover == "PROTEST" for e in strikes)


def test_an_object_named_by_its_compound_matches_the_lexicon(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The Red Cross suspended aid deliveries to Iraq on Wednesday.").events
    assert [(e.plover, e.cameo) for e in events if e.trigger.text == "suspended"] == [("SANCTION", "162")]


def test_the_sentences_own_predicate_is_the_most_confident_event(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Russia rejected a US plan to impose sanctions on Iran.").events
    assert max(events, key=lambda e: e.confidence).trigger.text == "rejected"


def test_saying_someone_must_act_is_a_demand_of_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Russia said on Tuesday that Sudan must return the helicopter."))
    assert ("RUS", "SDN", "REQUEST", ()) in events
    assert all("hypothetical" in modes for s, _, plover, modes in events if s == "SDN")


def test_saying_oneself_must_act_is_no_demand(code) -> None:  # type: ignore[no-untyped-def]
    assert all(e.plover != "REQUEST" for e in code("Egypt said it must act.").events)


def test_reported_would_is_a_commitment(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Palestinian leaders said they would boycott all official contact with the United States."))
    assert ("PSE", "USA", "THREATEN", ()) in events


def test_a_harm_held_over_someone_unless_they_comply_is_a_threat(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Nigeria announced that it will withdraw its force from Chad unless Chad holds elections.")
    assert [e.plover for e in result.events if e.trigger.text == "withdraw"] == ["THREATEN"]


def test_the_place_of_an_event_without_a_named_target_is_its_target(code) -> None:  # type: ignore[no-untyped-def]
    [event] = code("Serbia lifted a night curfew in Montenegro on Sunday.").events
    assert event.target is not None and (event.target.country, event.target.basis) == ("MNE", "event-place")
    assert "target:place" in event.rule


def test_coordinated_modifiers_are_two_parties(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate."))
    assert {("HUN", "ROU"), ("ROU", "HUN")} <= {(s, t) for s, t, plover, _ in events if plover == "AGREE"}


def test_coordinated_parties_do_not_protest_against_each_other(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("US and British activists staged a protest in Beijing on Wednesday."))
    assert {(s, t) for s, t, plover, _ in events if plover == "PROTEST"} == {("USA", "CHN"), ("GBR", "CHN")}


def test_background_fighting_is_not_a_second_event(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Bosnia and Slovenia agreed to a ceasefire after two days of fierce fighting.").events
    assert {e.plover for e in events} == {"AGREE"}


def test_a_nominal_event_is_coded_when_the_sentence_reports_nothing_else(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Two days of fierce fighting between Bosnia and Slovenia left the town in ruins.").events
    assert {e.plover for e in events} == {"ASSAULT"}


def test_the_purpose_of_an_event_is_not_a_second_event(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Tens of thousands of Indonesian students staged mass demonstrations to demand political reforms.")
    assert {e.plover for e in result.events} == {"PROTEST"}


def test_the_subject_of_a_raising_passive_does_the_act(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Obama is scheduled to attend a summit in Switzerland."))
    assert ("USA", None, "CONSULT") in {(s, t, plover) for s, t, plover, _ in events}


def test_an_arrest_warrant_is_an_arrest_of_whom_it_names(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("A court in Guyana has issued arrest warrants for two Brazilian men."))
    assert ("GUY", "BRA", "COERCE") in {(s, t, plover) for s, t, plover, _ in events}


def test_a_meetings_venue_is_no_party_to_it(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Iran agreed at a meeting in Geneva on October 1 to allow UN experts access to the plant."))
    assert ("IRN", None, "CONSULT") in {(s, t, plover) for s, t, plover, _ in events}


def test_signing_a_treaty_is_support_as_cameo2plover_maps_it(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Libya and Bulgaria today signed a treaty of friendship and cooperation."))
    assert {("LBY", "BGR"), ("BGR", "LBY")} <= {(s, t) for s, t, plover, _ in events if plover == "SUPPORT"}


def test_a_statements_object_is_an_event_of_its_own(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Italy announced a suspension of air links with Serbia on Wednesday."))
    assert ("ITA", "SRB", "SANCTION") in {(s, t, plover) for s, t, plover, _ in events}


def test_an_attack_that_killed_is_its_owners_act(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("US drone attacks have killed eight Pakistani militants since July."))
    assert ("USA", "PAK", "ASSAULT") in {(s, t, plover) for s, t, plover, _ in events}


def test_a_measure_of_goods_matches_the_goods(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Swiss doctors handed over 700 kg of medicine to the Iranian Red Crescent.").events
    assert [(e.plover, e.cameo) for e in events if e.trigger.text == "handed"] == [("AID", "073")]


def test_a_stated_offer_in_the_past_is_still_a_commitment(code) -> None:  # type: ignore[no-untyped-def]
    result = code("On September 29, 1999, Putin offered to negotiate with the president of Armenia.")
    assert [e.plover for e in result.events if e.trigger.text == "negotiate"] == ["AGREE"]


def test_a_demand_noun_is_aimed_at_the_subject_of_its_clause(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Jordan reiterated its demand today that Israel ease restrictions on Palestinian workers."))
    assert ("JOR", "ISR", "REQUEST") in {(s, t, plover) for s, t, plover, _ in events}


def test_reaching_an_agreement_is_a_commitment_and_signing_one_is_support(code) -> None:  # type: ignore[no-untyped-def]
    reached = _events(code("Israel reached an agreement with Jordan on water on Thursday."))
    signed = _events(code("Israel signed an agreement with Jordan on water on Thursday."))
    assert ("ISR", "JOR", "AGREE") in {(s, t, p) for s, t, p, _ in reached}
    assert ("ISR", "JOR", "SUPPORT") in {(s, t, p) for s, t, p, _ in signed}


def test_a_group_named_by_its_sector_is_of_the_country_where_it_acts(code) -> None:  # type: ignore[no-untyped-def]
    # the sentence names another country, so only the clause's place can say whose police they are
    text = "Riot police used tear gas to disperse demonstrators in Monrovia after the Ivorian election."
    [event] = [e for e in code(text).events if e.plover == "COERCE"]
    assert event.source is not None and event.source.country == "LBR" and "event-place" in event.source.basis


def test_wanting_to_act_is_an_intent_and_wanting_another_to_act_an_appeal(code) -> None:  # type: ignore[no-untyped-def]
    assert ("USA", "ISR", "AGREE") in {(s, t, p) for s, t, p, _ in _events(code("The US wants to help Israel."))}
    events = _events(code("Obama wants Putin to attack Switzerland."))
    assert ("USA", "RUS", "REQUEST") in {(s, t, p) for s, t, p, _ in events}
    assert all("hypothetical" in modes for s, _, p, modes in events if p == "ASSAULT")


def test_a_participle_marks_who_had_it_done_to_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("There were 10 Russian soldiers killed in Ukraine today."))
    assert [(s, t) for s, t, p, _ in events if p == "ASSAULT"] == [("UKR", "RUS")]  # unnamed attackers in Ukraine


def test_killed_in_someones_strike_is_their_act(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Three Syrian soldiers were killed in an Israeli air strike on Tuesday."))
    assert ("ISR", "SYR", "ASSAULT") in {(s, t, p) for s, t, p, _ in events}


def test_an_ultimatum_is_put_to_the_subject_of_its_condition(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Iran today threatened to launch a new offensive unless Baghdad accepted its conditions."))
    assert ("IRN", "IRQ", "THREATEN") in {(s, t, p) for s, t, p, _ in events}


def test_an_infinitive_hung_on_as_an_adverbial_is_still_the_threatened_act(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("A French minister threatened today to impose import restrictions against German goods."))
    assert ("FRA", "DEU", "THREATEN") in {(s, t, p) for s, t, p, _ in events}


def test_the_verbs_own_object_chooses_the_lexicon_row(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Pakistan threatened to break off relations with Congo over their ties with Israel."))
    assert {t for s, t, p, _ in events if p == "THREATEN"} == {"COG"}


def test_an_ethnic_group_acts_where_its_clause_places_it(code) -> None:  # type: ignore[no-untyped-def]
    [event] = code("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.").events
    assert event.source is not None and event.source.country == "SRB" and event.plover == "PROTEST"


def test_closing_a_border_with_a_country_is_a_sanction(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Russia closed its southern borders with Iran and Turkey."))
    assert {("RUS", "IRN", "SANCTION"), ("RUS", "TUR", "SANCTION")} <= {(s, t, p) for s, t, p, _ in events}


def test_a_verb_the_parser_took_for_an_adjective_takes_the_name_it_rooted_the_sentence_in(
        code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro "
                          "Hashimoto in this Siberian city."))
    assert ("RUS", "CONSULT") in {(s, p) for s, _, p, _ in events}


def test_throwing_stones_is_a_violent_protest(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Palestinian youths resorted to throwing stones during demonstrations on Thursday.")
    assert [(e.plover, e.cameo) for e in result.events if e.trigger.text == "throwing"] == [("PROTEST", "145")]


def test_a_protest_is_aimed_at_whom_its_purpose_names(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Hundreds of thousands of Hong Kong residents blocked streets in defiance of Chinese "
                          "authorities to demand democratic reforms."))
    assert {t for _, t, p, _ in events if p == "PROTEST"} == {"CHN"}


def test_an_ethnic_group_suffers_where_its_clause_places_it(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia."))
    assert ("SRB", "SRB", "ASSAULT") in {(s, t, p) for s, t, p, _ in events}


def test_what_is_demanded_is_asked_of_whom_it_names(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("EU foreign ministers demanded the withdrawal of Serbian forces from Bosnia on Monday."))
    assert ("EUR", "SRB", "REQUEST") in {(s, t, p) for s, t, p, _ in events}


def test_a_complaint_is_about_whom_it_complains_over(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Lebanon complained to the United Nations on Tuesday over two Israeli air raids."))
    assert ("LBN", "ISR", "ACCUSE") in {(s, t, p) for s, t, p, _ in events}
    assert ("LBN", "UNO", "ACCUSE") in {(s, t, p) for s, t, p, _ in _events(code("Lebanon complained to the UN."))}


def test_what_is_received_from_someone_is_their_act(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Georgian demonstrators received weapons from the Russian government.").events
    assert [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover)
            for e in events] == [("RUS", "GEO", "AID")]
    assert "source<from>" in events[0].lexicon_entry


def test_what_talks_are_about_has_not_happened(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Israel and Lebanon renewed negotiations today on an Israeli troop pullback from Lebanon.")
    assert {e.plover for e in result.events} == {"CONSULT"}  # the pullback is what they negotiate


def test_what_a_condition_supposes_did_not_happen(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Norway is ready to send troops to Saudi Arabia if Iraq attacks Kuwait.")
    attack = next(e for e in result.events if e.trigger.text == "attacks")
    assert (attack.plover, attack.source.country if attack.source else None) == ("ASSAULT", "IRQ")
    assert "hypothetical" in attack.modes  # and no threat: Iraq held nothing over anyone


def test_they_after_a_coordinated_subject_is_each_of_its_parties(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Barack Obama and Vladimir Putin said they will attack Iraq.", "2015-01-01"))
    assert {(s, t) for s, t, *_ in events} == {("USA", "IRQ"), ("RUS", "IRQ")}


def test_what_a_refusal_refuses_did_not_happen(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Refugees began a hunger strike over the Russian government's refusal to accept the independence "
                  "of Chechnya.")
    accepted = [e for e in result.events if e.trigger.text == "accept"]
    assert accepted and all("negated" in e.modes for e in accepted)


def test_who_reacts_to_an_event_did_not_do_it(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Palestinians blamed Israel for the bombing of Raed Karmi in the West Bank city of Tulkarm.")
    assert [e.plover for e in result.events if e.source is not None and e.source.country == "PSE"] == ["ACCUSE"]


def test_what_a_passive_was_done_against_is_named_on_its_object(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("New sanctions against Iran were imposed by the European Union on Monday."))
    assert ("EUR", "IRN", "SANCTION", ()) in events


def test_a_preposition_marked_as_dative_still_names_the_target(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Peru has granted diplomatic asylum to five Panamanian army officers."))
    assert ("PER", "PAN", "AID", ()) in events


def test_what_was_done_to_someones_property_was_done_to_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("A camp for Congolese refugees was attacked by Burundian militiamen on Monday."))
    assert ("BDI", "COD", "ASSAULT", ()) in events


def test_a_nominal_events_own_party_named_by_from_is_its_source(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The Angolan government conceded to demands from UNITA to overhaul the judiciary.", "1995-01-01")
    demand = next(e for e in result.events if e.plover == "REQUEST")
    assert demand.source is not None and demand.source.name == "UNITA"
    assert demand.target is not None and demand.target.country == "AGO"
    concession = next(e for e in result.events if e.plover == "CONCEDE")
    assert concession.target is not None and concession.target.name == "UNITA"


def test_a_plain_noun_is_looked_through_to_whom_it_is_for(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The United States suspended part of a military aid program for Bosnia.", "1995-01-01"))
    assert ("USA", "BIH", "SANCTION", ()) in events


def test_a_travel_warning_reduces_relations_with_the_country_warned_against(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The US State Department has advised against travel to Tunisia."))
    assert ("USA", "TUN", "SANCTION", ()) in events


def test_a_noun_naming_a_kind_of_thing_and_a_describing_participle_are_no_events(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("U.S. border patrol agents abused Mexican immigrants."))
    assert [p for _, _, p, _ in events] == ["ASSAULT"]
    events = _events(code("A camp for Congolese refugees was attacked by Burundian militiamen armed with machetes."))
    assert [(s, t, p) for s, t, p, _ in events] == [("BDI", "COD", "ASSAULT")]
    assert ("IRN", "LBN", "AID", ()) in _events(code("Iran armed Hezbollah fighters in Lebanon."))


def test_pressing_for_someone_to_act_is_a_request_of_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The UK is pushing hard for the US to support its debt relief plan."))
    assert ("GBR", "USA", "REQUEST", ()) in events


def test_an_act_is_aimed_at_whom_its_purpose_names(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Egyptian police opened fire to disperse fundamentalist demonstrators."))
    assert ("EGY", "EGY", "COERCE", ()) in events  # firing to disperse is violent repression (175)
    # the parser hangs the purpose on the object, or on the object's own clause
    events = _events(code("Algerian landowners began a hunger strike outside Parliament to demand the return "
                          "of property seized by Algerian government forces."))
    assert ("DZA", "DZA", "PROTEST", ()) in events
    events = _events(code("Young Algerians blocked roads leading to the city centre on Sunday to press their "
                          "demands from President Bouteflika's government."))
    assert ("DZA", "DZA", "PROTEST", ()) in events
    # or on the verb that governs the act's noun: one protest, aimed at whom the purpose names
    events = _events(code("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike yesterday to "
                          "protest President Assad's failure to usher in political reform."))
    assert [(s, t, p) for s, t, p, _ in events] == [("SYR", "SYR", "PROTEST")]


def test_what_a_complaint_or_protest_is_about_and_what_a_punishment_is_for_are_no_reports(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Lebanon complained to the United Nations over two Israeli air raids."))
    assert [(s, t, p) for s, t, p, _ in events] == [("LBN", "ISR", "ACCUSE")]
    events = _events(code("A missionary from Calgary was arrested in Lebanon for collaborating with Israel."))
    assert "COOPERATE" not in {p for _, _, p, _ in events}
    # what thanks are for, on the verb or on the object its row names
    for text in ("Iraq thanked China for its assistance.",
                 "The Iraqi government expressed appreciation for China's assistance."):
        assert [(s, t, p) for s, t, p, _ in _events(code(text))] == [("IRQ", "CHN", "SUPPORT")]


def test_a_protest_at_home_is_aimed_at_the_state_s_forces(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Salaheddine Sidhoum, Algeria's leading human rights activist, staged a hunger strike "
                          "in protest against the human rights violations by Algerian security forces."))
    assert [(s, t, p) for s, t, p, _ in events] == [("DZA", "DZA", "PROTEST")]


def test_unnamed_attackers_are_of_the_country_where_they_struck(code) -> None:  # type: ignore[no-untyped-def]
    result = code("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.")
    [event] = result.events
    assert event.source is not None and (event.source.country, event.source.sector) == ("IRQ", "UAF")
    assert event.source.basis == "event-place+unnamed" and event.target is not None
    # no place, no one to credit; and what did not happen is credited to no one
    assert _events(code("Three soldiers were killed.")) == []
    assert _events(code("Three soldiers may have been killed in Ukraine.")) == []


def test_an_arrest_by_no_one_named_is_by_the_authorities_where_it_took_place(code) -> None:  # type: ignore[no-untyped-def]
    [event] = code("A US national has been put under investigation in Italy.").events
    assert event.source is not None and (event.source.country, event.source.sector) == ("ITA", "GOV")
    assert event.target is not None and event.target.country == "USA"


def test_what_is_offered_to_someone_is_for_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Syria has again offered its troops to Lebanon's new President Elias Hrawi to help him."))
    assert ("SYR", "LBN", "AGREE", ()) in events


def test_the_parties_of_what_is_hosted_or_launched_are_its_targets(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("King Hassan of Morocco said he would be ready to host a meeting between an Israeli peace "
                          "movement and the Palestine Liberation Organization."))
    assert {("MAR", "ISR", "AGREE", ()), ("MAR", "PSE", "AGREE", ())} <= set(events)
    # the parser makes two subjects of "Qatar's emir, Sheikh Hamad ...": the one the table knows acts
    events = _events(code("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched a mediation effort on "
                          "Saturday between the Emirates and Saudi Arabia."))
    assert {("QAT", "ARE", "CONSULT", ()), ("QAT", "SAU", "CONSULT", ())} <= set(events)


def test_what_is_demanded_is_asked_of_whom_it_names_before_where(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("European Community foreign ministers demanded the withdrawal of Serbian forces from "
                          "Bosnia on Monday."))
    assert [(s, t, p) for s, t, p, _ in events] == [("EUR", "SRB", "REQUEST")]


def test_exploding_bombs_somewhere_is_a_bombing_of_that_place(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Afghan rebels exploded a series of bombs in the capital Kabul."))
    assert ("AFG", "AFG", "ASSAULT", ()) in events
    assert _events(code("A bomb exploded.")) == []


def test_what_an_accusation_claims_is_its_content_not_a_report(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Rwanda alleged that France was aware of preparations for the genocide, and that the "
                          "French military in Rwanda helped to plan and carry out killings."))
    assert [(s, t, p) for s, t, p, _ in events] == [("RWA", "FRA", "ACCUSE")]
    events = _events(code("Mugabe accused the United States of restoring the blackmail in the negotiations on "
                          "independence for Namibia."))
    assert "CONSULT" not in {p for _, _, p, _ in events}


def test_who_died_of_or_suffered_an_act_had_it_done_to_them(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("A Palestinian prisoner died as a result of torture."))
    assert [(s, t, p) for s, t, p, _ in events] == [(None, "PSE", "ASSAULT")]


def test_an_event_noun_the_parser_split_off_still_names_the_doer(code) -> None:  # type: ignore[no-untyped-def]
    # parsed as "killed in [Israeli tank]" plus a clause "shelling"
    events = _events(code("Four children and a man were killed in Israeli tank shelling in the east of the "
                          "Gaza Strip on Friday evening, medics said."))
    assert ("ISR", "PSE", "ASSAULT", ()) in events


def test_a_wanted_suspect_is_no_appeal(code) -> None:  # type: ignore[no-untyped-def]
    result = code("A court in Guyana has issued arrest warrants for two Brazilian men sought in the brutal "
                  "slaying of two American missionaries.")
    assert [(e.plover, e.target.country if e.target else None) for e in result.events] == [("COERCE", "BRA")]


def test_what_was_fired_at_someone_names_them_as_target(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday.")
    fired = [e for e in result.events if e.trigger.text == "fired"]
    assert [(e.target.country if e.target else None, e.plover) for e in fired] == [("ISR", "ASSAULT")]
    # no one is named: the doer is inferred from where it was fired from, and says so
    assert fired[0].source is not None and fired[0].source.country == "PSE"
    assert fired[0].source.basis.endswith("unnamed")


def test_talks_held_with_someone_are_theirs_too(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The US commander in Iraq, General David Petraeus, held talks with President "
                          "Michel Suleiman in Beirut on Wednesday."))
    assert {("USA", "LBN"), ("LBN", "USA")} <= {(s, t) for s, t, plover, _ in events if plover == "CONSULT"}
    # a meeting is the meeter's act: only talks and calls run both ways
    met = _events(code("Moroccan diplomats held their first meeting with President Obama."))
    assert [(s, t) for s, t, plover, _ in met if plover == "CONSULT"] == [("MAR", "USA")]


def test_a_purpose_is_coded_with_its_act_and_names_the_target(code) -> None:  # type: ignore[no-untyped-def]
    result = code("NATO-member Norway is willing to send material to help defend Saudi Arabia if it is "
                  "attacked, Norway's foreign minister said.")
    assert _events(result) == [("NOR", "SAU", "AGREE", ())]
    # what an offer or threat governs is its commitment, not a purpose
    offered = _events(code("Syria has again offered its troops to Lebanon's new President Elias Hrawi to help "
                           "him oust General Michel Aoun from the Christian enclave."))
    assert ("SYR", "LBN", "AGREE", ()) in offered


def test_what_one_faces_pressure_to_do_is_not_done(code) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in code("Obama faces pressure from Congress to help Iran.").events if e.plover == "AID"]


def test_a_host_the_parser_read_as_an_adjective_still_has_a_guest(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro "
                          "Hashimoto in this Siberian city for an informal meeting."))
    assert ("RUS", "JPN", "CONSULT", ()) in events


def test_a_protest_in_defiance_of_someone_is_aimed_at_them(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese "
                  "authorities to demand democratic reforms.")
    # where it was staged is no target, and the defiance is the protest itself, not a second event
    assert [(e.target.country if e.target else None, e.plover) for e in result.events] == [("CHN", "PROTEST")]


def test_a_possible_war_has_not_happened(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Britain mobilized army reservists for a possible war against Iraq on Tuesday.")
    wars = [e for e in result.events if e.trigger.text == "war"]
    assert wars and all("hypothetical" in e.modes for e in wars)


def test_who_led_a_war_waged_it(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The Turkish government has refused to commit to any direct assistance to the US-led "
                          "war against Iraq."))
    assert ("USA", "IRQ", "ASSAULT", ()) in events
    assert not [e for e in events if e[0] == "TUR" and e[2] == "ASSAULT"]
    # a broker is no party: a UN-brokered deal is not the UN's
    deal = code("Turkey will allow Kurd refugees to return home as part of a UN-brokered deal.").events
    assert not [e for e in deal if e.source is not None and e.source.kind == "igo"]


def test_what_an_attack_was_launched_with_is_no_target(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean "
                          "guerrilla camps near the eastern Thai border today, killing or wounding 50."))
    # the killing and wounding are how the attack was done, not attacks of their own on no one
    assert events == [("VNM", "KHM", "ASSAULT", ())]


def test_a_press_release_releases_no_one(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Troops shelled the town, according to a press release by the Liberation Tigers.")
    assert not [e for e in result.events if e.trigger.text == "release"]


def test_an_indictment_is_a_legal_accusation(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Montenegro's prime minister has been indicted by the U.N. war crimes court.")
    assert [(e.plover, e.cameo) for e in result.events if e.trigger.text == "indicted"] == [("ACCUSE", "115")]


def test_whom_a_row_object_in_a_phrase_is_used_on_is_the_verbs_own_object(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Syrian troops held Lebanese villagers as human shields."))
    assert events == [("SYR", "LBN", "ASSAULT", ())]
    # with no object of its own, the phrase's object keeps its parties: "agreed to a ceasefire with Israel"
    assert ("LBN", "ISR", "AGREE", ()) in _events(code("Lebanon agreed to a ceasefire with Israel."))


def _triple(event: Event) -> tuple[str | None, str | None, str]:
    """(source country, target country, CAMEO code)."""
    return (event.source.country if event.source else None, event.target.country if event.target else None,
            event.cameo)


def _triples(result: ArticleResult) -> list[tuple[str | None, str | None, str]]:
    return [_triple(e) for e in result.events]


def _statements(result: ArticleResult) -> list[tuple[str | None, str | None, str]]:
    """The triples of the statements PLOVER does not code (no category)."""
    return [_triple(e) for e in result.events if e.plover is None]


def test_a_statement_that_acts_is_an_event_with_no_plover_category(code) -> None:  # type: ignore[no-untyped-def]
    condoled = code("President Obama expressed condolences to Japan after the earthquake.")
    assert _statements(condoled) == [("USA", "JPN", "018")]
    # sorrow for what happened in a place is for its people, as CAMEO's coders code it
    sorrow = code("President obama expressed sorrow for the horrific shootings in South Carolina.")
    assert _statements(sorrow) == [("USA", "USA", "018")]
    # a plain statement or a comment on how things stand is a quote: what it says is coded, the saying is not
    assert code("Medvedev said on Tuesday that the weather in Moscow was fine.").events == ()
    assert code("Israel voiced concern over the weather in Lebanon.").events == ()


def test_declining_to_comment_is_no_refusal(code) -> None:  # type: ignore[no-untyped-def]
    declined = code("The Government of Eritrea declined to comment on the dispute.")
    assert _statements(declined) == [("ERI", None, "011")] and len(declined.events) == 1
    # declining to act is still a refusal
    assert ("SYR", None, "REJECT", ()) in _events(code("Syria declined to attend the summit."))


def test_what_a_denial_or_rejected_accusation_says_is_not_reported_as_done(code) -> None:  # type: ignore[no-untyped-def]
    rejected = code("Iran's foreign ministry strongly rejected accusations by Netanyahu that Tehran was behind the "
                    "attack.")
    assert _statements(rejected) == [("IRN", "ISR", "016")] and len(rejected.events) == 1
    denied = code("The Chinese government has denied charges that it hacked US networks.")
    assert [e.cameo for e in denied.events] == ["016"]


def test_a_claim_that_someone_attacked_accuses_them(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The US claimed that ISIL had attacked Iraq and taken the city of Mosul.")
    assert [(e.source.country if e.source else None, e.target.name if e.target else None, e.plover)
            for e in result.events] == [("USA", "Islamic State", "ACCUSE")]
    # claiming one's own attack claims responsibility for it (015), and the attack is not vouched for
    claimed_own = code("Sri Lankan military officials claimed that they had attacked two LTTE camps.")
    assert [(e.source.country if e.source else None, e.target.name if e.target else None, e.cameo)
            for e in claimed_own.events] == [("LKA", "Liberation Tigers of Tamil Eelam", "015")]
    # a claim about one's own country's forces is a claim of its own act, not an accusation of them
    own_side = code("President Donald Trump claimed Friday that the U.S. military is hitting the Islamic State group "
                    "harder after a terror attack in New York City.")
    assert [(e.source.country if e.source else None, e.target, e.cameo) for e in own_side.events] == \
        [("USA", None, "015")]
    # claiming responsibility is an event of its own and says the attack happened
    claimed = code("The Taliban claimed responsibility for the attack, which killed dozens of people in Kabul.")
    assert [(e.cameo, e.plover) for e in claimed.events] == [("015", None), ("190", "ASSAULT")]


def test_saying_someone_was_behind_an_attack_accuses_them(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("Ukraine says it has strong evidence proving Russia was behind the chemical attacks.")) == \
        [("UKR", "RUS", "112")]
    assert _triples(code("Israel said Hezbollah was responsible for the bombing in Buenos Aires.")) == \
        [("ISR", "LBN", "112")]
    # saying oneself was behind it claims the attack, which stays theirs
    assert ("PSE", "ISR", "190") in _triples(code("Hamas said it was behind the attack on the Israeli patrol."))
    # speakers who have only the story's country do not accuse that country
    assert _triples(code("Officials said Iran was behind the attack on the tanker.")) == []
    # and what is not hostile is no accusation
    assert "112" not in {c for _, _, c in _triples(code("Officials said Iran was behind the talks."))}


def test_a_patrol_under_attack_is_the_unit_hit_not_a_mobilization(code) -> None:  # type: ignore[no-untyped-def]
    def plovers(text: str) -> list[str | None]:
        return [e.plover for e in code(text).events]
    assert plovers("Hamas claimed the attack on the Israeli patrol.") == ["ASSAULT"]
    assert plovers("A US patrol was attacked near Baghdad.") == ["ASSAULT"]
    assert plovers("Russia stepped up patrols in the Black Sea.") == ["MOBILIZE"]


def test_a_commitment_someone_is_told_they_must_make_is_not_made(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Egyptian President Hosni Mubarak said that the US must be ready to mediate between Israelis "
                  "and Palestinians.")
    assert [(e.source.country if e.source else None, e.plover) for e in result.events if happened(e)] == \
        [("EGY", "REQUEST")]


def test_an_earlier_event_that_dates_the_reported_one_is_background(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Israeli troops remained on alert in the occupied West Bank today after a week of "
                  "unprecedented Palestinian civil unrest.")
    assert [e.plover for e in result.events] == ["MOBILIZE"]
    # with nothing else reported, the earlier event is the news
    quiet = code("The town was quiet on Monday after a week of Palestinian civil unrest.").events
    assert [(e.source.country if e.source else None, e.plover) for e in quiet] == [("PSE", "PROTEST")]


def test_a_state_participle_describes_whatever_the_parser_hung_it_on(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Argentina has apologized to Brazil for one of its gunboats intercepting a Brazilian ship in the "
                  "Beagle Channel, disputed by Argentina and Chile.")
    assert not [e for e in result.events if e.trigger.text == "disputed"]


def test_what_a_background_event_did_is_background_too(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Egyptian demonstrators rioted following a peaceful demonstration calling for the immediate "
                  "removal of President Hosni Mubarak from office.")
    assert [e.plover for e in result.events] == ["PROTEST"]
    # an earlier event yields to another event mentioned in passing
    curfew = code("President Laurent Gbagbo announced that he will extend the night-time curfew in Abidjan in "
                  "response to recent unrest within the city.")
    assert [e.plover for e in curfew.events] == ["THREATEN"]


def test_a_partitive_counts_every_coordinated_party(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian refugees."))
    assert {("GIN", "SLE"), ("GIN", "LBR")} <= {(s, t) for s, t, plover, _ in events if plover == "ASSAULT"}


def test_a_border_says_where_not_whom(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Burmese troops have captured part of a Karen guerrilla stronghold on the Thai border."))
    assert [(s, t) for s, t, plover, _ in events if plover == "ASSAULT"] == [("MMR", None)]


def test_a_threat_is_put_to_whom_its_condition_names_however_deep(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Russia has threatened to stop negotiations to reduce long-range nuclear weapons if the "
                          "United States goes ahead with the planned deployment of new missiles in Europe."))
    assert ("RUS", "USA", "THREATEN", ()) in events


def test_a_mobilization_is_aimed_at_the_conflict_it_readies_for(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Britain mobilized army reservists for a possible war against Iraq on Tuesday."))
    assert ("GBR", "IRQ", "MOBILIZE", ()) in events


def test_who_is_guilty_of_or_responsible_for_an_act_did_it(code) -> None:  # type: ignore[no-untyped-def]
    assert ("IND", None, "ASSAULT", ()) in _events(code("India's army was guilty of violating the ceasefire "
                                                         "agreement 70 times."))
    assert ("MEX", "MEX", "ASSAULT", ()) in _events(code("Los Zetas cartel has been responsible for mass killings "
                                                         "and beheadings in northern Mexico."))


def test_human_shields_the_parser_hung_on_the_object(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Islamic State militants held around 20,000 civilians as human shields in Raqqa.")
    assert [e.cameo for e in result.events] == ["184"]


def test_the_subject_of_a_gerund_of_manner_is_the_main_subject(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("China continues with its humanitarian efforts in Africa by donating medical supplies to "
                          "various African countries."))
    assert [(s, plover) for s, _, plover, _ in events] == [("CHN", "AID")]


def test_what_an_announcement_measures_out_is_its_own_decision(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("The U.S. Government announced nearly $33 million in additional assistance to "
                          "populations affected by Tropical Cyclone Idai in Mozambique."))
    assert [(s, plover) for s, _, plover, _ in events] == [("USA", "AID")]


def test_a_claim_about_they_is_the_claimants_own(code) -> None:  # type: ignore[no-untyped-def]
    claimed = code("Houthi rebels of Yemen have claimed that they had attacked the cities in Saudi Arabia with "
                   "rockets and drones.")
    assert _statements(claimed) == [("YEM", "SAU", "015")] and len(claimed.events) == 1


def test_releasing_a_statement_releases_no_one(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Senator Chris Murphy released the following statement after the vote.").events == ()


def test_what_a_bill_or_plan_would_do_has_not_happened(code) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in code("Israel introduced a bill to annex the Jordan Valley.").events if happened(e)]
    plan = code("Syria drew up a plan to attack Israel.").events
    assert [e.modes for e in plan if e.plover == "ASSAULT"] == [("hypothetical",)]


def test_a_clause_telling_what_happened_before_is_background(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Italy announced a suspension of air links with Serbia on Wednesday, one day after a Serbian "
                  "army jet shot down a helicopter carrying EC truce monitors.")
    assert [e.plover for e in result.events] == ["SANCTION"]
    # alone in its sentence, the earlier act is still the news
    alone = code("It was quiet in Zagreb one day after a Serbian army jet shot down a helicopter.").events
    assert [(e.source.country if e.source else None, e.plover) for e in alone] == [("SRB", "ASSAULT")]


def test_a_nominal_event_owned_by_an_unknown_group_is_not_the_governors(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Palestinian leader Yasser Arafat defended Iraq and Libya on Friday against Western "
                          "criticism of their arms industries."))
    assert not [e for e in events if e[2] == "ACCUSE"]


def test_what_a_party_had_undergone_is_background_to_its_event(code) -> None:  # type: ignore[no-untyped-def]
    released = code("Israel on Wednesday released the mayor of Nablus, a member of the Islamist Hamas movement "
                    "jailed over a year ago.")
    assert [(e.source.country if e.source else None, e.plover) for e in released.events] == [("ISR", "RETREAT")]
    freed = code("The civilians imprisoned for acting against Moscow were released yesterday by Putin himself")
    assert [e.plover for e in freed.events] == ["RETREAT"]
    returned = code("Russia said Sudan must return a helicopter that was captured by the Sudanese army last week.")
    assert [(e.source.country if e.source else None, e.plover) for e in returned.events if happened(e)] == \
        [("RUS", "REQUEST")]
    # with nothing else to report, what the participle tells is the news
    found = code("The bodies of 20 people killed in an Israeli air strike were found in Gaza.")
    assert [(e.source.country if e.source else None, e.plover) for e in found.events] == [("ISR", "ASSAULT")]


def test_what_a_party_had_done_before_is_background(code) -> None:  # type: ignore[no-untyped-def]
    struck = code("The United States launched an air strike against an Islamic State target southwest of Baghdad, "
                  "expanding its campaign against the militant group that has seized parts of Iraq and Syria.")
    assert [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover)
            for e in struck.events] == [("USA", "IRQ", "ASSAULT")]
    freed = code("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry, whom they had taken "
                 "hostage two weeks ago.")
    assert [(e.plover, e.cameo) for e in freed.events] == [("AGREE", "035")]
    # with nothing else to report, what the clause tells is the news
    seized = code("Syrian rebels who had seized the town of Kobani from the army were driven out.")
    assert [(e.source.country if e.source else None, e.plover) for e in seized.events] == [("SYR", "ASSAULT")]


def test_who_was_engaged_in_an_act_did_it(code) -> None:  # type: ignore[no-untyped-def]
    cleansing = code("Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian population.")
    assert [(e.source.country if e.source else None, e.plover) for e in cleansing.events] == [("SRB", "ASSAULT")]
    clash = code("Three Indian soldiers were involved in a clash with Chinese troops.")
    assert [(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in clash.events] == [("IND", "CHN")]


def test_a_clause_with_a_subject_of_its_own_says_nothing_of_where_the_event_was(code) -> None:  # type: ignore[no-untyped-def]
    refused = code("Syria says it will not accept any more refugees if war starts in Iraq.")
    assert [(e.source.country if e.source else None, e.target) for e in refused.events] == [("SYR", None)]
    # a clause that says when the event was shares its place
    bombed = code("Two Palestinian suicide bombers killed 23 people late Sunday when they blew themselves up in "
                  "Tel Aviv.")
    assert [(e.target.country if e.target else None, e.place.name if e.place else None)
            for e in bombed.events] == [("ISR", "Tel Aviv")]


def test_what_a_military_move_is_for_says_what_it_is(code) -> None:  # type: ignore[no-untyped-def]
    # joint exercises are military cooperation, between the parties that hold them
    assert _triples(code("Jordan and the United States began a new round of joint military exercises today.")) == \
        [("JOR", "USA", "062"), ("USA", "JOR", "062")]
    assert _triples(code("India held joint exercises with France.")) == [("IND", "FRA", "062")]
    assert _triples(code("China held military exercises near Taiwan.")) == [("CHN", "TWN", "150")]
    # troops sent to bring aid bring it
    assert _triples(code("Troops and emergency aircraft from the United States have arrived in Nepal to help deliver "
                 "aid to remote areas.")) == [("USA", "NPL", "070")]
    assert ("USA", "IRQ", "062") in _triples(code("The US military trains Iraqi pilots to fly F-16s."))
    assert _triples(code("The UN dispatched a team to Syria to investigate the chemical attack.")) == \
        [("UNO", "SYR", "090")]
    sent = _triples(code("France has sent seven military experts to investigate the attacks."))
    assert [c for _, _, c in sent] == ["090"]
    assert _triples(code("Germany sent experts to Iraq.")) == [("DEU", "IRQ", "070")]


def test_agreeing_with_a_view_is_accord_not_a_commitment(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("Germany agrees with France that sanctions should stay.")) == [("DEU", "FRA", "019")]
    # agreeing on or to something commits
    assert _triples(code("Russia and Ukraine agree on a prisoner swap.")) == \
        [("RUS", "UKR", "030"), ("UKR", "RUS", "030")]
    assert [c for _, _, c in _triples(code("Iran agrees to talks with the US."))] == ["030"]


def test_undoing_a_measure_eases_it_and_is_no_measure(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("The U.S. rolled back tariffs on Chinese goods.")) == [("USA", "CHN", "085")]
    assert _triples(code("France suspended a 3% digital tax on U.S. tech companies.")) == [("FRA", "USA", "085")]
    # an undoing verb with no row for its object: what it undoes is not done
    assert _triples(code("The EU repealed the ban on Russian flights.")) == []
    # halting a hostile act de-escalates it; halting cooperation still cuts it
    assert _triples(code("Israel halted the bombing of Gaza.")) == [("ISR", "PSE", "087")]
    assert _triples(code("Turkey halted cooperation with Israel.")) == [("TUR", "ISR", "160")]


def test_readied_force_is_a_show_of_force_and_expelled_aid_workers_a_sanction(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("The Macedonian army prepared to resume shelling Albanian rebel-held territory as attempts to "
                 "resolve the crisis were deadlocked.")) == [("MKD", "ALB", "150")]
    # what is only promised or threatened stays a commitment
    assert [c for _, _, c in _triples(code("Iran threatened to attack Israel."))] == ["138"]
    assert _triples(code("Jakarta forced the UN refugee agency, UNHCR, out of the country.")) == \
        [("IDN", "UNO", "1663")]


def test_a_group_named_by_its_members_is_those_members(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(code("Western powers, including the United States and France, condemned the coup."))
    assert [(s, p) for s, _, p, _ in events] == [("USA", "ACCUSE"), ("FRA", "ACCUSE")]


def test_a_purpose_is_done_where_its_act_was(code) -> None:  # type: ignore[no-untyped-def]
    sent = code("The United Nations has sent 21 military and civilian personnel to Bosnia on Wednesday to "
                "investigate the feasibility of a peacekeeping force.")
    assert [(e.cameo, e.target.country if e.target else None, e.place.country if e.place else None)
            for e in sent.events] == [("090", "BIH", "BIH")]


def test_calling_is_an_appeal_only_on_or_for_someone(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Lavrov called the decision a mistake.").events == ()
    assert [e.cameo for e in code("China called on Saturday for restraint.").events] == ["020"]
    assert [(e.cameo, e.target.country if e.target else None)
            for e in code("Iran called on the UN to act.").events] == [("020", "UNO")]
    # what the particle introduces is no telephoned leader
    assert [e.cameo for e in code("The Nigeria Labour Congress on Tuesday called on Nigerian leaders to emulate "
                                  "past African leaders.").events] == ["020"]
    # a day is no particle: this call is a telephone call, which both sides hold
    called = code("Merkel called her French counterpart on Tuesday.").events
    assert {(e.source.country if e.source else None, e.cameo) for e in called} == {("DEU", "041"), ("FRA", "041")}


def test_a_cause_is_background_to_the_act_it_explains(code) -> None:  # type: ignore[no-untyped-def]
    for text in ("Russia closed its border with Georgia because of fighting between Azerbaijanis and Armenians.",
                 "Russia closed its border with Georgia due to fighting between Azerbaijanis and Armenians."):
        assert [(e.source.country if e.source else None, e.plover) for e in code(text).events] == \
            [("RUS", "SANCTION")], text


def test_a_doer_the_parse_did_not_find_is_not_an_unknown_one(code) -> None:  # type: ignore[no-untyped-def]
    result = code("French National Assembly president Laurent Fabius and a group of deputies held talks with leaders "
                  "of Romania's new government on Tuesday, the first high-level Western delegation to visit "
                  "Bucharest since the revolution.", "1990-01-10")
    assert {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in result.events} == {("FRA", "ROU"), ("ROU", "FRA")}


def test_a_possessor_of_a_possessor_names_the_party(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Brazil's main oilworkers' confederation called off a five-day strike against Petrobras.")
    assert [(e.source.country if e.source else None, e.plover) for e in result.events] == [("BRA", "CONCEDE")]
    bomber = code("A Taliban suicide bomber detonated his vehicle near an army base, killing three soldiers.")
    assert [(e.source.name if e.source else None, e.plover) for e in bomber.events] == [("Taliban", "ASSAULT")]


def test_a_declared_cessation_of_hostilities_is_a_ceasefire(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Sudanese President Omer al-Bashir on Monday declared an open-ended cessation of hostilities.")
    assert [(e.source.country if e.source else None, e.cameo) for e in result.events] == [("SDN", "0871")]


def test_troops_arriving_deploy_and_peacekeepers_keep_the_peace(code) -> None:  # type: ignore[no-untyped-def]
    # (South Sudan is a state only from 2011)
    assert _triples(code("Some 163 Chinese peacekeepers arrived in South Sudan.", "2015-03-01")) == \
        [("CHN", "SSD", "074")]
    assert _triples(code("Hundreds of British troops have arrived in Mali to join the United Nations peacekeeping "
                         "mission there.")) == [("GBR", "MLI", "074")]
    assert _triples(code("Russian troops arrived in Crimea.")) == [("RUS", "UKR", "154")]
    # a person arriving still visits
    assert _triples(code("Ban Ki-moon arrived in Juba to discuss peacekeeping.", "2015-03-01")) == \
        [("IGO", "SSD", "042")]


def test_taking_in_refugees_is_asylum(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("Germany took in 1,500 Syrian refugees.")) == [("DEU", "SYR", "075")]


def test_approving_an_act_decides_it(code) -> None:  # type: ignore[no-untyped-def]
    assert _triples(code("The EU approved new sanctions against Iran.")) == [("EUR", "IRN", "163")]
    # a deployment to watch over a ceasefire keeps the peace
    assert _triples(code("The United Nations Security Council on Friday unanimously approved the deployment of a "
                         "U.N. advance team to monitor a ceasefire in Yemen's Hodeidah region.")) == \
        [("UNO", "YEM", "074")]
    # approving a plan agrees to it
    assert _triples(code("The Israeli Cabinet approved the plan.")) == [("ISR", None, "030")]


def test_an_agreement_sought_and_not_made_is_a_rejection(code) -> None:  # type: ignore[no-untyped-def]
    failed = code("Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices in east "
                  "Jerusalem Sunday.")
    assert {(e.plover, e.modes) for e in failed.events} == {("REJECT", ())}
    assert [(e.plover, e.modes) for e in code("Iran did not agree to allow inspectors.").events] == [("REJECT", ())]
    # one only supposed is no rejection
    assert [(e.plover, e.modes) for e in code("Iran may not agree to the deal.").events] == \
        [("AGREE", ("negated", "hypothetical"))]


def test_a_measure_announced_is_decided_and_a_warning_threatens(code) -> None:  # type: ignore[no-untyped-def]
    announced = code("The United States announced Wednesday it would prohibit all aid to Albanian rebels in "
                     "Macedonia.")
    assert [(e.plover, e.modes) for e in announced.events] == [("SANCTION", ("future",))]
    warned = code("Russia warned it would impose sanctions on Georgia.")
    assert [e.plover for e in warned.events] == ["THREATEN"]


def test_banning_politicians_coerces(code) -> None:  # type: ignore[no-untyped-def]
    banned = code("President Yoweri Museveni has banned Ugandan opposition candidates from participating in the "
                  "upcoming elections.")
    assert [(e.source.country if e.source else None, e.cameo) for e in banned.events] == [("UGA", "1722")]


def test_attending_a_ceremony_is_a_symbolic_act(code) -> None:  # type: ignore[no-untyped-def]
    attended = code("Prime Minister Andrej Babis attended a ceremony marking the anniversary of the victory over "
                    "fascism.")
    assert [(e.cameo, e.plover) for e in attended.events] == [("017", None)]
    # paying respects is the symbolic act; the death it honours is background to it
    honoured = code("Thomas Shannon, U.S. undersecretary of state, paid his respects to a South Korean soldier killed "
                    "in Afghanistan a decade ago.")
    assert [(e.cameo, e.plover) for e in honoured.events] == [("017", None)]


def test_a_purpose_names_whom_the_act_is_against(code) -> None:  # type: ignore[no-untyped-def]
    strike = code("Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against Sweden's decision to "
                  "send them back to Bulgaria.")
    assert [(e.target.country if e.target else None, e.plover) for e in strike.events] == [("SWE", "PROTEST")]
