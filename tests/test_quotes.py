import pytest

pytestmark = pytest.mark.model


def test_quote_then_attribution_with_addressee(code) -> None:  # type: ignore[no-untyped-def]
    result = code("“We are moving forward together,” Hillary Clinton told her counterpart Sergei Lavrov.")
    [quote] = [q for q in result.quotes if q.kind == "direct"]
    assert quote.content.text == "We are moving forward together,"
    assert quote.speaker is not None and quote.speaker.name == "Hillary Clinton"
    assert quote.addressee is not None and quote.addressee.name == "Sergei Lavrov"
    assert quote.cue is not None and quote.cue.text == "told"


def test_attribution_then_quote(code) -> None:  # type: ignore[no-untyped-def]
    result = code('Sergei Lavrov said: "Russia will not accept new sanctions against Iran."')
    [quote] = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.country == "RUS"


def test_split_quote_gives_two_parts_by_one_speaker(code) -> None:  # type: ignore[no-untyped-def]
    result = code('"The talks were useful," Lavrov said, "but much remains to be done before December."')
    speakers = {q.speaker.name for q in result.quotes if q.kind == "direct" and q.speaker}
    assert speakers == {"Sergei Lavrov"} and len([q for q in result.quotes if q.kind == "direct"]) == 2


def test_unnamed_official_is_dated_by_the_cue(code) -> None:  # type: ignore[no-untyped-def]
    result = code('"The secretary will raise it with Moscow," a senior State Department official told reporters '
                  "yesterday.")
    [quote] = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and (quote.speaker.country, quote.speaker.sector) == ("USA", "GOV")
    assert quote.date == "2009-10-12"


def test_reported_speech_with_pronoun_content(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Ahead of talks with Clinton, Lavrov said he wanted to discuss missile defense.")
    [quote] = [q for q in result.quotes if q.kind == "indirect"]
    assert quote.content.text.startswith("he wanted to discuss missile defense")
    assert quote.speaker is not None and quote.speaker.name == "Sergei Lavrov"


def test_according_to(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Iran will allow inspectors next week, according to Russian officials.")
    [quote] = [q for q in result.quotes if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.country == "RUS"
    assert quote.content.text.startswith("Iran will allow inspectors")


def test_scare_quotes_are_not_quotations(code) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in code('The so-called "reset" worked.').quotes if q.kind == "direct"] == []


def test_a_phrase_quoted_inside_a_reported_statement_is_not_a_direct_quote(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Obama said there is a danger when “a president gets loose with this language” about Iran.")
    assert not [q for q in result.quotes if q.kind == "direct"]
    [statement] = [q for q in result.quotes if q.kind == "indirect"]
    assert statement.content.text.startswith("there is a danger") and "loose with this language" in \
        statement.content.text
    assert statement.speaker is not None and statement.speaker.name == "Barack Obama"


def test_an_unattributed_quote_paragraph_continues_the_previous_speaker(code) -> None:  # type: ignore[no-untyped-def]
    result = code("“We will not wait forever for Iran,” Hillary Clinton said in Moscow.\n\n"
                  "“The international community has made its position clear to Tehran.”")
    first, second = [q for q in result.quotes if q.kind == "direct"]
    assert second.speaker_span == first.speaker_span and second.speaker is not None
    assert second.speaker.country == "USA"


def test_a_name_and_colon_label_the_speaker(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Voters told us what they think.\n\n"
                  "Pamela Padilla, 34, nurse: “I cannot believe a man with no experience could be president.”")
    [quote] = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker_span is not None and quote.speaker_span.text == "Pamela Padilla"


def test_doubled_apostrophes_are_quote_marks(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Mr. Obama said African-Americans can ''rock like Jimi and stir the pot like Richard Pryor.''")
    assert any("rock like Jimi" in q.content.text for q in result.quotes)
