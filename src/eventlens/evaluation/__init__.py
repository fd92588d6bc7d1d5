"""Scoring against the gold data in ../shared/gold, with floors that only go up."""
