import pytest

from eventlens.errors import DataError
from eventlens.events.lexicon import load_lexicon, parse_lexicon
from eventlens.events.ontology import load_ontology

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def test_more_specific_rows_come_first() -> None:
    lexicon = parse_lexicon("# version: t\nverb\timpose\t-\t-\t-\t160\tx\nverb\timpose\t-\tsanction\ton\t163\ty\n")
    rows = lexicon.candidates("verb", "impose")
    assert [r.cameo for r in rows] == ["163", "160"]
    assert lexicon.version == "eventlens.lexicon@t"
    assert rows[0].describe() == "verb impose obj=sanction target<on> -> 163 (lexicon.tsv:3)"


@pytest.mark.parametrize(("row", "message"), [
    ("verb\tmeet", "columns"), ("adverb\tmeet\t-\t-\t-\t040\tx", "kind"), ("verb\tmeet\t-\t-\t-\tforty\tx", "digits"),
])
def test_malformed_rows_name_their_line(row: str, message: str) -> None:
    with pytest.raises(DataError, match=f"lexicon.tsv:2: .*{message}"):
        parse_lexicon(f"# header\n{row}\n")


def test_a_row_that_repeats_another_names_both_lines() -> None:
    with pytest.raises(DataError, match=r"lexicon\.tsv:3: same kind, lemma, particle and object as line 2"):
        parse_lexicon("# header\nverb\tmeet\t-\t-\twith\t040\tx\nverb\tmeet\t-\t-\t-\t043\ty\n")


def test_every_row_uses_a_known_code_and_every_category_is_covered() -> None:
    ontology = load_ontology()
    lexicon = load_lexicon()
    covered = set()
    for rows in lexicon.entries.values():
        for row in rows:
            if row.kind in ("verb", "noun"):
                covered.add(ontology.code(row.cameo).plover)
                assert row.cameo in ontology.cameo, row
    assert set(PLOVER) <= covered
    assert lexicon.is_control("seek") and lexicon.is_nonevent("pose") and lexicon.is_state("arm")
    assert not lexicon.is_state("kill")


def test_ontology_tables_are_complete_and_consistent() -> None:
    ontology = load_ontology()
    roots = [c for c in ontology.cameo if len(c) == 2]
    assert len(roots) == 20
    assert set(ontology.plover) == set(PLOVER)
    for code in ontology.cameo.values():
        assert code.quad_class in (1, 2, 3, 4), code
        assert -10 <= code.goldstein <= 10, code
    assert ontology.code("0431").code == "043"  # unknown 4-digit codes fall back to their parent


def test_a_source_preposition_is_written_with_a_leading_angle() -> None:
    lexicon = parse_lexicon("verb\treceive\t-\tweapon\t<from\t072\tX received weapons from Y\n")
    [entry] = lexicon.candidates("verb", "receive")
    assert (entry.prep, entry.source_prep) == (None, "from") and "source<from>" in entry.describe()
