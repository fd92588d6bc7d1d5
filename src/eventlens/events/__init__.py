"""Event coding: ontology tables, the lexicon, dyads, modes and the coder."""

from eventlens.events.coder import code_events
from eventlens.events.lexicon import Lexicon, load_lexicon
from eventlens.events.ontology import Ontology, load_ontology

__all__ = ["Lexicon", "Ontology", "code_events", "load_lexicon", "load_ontology"]
