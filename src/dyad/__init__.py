"""dyad: verifiable political event data from news text.

>>> from dyad import extract
>>> record = extract("Choi arrived in Moscow on Sunday.", published="2024-01-15")
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # keep `import dyad` light: spaCy loads only when coding is asked for
    if name in ("extract", "extract_records"):
        from dyad import api as module

        return getattr(module, name)
    if name == "Store":
        from dyad.store import Store

        return Store
    raise AttributeError(name)
