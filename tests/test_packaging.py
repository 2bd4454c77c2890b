"""The wheel installs one namespace, `kg`, with the ontology, queries and sample data inside."""
import subprocess
import sys
import zipfile

import pytest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(root)], check=True, capture_output=True)
    (path,) = out.glob("*.whl")
    return zipfile.ZipFile(path).namelist()


def test_wheel_installs_only_the_kg_namespace(wheel):
    """No bare top-level `queries`, `loaders` or `ontology` package is installed."""
    tops = {name.split("/")[0] for name in wheel if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"kg"}


def test_wheel_carries_the_ontology_queries_and_sample_corpus(wheel):
    """The .ttl files, the named .cypher queries and the five sample documents ship inside."""
    assert "kg/ontology/kg.ttl" in wheel and "kg/ontology/shapes.ttl" in wheel
    assert any(n.startswith("kg/queries/") and n.endswith(".cypher") for n in wheel)
    assert len([n for n in wheel if n.startswith("kg/data/corpus/") and n.endswith(".txt")]) == 5
    assert "kg/data/corpus/SOURCES.md" in wheel
    assert any(n.startswith("kg/data/templates/") and n.endswith(".yaml") for n in wheel)
    assert {"kg/data/gazetteer/regions.tsv", "kg/data/gazetteer/zones.tsv",
            "kg/data/gazetteer/boundary_words.txt", "kg/data/gazetteer/SOURCES.md",
            "kg/loaders/gazetteer.py"} <= set(wheel)
