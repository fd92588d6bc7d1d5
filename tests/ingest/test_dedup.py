from eventlens.ingest.dedup import StoryIndex, containment, shingles, signature

STORY = [
    "Clinton seeks Russian support on Iran",
    "U.S. Secretary of State Hillary Clinton met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday "
    "to seek support for tougher sanctions against Iran over its nuclear programme.",
    "Lavrov said threats of sanctions against Tehran would be counterproductive at this stage and urged "
    "patience while talks between Iran and six world powers continue in Geneva.",
    "A senior State Department official told reporters travelling with Clinton that Washington did not ask "
    "Moscow for any specific commitment on sanctions during the meeting.",
    "The two ministers also discussed a successor to the START arms control treaty, which expires in December, "
    "and the situation in Afghanistan, where Russia allows supplies for U.S. troops to cross its territory.",
    "Clinton was due to travel to Kazan on Wednesday before flying to London for talks on Northern Ireland.",
]
OTHER = ("Floods in Pakistan\n\nHeavy monsoon rains flooded large parts of Sindh province on Sunday, killing at "
         "least 40 people and forcing thousands from their homes, officials in Karachi said. The army was "
         "deployed to rescue villagers stranded on rooftops as the Indus river burst its banks.")


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_syndicated_copies_join_the_original_story() -> None:
    index = StoryIndex()
    assert index.assign("orig", signature(_text(STORY))) == "orig"
    retitled = _text(["UPDATE 1-Clinton presses Moscow on Iran", "By a staff writer", *STORY[1:]])
    trimmed = _text(STORY[:-2])  # the wire's last paragraphs cut
    edited = _text(STORY).replace("said", "says").replace("Tuesday", "Tuesday, Oct. 13,")
    assert index.assign("retitled", signature(retitled)) == "orig"
    assert index.assign("trimmed", signature(trimmed)) == "orig"
    assert index.assign("edited", signature(edited)) == "orig"
    assert index.assign("other", signature(OTHER)) == "other"
    assert len(index) == 5


def test_a_follow_up_reusing_background_is_its_own_story() -> None:
    index = StoryIndex()
    index.assign("orig", signature(_text(STORY)))
    follow_up = _text(["Iran talks resume in Geneva",
                       "Iranian negotiators returned to Geneva on Monday for a second round with six world powers, "
                       "bringing new proposals on enriching uranium abroad, diplomats said.",
                       "Western officials said they expected answers on inspections of the Qom site within days, "
                       "and warned that patience with Tehran was wearing thin.", STORY[2]])
    assert index.assign("follow", signature(follow_up)) == "follow"


def test_a_short_brief_inside_a_long_roundup_is_not_a_copy() -> None:
    index = StoryIndex()
    index.assign("brief", signature(_text(STORY[:2])))
    roundup = _text(["World news round-up", *STORY[:2], *OTHER.split("\n\n"), *STORY[2:]])
    assert index.assign("roundup", signature(roundup)) == "roundup"


def test_stored_signatures_restore_the_same_assignments() -> None:
    first = StoryIndex()
    sig = signature(_text(STORY))
    first.assign("orig", sig)
    restored = StoryIndex()
    restored.load([("orig", "orig", sig)])
    assert restored.assign("copy", signature(_text(STORY[:-1]))) == "orig"


def test_containment_and_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Russia, said: IRAN") == shingles("russia said iran")
    assert containment(signature(_text(STORY)), signature(_text(STORY).upper())) == 1.0
    assert containment(signature(_text(STORY)), signature(OTHER)) < 0.1
