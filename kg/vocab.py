"""Every ontology term the code uses, named once.

``tests/test_vocab.py`` checks that each term here is declared in ``ontology/diplomacy.ttl`` and that
every term the ontology declares is listed here, so a typo fails at test time, not in the data.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

BASE = "https://w3id.org/diplomacy-kg/"
ONTOLOGY = BASE + "ontology#"
RESOURCE = BASE + "resource/"
GRAPH = BASE + "graph/"
ONTOLOGY_GRAPH = NamedNode(GRAPH + "ontology")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
DCT_PUBLISHER = NamedNode("http://purl.org/dc/terms/publisher")
DCT_ISSUED = NamedNode("http://purl.org/dc/terms/issued")
DCT_LANGUAGE = NamedNode("http://purl.org/dc/terms/language")
DCT_IDENTIFIER = NamedNode("http://purl.org/dc/terms/identifier")
SCHEMA_URL = NamedNode("https://schema.org/url")

CLASSES = (
    "Actor",
    "Person",
    "Organization",
    "Country",
    "Government",
    "Ministry",
    "MilitaryOrganization",
    "InternationalOrganization",
    "NewsOrganization",
    "Place",
    "PositionHolding",
    "DiplomaticEvent",
    "Meeting",
    "StateVisit",
    "PhoneCall",
    "VideoCall",
    "Talks",
    "Summit",
    "Agreement",
    "Statement",
    "Mention",
    "Article",
    "TextSpan",
    "Evidence",
    "EventStatus",
    "AgreementStatus",
    "Medium",
)

OBJECT_PROPERTIES = (
    "participant",
    "host",
    "visitor",
    "place",
    "partOf",
    "status",
    "party",
    "agreementStatus",
    "speaker",
    "addressee",
    "madeAt",
    "medium",
    "relayedBy",
    "holder",
    "roleIn",
    "affiliatedWith",
    "mentionOf",
    "mentionedIn",
    "reportedIn",
    "evidence",
    "contentSpan",
    "inArticle",
)

DATATYPE_PROPERTIES = (
    "startDate",
    "endDate",
    "signingDate",
    "statementDate",
    "asOf",
    "durationYears",
    "topic",
    "content",
    "direct",
    "cue",
    "roleTitle",
    "beginIndex",
    "endIndex",
    "anchorText",
    "articleId",
    "rule",
    "confidence",
    "mapperVersion",
    "linkedToWikidata",
    "kindCode",
)

INDIVIDUALS = (
    "Happened",
    "Scheduled",
    "Signed",
    "Planned",
    "Mentioned",
    "Tweet",
    "OpEd",
    "Interview",
    "WrittenStatement",
    "PressConference",
    "Address",
    "PhoneCallMedium",
    "MeetingMedium",
    "Letter",
    "Report",
)


class _Terms:
    """Attribute access to ontology terms; an unknown name raises AttributeError."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._terms = {name: NamedNode(ONTOLOGY + name) for name in names}

    def __getattr__(self, name: str) -> NamedNode:
        try:
            return self.__dict__["_terms"][name]
        except KeyError:
            raise AttributeError(f"no ontology term dip:{name}") from None

    def names(self) -> tuple[str, ...]:
        return tuple(self._terms)


DIP = _Terms(CLASSES + OBJECT_PROPERTIES + DATATYPE_PROPERTIES + INDIVIDUALS)

ACTOR_CLASS = {
    "person": "Person",
    "country": "Country",
    "government": "Government",
    "ministry": "Ministry",
    "military": "MilitaryOrganization",
    "international_organization": "InternationalOrganization",
    "news_organization": "NewsOrganization",
    "organization": "Organization",
}

MEETING_CLASS = {
    "state_visit": "StateVisit",
    "meeting": "Meeting",
    "phone_call": "PhoneCall",
    "video_call": "VideoCall",
    "talks": "Talks",
    "summit": "Summit",
}

STATUS_INDIVIDUAL = {"happened": "Happened", "scheduled": "Scheduled"}
AGREEMENT_STATUS_INDIVIDUAL = {"signed": "Signed", "planned": "Planned", "mentioned": "Mentioned"}
MEDIUM_INDIVIDUAL = {
    "tweet": "Tweet",
    "op-ed": "OpEd",
    "interview": "Interview",
    "statement": "WrittenStatement",
    "press_conference": "PressConference",
    "address": "Address",
    "phone_call": "PhoneCallMedium",
    "meeting": "MeetingMedium",
    "letter": "Letter",
    "report": "Report",
}


def article_graph(article_id: str) -> NamedNode:
    """The named graph that holds what one article says."""
    return NamedNode(f"{GRAPH}article/{article_id}")


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(f"{RESOURCE}article/{article_id}")


def wikidata_iri(qid: str) -> NamedNode:
    return NamedNode(WIKIDATA_ENTITY + qid)
