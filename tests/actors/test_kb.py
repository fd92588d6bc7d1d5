import datetime as dt
import itertools
from collections import defaultdict

import pytest

from eventlens.actors.kb import load_kb

SINGLE_HOLDER = ("President", "Prime Minister", "Chancellor", "Minister of Foreign Affairs", "Secretary of State",
                 "Foreign Secretary", "Minister of Defence", "Secretary of Defense", "Defence Secretary",
                 "Secretary-General of the United Nations", "Secretary General of NATO")


def _title_on(name: str, day: str) -> str | None:
    person = next(p for p in load_kb().people if p.name == name)
    role = person.role_on(dt.date.fromisoformat(day))
    return role.title if role else None


@pytest.mark.parametrize(("name", "day", "title"), [
    ("Vladimir Putin", "2009-10-13", "Prime Minister"),
    ("Hillary Clinton", "2009-10-13", "Secretary of State"),
    ("Dmitry Medvedev", "2009-10-13", "President"),
    ("Donald Trump", "2019-01-01", "President"),
    ("Donald Trump", "2023-01-01", None),
    ("Sergei Lavrov", "2009-10-13", "Minister of Foreign Affairs"),
    ("Barack Obama", "2009-10-13", "President"),
    ("Angela Merkel", "2010-01-01", "Chancellor"),
    ("Ban Ki-moon", "2009-10-13", "Secretary-General of the United Nations"),
    ("Benjamin Netanyahu", "2010-01-01", "Prime Minister"),
])
def test_people_hold_the_office_of_the_date(name: str, day: str, title: str | None) -> None:
    assert _title_on(name, day) == title


def test_former_holders_know_their_last_office() -> None:
    bush = next(p for p in load_kb().people if p.name == "George W. Bush")
    last = bush.last_role_before(dt.date(2009, 10, 13))
    assert last is not None and last.title == "President" and str(last.end) == "2009-01-20"


def test_roles_are_ordered_and_single_holder_offices_never_overlap() -> None:
    holders: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in load_kb().people:
        for role in person.roles:
            assert role.end is None or role.start < role.end, (person.name, role)
            if role.title in SINGLE_HOLDER:
                holders[(role.country, role.title)].append((role.start, role.end or dt.date.max, person.name))
    for office, terms in holders.items():
        terms.sort()
        for (_, end, who), (start, _, nxt) in itertools.pairwise(terms):
            assert (end - start).days <= 1, f"{office}: {who} and {nxt} overlap"


def test_the_table_is_large_enough_to_be_useful() -> None:
    kb = load_kb()
    assert sum(len(p.roles) for p in kb.people) >= 1000
    assert len(kb.countries) >= 249
    assert all(c.adjectives for c in kb.countries.values())


MOVED = [  # (person, date, office then, later date, office then): at least 20 people who changed office
    ("Vladimir Putin", "1999-01-01", "Director of the FSB", "2022-03-01", "President"),
    ("Dmitry Medvedev", "2009-10-13", "President", "2015-01-01", "Prime Minister"),
    ("Hillary Clinton", "2005-06-01", "Senator", "2010-06-01", "Secretary of State"),
    ("Joe Biden", "2010-01-01", "Vice President", "2022-01-01", "President"),
    ("Barack Obama", "2006-01-01", "Senator", "2010-01-01", "President"),
    ("John Kerry", "2010-01-01", "Senator", "2014-03-04", "Secretary of State"),
    ("Sergei Lavrov", "2000-01-01", "Permanent Representative to the United Nations",
     "2009-10-13", "Minister of Foreign Affairs"),
    ("Recep Tayyip Erdoğan", "2010-01-01", "Prime Minister", "2020-01-01", "President"),
    ("Boris Johnson", "2017-01-01", "Foreign Secretary", "2020-01-01", "Prime Minister"),
    ("David Cameron", "2012-01-01", "Prime Minister", "2024-01-01", "Foreign Secretary"),
    ("Antony Blinken", "2016-01-01", "Deputy Secretary of State", "2022-01-01", "Secretary of State"),
    ("Sergei Shoigu", "2015-01-01", "Minister of Defence", "2025-01-01", "Secretary of the Security Council"),
    ("Rishi Sunak", "2021-01-01", "Chancellor of the Exchequer", "2023-01-01", "Prime Minister"),
    ("Liz Truss", "2022-01-01", "Foreign Secretary", "2022-10-01", "Prime Minister"),
    ("Emmanuel Macron", "2015-01-01", "Minister of the Economy", "2018-01-01", "President"),
    ("Olaf Scholz", "2019-01-01", "Minister of Finance", "2022-01-01", "Chancellor"),
    ("Fumio Kishida", "2015-01-01", "Minister of Foreign Affairs", "2022-01-01", "Prime Minister"),
    ("Narendra Modi", "2010-01-01", "Chief Minister of Gujarat", "2020-01-01", "Prime Minister"),
    ("Mario Draghi", "2015-01-01", "President of the European Central Bank", "2022-01-01", "Prime Minister"),
    ("Jens Stoltenberg", "2010-01-01", "Prime Minister", "2016-01-01", "Secretary General of NATO"),
    ("António Guterres", "2010-01-01", "UN High Commissioner for Refugees",
     "2020-01-01", "Secretary-General of the United Nations"),
    ("Ursula von der Leyen", "2015-01-01", "Minister of Defence", "2020-01-01", "President of the European Commission"),
    ("Mark Rutte", "2015-01-01", "Prime Minister", "2025-01-01", "Secretary General of NATO"),
    ("Gordon Brown", "2000-01-01", "Chancellor of the Exchequer", "2008-01-01", "Prime Minister"),
    ("Condoleezza Rice", "2003-01-01", "National Security Advisor", "2006-01-01", "Secretary of State"),
]


@pytest.mark.parametrize(("name", "first_day", "first", "later_day", "later"), MOVED)
def test_people_who_changed_office_resolve_to_the_office_of_each_date(
        name: str, first_day: str, first: str, later_day: str, later: str) -> None:
    assert (_title_on(name, first_day), _title_on(name, later_day)) == (first, later)


def test_enough_people_who_changed_office_are_tested() -> None:
    assert len({name for name, *_ in MOVED}) >= 20
