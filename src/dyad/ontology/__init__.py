"""The event ontology: PLOVER types and modes, CAMEO codes with Goldstein values, the trigger lexicon.

Everything is read lazily from the package's ``data/`` folder (built by
``scripts/build_ontology.py``; the trigger lexicon is hand-written).
"""

from dyad.ontology.cameo import CameoCode, cameo_entry, cameo_to_plover
from dyad.ontology.plover import PLOVER_TYPES, PloverMode, PloverType, plover_type, quad_class
from dyad.ontology.triggers import Trigger, TriggerLexicon, load_triggers

__all__ = [
    "PLOVER_TYPES", "CameoCode", "PloverMode", "PloverType", "Trigger", "TriggerLexicon",
    "cameo_entry", "cameo_to_plover", "load_triggers", "plover_type", "quad_class",
]
