"""Stage 2: mentions of actors and places in each sentence (names, titles, roles, pronouns, groups).

A mention is found from language patterns and the gazetteer; people absent from the gazetteer are
found by titles ("Deputy Foreign Minister Li Ming"), appositions ("Li Ming, a spokesman for …") and
speech verbs beside a capitalised name. Resolution of short forms, roles and pronouns is coref's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.mapper.gazetteer import SURNAME_FIRST, Gazetteer, lexicon, load, slug
from kg.mapper.text import Sentence


@dataclass
class Ment:
    """A mention; offsets are absolute (into the article)."""

    start: int
    end: int
    sent: int
    kind: str  # name alias surname role pronoun demonym metonym group place org
    etype: str  # person country ministry military government … place
    key: str | None = None  # actor (or place) key once known
    label: str = ""
    role: str | None = None  # title as written ("Chinese Defense Minister")
    country: str | None = None  # country key from a title, demonym or possessive
    head: str | None = None  # head noun of a role phrase / group ("president", "sides")
    place: str | None = None  # for capital metonyms: the place key
    modifier: bool = False  # possessive, compound or adjective use ("Iran’s", "China-Iran", "US sanctions")
    after_prep: bool = False  # a place-like use: "in Ankara", "to Brazil"
    in_quote: bool = False
    role_start: int | None = None  # where the title begins, when a title precedes a name
    keys: tuple[str, ...] = field(default=())  # group members once resolved
    members: tuple[str, ...] = field(default=())  # country keys of "the foreign ministers of A and B"
    surname_first: bool = False

    @property
    def is_person(self) -> bool:
        return self.etype == "person"


@dataclass(frozen=True)
class Lex:
    """The lexicon compiled for mention finding."""

    title_words: frozenset[str]
    heads: frozenset[str]
    common: frozenset[str]
    speech_forms: frozenset[str]
    demonyms: dict[str, str]  # "Iranian" → country key
    role_re: re.Pattern[str]
    group_re: re.Pattern[str]
    speech_re: re.Pattern[str]
    name_homographs: frozenset[str]  # surnames spelt like common words ("He"), names only before a given name


TITLE_HEADS = {
    "president", "premier", "minister", "councilor", "councillor", "counsellor", "secretary", "secretary-general",
    "director-general", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "chief", "leader",
    "ayatollah", "sen", "senator", "rep", "representative", "gen", "general", "admiral", "adm", "commander",
    "director", "chairman", "chairwoman", "chair", "head", "speaker", "king", "queen", "prince", "princess", "emir",
    "amir", "sheikh", "sultan", "dr", "mr", "mrs", "ms", "prof", "professor", "adviser", "advisor", "diplomat",
    "mayor", "governor", "official", "lawmaker", "legislator", "negotiator", "deputy", "analyst", "expert",
    "researcher", "scholar", "consul", "delegate", "vice-president", "vice-premier", "member", "mp", "lt", "col",
    "maj", "brig", "colonel", "lieutenant", "brigadier", "commander-in-chief", "counterpart", "chancellor",
    "foreign minister", "chairperson", "fellow", "scientist", "economist", "lecturer", "commentator", "historian",
    "strategist", "columnist", "journalist", "correspondent", "dean", "specialist", "academic", "predecessor",
    "successor", "counselor", "attache", "attaché", "consultant", "lawyer", "activist", "editor", "writer",
    "author", "observer",
}
ROLE_HEADS = (
    "president|minister|premier|leader|diplomat|visitor|guest|counterpart|host|spokesman|spokeswoman|spokesperson|FM|"
    "envoy|ambassador|commander|chief|senator|general|crown prince|king|emir|sultan|"
    # "an Iraqi official said", not "an official visit"
    r"official(?=\s*[,;.)]|\s+(?:said|says|told|added|noted|stressed|who|familiar|speaking|quoted|with|from|at|in)\b)|"
    # "a Turkish diplomatic source said"
    r"source(?=\s*,|\s+(?:said|says|told|added|familiar|close)\b)"
)
PREPOSITIONS = {
    "in", "to", "into", "from", "on", "against", "at", "toward", "towards", "over", "across", "throughout", "of",
    "for", "about", "around", "near", "inside", "outside", "within", "via", "through", "onto", "upon", "like",
    "than", "beyond", "under", "amid", "among", "between",
}
_WORD = re.compile(r"[^\W_](?:[\w’'\-]*[^\W_])?")
# a capitalised word, or an Arabic name with its article: "al-Harthi", "el-Amin", "bin-Zayed"
_CAP = re.compile(r"^(?:[A-Z\u00C0-\u00DE]|(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|ul)-[A-Z])[\w’'\-]*$")
_GIVEN_NAME_AFTER = re.compile(r" [A-Z][a-z]+(?![\w’'-]*(?:’s|'s)?\s*,?\s*(?:on|in|and)\b)")
_TITLE_BEFORE = re.compile(r"(?<![\w])(?:President|Minister|Premier|Ambassador|Envoy|Secretary|Chancellor|Governor|"
                           r"Mayor|Senator|General|Spokeswoman|Spokesman|Mr|Mrs|Ms|Dr)\.? $")
_POSS = re.compile(r"^(?:’s|'s|’|')(?![\w])")


@lru_cache(maxsize=1)
def lex() -> Lex:
    lx = lexicon()
    g = load()
    demonyms: dict[str, str] = {}
    for e in g.entities.values():
        if e.type == "country":
            for d in e.demonyms:
                demonyms[d] = e.key
    forms = {f for fs in lx["speech_verbs"].values() for f in fs}
    speech_re = re.compile(r"(?<![\w])(?:" + "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
                           + r")(?![\w])")
    dem = "|".join(sorted((re.escape(d) for d in demonyms), key=len, reverse=True))
    role_re = re.compile(
        r"(?<![\w’'])(?P<det>the|The|[Aa]n(?=\s+(?:[\w.\-’']+\s+){0,4}?official\b)|a|A|his|His|her|Her|its|Its|their|Their|(?P<poss>[A-Z][\w.\-]*?(?:’s|'s))|"
        rf"(?P<dem0>{dem}))\s+(?P<mods>(?:[\w.\-’']+\s+){{0,4}}?)(?P<head>{ROLE_HEADS})(?P<pl>s)?(?![\w-])"
        r"(?:\s+of\s+(?P<of>[A-Z][\w.\-]*?)(?:’s|'s)?(?![\w]))?"
    )
    group_re = re.compile(
        r"(?<![\w])(?:(?:[Oo]fficials|[Rr]epresentatives|[Dd]elegates|[Dd]elegations|[Ll]eaders|[Mm]inisters)\s+"
        r"(?:from|of)\s+(?:all\s+|both\s+)?(?:the\s+)?(?:two|three|four|five)\s+(?=countries|nations|sides)|"
        r"(?:the|The)\s+(?:two|three|four|five)\s+(?:countries|nations|sides|governments)(?:’|')\s*(?=[a-z])|"
        r"(?:the|The)\s+(?:two|three|four|five)(?:\s+[A-Z][\w’'-]+)?|(?:both|Both)(?:\s+the)?)\s*"
        r"(?P<head>leaders|presidents|heads of state|deputy foreign ministers|vice foreign ministers|deputy ministers|"
        r"vice ministers|foreign ministers|men|women|prime ministers|premiers|envoys|ambassadors|"
        r"defense ministers|defence ministers|ministers|"
        r"top diplomats|diplomats|officials|counterparts|sides|parties|countries|nations|governments|delegations|"
        r"capitals|states|militaries|armies)(?![\w])"
    )
    return Lex(
        title_words=frozenset(w.lower() for w in lx["title_words"]),
        heads=frozenset(TITLE_HEADS),
        common=frozenset(w.lower() for w in lx["common_words"]),
        speech_forms=frozenset(forms),
        demonyms=demonyms,
        role_re=role_re,
        group_re=group_re,
        speech_re=speech_re,
        name_homographs=frozenset(lx.get("name_homographs", [])),
    )


_QUOTE_MARK = re.compile(r'[“”"]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks (curly or straight), within one line each."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stack: int | None = None
        straight: int | None = None
        for qm in _QUOTE_MARK.finditer(line):  # only the quotation marks, not every character
            i, c = qm.start(), qm.group()
            if c == "“":
                stack = i if stack is None else stack
            elif c == "”" and stack is not None:
                spans.append((pos + stack + 1, pos + i))
                stack = None
            elif c == '"':
                if straight is None:
                    straight = i
                else:
                    spans.append((pos + straight + 1, pos + i))
                    straight = None
        if stack is not None:  # a quote that runs on to the next paragraph
            spans.append((pos + stack + 1, pos + len(line)))
        elif straight is not None and line.lstrip().startswith('"'):  # the same with straight marks
            spans.append((pos + straight + 1, pos + len(line)))
        pos += len(line) + 1
    return spans


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=512)
def _sentence_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of a sentence, once per sentence (titles are read from them for every name in it)."""
    return tuple(_tokens(text))


def _strip_poss(word: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", word)


def _country_of_word(word: str, g: Gazetteer, lx: Lex) -> str | None:
    """Country key of a demonym, a country name or a capital (possessives stripped)."""
    return _country_of_word_cached(word)


@lru_cache(maxsize=8192)
def _country_of_word_cached(word: str) -> str | None:
    g, lx = load(), lex()
    w = _strip_poss(word)
    if w in lx.demonyms:
        return lx.demonyms[w]
    for key, kind in g.surfaces.get(w, ()):
        e = g.entities[key]
        if e.type == "country":
            return key
        if kind == "place" and e.country and g.entities[key].label == w:
            cap = g.entities.get(e.country)
            if cap and (cap.capital == w or w in cap.metonyms):
                return e.country
    return None


_TITLE_ORG_HEADS = frozenset({"party", "organization", "organisation", "council", "committee", "commission", "union",
                              "assembly", "front", "league", "bank", "agency", "authority", "forum", "community"})


def _title_left(sent: str, name_start: int, g: Gazetteer, lx: Lex) -> tuple[int, str, str | None] | None:
    """The title written just before a name: (start, title text, country key)."""
    toks = [t for t in _sentence_tokens(sent) if t[1] <= name_start]
    i = len(toks) - 1
    begin = None
    limit = name_start
    org_chain = False  # inside an organisation's name within the title: "Secretary of the Workers Party of Kenya"
    while i >= 0 and len(toks) - i <= 14:
        s, e, w = toks[i]
        gap = sent[e:limit]
        if not re.fullmatch(r"\s+|\.\s+|\s*", gap) or (
            gap.startswith(".") and w.lower() + "." not in lx.title_words and len(w) > 1
        ):
            break
        low = _strip_poss(w).lower()
        acronym = begin is not None and w.isupper() and 2 <= len(w) <= 6 and w.isalpha()  # "EU Commission president"
        in_org = org_chain and w[:1].isupper() and low not in lx.common
        if low in lx.title_words or low + "." in lx.title_words or _country_of_word(w, g, lx) or acronym or in_org:
            begin = s
            limit = s
            org_chain = low in _TITLE_ORG_HEADS or in_org
            i -= 1
            continue
        if i > 0 and w[:1].isupper() and re.fullmatch(r"\s+", sent[toks[i - 1][1] : s]) and \
                _country_of_word(toks[i - 1][2] + " " + w, g, lx):
            begin = limit = toks[i - 1][0]  # a two-word demonym: "Sri Lankan President", "South Korean Minister"
            org_chain = False
            i -= 2
            continue
        break
    if begin is None:
        return None
    title = sent[begin:name_start].strip()
    # trim leading connectors
    words = title.split()
    while words and words[0].lower() in {"the", "of", "and", "for", "a", "an"}:
        begin = sent.index(words[0], begin) + len(words[0])
        words = words[1:]
        while begin < name_start and sent[begin] == " ":
            begin += 1
    if not words:
        return None
    title = " ".join(words)
    lows = {re.sub(r"[.’']s?$", "", w.lower()) for w in words}
    if not lows & lx.heads:
        return None
    country = None
    for j, w in enumerate(words):
        country = _country_of_word(w, g, lx) or (
            _country_of_word(w + " " + words[j + 1], g, lx) if j + 1 < len(words) else None)
        if country:
            break
    return begin, title, country


def _apposition_role(sent: str, name_end: int, lx: Lex) -> str | None:
    """"NAME, a spokesman for the ministry," → "spokesman for the ministry"."""
    m = re.match(r",\s+(?P<det>(?:a|an|the|The)\s+)?((?:[\w.\-’'()]+\s+){0,20}?[\w.\-’'()]+?)"
                 r"(?=,|\s+(?P<verb>said|says|told|added)|$|\.)",
                 sent[name_end:])
    if not m:
        return None
    if m.group("verb") and (m.group("det") or "").strip().lower() == "the":
        return None  # "Asked about the Red Sea, the envoy said": the subject of a new clause, not an apposition
    words = m.group(2).split()
    if words and any(part in lx.heads for w in words[:4] for part in re.sub(r"[.’']s?$", "", w.lower()).split("-")):
        return m.group(2)
    return None


def _role_country(role: str, g: Gazetteer, lx: Lex) -> str | None:
    """The country of an apposition role: "a Russian diplomat", "deputy minister of public works in Afghanistan's
    interim government", "managing director of the Islamic Republic of Iran Railways" — not "ambassador to China"."""
    words = role.split()
    first = next((c for w in words[:3] for c in [_country_of_word(w, g, lx)] if c), None)
    if first:
        return first
    owned = next((c for w in words if re.search(r"(?:’s|'s)$", w) for c in [_country_of_word(w, g, lx)] if c), None)
    if owned:
        return owned
    for i, w in enumerate(words):
        prev = [x.lower() for x in words[max(0, i - 2) : i] if x.lower() != "the"]
        if prev and prev[-1] in {"to", "in", "with", "from", "against", "toward", "towards", "on", "at"}:
            continue
        c = _country_of_word(w.strip(",()"), g, lx)
        if c:
            return c
    return None


def _bodies_in_titles(sm: list[Ment], text: str) -> None:
    """"Iran’s central bank governor, Mehran Kalhor-Sani": the bank names the person's post; it does not act."""
    for p in sm:
        if p.etype != "person" or not p.role:
            continue
        for o in sm:
            if o.kind == "org" and o.end <= p.start and p.start - o.end <= 40:
                between = text[o.end : p.start]
                if re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s*,\s*", between) and \
                        p.role.rstrip().endswith(between.strip(" ,")):
                    o.modifier, o.head = True, "title"


def find_mentions(sentences: list[Sentence], text: str,
                  published_quotes: list[tuple[int, int]] | None = None) -> list[Ment]:
    """All mentions of every sentence, in text order."""
    g, lx = load(), lex()
    quotes = quote_spans(text) if published_quotes is None else published_quotes
    out: list[Ment] = []
    last_org: dict[str, Ment] = {}
    for s in sentences:
        sm = _sentence_mentions(s, g, lx)
        # "the ministry said": the ministry named last
        for am in (_ORG_ANAPHOR.finditer(s.text) if last_org and ("ministry" in s.text or "government" in s.text)
                   else ()):
            ante = last_org.get(am.group(1).lower())
            a, b = s.start + am.start(), s.start + am.end()
            if ante and not any(x.start < b and a < x.end for x in sm):
                sm.append(Ment(a, b, s.index, ante.kind, ante.etype, ante.key, ante.label, country=ante.country,
                               head=ante.head))
        for x in sm:
            if x.kind == "org" and x.etype == "ministry" and x.key and not x.country:
                # "According to the Foreign Office" after "Pakistan's Foreign Office": the same ministry
                dom = x.key.split(":", 1)[1]
                ante = next((o for o in reversed(out) if o.kind == "org" and o.etype == "ministry" and o.country
                             and o.key and o.key.endswith("-" + dom)), None)
                if ante:
                    x.key, x.label, x.country = ante.key, ante.label, ante.country
            if x.kind == "org" and x.etype == "ministry" and x.key:
                last_org["ministry"] = x
            elif x.kind == "metonym" and x.etype == "country" and x.head in ("government", "administration") and x.key:
                last_org["government"] = x  # "the Peruvian government announced … the government said"
        _bodies_in_titles(sm, text)
        sm.sort(key=lambda x: (x.start, -x.end))
        out.extend(sm)
    mark_in_quote(out, quotes)
    return out


def mark_in_quote(ments: list[Ment], quotes: list[tuple[int, int]]) -> None:
    """``in_quote`` for every mention, with a binary search over the (sorted, disjoint) quote spans."""
    import bisect

    qs = sorted(quotes)
    starts = [a for a, _ in qs]
    for m in ments:
        i = bisect.bisect_right(starts, m.start) - 1
        m.in_quote = any(qs[j][0] <= m.start and m.end <= qs[j][1] for j in range(max(0, i - 2), i + 1))


def _capital_as_given_name(t: str, a: int, b: int, w: str, g: Gazetteer, lx: Lex) -> bool:
    """"President Sofia Paredes": a capital's name between a title and a surname is a given name."""
    if w in lx.demonyms or any(g.entities[k].type == "country" for k, _ in g.surfaces.get(w, ())):
        return False
    return bool(_TITLE_BEFORE.search(t, 0, a) and _GIVEN_NAME_AFTER.match(t, b))


_NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "dos", "das", "di", "du",
                             "del"})


def _sentence_mentions(s: Sentence, g: Gazetteer, lx: Lex) -> list[Ment]:
    t = s.text
    base = s.start
    found: list[Ment] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    # 1. gazetteer names
    for m in g.matcher.finditer(t):
        form = m.group()
        cands = g.surfaces.get(form)
        if not cands:
            continue
        a, b = m.start(), m.end()
        kinds = {k for _, k in cands}
        key, kind = cands[0]
        place = None
        for k2, kd in cands:
            if kd in ("name", "alias"):
                key, kind = k2, kd
                break
        if kind == "place" and _GIVEN_NAME_AFTER.match(t, b) and _TITLE_BEFORE.search(t, 0, a):
            continue  # "Argentine President Sofia Paredes": a place name as a given name
        if kind == "place":
            metos = [(k2, kd) for k2, kd in cands if kd == "metonym"]
            place = key
            if metos:
                key, kind = metos[0]
        elif kind == "metonym":
            place = next((k2 for k2, kd in cands if kd == "place"), None)
        e = g.entities[key]
        if "demonym" in kinds and kind != "name" and kind != "alias":
            kind = "demonym"
        mt = Ment(base + a, base + b, s.index, kind, e.type, key, e.label, place=place)
        if e.type == "person":
            mt.country = e.country
            mt.surname_first = any(e.country == g.country_by_label.get(c) for c in SURNAME_FIRST)
        found.append(mt)
        taken.append((a, b))

    # 2. people: titles before gazetteer people; unknown people from capitalised runs
    toks = _tokens(t)
    for mt in found:
        if mt.etype == "person":
            tl = _title_left(t, mt.start - base, g, lx)
            if tl:
                mt.role_start, mt.role, c = base + tl[0], tl[1], tl[2]
                mt.country = mt.country or c
            else:
                mt.role = _apposition_role(t, mt.end - base, lx)
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for ti, tok in enumerate(toks):
        a, b, w = tok
        capital = bool(_CAP.match(w)) and w.lower() not in lx.common and w.lower() not in lx.title_words
        if not capital and cur and w.lower() in _MONTH_NAMES and not re.match(r"\.?\s*\d", t[b : b + 3]) \
                and t[cur[-1][1] : a] == " ":
            capital = True  # "Zhai Jun", "Li May": a given name spelt like a month, after a surname
        if not capital and w in lx.name_homographs and not s.headline and ti + 1 < len(toks):
            # "Vice Premier He Jianping": a surname spelt like a common word, before a capitalised given name
            na, _, nw = toks[ti + 1]
            capital = t[b:na] == " " and bool(_CAP.match(nw)) and nw.lower() not in lx.common \
                and nw.lower() not in lx.title_words and not _country_of_word(nw, g, lx)
        if not capital and (cur or w.lower() in _MONTH_NAMES) and _CAP.match(w) and w.lower() not in lx.title_words \
                and not s.headline and (not cur or t[cur[-1][1] : a] == " ") and ti + 1 < len(toks) \
                and w.lower() not in _NAME_PARTICLES:
            # (and a given name spelt like a month before a surname: "Jan Nowak", "May Lindqvist")
            # "Juma Said Mkwawa", "Maria Grace Santos": a common word spelt with a capital inside a name
            na, _, nw = toks[ti + 1]
            capital = t[b:na] == " " and bool(_CAP.match(nw)) and nw.lower() not in lx.common \
                and nw.lower() not in lx.title_words and not _country_of_word(nw, g, lx)
        if capital and free(a, b) and not (w.isupper() and len(w) > 4) and (
                not _country_of_word(w, g, lx) or _capital_as_given_name(t, a, b, w, g, lx)):
            if cur and not re.fullmatch(r" |\. ", t[cur[-1][1]:a]):
                runs.append(cur)
                cur = []
            if cur and t[cur[-1][1]:a] == ". " and len(cur[-1][2]) > 1:
                runs.append(cur)
                cur = []
            if cur and (cur[-1][2] in _ORG_HEADS or cur[-1][2] in _NOT_NAME_WORDS):
                # "head of China's National Energy Administration Zhang Jianhua": the body ends, a name begins
                runs.append(cur)
                cur = []
            cur.append(tok)
        elif cur and w.lower() in _NAME_PARTICLES and t[cur[-1][1]:a] == " ":
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    for run in runs:
        while run and run[-1][2].lower() in _NAME_PARTICLES:
            run = run[:-1]
        if not run or sum(1 for _, _, w in run if w.lower() not in _NAME_PARTICLES) > 4:
            continue
        a, b = run[0][0], run[-1][1]
        if len(run) > 1 and t[b - 2 : b] in ("’s", "'s"):
            b -= 2  # "Tomas Berg's meeting": the name without its possessive
        name = t[a:b]
        if re.search(r"\d", name) or any(w in _ORG_HEADS or w in _NOT_NAME_WORDS for _, _, w in run):
            continue  # "Ports Authority said": an organisation, not a person
        tl = _title_left(t, a, g, lx)
        after = t[b:]
        before = t[:a]
        speech_next = re.match(r"\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:also\s+|further\s+|later\s+)?(\w+)", after)
        speech_prev = re.search(r"(\w+)\s+$", before)
        near_speech = bool(
            (speech_next and (speech_next.group(1) in lx.speech_forms
                              or (len(run) >= 2 and speech_next.group(1) in _PERSON_VERBS and not s.headline)))
            or (speech_prev and speech_prev.group(1) in lx.speech_forms)
            or re.search(r"according to\s+$", before)
        )
        role = tl[1] if tl else None
        country = tl[2] if tl else None
        listed = None if tl or len(run) < 2 else _LIST_TITLE.search(before[-220:])
        if listed:
            # "Trade ministers A of Peru, B of Kenya and C of Chile": each name is one of the titled people
            tw = listed.group("title").split()
            role = " ".join([*tw[:-1], re.sub(r"(?:ies)$", "y", re.sub(r"(?<!ie)s$", "", tw[-1]))])
            of = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)", after)
            if of:
                country = _country_of_word(of.group(1), g, lx) or _country_of_word(of.group(1).split()[0], g, lx)
        appos = None
        if not tl and not listed and len(run) >= 2 and re.match(r"\s*(?:,|\.(?!\w)|;|$)", after):
            # "Kenya’s Minister of Energy and Petroleum, Amina Wekesa, will travel" (or ending the sentence)
            appos = _TITLE_COMMA.search(before[-160:])
            if appos:
                role = appos.group("title")
                if appos.group("poss"):
                    country = _country_of_word(appos.group("poss"), g, lx)
                if not country:
                    country = next((c for w in role.split() for c in [_country_of_word(w, g, lx)] if c), None)
        role_comma = False
        body_title_at: int | None = None
        if not tl and not listed and not appos and len(run) >= 2:
            # "her Mexican counterpart, Gabriel Ortega Ruiz", "his Serbian and Hungarian counterparts, A and B,"
            rc = (_ROLE_COMMA.search(before[-160:]) or _POSS_ROLE_COMMA.search(before[-160:])
                  or _THE_ROLE_COMMA.search(before[-160:]) or _GROUP_ROLE_COMMA.search(before[-160:]))
            if rc and re.match(r"\s*(?:[,.;]|and\b|\(|$|[a-z])", after):
                role_comma = True
                role = rc.group("title")
                for w in role.split():
                    c = _country_of_word(w, g, lx)
                    if c and country is None and "and" not in role.split():
                        country = c
        if not tl and not listed and not appos and not role_comma and len(run) >= 2:
            hb = _HEAD_OF_BODY.search(before[-160:])
            if hb:  # "head of China's National Energy Administration Zhang Jianhua": the office names the person
                role_comma = True
                body_title_at = len(before) - len(before[-160:]) + hb.start()
                role = hb.group("title").strip()
                country = country or (_country_of_word(hb.group("poss"), g, lx) if hb.group("poss") else None)
        if not tl and not listed and not appos and not role_comma and len(run) >= 2:
            # "Bangladesh's Tanvir Hossain", "Tunisia’s Mourad Jelassi": a full name owned by a country is a person
            pc = re.search(r"(?<![\w])([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:’s|'s)\s+$", before)
            c = _country_of_word(pc.group(1), g, lx) if pc else None
            if c:
                role_comma = True
                country = country or c
            elif re.search(r"(?<![\w])between\s+$", before) and re.match(
                    r"\s+and\s+(?:[A-Z][\w-]+(?:’s|'s)\s+|(?:[A-Z][\w-]+\s+){1,4}(?:[A-Z][\w-]+\s+)?)?"
                    r"[A-Z][\w-]+\s+[A-Z][\w-]+", after):
                role_comma = True  # "between Sunita Thapa and Bangladesh's Tanvir Hossain": the first of a pair
        if not tl and not listed and not appos and not role_comma:
            role = _apposition_role(t, b, lx)
            if len(run) < 2 or not (role or near_speech):
                continue
            if role and not country:
                # "Wang Qun, China's permanent representative …", "A, a Russian diplomat,": the country of the role
                country = _role_country(role, g, lx)
            if s.headline and not role:
                continue
        # a lone capitalised word sentence-initially is only a name with a title
        if len(run) == 1 and not tl:
            continue
        mt = Ment(base + a, base + b, s.index, "name", "person", None, name, role=role, country=country)
        if appos:
            mt.role_start = base + len(before) - len(before[-160:]) + appos.start()
        if body_title_at is not None:
            mt.role_start = base + body_title_at
        if listed and country:
            of = re.match(r"\s+of\s+(?:the\s+)?", after)
            if of:  # the country of the name is part of the mention, not an actor beside it
                for x in found:
                    if x.etype == "country" and x.key == country and 0 <= x.start - (base + b) <= of.end() + 1:
                        x.modifier, x.head = True, "title"
                        mt.end = max(mt.end, x.end)
        if tl:
            mt.role_start = base + tl[0]
        mt.surname_first = bool(country and g.entities[country].label in SURNAME_FIRST)
        found.append(mt)
        taken.append((a, b))

    # 3. role phrases, groups, pronouns
    for m in _ROLE_OF_RE.finditer(t):
        a, b = m.start(), m.end()
        inner = [x for x in found if x.etype == "country" and base + a <= x.start and x.end <= base + b]
        members = tuple(dict.fromkeys(x.key for x in inner if x.key))
        rest = re.sub(r"(?:,|\band\b|\bthe\b|\s)+", " ", t[m.start("list"):b])
        names = [x.label for x in inner]
        if len(members) < 2 or len(rest.split()) > sum(len(n.split()) for n in names) + len(inner):
            continue
        for x in inner:
            x.modifier = True
            x.head = "title"
        found.append(Ment(base + a, base + b, s.index, "group", "group", head=m.group("head").split()[-1].lower(),
                          role=m.group("head").lower(), members=members))
        taken.append((a, b))
    for m in lx.group_re.finditer(t):
        if free(m.start(), m.end()):
            found.append(Ment(base + m.start(), base + m.end(), s.index, "group", "group", head=m.group("head"),
                              label=m.group()))
            taken.append((m.start(), m.end()))
    for m in lx.role_re.finditer(t):
        a, b = m.start(), m.end("head") + (1 if m.group("pl") else 0)
        if m.group("pl") or not free(m.start("head"), m.end("head")):
            continue
        nxt = t[b:]
        if re.match(r"\s+[A-Z][a-z]", nxt):  # a title before a name: handled with the name
            following = re.match(r"\s+([A-Z][\w’'\-]*)", nxt)
            if following and following.group(1).lower() not in lx.common:
                continue
        mods = m.group("mods").split()
        if any(w.lower() in {"two", "three", "both", "four"} for w in mods):
            continue
        if any(w.lower() not in lx.title_words and not _country_of_word(w, g, lx) and w not in lx.demonyms
               and not re.search(r"(?:ed|ing|-\w+)$", w) and w.lower() not in {"visiting", "top", "former", "new"}
               for w in mods):
            continue
        country = None
        for w in [m.group("poss") or "", m.group("dem0") or "", *mods, m.group("of") or ""]:
            if w:
                country = country or _country_of_word(w, g, lx)
        if m.group("of"):
            b = m.end()
        head = m.group("head").lower()
        role_text = " ".join([*(w for w in mods if w.lower() not in {"the", "a"}), head])
        found.append(Ment(base + a, base + b, s.index, "role", "person", head=head, role=role_text, country=country))
        taken.append((a, b))
    for m in _BARE_PAIR.finditer(t):
        # "the two met again in September": a pair without a noun
        if free(m.start(), m.end()):
            found.append(Ment(base + m.start(), base + m.end(), s.index, "group", "group", head="men",
                              label=m.group()))
            taken.append((m.start(), m.end()))
    for m in re.finditer(r"(?<![\w’'])(he|He|she|She|his|His|her|Her|him)(?![\w’'])", t):
        if not free(m.start(), m.end()):
            continue  # the surname of "He Jianping"
        found.append(Ment(base + m.start(), base + m.end(), s.index, "pronoun", "person", head=m.group().lower()))
    for m in re.finditer(r"(?<![\w’'])(?:they|They)(?![\w’'])", t):
        found.append(Ment(base + m.start(), base + m.end(), s.index, "group", "group", head="they"))
    # "Foreign Minister Ana Lopes of Peru": the country belongs to the name
    for p in [x for x in found if x.etype == "person" and x.kind == "name" and (x.role or x.role_start is not None)]:
        of = re.match(r"\s+of\s+(?:the\s+)?", t[p.end - base :])
        if not of:
            continue
        c = next((x for x in found if x.etype == "country" and x.start == p.end + of.end() and x.key), None)
        if c:
            c.modifier, c.head = True, "title"
            p.country = p.country or c.key
            p.end = c.end
    _governments(s, found, g, lx)
    _organisations(s, found, taken, g, lx)
    _modifiers(s, found)
    for p in [x for x in found if x.etype == "person" and x.role_start is not None]:
        for x in found:
            if x is not p and p.role_start <= x.start and x.end <= p.start:
                x.modifier = True
                x.kind = "demonym" if x.kind == "demonym" else x.kind
                x.head = "title"
    found.sort(key=lambda x: (x.start, -x.end))
    for i, x in enumerate(found):
        for y in found[:i]:
            if y is not x and y.start <= x.start and x.end <= y.end and (y.end - y.start) > (x.end - x.start):
                x.modifier = True
                x.head = "title"
                break
    return found


_TITLE_COMMA = re.compile(
    r"(?:(?P<poss>[A-Z][\w.-]*?)(?:’s|'s)\s+)?(?P<title>(?:[A-Z][\w-]*\s+){0,3}(?:Minister|Secretary|President|Ambassador|"
    r"Director|Governor|Chair(?:man|woman|person)?|Spokes(?:man|woman|person)|Envoy|Chief|Commissioner|Advis[eo]r)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and|of|the|for)(?:\s+the)?\s+[A-Z][\w’'-]*|"
    # ("Minister of Industry, Energy and Mining, Rodrigo Estévez Moll": a list of portfolios)
    r"\s+[A-Z][\w’'-]*|,\s+[A-Z][\w’'-]*(?=(?:\s+[A-Z][\w’'-]*)?\s+and\s))*)?),\s+$")

_PRESS_OFFICE_RE = re.compile(
    r"(?<![\w])(?P<name>(?:(?P<dem>[A-Z][\w-]+)\s+)?(?:prime minister|president|premier|foreign minister|"
    r"chancellor|king|emir)(?:’s|'s)\s+(?:media|press|information)\s+(?:office|service|department|bureau))(?![\w])")
_ORG_ANAPHOR = re.compile(r"(?<![\w])[Tt]he\s+(ministry|government)(?!\s+of\b)(?![\w’'-])")

_ROLE_COMMA = re.compile(
    r"(?<![\w])(?:his|her|their|its)\s+(?P<title>(?:[A-Z][\w-]*\s+(?:and\s+[A-Z][\w-]*\s+)?)?"
    r"(?:counterparts?|guests?|hosts?|visitors?))\s*,\s+(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,4}\s*(?:,\s*and|,|and)\s+)?$")
# "The foreign ministers of both countries, Hakan Fidan and Jeyhun Bayramov,"
_GROUP_ROLE_COMMA = re.compile(
    r"(?<![\w])(?:[Tt]he|[Tt]heir|[Bb]oth)\s+(?P<title>(?:[a-z-]+\s+){0,2}(?:ministers|presidents|leaders|envoys|"
    r"ambassadors|chiefs|negotiators)(?:\s+of\s+(?:the\s+|both\s+)?(?:two\s+|three\s+)?[a-z]+)?)\s*,\s+"
    r"(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,4}\s*(?:,\s*and|,|and)\s+)?$")
# "Peru’s foreign minister, Rosa Quispe,", "Kenya's top diplomat, Amina Wekesa,"
_POSS_ROLE_COMMA = re.compile(
    r"(?<![\w])(?P<title>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:’s|'s)\s+(?:[a-z-]+\s+){0,3}(?:minister|president|premier|"
    r"leader|diplomat|envoy|ambassador|spokesman|spokeswoman|spokesperson|chief|secretary|king|emir|chancellor|"
    r"predecessor|successor|counterpart|deputy|adviser|advisor|governor|director|head|chairman|chairwoman|commander)"
    # "Iran's ambassador to China, Mohsen Rahimi-Far,": the post's place
    r"(?:\s+(?:to|in|at|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?)"
    r"\s*,\s+$")
# the offices of a named body: "head of the National Energy Administration" (also read by the meeting stage)
BODY_OFFICES = "head|chief|director|director-general|chairman|chairwoman|president|secretary-general|governor"
# "the EU coordinator of the talks, Enrique Mora,", "the Iranian envoy to the IAEA, Mohsen Naziri,"
_THE_ROLE_COMMA = re.compile(
    r"(?<![\w])(?:the|his|her)\s+(?P<title>(?:[A-Z][\w-]*\s+){1,2}(?:[a-z-]+\s+){0,2}(?:coordinator|envoy|representative|"
    r"negotiator|ambassador|spokesman|spokeswoman|spokesperson|commissioner|adviser|advisor|minister|chief|head)"
    r"(?:\s+(?:of|for|to)\s+the\s+[\w-]+(?:\s+[\w-]+)?)?"
    # "the head of the National Energy Administration, Zhang Jianhua"
    r"|(?:" + BODY_OFFICES + r")\s+of\s+"
    r"(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+(?:of|for|and)\s+(?:the\s+)?|\s+)?){1,6}?)\s*,\s+$")
_LIST_TITLE = re.compile(
    r"(?P<title>(?:[A-Za-z][a-z]+\s+){0,2}(?i:ministers|presidents|leaders|envoys|ambassadors|diplomats|"
    r"secretaries|spokesmen|spokespersons|negotiators|chiefs|governors|premiers|officials))\s*,?\s+"
    r"(?:(?:[A-Z][\w’'-]+\s+){1,3}?(?:of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?\s*(?:,|, and|and)\s+)*$")

_ROLE_OF_RE = re.compile(
    r"(?<![\w])(?:[Tt]he\s+)?(?P<head>(?:[Ff]oreign|[Dd]efen[cs]e|[Ff]inance|[Tt]rade|[Ii]nterior|[Ee]nergy|[Ee]conomy)\s+"
    r"ministers|[Pp]rime ministers|[Mm]inisters|[Pp]residents|[Ll]eaders|[Hh]eads of state|[Hh]eads of government|"
    r"[Tt]op diplomats|(?:[Ss]enior\s+)?[Dd]iplomats|[Ee]nvoys|[Aa]mbassadors|[Dd]elegations|"
    r"(?:(?:[Ss]enior|[Mm]ilitary|[Nn]aval|[Dd]efen[cs]e|[Ss]ecurity)\s+)?(?:[Oo]fficials|[Oo]fficers|[Cc]ommanders)|"
    r"[Rr]epresentatives|[Nn]egotiators)\s+(?:from|of)\s+"
    r"(?:the\s+)?"
    r"(?P<list>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s*(?:,|and|, and)\s+(?:the\s+)?"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})+)")

_GOV_RE = re.compile(r"^\s+(government|administration|side|regime|leadership|authorities|officials|delegation|cabinet|"
                     r"diplomats|negotiators)"
                     r"(?![\w])")
# "Chinese energy officials", "the Iranian oil delegation", "Chinese customs authorities": a country's people at work
_GOV_DOMAIN_RE = re.compile(r"^\s+(?:(?!(?:and|or|of|the|to|in|on|at|for|with|who|which|that)\s)[a-z][\w-]*\s+){1,2}"
                            r"(officials|delegation|delegations|negotiators|diplomats|authorities)(?![\w])")


def _governments(s: Sentence, found: list[Ment], g: Gazetteer, lx: Lex) -> None:
    """"the U.S. government", "the Chinese side", "the Biden administration" → the country."""
    t = s.text
    for mt in found:
        rel_end = mt.end - s.start
        m = _GOV_RE.match(t[rel_end:]) or (_GOV_DOMAIN_RE.match(t[rel_end:]) if mt.etype == "country" else None)
        if not m or mt.etype not in ("country", "person"):
            continue
        if mt.etype == "person" and mt.kind not in ("name", "alias", "surname"):
            continue
        if mt.etype == "person" and m.group(1) not in ("administration", "government"):
            continue
        country = mt.key if mt.etype == "country" else (mt.country or (g.entities[mt.key].country if mt.key else None))
        if not country:
            continue
        mt.end = s.start + rel_end + m.end()
        mt.kind, mt.etype, mt.key, mt.label = "metonym", "country", country, g.entities[country].label
        mt.head = m.group(1)
        mt.role = None


_MINISTRY_RE = re.compile(
    r"(?<![\w])(?P<dom>[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ee]conomy|[Ff]inance|[Oo]il|[Pp]etroleum|[Tt]rade|[Cc]ommerce|"
    r"[Ee]nergy|[Ii]ntelligence|[Ii]ndustry|[Aa]griculture|[Hh]ealth|[Ee]ducation|[Jj]ustice|[Tt]ransport|[Rr]oads|"
    r"[Ww]ater(?: [Rr]esources)?|[Ii]rrigation|[Ee]nvironment|[Tt]ourism|[Cc]ulture|[Ii]nformation|[Ll]abou?r|"
    r"[Mm]ines|[Mm]ining|[Pp]lanning|[Hh]ousing|[Cc]ommunications|[Ss]cience|[Ff]isheries|[Mm]aritime|[Ss]tate)"
    r"(?: [Aa]ffairs)? (?:[Mm]inistry|[Dd]epartment|(?<=oreign )Office)(?![\w])"
    r"|(?<![\w])[Mm]inistry of (?P<dom2>(?:[A-Z][a-z]+)(?: (?:and )?[A-Z][a-z]+){0,3})"
)
# an office of a named body written straight before a name: "head of China's National Energy Administration"
_HEAD_OF_BODY = re.compile(
    r"(?<![\w])(?P<title>(?:(?!(?:and|or|with|by|to|of|from|as|the|a|an)\s)[a-z-]+\s+){0,2}"
    r"(?i:" + BODY_OFFICES + r"|chair|commander|administrator|CEO)\s+of\s+(?:the\s+)?"
    r"(?:(?P<poss>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:’s|'s)\s+)?(?:[A-Z][\w&-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,6}?"
    r"(?:Agency|Authority|Corporation|Company|Commission|Council|Committee|Service|Bureau|Institute|Organi[sz]ation|"
    r"Administration|Bank|Fund|Association|Federation|Office|Department|Ministry|Secretariat|Group)\s+)$")
_ORG_HEADS = ("Agency", "Authority", "Corporation", "Company", "Commission", "Council", "Committee", "Service",
              "Bureau", "Institute", "Organisation", "Organization", "Union", "Bank", "Fund", "Association",
              "Federation", "Alliance", "Party", "Assembly", "Parliament", "Court", "Front", "Movement", "League",
              "Community", "Secretariat", "Group", "Railways", "Airlines", "Holdings", "Academy", "Foundation",
              "Chamber")
_NOT_NAME_WORDS = frozenset({"Ministry", "Office", "Department", "Embassy", "Government", "Agency", "University",
                             "Administration", "Province", "Region", "Prefecture", "County", "District", "Oblast",
                             "Times", "Post", "News", "Daily", "Herald", "Tribune", "Television", "Radio",
                             "Railways", "Railway", "Airlines", "Airways", "Shipping", "Lines", "Group", "Holdings",
                             "Industries", "Petroleum", "Customs", "Police", "Forces", "Corps", "Academy", "Sciences",
                             "Studies", "Center", "Centre", "Foundation", "School", "College", "Sea", "Ocean",
                             "Strait", "Canal", "River", "Lake", "Desert", "Peninsula", "Bay", "Mountains"})
_ORG_NAME_RE = re.compile(
    r"(?<![\w’'-])(?P<name>(?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?){1,5}"
    r"(?:Agency|Authority|Corporation|Company|Commission|Council|Committee|Service|Bureau|Institute|Organi[sz]ation|"
    r"Union|Bank|Fund|Association|Federation|Alliance|Party|Assembly|Parliament|Court|Front|Movement|League|"
    r"Community|Secretariat|Group|Railways|Airlines|Holdings|Academy|Foundation|Chamber(?:\s+of\s+Commerce)?))"
    r"(?![\w’'-])")
_BANK_RE = re.compile(r"(?<![\w])(?:[Cc]entral [Bb]ank of (?:the\s+)?(?P<of>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)|"
                      r"(?P<pre>[A-Z][\w’'-]*?)(?:’s|'s)? [Cc]entral [Bb]ank)(?![\w-])")
_OFFICE_RE = re.compile(r"(?<![\w])(?P<name>(?:Office|Cabinet|Chancellery|Secretariat) of the (?:[A-Z][\w-]*\s+){0,2}"
                        r"(?:President|Prime Minister|Premier|Chancellor|Vice President|Vice-President|Presidency))"
                        r"(?![\w-])")
_MILITARY_RE = re.compile(r"(?<![\w])(?P<head>military|army|navy|armed forces|air force)(?![\w])")


_EMBASSY_RE = re.compile(r"(?P<name>(?P<who>[A-Z][\w.-]*?)(?:’s|'s)?\s+(?:[Ee]mbassy|[Cc]onsulate(?:-[Gg]eneral)?|"
                         r"[Pp]ermanent [Mm]ission|[Mm]ission)(?:\s+(?:in|to)\s+(?:the\s+)?"
                         r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|(?=\s+(?:said|says|added|noted|stated|announced)\b)))")
_MONTH_NAMES = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "june",
                          "july", "april", "august"})
# verbs whose subject, when it is a full name nobody lists, is a person: "Zhai Jun met …"
_PERSON_VERBS = frozenset({"met", "meets", "received", "receives", "hosted", "hosts", "visited", "visits", "arrived",
                           "arrives", "phoned", "telephoned", "congratulated", "thanked", "welcomed", "flew",
                           "travelled", "traveled", "urged", "stressed"})
_BARE_PAIR = re.compile(r"(?<![\w])(?:the|The)\s+two(?=\s+(?:(?:also|later|last|first|then|again|have|had|will)\s+)?"
                        r"(?:met|meet|held|hold|spoke|speak|talked|talk|discussed|agreed|signed|sat|exchanged|"
                        r"conferred)\b)")
_HAS_ACRONYM = re.compile(r"[A-Z]{3}")
_ACRONYM_SOURCE = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z]{3,7})(?=\s+(?:said|says|announced|stated|warned|reported|noted|added|urged|called|"
    r"accused|rejected|denied|condemned|welcomed|insisted|confirmed)\b)|"
    r"(?<![\w])according to (?:the )?(?P<name2>[A-Z]{3,7})(?![\w’'-])")


def _organisations(s: Sentence, found: list[Ment], taken: list[tuple[int, int]], g: Gazetteer, lx: Lex) -> None:
    """Ministries and armed forces by pattern, with the country before them."""
    t = s.text
    low = t.lower()
    for m in (_MINISTRY_RE.finditer(t) if "ministry" in low or "department" in low or "foreign office" in low
              else ()):
        dom = (m.group("dom") or m.group("dom2") or "").strip()
        a = m.start()
        country = None
        pm = re.search(r"(?:(?:the|The)\s+)?([A-Z][\w.\-]*?(?:’s|'s)?)\s+$", t[:a])
        if pm:
            country = _country_of_word(pm.group(1), g, lx)
            if country:
                a = pm.start()
        om = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w.\-]*)", t[m.end():])
        end = m.end()
        if not country and om:
            country = _country_of_word(om.group(1), g, lx)
            if country:
                end = m.end() + om.end()
        if any(x.etype not in ("country", "person", "place") and x.start < s.start + end and s.start + m.start() < x.end
               for x in found):
            continue  # "the US State Department": a body the reference data names
        # drop country mentions swallowed by the ministry name
        for x in [x for x in found if x.etype == "country" and base_in(x, s.start + a, s.start + end)]:
            found.remove(x)
        dom_norm = "Defense" if dom.lower().startswith("defen") else dom.title().replace(" And ", " and ")
        cl = g.entities[country] if country else None
        demonym = cl.demonyms[0] if cl and cl.demonyms else (cl.label if cl else "")
        # the label is the article's own wording ("Japan's Ministry of Foreign Affairs"); the key is one per ministry
        surface = re.sub(r"^(?:the|The)\s+", "", t[a:end]).strip()
        label = " ".join(w if w in ("of", "and", "for", "the", "on") else w[:1].upper() + w[1:]
                         for w in surface.split()) or f"{demonym} {dom_norm} Ministry".strip()
        # ("Ministry of Foreign Affairs" is the foreign ministry)
        key_dom = re.sub(r"^Foreign Affairs$", "Foreign", dom_norm)
        key = f"ministry:{slug(cl.label) + '-' if cl else ''}{slug(key_dom)}"
        found.append(Ment(s.start + a, s.start + end, s.index, "org", "ministry", key, label, country=country))
        taken.append((a, end))
    for m in (_PRESS_OFFICE_RE.finditer(t) if "office" in low or "service" in low else ()):
        # "the Iraqi prime minister’s media office said": an office of a post, a body of its own
        a, b = m.start("name"), m.end("name")
        if any(x.start < s.start + b and s.start + a < x.end and x.etype != "country" and x.kind != "role"
               for x in found):
            continue
        for x in [x for x in found if x.kind == "role" and base_in(x, s.start + a - 4, s.start + b)]:
            found.remove(x)  # "the Iraqi prime minister" is the office's name here, not a person
        country = _country_of_word(m.group("dem"), g, lx) if m.group("dem") else None
        for x in [x for x in found if x.etype == "country" and base_in(x, s.start + a, s.start + b)]:
            x.modifier, x.head = True, "title"
        label = t[a:b]
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "organization",
                          f"organization:{slug(label)}", label, country=country))
        taken.append((a, b))
    for m in (_ORG_NAME_RE.finditer(t) if any(h in t for h in _ORG_HEADS) else ()):
        a, b = m.start("name"), m.end("name")
        lead = re.match(r"(?:(?:The|A|An|In|On|At|By|For|From|With|After|Before|During|As|And)\s+)+", t[a:b])
        if lead:
            a += lead.end()
        label = t[a:b]
        inner = [x for x in found if x.start < s.start + b and s.start + a < x.end]
        if len(label.split()) < 2 or any((x.etype != "country" and x.kind != "demonym")
                                         or not base_in(x, s.start + a, s.start + b) for x in inner):
            continue
        if inner and label.split()[-1] in ("Bank", "Party", "Parliament", "Assembly", "Court", "Council"):
            continue  # "Kenya's central bank", "the Iranian parliament": the country's own bodies, read elsewhere
        of = re.match(r"\s+of\s+(?:the\s+)?", t[b:])
        oc = next((x for x in found if of and x.etype == "country" and x.start == s.start + b + of.end()), None)
        if oc:  # "the Supreme Court of India": the country is part of the name
            inner.append(oc)
            b = oc.end - s.start
            label = t[a:b]
        for x in inner:  # "the Peru-Kenya Joint Commission": the countries name the body, they do not act here
            x.modifier, x.head = True, "title"
        short = re.match(r"\s*\([A-Z][^()]{0,40}\)", t[b:])
        span_end = b + short.end() if short else b  # "the China State Railway Group (China Railway)": one mention
        for x in found:
            if short and s.start + b <= x.start and x.end <= s.start + span_end:
                x.modifier, x.head = True, "title"
        found.append(Ment(s.start + a, s.start + span_end, s.index, "org", "organization",
                          f"organization:{slug(label)}", label))
        taken.append((a, span_end))
    for m in (_BANK_RE.finditer(t) if "entral " in t else ()):
        a, b = m.start(), m.end()
        cw = m.group("of") or m.group("pre")
        country = _country_of_word(cw, g, lx) if cw else None
        if not country or not all(b <= x or a >= y for x, y in taken if not (a <= x and y <= b)):
            continue
        for x in [x for x in found if x.etype == "country" and base_in(x, s.start + a, s.start + b)]:
            found.remove(x)
        cl = g.entities[country]
        dem = cl.demonyms[0] if cl.demonyms else cl.label
        label = f"Central Bank of {cl.label}" if m.group("of") else f"{dem} central bank"
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "organization",
                          f"organization:central-bank-{slug(cl.label)}", label, country=country))
        taken.append((a, b))
    for m in (_OFFICE_RE.finditer(t) if " of the " in t and ("Office" in t or "Cabinet" in t or "Chancellery" in t
                                                              or "Secretariat" in t) else ()):
        a, b = m.start("name"), m.end("name")
        if not all(b <= x or a >= y for x, y in taken):
            continue
        label = m.group("name")
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "government", f"organization:{slug(label)}", label))
        taken.append((a, b))
    for m in (_EMBASSY_RE.finditer(t) if "mbass" in t or "onsulate" in t or "ission" in t else ()):
        # "the Iranian embassy in Beijing", "China's mission to the UN": a diplomatic post speaks for itself
        country = _country_of_word(m.group("who"), g, lx)
        if not country:
            continue
        a, b = m.start("name"), m.end("name")
        label = m.group("name")
        for x in [x for x in found if base_in(x, s.start + a, s.start + b)]:
            found.remove(x)
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "organization", f"organization:{slug(label)}",
                          label, country=country))
        taken.append((a, b))
    for m in (_ACRONYM_SOURCE.finditer(t) if _HAS_ACRONYM.search(t) else ()):
        # "ECOWAS said", "according to SUNA": an acronym the reference data lacks, speaking, is an organisation
        grp = "name" if m.group("name") else "name2"
        a, b = m.start(grp), m.end(grp)
        if not all(b <= x or a >= y for x, y in taken) or any(x.start < s.start + b and s.start + a < x.end
                                                               for x in found):
            continue
        label = m.group(grp)
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "organization", f"organization:{slug(label)}",
                          label))
        taken.append((a, b))
    for m in (_MILITARY_RE.finditer(t) if any(w in t for w in ("military", "army", "navy", "armed forces",
                                                                "air force")) else ()):
        pm = re.search(r"(?:(?:the|The)\s+)?([A-Z][\w.\-]*?(?:’s|'s)?)\s+$", t[: m.start()])
        if not pm:
            continue
        country = _country_of_word(pm.group(1), g, lx)
        if not country:
            continue
        a, b = pm.start(), m.end()
        if not all(b <= x or a >= y for x, y in taken if not (a <= x and y <= b)):
            continue
        for x in [x for x in found if x.etype == "country" and base_in(x, s.start + a, s.start + b)]:
            found.remove(x)
        cl = g.entities[country]
        demonym = cl.demonyms[0] if cl.demonyms else cl.label
        label = f"{demonym} {'armed forces' if 'forces' in m.group('head') else m.group('head')}"
        found.append(Ment(s.start + a, s.start + b, s.index, "org", "military", f"military:{slug(cl.label)}",
                          label, country=country))


def base_in(x: Ment, a: int, b: int) -> bool:
    return a <= x.start and x.end <= b


def _modifiers(s: Sentence, found: list[Ment]) -> None:
    """Mark country/org mentions used as modifiers or places, which are not acting there."""
    t = s.text
    for mt in found:
        if mt.etype not in ("country", "international_organization", "news_organization", "organization",
                            "ministry", "military", "government"):
            continue
        a, b = mt.start - s.start, mt.end - s.start
        after = t[b:]
        if re.search(r"(?<![\w])(?:in|at|from|to|into|near|toward|towards|across|via|inside|outside)\s+(?:the\s+)?$",
                     t[:a]):
            mt.after_prep = True
        if mt.kind == "demonym" or _POSS.match(after) or after.startswith("-") or (a > 0 and t[a - 1] == "-"):
            mt.modifier = True
        elif mt.kind != "metonym" or not mt.head:
            # "US sanctions", "China Daily": a lowercase noun right after a country name
            nxt = re.match(r"\s+([a-z][\w\-]*)", after)
            if nxt and mt.etype == "country" and nxt.group(1) not in _VERBISH and not _looks_verb(nxt.group(1)):
                mt.modifier = True


_VERBISH = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "should", "could", "can", "may", "might",
    "must", "also", "and", "or", "says", "said", "does", "did", "do", "remains", "wants", "sees", "seeks", "backs",
    "supports", "plans", "continues", "needs", "hopes", "urges", "calls", "views", "looks", "stands", "believes",
    "insists", "opposes", "rejects", "welcomes", "condemns", "agrees", "accuses", "intends", "already", "still",
    "firmly", "never", "always", "then", "now", "which", "who", "that", "to", "with", "as", "in", "on", "at", "for",
    "by", "from", "into", "against", "about", "after", "before", "over", "since", "until", "but", "while", "when",
    "because", "if", "where", "through", "during", "of", "than", "like", "not", "sign", "meet", "hold", "agree",
    "discuss", "hail", "vow", "seek", "eye", "mull", "boost", "deepen", "expand", "strengthen", "condemn", "reject",
    "visit", "host", "welcome", "say", "urge", "call", "warn", "pledge", "ink", "launch", "resume", "back", "slam",
    "sends", "send", "ready", "set", "see", "talk", "forge", "seal", "renew", "restore", "open", "upgrade",
    "last", "next", "earlier", "later", "recently", "today", "yesterday", "this", "jointly", "together",
    # irregular past forms: "Peru and Chile held talks", "Kenya sent a delegation"
    "held", "met", "spoke", "took", "made", "paid", "sent", "gave", "began", "led", "won", "saw", "told", "kept",
    "sat", "flew", "struck", "went", "came", "hosted", "received", "signed", "welcomed",
    "early", "late", "soon", "tomorrow", "tonight", "overnight", "again", "once", "twice", "so", "too", "either",
    "itself", "instead", "alone", "first", "only", "nor", "yet", "both",
}


def _looks_verb(word: str) -> bool:
    return bool(re.search(r"(?:ed|es)$", word)) and not re.search(r"(?:ness|ies)$", word)
