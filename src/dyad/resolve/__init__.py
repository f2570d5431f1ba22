"""resolve: work across documents on stored records (no spaCy here)."""
