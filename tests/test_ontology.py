"""The ontology file, the Python namespace and the store names agree."""
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg import vocab
from kg.ontology import ONTOLOGY_PATH, SHAPES_PATH

MODEL_LABELS = {"Region", "Zone", "Industry", "Chain", "Link", "Firm", "Platform", "Project", "Document"}
MODEL_RELATIONS = {"IN_REGION", "PART_OF", "DEVELOPS", "HAS_CHAIN", "HAS_LINK", "NEXT", "LOCATED_IN",
                   "OPERATES_IN", "IN_INDUSTRY", "TARGETS", "SUPPORTS", "MENTIONED_IN"}


@pytest.fixture(scope="module")
def onto():
    return Graph().parse(ONTOLOGY_PATH)


def test_labels_and_relations_are_those_of_the_design():
    """The namespace has exactly the labels and relation types of the model."""
    assert set(vocab.LABELS) == MODEL_LABELS
    assert set(vocab.RELATIONS) == MODEL_RELATIONS


def test_every_class_and_relation_has_chinese_and_english_labels_and_a_comment(onto):
    """Each term of the ontology is labelled in zh and en and has a one-line comment."""
    terms = [URIRef(vocab.KG_IRI + name) for name in MODEL_LABELS]
    terms += [URIRef(r.iri) for r in vocab.RELATIONS.values()]
    for term in terms:
        langs = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, term
        comment = onto.value(term, RDFS.comment)
        assert comment and "\n" not in str(comment), term


def test_classes_align_with_standard_vocabularies(onto):
    """Classes are placed under schema.org, W3C ORG, PROV-O or SKOS terms, not re-invented."""
    standard = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
                "http://www.w3.org/2004/02/skos/core#")
    for name in MODEL_LABELS:
        supers = [str(o) for o in onto.objects(URIRef(vocab.KG_IRI + name), RDFS.subClassOf)]
        assert any(s.startswith(standard) for s in supers), name


def test_platform_kinds_are_a_skos_scheme(onto):
    """The nine platform kinds are concepts of one scheme, and the namespace lists the same."""
    scheme = URIRef(vocab.KG_IRI + "PlatformKinds")
    kinds = {str(s)[len(vocab.KG_IRI):] for s in onto.subjects(URIRef(
        "http://www.w3.org/2004/02/skos/core#inScheme"), scheme)}
    assert kinds == set(vocab.PLATFORM_KINDS)


def test_the_namespace_is_closed():
    """A misspelt term is an error, not a new term."""
    assert str(vocab.KG.Firm).endswith("#Firm")
    with pytest.raises(AttributeError):
        vocab.KG.Frim  # noqa: B018


def test_every_relation_is_an_object_property_with_a_cypher_name(onto):
    """Each relation type is declared once, as an OWL object property."""
    for rel in vocab.RELATIONS.values():
        assert (URIRef(rel.iri), RDF.type, OWL.ObjectProperty) in onto


def test_shapes_parse_and_target_the_model(onto):
    """The SHACL shapes file parses and names classes of the ontology."""
    shapes = Graph().parse(SHAPES_PATH)
    targets = {str(o)[len(vocab.KG_IRI):] for o in shapes.objects(
        None, URIRef("http://www.w3.org/ns/shacl#targetClass"))}
    assert MODEL_LABELS <= targets


def _validate(graph):
    import pyshacl

    from kg import rdf

    data = Graph().parse(data=rdf.serialize(graph, "nt"), format="nt")
    conforms, _, text = pyshacl.validate(data, shacl_graph=Graph().parse(SHAPES_PATH),
                                         ont_graph=Graph().parse(ONTOLOGY_PATH))
    return conforms, text


def test_a_well_formed_graph_conforms_to_the_shapes():
    """Named entities with sources and positioned links conform."""
    from kg import KnowledgeGraph
    from kg.facts import Source
    from kg.names import link_key

    g = KnowledgeGraph()
    s = Source("a.txt", 0, 0, 3, "物联网")
    chain = g.add_entity("Chain", "物联网", source=s)
    link = g.add_entity("Link", "传感芯片", key=link_key("物联网", "传感芯片"), position=2,
                        chain="物联网", source=s)
    g.add_relation(chain, "HAS_LINK", link, position=2, source=s)
    g.add_entity("Platform", "某某研究院", kind="institute", source=s)
    conforms, text = _validate(g)
    assert conforms, text


def test_a_link_without_position_or_a_fact_without_source_violates_the_shapes():
    """SHACL catches a link with no position and no chain, and an entity with no source."""
    from kg import KnowledgeGraph

    g = KnowledgeGraph()
    g.add_entity("Link", "传感芯片", key="x/传感芯片")
    conforms, text = _validate(g)
    assert not conforms
    assert "a link needs one integer position" in text
    assert "a link belongs to exactly one chain" in text
    assert "every fact needs a source" in text
