"""Raw input to :class:`~eventlens.records.Article`: readers, normalisation, identity."""

from eventlens.ingest.common import FieldMap
from eventlens.ingest.normalise import article_from_text, parse_published
from eventlens.ingest.readers import FORMATS, read_inputs

__all__ = ["FORMATS", "FieldMap", "article_from_text", "parse_published", "read_inputs"]
