"""annotate: the spaCy side of dyad (one component per concern)."""
