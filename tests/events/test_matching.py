"""Matching words against the lexicon on real parses."""

import pytest

from eventlens.events.lexicon import load_lexicon
from eventlens.events.matching import best_entry, compound_candidates

pytestmark = pytest.mark.model


def _token(resources, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in resources.nlp(text) if t.text == word)


def test_the_verbs_own_object_beats_an_object_further_down(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    verb = _token(resources, "Pakistan broke off relations with Congo over their ties with Israel.", "broke")
    entry, obj = best_entry(verb, lexicon.candidates("verb", "break"), lexicon.compounds)  # type: ignore[misc]
    assert entry.object == "relation" and obj is not None and obj.text == "relations"


def test_a_measure_matches_what_it_counts_only_as_a_direct_object(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    verb = _token(resources, "Swiss doctors handed over 700 kg of medicine to Iran.", "handed")
    entry, _ = best_entry(verb, lexicon.candidates("verb", "hand"), lexicon.compounds)  # type: ignore[misc]
    assert (entry.particle, entry.object) == ("over", "medicine")
    made = _token(resources, "The chief made his remarks at the start of a regional trip.", "made")
    assert best_entry(made, lexicon.candidates("verb", "make"), lexicon.compounds) is None


def test_a_two_word_event_noun(resources) -> None:  # type: ignore[no-untyped-def]
    noun = _token(resources, "Activists began a hunger strike on Monday.", "strike")
    assert [e.cameo for e in compound_candidates(load_lexicon(), noun)] == ["142"]
    # the first word may be an adjective; a noun the lexicon lists only with another word is no event
    military = _token(resources, "Turkey will begin a new military operation against Kurdish fighters.", "operation")
    assert [e.cameo for e in compound_candidates(load_lexicon(), military)] == ["190"]
    rescue = _token(resources, "The rescue operation in Turkey ended on Sunday.", "operation")
    assert compound_candidates(load_lexicon(), rescue) == ()
    legal = _token(resources, "The Commission launched legal action against Poland.", "action")
    assert [e.cameo for e in compound_candidates(load_lexicon(), legal)] == ["115"]
    military = _token(resources, "The US launched military action against Iraq.", "action")
    assert [e.cameo for e in compound_candidates(load_lexicon(), military)] == ["190"]


def test_a_hyphenated_word_is_the_word_the_lexicon_writes_whole(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    fire = _token(resources, "Kabul announced a weeklong cease-fire with the Taliban.", "fire")
    assert [e.cameo for e in compound_candidates(lexicon, fire)] == ["0871"]
    announced = _token(resources, "Kabul announced a weeklong cease-fire with the Taliban.", "announced")
    entry, _ = best_entry(announced, lexicon.candidates("verb", "announce"), lexicon.compounds)  # type: ignore[misc]
    assert entry.object == "ceasefire"


def test_any_object_needs_an_object_and_yields_to_a_named_one(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    rows = lexicon.candidates("verb", "return")
    returned = _token(resources, "The United States returned two paintings to Brazil.", "returned")
    entry, obj = best_entry(returned, rows, lexicon.compounds)  # type: ignore[misc]
    assert (entry.object, entry.cameo, obj.text if obj else None) == ("*", "0842", "paintings")
    bodies = _token(resources, "Hezbollah returned the bodies to Israel.", "returned")
    assert best_entry(bodies, rows, lexicon.compounds)[0].object == "body"  # type: ignore[index]
    # travelling back has no object, and an apposition across a comma is none
    minister = _token(resources, "The minister returned to Baghdad on Monday.", "returned")
    assert best_entry(minister, rows, lexicon.compounds) is None
    negotiators = _token(resources, "U.S. and Russian negotiators return to Geneva this week for talk on limiting "
                                    "missiles, an issue likely to dominate relations this year.", "return")
    assert best_entry(negotiators, rows, lexicon.compounds) is None


def test_a_two_word_noun_is_not_its_first_word(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    launched = _token(resources, "The allies launched war games near the coast.", "launched")
    match = best_entry(launched, lexicon.candidates("verb", "launch"), lexicon.compounds)
    assert match is None or match[0].object != "war"
    waged = _token(resources, "Britain launched a war against Iraq.", "launched")
    war = best_entry(waged, lexicon.candidates("verb", "launch"), lexicon.compounds)
    assert war is not None and war[0].object == "war"


def test_a_person_object_is_a_named_person(resources) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    called = best_entry(_token(resources, "Putin called Obama on Tuesday.", "called"),
                        lexicon.candidates("verb", "call"), lexicon.compounds)
    assert called is not None and called[0].object == "@person" and called[1] is not None
    assert called[1].text == "Obama"
    convened = best_entry(_token(resources, "Jonathan called an emergency meeting.", "called"),
                          lexicon.candidates("verb", "call"), lexicon.compounds)
    assert convened is None
