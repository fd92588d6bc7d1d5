"""Actors: the knowledge base (data + loader), the resolver, and importers."""

from eventlens.actors.kb import KnowledgeBase, load_kb
from eventlens.actors.resolve import ActorMatcher, resolve_actors

__all__ = ["ActorMatcher", "KnowledgeBase", "load_kb", "resolve_actors"]
