"""Storage: the embedded DuckDB store."""

from eventlens.store.duckdb_store import Store

__all__ = ["Store"]
