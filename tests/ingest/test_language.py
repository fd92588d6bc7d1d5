from eventlens.ingest.language import detect, unwanted

ENGLISH = "Russia said on Tuesday it would not support new sanctions against Iran over its nuclear programme."
GERMAN = "Russland erklärte am Dienstag, es werde keine neuen Sanktionen gegen den Iran unterstützen."


def test_detects_the_language_with_a_probability() -> None:
    found = detect(GERMAN)
    assert found.language == "de" and found.probability > 0.9
    assert detect(ENGLISH).language == "en"


def test_only_confident_foreign_text_is_unwanted() -> None:
    wanted = frozenset({"en"})
    assert unwanted(ENGLISH, wanted) is None
    german = unwanted(GERMAN, wanted)
    assert german is not None and german.language == "de"
    assert unwanted(GERMAN, frozenset({"en", "de"})) is None
    assert unwanted("Obama", wanted) is None  # too short to be sure: coded, not lost
