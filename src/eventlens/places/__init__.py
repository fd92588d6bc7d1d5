"""Toponyms -> :class:`~eventlens.records.Place`, and the place where an event happened."""

from eventlens.places.gazetteer import Gazetteer, load_gazetteer
from eventlens.places.resolve import resolve_places

__all__ = ["Gazetteer", "load_gazetteer", "resolve_places"]
