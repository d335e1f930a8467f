"""Facts → quads in the article's named graph (see docs/DATA_MODEL.md)."""

from __future__ import annotations

from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg.facts import ArticleFacts, DateValue, Evidence, Span
from kg.rdf.identity import (
    MeetingRegistry,
    actor_iri,
    agreement_iri,
    evidence_iri,
    mention_iri,
    place_iri,
    position_iri,
    slug,
    span_iri,
    statement_iri,
)
from kg.vocab import (
    ACTOR_CLASS,
    AGREEMENT_STATUS_INDIVIDUAL,
    DCT_ISSUED,
    DCT_LANGUAGE,
    DCT_PUBLISHER,
    DCT_TITLE,
    DIP,
    MEDIUM_INDIVIDUAL,
    MEETING_CLASS,
    OWL_SAME_AS,
    RDF_TYPE,
    RDFS_LABEL,
    SCHEMA_URL,
    SKOS_ALT_LABEL,
    STATUS_INDIVIDUAL,
    XSD,
    article_graph,
    article_iri,
    wikidata_iri,
)

_DATE_TYPES = {
    "day": NamedNode(XSD + "date"),
    "month": NamedNode(XSD + "gYearMonth"),
    "year": NamedNode(XSD + "gYear"),
}
_BOOLEAN = NamedNode(XSD + "boolean")
_INTEGER = NamedNode(XSD + "integer")
_NON_NEGATIVE = NamedNode(XSD + "nonNegativeInteger")
_DECIMAL = NamedNode(XSD + "decimal")

KIND_LABELS = {
    "state_visit": "state visit",
    "meeting": "meeting",
    "phone_call": "phone call",
    "video_call": "video call",
    "talks": "talks",
    "summit": "summit",
}


def date_literal(value: DateValue) -> Literal:
    """A date typed at its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return Literal(value.value, datatype=_DATE_TYPES[value.precision])


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_BOOLEAN)


class _Graph:
    """Collects the quads of one article graph, without duplicates, in insertion order."""

    def __init__(self, article_id: str, mapper_version: str) -> None:
        self.article_id = article_id
        self.name = article_graph(article_id)
        self.article = article_iri(article_id)
        self.mapper_version = mapper_version
        self._quads: dict[str, Quad] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is None:
            return
        quad = Quad(s, p, o, self.name)
        self._quads.setdefault(str(quad), quad)

    def text(self, s: NamedNode, p: NamedNode, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    def span(self, iri: NamedNode, span: Span, cls: NamedNode) -> None:
        self.add(iri, RDF_TYPE, cls)
        self.add(iri, DIP.inArticle, self.article)
        self.add(iri, DIP.beginIndex, Literal(str(span.start), datatype=_NON_NEGATIVE))
        self.add(iri, DIP.endIndex, Literal(str(span.end), datatype=_NON_NEGATIVE))
        self.add(iri, DIP.anchorText, Literal(span.text))

    def fact(self, fact: NamedNode, evidence: Evidence) -> None:
        """What every fact carries: its article and its evidence (sentence, rule, confidence, version)."""
        self.add(fact, DIP.reportedIn, self.article)
        ev = evidence_iri(self.article_id, fact)
        self.add(fact, DIP.evidence, ev)
        self.span(ev, evidence.sentence, DIP.Evidence)
        self.add(ev, DIP.rule, Literal(evidence.rule))
        confidence = Decimal(str(round(min(max(evidence.confidence, 0.0), 1.0), 3)))
        self.add(ev, DIP.confidence, Literal(format(confidence, "f"), datatype=_DECIMAL))
        self.add(ev, DIP.mapperVersion, Literal(self.mapper_version))

    def quads(self) -> list[Quad]:
        return list(self._quads.values())


def article_quads(facts: ArticleFacts, registry: MeetingRegistry, mapper_version: str) -> list[Quad]:
    """All quads of one article's named graph. ``registry`` gives meetings reported elsewhere their IRI."""
    meta = facts.meta
    g = _Graph(meta.article_id, mapper_version)
    art = g.article
    g.add(art, RDF_TYPE, DIP.Article)
    g.add(art, DIP.articleId, Literal(meta.article_id))
    g.text(art, DCT_TITLE, meta.title)
    g.text(art, DCT_PUBLISHER, meta.publisher)
    g.text(art, DCT_LANGUAGE, meta.language)
    if meta.published:
        g.add(art, DCT_ISSUED, Literal(meta.published.isoformat(), datatype=_DATE_TYPES["day"]))
    elif facts.dateline and facts.dateline.precision == "day":
        g.add(art, DCT_ISSUED, date_literal(facts.dateline))
    if meta.url:
        g.add(art, SCHEMA_URL, NamedNode(meta.url) if _is_iri(meta.url) else None)

    affiliations: dict[str, str] = {}
    for actor in facts.actors.values():
        iri = actor_iri(actor.key)
        g.add(iri, RDF_TYPE, getattr(DIP, ACTOR_CLASS[actor.type]))
        g.add(iri, RDFS_LABEL, Literal(actor.label))
        for alias in sorted(set(actor.aliases) - {actor.label}):
            g.add(iri, SKOS_ALT_LABEL, Literal(alias))
        g.add(iri, DIP.linkedToWikidata, boolean(actor.wikidata is not None))
        if actor.wikidata:
            g.add(iri, OWL_SAME_AS, wikidata_iri(actor.wikidata))
        g.add(iri, DIP.mentionedIn, art)
        if actor.country and actor.country != actor.key and actor.country in facts.actors:
            # (only to a country this article's graph types: "the Houthis" in an article that names no Yemen)
            country = actor_iri(actor.country)
            g.add(iri, DIP.affiliatedWith, country)
            affiliations[iri.value] = country.value

    for mention in facts.mentions:
        if mention.actor not in facts.actors:
            continue
        m = mention_iri(meta.article_id, mention.span.start, mention.span.end)
        g.add(m, RDF_TYPE, DIP.Mention)
        g.add(m, DIP.mentionOf, actor_iri(mention.actor))
        g.add(m, DIP.anchorText, Literal(mention.span.text))
        g.add(m, DIP.beginIndex, Literal(str(mention.span.start), datatype=_NON_NEGATIVE))
        g.add(m, DIP.endIndex, Literal(str(mention.span.end), datatype=_NON_NEGATIVE))
        g.fact(m, mention.evidence)

    for position in facts.positions:
        p = position_iri(position.person, position.role, position.organization)
        g.add(p, RDF_TYPE, DIP.PositionHolding)
        g.add(p, RDFS_LABEL, Literal(position.role))
        g.add(p, DIP.holder, actor_iri(position.person))
        g.add(p, DIP.roleTitle, Literal(position.role))
        if position.organization:
            g.add(p, DIP.roleIn, actor_iri(position.organization))
        as_of = position.as_of or (DateValue.of(meta.published) if meta.published else None)
        if as_of:
            g.add(p, DIP.asOf, date_literal(as_of))
        g.fact(p, position.evidence)

    meeting_iris: dict[str, NamedNode] = {}
    for meeting in facts.meetings:
        # host and visitor are sub-properties of participant: state the participation explicitly too
        stated = [*meeting.participants, *(k for k in (meeting.host, meeting.visitor) if k)]
        participants = [actor_iri(k) for k in dict.fromkeys(stated)]
        iri = registry.resolve(meeting, meta.article_id, meta.published, participants, affiliations)
        meeting_iris[meeting.local_id] = iri
        g.add(iri, RDF_TYPE, getattr(DIP, MEETING_CLASS[meeting.kind]))
        g.add(iri, RDFS_LABEL, Literal(_meeting_label(meeting.kind, meeting.participants, facts, meeting.date)))
        for p in participants:
            g.add(iri, DIP.participant, p)
        if meeting.host:
            g.add(iri, DIP.host, actor_iri(meeting.host))
        if meeting.visitor:
            g.add(iri, DIP.visitor, actor_iri(meeting.visitor))
        if meeting.date:
            g.add(iri, DIP.startDate, date_literal(meeting.date))
        if meeting.end_date:
            g.add(iri, DIP.endDate, date_literal(meeting.end_date))
        if meeting.place:
            place = place_iri(meeting.place)
            g.add(iri, DIP.place, place)
            g.add(place, RDF_TYPE, DIP.Place)
            g.add(place, RDFS_LABEL, Literal(meeting.place.label))
            if meeting.place.wikidata:
                g.add(place, OWL_SAME_AS, wikidata_iri(meeting.place.wikidata))
        g.add(iri, DIP.status, getattr(DIP, STATUS_INDIVIDUAL[meeting.status]))
        g.fact(iri, meeting.evidence)
    for meeting in facts.meetings:
        if meeting.part_of and meeting.part_of in meeting_iris:
            g.add(meeting_iris[meeting.local_id], DIP.partOf, meeting_iris[meeting.part_of])

    for agreement in facts.agreements:
        key = agreement.key or "-".join(
            [slug(agreement.name), *sorted(slug(p.partition(":")[2] or p) for p in agreement.parties)]
        )
        iri = agreement_iri(key)
        g.add(iri, RDF_TYPE, DIP.Agreement)
        g.add(iri, RDFS_LABEL, Literal(agreement.name))
        for alias in sorted(set(agreement.aliases) - {agreement.name}):
            g.add(iri, SKOS_ALT_LABEL, Literal(alias))
        for party in dict.fromkeys(agreement.parties):
            g.add(iri, DIP.party, actor_iri(party))
        if agreement.date:
            g.add(iri, DIP.signingDate, date_literal(agreement.date))
        if agreement.duration_years:
            g.add(iri, DIP.durationYears, Literal(str(agreement.duration_years), datatype=_INTEGER))
        for topic in agreement.topics:
            g.add(iri, DIP.topic, Literal(topic))
        if agreement.wikidata:
            g.add(iri, OWL_SAME_AS, wikidata_iri(agreement.wikidata))
        g.add(iri, DIP.agreementStatus, getattr(DIP, AGREEMENT_STATUS_INDIVIDUAL[agreement.status]))
        g.fact(iri, agreement.evidence)

    for statement in facts.statements:
        content = statement.content
        iri = statement_iri(meta.article_id, content.start, content.end)
        g.add(iri, RDF_TYPE, DIP.Statement)
        for speaker in dict.fromkeys(statement.speakers):
            g.add(iri, DIP.speaker, actor_iri(speaker))
        g.add(iri, DIP.content, Literal(content.text))
        g.add(iri, DIP.direct, boolean(statement.direct))
        cspan = span_iri(meta.article_id, content.start, content.end)
        g.add(iri, DIP.contentSpan, cspan)
        g.span(cspan, content, DIP.TextSpan)
        g.text(iri, DIP.cue, statement.cue)
        if statement.addressee:
            g.add(iri, DIP.addressee, actor_iri(statement.addressee))
        if statement.meeting and statement.meeting in meeting_iris:
            g.add(iri, DIP.madeAt, meeting_iris[statement.meeting])
        if statement.medium:
            g.add(iri, DIP.medium, getattr(DIP, MEDIUM_INDIVIDUAL[statement.medium]))
        if statement.source:
            g.add(iri, DIP.relayedBy, actor_iri(statement.source))
        if statement.date:
            g.add(iri, DIP.statementDate, date_literal(statement.date))
        g.fact(iri, statement.evidence)
    return g.quads()


def _meeting_label(kind: str, participants: tuple[str, ...], facts: ArticleFacts, date: DateValue | None) -> str:
    names = [facts.actors[p].label if p in facts.actors else p for p in dict.fromkeys(participants)]
    label = f"{KIND_LABELS.get(kind, kind)}: {' – '.join(names)}"
    return f"{label}, {date}" if date else label


def _is_iri(value: str) -> bool:
    return value.startswith(("http://", "https://")) and not any(c in value for c in ' <>"{}|\\^`')
