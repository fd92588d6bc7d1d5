import pytest

pytestmark = pytest.mark.model


def _modes(result, plover):  # type: ignore[no-untyped-def]
    return [e.modes for e in result.events if e.plover == plover]


def test_a_conjunct_shares_what_governs_its_first_conjunct(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Hungary aims to tighten sanctions and impose a naval blockade against Serbia.")
    blockade = _modes(result, "COERCE")  # a blockade, CAMEO 191
    assert blockade and all("hypothetical" in modes for modes in blockade)
    # ... but not that conjunct's own meaning: attacking after rejecting a plan is no refusal to attack
    result = code("Israel rejected the plan and attacked Gaza.")
    assert _modes(result, "ASSAULT") == [()]


def test_what_an_agreement_commits_to_has_not_happened_yet(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Israel and the Palestinians reached a consensus to exchange information on water resources.")
    assert _modes(result, "AGREE") and all(modes == () for modes in _modes(result, "AGREE"))
    assert all("hypothetical" in modes for modes in _modes(result, "COOPERATE"))


def test_what_is_refused_permission_did_not_happen(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The UNITA militarist wing refused to allow United Nations planes to land and evacuate 15 of its "
                  "observers.")
    evacuation = _modes(result, "AID")
    assert evacuation and all("negated" in modes for modes in evacuation)


def test_what_may_or_may_not_come_has_not_happened(code) -> None:  # type: ignore[no-untyped-def]
    assert _modes(code("Fears of a Russian attack on Ukraine grew."), "ASSAULT") == [("hypothetical",)]
    deal = code("Sen. Mitch McConnell says that he is pessimistic about the possibility of a deal.")
    assert [e.modes for e in deal.events] == [("hypothetical",)]
    # the attack itself, with nothing over it, happened
    assert _modes(code("Russia attacked Ukraine."), "ASSAULT") == [()]
