"""The ontology (``kg.ttl``) and SHACL shapes (``shapes.ttl``) as package data.

>>> from kg.ontology import ONTOLOGY_PATH
>>> ONTOLOGY_PATH.name
'kg.ttl'
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "kg.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
