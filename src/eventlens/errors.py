"""The one exception tree of eventlens.

Every error a user can cause derives from :class:`EventlensError`, and every
message says what went wrong, with which input, and how to fix it::

    EventlensError
     ├── ConfigError            bad option value (e.g. an unknown --published format)
     ├── ModelNotFoundError     no spaCy English pipeline is installed
     ├── DataError              a packaged table is missing or malformed
     ├── InputError             one input cannot be read or coded
     │    ├── EmptyInputError
     │    ├── BinaryInputError
     │    ├── EncodingError
     │    ├── MalformedRecordError
     │    ├── TooLargeError       over a size cap (file, line, record, download)
     │    ├── CorruptInputError   a truncated or corrupt gzip stream or WARC file
     │    └── FetchError          a URL that timed out, failed or answered with an HTTP error
     ├── StoreError             the DuckDB file cannot be opened or written
     └── EvalError              gold data missing, or a score fell below its floor

A batch run catches :class:`InputError` per article, records it, and goes on;
anything else is a defect or an environment problem and stops the run.
"""

from __future__ import annotations


class EventlensError(Exception):
    """Root of every error eventlens raises on purpose."""


class ConfigError(EventlensError):
    """An option or setting has a value eventlens cannot use."""


class ModelNotFoundError(EventlensError):
    """No usable spaCy English pipeline is installed."""


class DataError(EventlensError):
    """A data table shipped with the package is missing or malformed."""


class InputError(EventlensError):
    """One input (file, line, record) cannot be read or coded.

    ``source`` names the input so that the message and the ``ingest_errors``
    table say exactly which one failed.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input looks like a binary file, not text."""


class EncodingError(InputError):
    """The input is not valid UTF-8."""


class MalformedRecordError(InputError):
    """A JSON/JSONL record or its metadata cannot be parsed."""


class TooLargeError(InputError):
    """The input, one of its lines or one of its records is over a size cap."""


class CorruptInputError(InputError):
    """A compressed stream or an archive is truncated or corrupt."""


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(EventlensError):
    """The database cannot be opened or written."""


class EvalError(EventlensError):
    """Evaluation cannot run, or a score fell below its stored floor."""
