"""Countries as they were on a story's date."""

import datetime as dt

import pytest

from eventlens.places.history import AS_OF_BASIS, successions


def test_the_table_names_a_predecessor_and_a_day_for_each_state() -> None:
    table = successions()
    assert table["SSD"] == ("SDN", dt.date(2011, 7, 9))
    assert all(len(old) == 3 and isinstance(day, dt.date) for old, day in table.values())


@pytest.mark.model
def test_a_place_belongs_to_the_state_it_was_in_on_the_story_s_date(code) -> None:  # type: ignore[no-untyped-def]
    text = "Sudanese rebels shelled the southern regional capital Juba on Sunday."
    then, now = code(text, "1995-06-01"), code(text, "2015-06-01")
    assert [p.country for p in then.places if p.name == "Juba"] == ["SDN"]
    assert [p.country for p in now.places if p.name == "Juba"] == ["SSD"]
    # the capital's name stands for no government that did not yet exist, and the basis says why
    assert [(a.country, a.basis.endswith(AS_OF_BASIS)) for a in then.actors if a.span.text == "Juba"] == \
        [("SDN", True)]
    assert [(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in then.events] == [("SDN", "SDN")]
    # with no date, today's map
    assert [p.country for p in code(text, None).places if p.name == "Juba"] == ["SSD"]
