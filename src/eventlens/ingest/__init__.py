"""Raw input to :class:`~eventlens.records.Article`: readers, normalisation, identity."""

from eventlens.ingest.normalise import article_from_text, parse_published
from eventlens.ingest.readers import read_inputs

__all__ = ["article_from_text", "parse_published", "read_inputs"]
