"""Lexicons for attributed-claim extraction (attribute.py) and speaker resolution (coref.py).

General English only: no names of people, places, outlets or articles of any
particular corpus. Every table is plain data (tuples / dicts of lower-case
strings unless said otherwise); the stages compile them into regular expressions
once, at import time. Verb tables list *lemmas*; ``verb_forms`` expands a lemma
into all its inflections (3rd person, past, participles, -ing), with the
irregular ones spelled out in ``IRREGULAR_VERBS``.

Cue classes (PolNeAR counts all three as attribution; about 44% of its gold
relations have a speech cue, the rest are beliefs, intentions and evidence):

* ``REPORTING_VERBS``: speech acts ("said", "told", "noted", "stressed").
* ``BELIEF_VERBS``: reported thoughts, feelings and intentions ("believes",
  "wants", "expects", "hopes", "plans").
* ``EVIDENCE_VERBS``: what documents, polls and studies "show" or "find".
"""

from __future__ import annotations

# fmt: off

# --------------------------------------------------------------------------- verbs

#: Verbs whose inflections do not follow the regular spelling rules:
#: lemma -> (3rd person singular, past, past participle, -ing form).
IRREGULAR_VERBS: dict[str, tuple[str, str, str, str]] = {
    "say": ("says", "said", "said", "saying"), "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"), "feel": ("feels", "felt", "felt", "feeling"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "see": ("sees", "saw", "seen", "seeing"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "agree": ("agrees", "agreed", "agreed", "agreeing"),
    "disagree": ("disagrees", "disagreed", "disagreed", "disagreeing"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"),
    "plan": ("plans", "planned", "planned", "planning"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "infer": ("infers", "inferred", "inferred", "inferring"),
    "concur": ("concurs", "concurred", "concurred", "concurring"),
    "aver": ("avers", "averred", "averred", "averring"),
    "commit": ("commits", "committed", "committed", "committing"),
    "slam": ("slams", "slammed", "slammed", "slamming"),
    "dub": ("dubs", "dubbed", "dubbed", "dubbing"),
    "fret": ("frets", "fretted", "fretted", "fretting"),
    "hit": ("hits", "hit", "hit", "hitting"), "set": ("sets", "set", "set", "setting"),
    "put": ("puts", "put", "put", "putting"), "go": ("goes", "went", "gone", "going"),
    "lay": ("lays", "laid", "laid", "laying"), "hold": ("holds", "held", "held", "holding"),
    "mean": ("means", "meant", "meant", "meaning"), "bet": ("bets", "bet", "bet", "betting"),
    "read": ("reads", "read", "read", "reading"),
    "teach": ("teaches", "taught", "taught", "teaching"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "make": ("makes", "made", "made", "making"), "give": ("gives", "gave", "given", "giving"),
}

#: Irregular past tenses of common verbs, so a clause like "Clinton hid her
#: health problems" is recognised as a clause (a finite verb) before a cue.
IRREGULAR_PASTS: tuple[str, ...] = (
    "hid", "went", "made", "took", "gave", "got", "came", "saw", "knew", "thought", "found",
    "left", "kept", "held", "brought", "began", "ran", "won", "lost", "met", "paid", "sent",
    "spent", "built", "fell", "felt", "led", "meant", "put", "read", "set", "stood",
    "understood", "wrote", "spoke", "broke", "chose", "drove", "grew", "threw", "sold",
    "bought", "caught", "fought", "taught", "sought", "rose", "hit", "cut", "let", "shut",
    "quit", "hurt", "cost", "split", "spread", "struck", "swore", "forgot", "became",
    "withdrew", "drew", "flew", "shot", "hung", "fed", "fled", "sat", "said", "told", "did",
    "had", "was", "were", "is", "are", "has", "have",
)

#: Speech and reporting verbs: the speaker *says* something. Used as cues with
#: the speaker as subject ("X said that ...", '"...," X said', '"...," said X').
REPORTING_VERBS: tuple[str, ...] = (
    "say", "tell", "add", "note", "stress", "explain", "announce", "describe", "mention",
    "declare", "claim", "argue", "assert", "insist", "maintain", "contend", "report", "warn",
    "write", "tweet", "reply", "respond", "answer", "ask", "urge", "suggest", "emphasize",
    "emphasise", "acknowledge", "admit", "confirm", "deny", "reveal", "disclose", "comment",
    "remark", "observe", "recall", "reiterate", "repeat", "predict", "promise", "pledge", "vow",
    "threaten", "allege", "accuse", "blame", "criticize", "criticise", "condemn", "praise",
    "slam", "blast", "charge", "complain", "concede", "conclude", "testify", "inform", "brief",
    "reaffirm", "underline", "underscore", "highlight", "specify", "indicate", "signal",
    "caution", "advise", "recommend", "propose", "demand", "request", "proclaim", "boast",
    "joke", "quip", "muse", "speculate", "hint", "imply", "dispute", "counter", "retort",
    "rebut", "object", "protest", "question", "challenge", "echo", "cite", "elaborate",
    "clarify", "continue", "recount", "characterize", "characterise", "tout", "hail", "applaud",
    "lament", "regret", "apologize", "apologise", "assure", "remind", "notify", "forecast",
    "estimate", "point", "call", "swear", "attest", "affirm", "confide", "concur", "decry",
    "denounce", "reject", "dismiss", "defend", "admonish", "scold", "aver", "express", "liken",
    "vouch", "guarantee", "encourage", "endorse", "rip", "bash", "hammer", "chide", "fault",
    "laud", "lambaste", "berate", "excoriate", "mock", "deride", "rebuke", "reprimand",
    "attack", "list",
)

#: Belief, attitude and intention verbs ("X believes that ...", "X wants to ...").
BELIEF_VERBS: tuple[str, ...] = (
    "believe", "think", "feel", "hope", "expect", "want", "wish", "fear", "worry", "doubt",
    "suspect", "know", "understand", "realize", "realise", "consider", "assume", "guess",
    "reckon", "suppose", "imagine", "plan", "intend", "seek", "prefer", "decide", "agree",
    "disagree", "refuse", "decline", "oppose", "favor", "favour", "support", "envision",
    "foresee", "anticipate", "conclude", "recognize", "recognise", "accept", "acknowledge",
    "insist", "vow", "demand", "fret",
)

#: What documents, polls, studies and data "show": used with any subject.
EVIDENCE_VERBS: tuple[str, ...] = (
    "show", "find", "suggest", "indicate", "reveal", "conclude", "estimate", "confirm",
)

#: Verb + particle cues: the particle belongs to the cue ("pointed out that",
#: "called for", "called on"). lemma -> particles.
PHRASAL_PARTICLES: dict[str, tuple[str, ...]] = {
    "point": ("out",), "call": ("for", "on", "out"), "lay": ("out",), "spell": ("out",),
    "sum": ("up",), "weigh": ("in",), "chime": ("in",), "speak": ("out", "up", "about", "of"),
    "hit": ("back", "out"), "fire": ("back",), "push": ("back",), "lash": ("out",),
    "go": ("on",), "warn": ("of", "against", "about"), "complain": ("about", "of"),
    "write": ("in",), "put": ("it",),
}

#: Verbs that need their particle to be a cue ("go on", "lay out", "put it"):
#: alone they are ordinary verbs.
PARTICLE_REQUIRED: tuple[str, ...] = (
    "point", "lay", "spell", "sum", "weigh", "chime", "hit", "fire", "push", "lash", "go",
    "put",
)

#: Cue verbs that report speech or thought only with a clause after them: "that",
#: a wh-word, a colon or a quotation (or, for intentions, "to"); without one they
#: are ordinary verbs ("she knows nothing", "atrocities continue in ...",
#: "he asked for a recount"). The '"...," he continued' form still counts.
CLAUSE_ONLY_LEMMAS: tuple[str, ...] = (
    "continue", "ask", "answer", "reply", "respond", "know", "understand", "consider",
    "accept", "recognize", "recognise", "realize", "realise", "decide", "agree", "disagree",
    "feel", "envision", "foresee", "anticipate", "imagine", "guess", "wonder", "muse",
    "remind", "assure", "inform", "recall", "reveal", "disclose", "confirm", "indicate",
    "signal", "suggest", "show", "find", "estimate", "forecast", "predict", "conclude",
    "explain", "add", "write", "tweet", "report", "note", "observe", "acknowledge", "admit",
    "concede", "repeat", "hope", "fear", "worry", "doubt", "suspect", "expect", "assume",
    "suppose", "reckon", "refuse", "decline", "think", "believe",
)

#: Of the above, the verbs whose bare clause needs no "that" ("I think he is
#: right", "she said the plan failed"): any clause-like continuation counts.
BARE_CLAUSE_LEMMAS: tuple[str, ...] = (
    "say", "tell", "think", "believe", "hope", "fear", "worry", "doubt", "suspect", "expect",
    "assume", "suppose", "reckon", "guess", "feel", "know", "claim", "argue", "insist", "add",
    "note", "write", "tweet", "report", "estimate", "predict", "warn", "acknowledge", "admit",
    "concede", "complain", "contend", "assert", "declare", "announce", "explain", "suggest",
    "show", "find", "indicate", "reveal", "confirm", "conclude", "agree", "understand",
    "realize", "realise", "recall", "wish", "state", "allege", "stress", "emphasize",
    "emphasise", "maintain", "boast", "joke", "quip", "speculate", "hint", "imply", "testify",
    "mention", "observe", "reiterate", "repeat", "swear", "promise", "pledge", "vow",
    "threaten", "assure", "remind", "inform",
)

#: Intention verbs: their content is an infinitive ("wants to", "plans to",
#: "agreed to", "refused to"), possibly after an object ("urged Congress to").
INTENTION_LEMMAS: tuple[str, ...] = (
    "want", "plan", "intend", "seek", "refuse", "decline", "decide", "agree", "prefer", "wish",
    "hope", "expect", "vow", "pledge", "promise", "threaten", "demand", "urge", "encourage",
    "ask", "call", "invite", "advise", "recommend", "propose", "offer",
)

#: Reporting verbs that may come before their speaker ('"...," said Baker',
#: '..., says the Russian foreign minister'). Other verbs never invert.
INVERSION_LEMMAS: tuple[str, ...] = (
    "say", "add", "ask", "write", "note", "explain", "continue", "recall", "insist", "argue",
    "warn", "declare", "reply", "respond", "observe", "remark", "conclude", "concede", "admit",
    "acknowledge", "announce", "report", "claim", "joke", "quip", "comment", "suggest", "urge",
    "complain", "predict", "boast", "caution", "counter", "retort", "muse", "wonder", "answer",
    "confirm", "emphasize", "emphasise", "stress", "recount", "tweet", "agree", "assert",
    "maintain", "contend", "state", "reiterate", "point", "allege", "testify",
)

#: Labels that end with a colon at the start of a line but are not speakers
#: ("UPDATE: ...", "Editor's note: ...", "CLARIFICATION: ..."): no "NAME: ..."
#: transcript claim for them. "Q" and "A" (interviews) are skipped too.
COLON_LABELS: tuple[str, ...] = (
    "the", "a", "an", "q", "update", "updated", "note", "editor's note", "editor’s note",
    "editors' note", "editor", "watch", "read", "read more", "related", "related coverage",
    "photo", "photos", "video", "videos", "source", "sources", "warning", "breaking",
    "breaking news", "exclusive", "correction", "corrections", "clarification", "disclosure",
    "advertisement", "sponsored", "tags", "topics", "share", "comments", "transcript",
    "full text", "abstract", "more", "also", "see also", "listen", "caption", "credit",
    "credits", "pictured", "above", "below", "file", "graphic", "chart", "map", "infographic",
    "bonus", "quote", "question", "answer", "subscribe", "follow", "contact", "email", "e-mail",
    "twitter", "facebook", "via", "h/t", "ht", "hat tip", "p.s", "ps", "fact", "facts",
    "the facts", "bottom line", "why", "what", "how", "who", "when", "where", "here", "this",
    "that", "it", "spoiler", "trigger warning", "reminder", "programming note", "live",
    "latest", "the latest", "analysis", "opinion", "commentary", "review", "factbox",
    "timeline", "explainer", "background", "context", "key points", "highlights", "summary",
)

#: Cue verbs that take the addressee as object before the content
#: ("told reporters that ...", "informed de Santis of ..."): the object is the channel.
ADDRESSEE_VERBS: tuple[str, ...] = (
    "tell", "inform", "assure", "remind", "warn", "brief", "notify", "advise", "urge", "ask",
    "promise", "alert", "caution", "email", "text", "write",
)

#: Of those, the verbs whose object is always the addressee ("told reporters",
#: "informed de Santis of ..."); for the others ("urged Congress to act") the
#: object is an addressee only before "to", "that" or a wh-word.
TELL_VERBS: tuple[str, ...] = (
    "tell", "inform", "assure", "remind", "brief", "notify", "email", "text", "write",
)

#: Ordinary words spelled like an inflection of a cue verb, which must not be read
#: as cues (noun or adjective readings).
CUE_FALSE_FRIENDS: tuple[str, ...] = (
    "aim", "answer", "answers", "appeal", "attack", "attacks", "bet", "brand", "call", "calls",
    "charge", "charges", "claim", "claims", "comment", "comments", "concerns", "counter", "cry",
    "defend", "defends", "demand", "demands", "desire", "detail", "details", "direct",
    "document", "doubt", "doubts", "dread", "echo", "email", "endorsements", "estimate",
    "estimates", "favor", "favour", "fear", "fears", "feeling", "figure", "finding", "findings",
    "fire", "float", "forecast", "frame", "given", "go", "going", "guess", "hit", "holding",
    "hope", "hopes", "invite", "judge", "label", "list", "listing", "lists", "made", "meaning",
    "means", "mocks", "need", "needs", "object", "objects", "order", "orders", "outline",
    "outlines", "pen", "plan", "plans", "pledge", "point", "points", "post", "posts", "project",
    "promise", "protest", "protests", "put", "question", "questions", "read", "records",
    "remark", "remarks", "report", "reporting", "reports", "request", "requests", "rips",
    "seeing", "sense", "senses", "set", "signal", "signals", "sings", "states", "sum",
    "support", "supports", "text", "texts", "trust", "understanding", "view", "views", "voice",
    "vow", "wish", "wishes", "worries",
)

# --------------------------------------------------------------------------- nominal cues

#: Abbreviated titles and honorifics that keep their full stop inside a name
#: ("Sen. Warren", "Rep. Jason Chaffetz", "Del. Stacey Plaskett"), capitalised and
#: without the stop: the tokeniser and the mention finder keep the stop with them.
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
    "Adm", "Prof", "Rev", "Hon", "St", "Jr", "Sr", "Del", "Amb", "Pres", "Sec", "Atty", "Supt",
    "Cmdr", "Maj", "Mme", "Messrs", "Fr", "Gens",
)

#: Attribution nouns: "the claim that ...", "his warning that ...", "a report that ...".
#: A noun followed by "that" (or ":") introduces content; the source is the
#: possessive before it ("Trump's claim") or a "by/from/of" phrase after it.
ATTRIBUTION_NOUNS: tuple[str, ...] = (
    "claim", "claims", "statement", "statements", "assertion", "assertions", "argument",
    "arguments", "belief", "beliefs", "view", "views", "warning", "warnings", "promise",
    "promises", "pledge", "pledges", "suggestion", "suggestions", "allegation", "allegations",
    "accusation", "accusations", "charge", "charges", "insistence", "contention", "report",
    "reports", "announcement", "notion", "idea", "fear", "fears", "hope", "hopes", "concern",
    "concerns", "assurance", "assurances", "admission", "acknowledgment", "acknowledgement",
    "denial", "prediction", "predictions", "estimate", "estimates", "finding", "findings",
    "conclusion", "testimony", "rumor", "rumors", "rumour", "rumours", "speculation",
    "complaint", "complaints", "threat", "threats", "vow", "demand", "demands", "insinuation",
    "implication", "position", "stance", "opinion", "sense", "impression", "expectation",
    "expectations", "confidence", "conviction", "message", "reminder", "comment", "comments",
    "remark", "remarks", "explanation", "description", "characterization", "theory", "plea",
    "plan", "plans", "intention", "decision", "proposal", "recommendation", "call", "calls",
    "appeal", "request", "criticism", "attack", "attacks",
)

#: Phrases that attribute a proposition to a source named after them
#: ("according to X", "in the words of X").
SOURCE_AFTER_PHRASES: tuple[str, ...] = (
    "according to", "in the words of", "as reported by",
)

# --------------------------------------------------------------------------- channels (via)

#: Nouns naming the occasion or medium of a statement: "in a statement", "at a news
#: conference", "in an interview", "on Twitter". Matched after a preposition
#: (in/at/during/on/to/via/through) following the cue; the phrase is the ``via``.
CHANNEL_NOUNS: tuple[str, ...] = (
    "statement", "statements", "news conference", "press conference", "joint news conference",
    "joint press conference", "conference", "briefing", "press briefing", "news briefing",
    "interview", "interviews", "speech", "address", "rally", "hearing", "meeting", "debate",
    "town hall", "event", "forum", "summit", "session", "press release", "release",
    "communique", "communiqué", "letter", "email", "e-mail", "memo", "tweet", "tweets", "post",
    "blog post", "op-ed", "column", "editorial", "essay", "article", "book", "video",
    "broadcast", "podcast", "radio", "television", "tv", "twitter", "facebook", "instagram",
    "telegram", "social media", "website", "appearance", "call", "phone call", "conversation",
    "phone conversation", "telephone conversation", "talk", "remarks", "testimony", "filing",
    "court filing", "lawsuit", "campaign stop", "fundraiser", "gathering", "luncheon", "dinner",
    "breakfast", "roundtable", "panel", "webinar", "message", "video message",
    "televised address", "show", "program", "programme", "episode",
)

#: Channels that need no determiner after the preposition: "on Twitter", "in
#: remarks", "on television", "in interviews".
BARE_CHANNELS: tuple[str, ...] = (
    "twitter", "Twitter", "facebook", "Facebook", "instagram", "Instagram", "telegram",
    "Telegram", "television", "radio", "tv", "TV", "social media", "remarks", "interviews",
    "statements", "tweets", "testimony", "court papers", "court filings", "a statement",
    "prepared remarks", "written testimony", "an interview", "person", "writing", "public",
    "private",
)

#: Addressees that are channels when they follow "told": "told reporters",
#: "told journalists", "told the audience". (An outlet name after "told" is a
#: channel too; attribute.py recognises capitalised names there.)
ADDRESSEE_CHANNELS: tuple[str, ...] = (
    "reporters", "journalists", "the press", "the media", "the audience", "an audience",
    "the crowd", "a crowd", "supporters", "his supporters", "her supporters",
    "their supporters", "lawmakers", "legislators", "senators", "the senate", "the house",
    "congress", "parliament", "the committee", "the panel", "the court", "the jury",
    "the judge", "students", "voters", "viewers", "listeners", "readers", "the newspaper",
    "the paper", "the network", "the station", "the agency", "the magazine", "the outlet",
    "the website", "the broadcaster", "an interviewer", "the interviewer", "a news conference",
    "a press conference", "a joint news conference", "a joint press conference", "a briefing",
    "a news briefing",
)

# --------------------------------------------------------------------------- people and roles

#: Honorifics: kept in the mention, dropped from the canonical name.
#: value: gender they imply ("m", "f" or "").
HONORIFICS: dict[str, str] = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "mx.": "", "dr": "", "dr.": "", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
    "madam": "f", "madame": "f", "monsieur": "m", "mme.": "f", "sheikh": "m", "prof.": "",
    "rev.": "", "fr.": "m", "hon.": "",
}

#: Titles and role words that precede a name ("Foreign Minister Sergei Petrov",
#: "Sen. Warren", "spokesperson John Hughes"). A capitalised mention is split into
#: role (up to the last title word) and name (the rest). Lower-case forms; the
#: abbreviations keep their final dot.
TITLES: tuple[str, ...] = (
    "minister", "ministers", "secretary", "secretaries", "spokesperson", "spokesman",
    "spokeswoman", "spokespeople", "spokespersons", "ambassador", "envoy", "president",
    "vice", "deputy", "chairman", "chairwoman", "chairperson", "chair", "chief", "head",
    "leader", "director", "adviser", "advisor", "counselor", "counsellor", "aide",
    "official", "officer", "senator", "sen.", "sen", "representative", "rep.", "rep",
    "congressman", "congresswoman", "congressmember", "del.", "delegate", "governor",
    "gov.", "mayor", "premier", "chancellor", "king", "queen", "prince", "princess", "emir",
    "sheikh", "sultan", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "ayatollah", "general", "gen.", "lt.", "lieutenant", "colonel", "col.", "major", "maj.",
    "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.", "commander", "cmdr.",
    "marshal", "commissioner", "attorney", "lawyer", "counsel", "prosecutor", "judge",
    "justice", "sheriff", "inspector", "superintendent", "supt.", "detective", "professor",
    "prof.", "dr.", "dr", "doctor", "economist", "analyst", "strategist", "pollster",
    "consultant", "researcher", "scientist", "expert", "candidate", "nominee", "hopeful",
    "contender", "challenger", "incumbent", "founder", "co-founder", "ceo", "cfo", "coo",
    "cto", "executive", "manager", "partner", "owner", "editor", "correspondent",
    "reporter", "columnist", "host", "anchor", "commentator", "writer", "author",
    "activist", "campaigner", "organizer", "organiser", "coordinator", "administrator",
    "regulator", "whip", "speaker", "majority", "minority", "ranking", "member", "lawmaker",
    "legislator", "councilman", "councilwoman", "councillor", "councilor", "alderman",
    "assemblyman", "assemblywoman", "mp", "mep", "diplomat", "negotiator", "mediator",
    "observer", "rapporteur", "counterpart", "counterparts", "undersecretary", "under-secretary", "assistant", "associate",
    "acting", "former", "ex-", "lady", "pres.", "amb.", "sec.", "secy.", "atty.", "gov",
    "lt", "gen", "col", "capt", "sgt", "adm", "fm", "dm", "pm", "un", "ombudsman",
    "auditor", "comptroller", "treasurer", "clerk", "chaplain", "surgeon", "physician",
    "coach", "mufti", "patriarch", "metropolitan", "elder", "chieftain", "warlord",
    "militant", "commandant", "attaché", "attache", "consul", "consul-general", "chargé",
    "charge", "d'affaires", "emissary", "plenipotentiary", "press", "secretary-general",
    "director-general", "governor-general", "attorney-general", "solicitor", "advocate",
    "mp.", "msp", "ms", "minister-counsellor",
)

#: Lower-case words that modify a role inside a speaker mention ("the Russian
#: foreign minister", "his deputy press secretary", "a senior administration
#: official"): they do not end the noun phrase after a capitalised word.
ROLE_MODIFIERS: tuple[str, ...] = (
    "foreign", "defense", "defence", "interior", "finance", "economy", "economic", "trade",
    "justice", "state", "prime", "vice", "special", "senior", "top", "former", "acting",
    "national", "security", "press", "presidential", "chief", "deputy", "general", "executive",
    "managing", "assistant", "associate", "ranking", "majority", "minority", "republican",
    "democratic", "conservative", "liberal", "political", "military", "health", "education",
    "energy", "environment", "agriculture", "labor", "labour", "transport", "culture", "home",
    "public", "legal", "communications", "campaign", "policy", "administration", "government",
    "party", "regional", "local", "federal", "civil", "human", "rights", "intelligence",
    "police", "army", "navy", "air", "force", "lead", "longtime", "veteran", "independent",
    "opposition", "ruling", "interim", "incoming", "outgoing", "permanent", "international",
    "foreign-policy", "digital", "media", "news",
)

#: Role words that imply a gender ("spokeswoman" -> f).
GENDERED_ROLES: dict[str, str] = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
    "congressman": "m", "congresswoman": "f", "councilman": "m", "councilwoman": "f",
    "assemblyman": "m", "assemblywoman": "f", "businessman": "m", "businesswoman": "f",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "lady": "f", "pope": "m",
    "emir": "m", "sultan": "m", "sheikh": "m", "father": "m", "mother": "f", "wife": "f",
    "husband": "m", "son": "m", "daughter": "f", "brother": "m", "sister": "f", "uncle": "m",
    "aunt": "f", "grandmother": "f", "grandfather": "m", "widow": "f", "widower": "m",
    "actress": "f", "actor": "m", "woman": "f", "man": "m", "girl": "f", "boy": "m",
    "mrs.": "f", "ms.": "f", "mr.": "m",
}

#: Head nouns of organisations: a mention ending in one of these is an
#: organisation ("the Russian Foreign Ministry", "the envoy's press service").
#: Also the role nouns that resolve to the last organisation mention containing
#: them ("the ministry", "the press service", "the committee").
ORGANIZATION_HEADS: tuple[str, ...] = (
    "ministry", "department", "dept", "dept.", "press service", "service", "committee",
    "agency", "government", "administration", "office", "council", "commission", "party",
    "campaign", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "llc", "group",
    "organization", "organisation", "institute", "foundation", "association", "union",
    "federation", "coalition", "alliance", "bank", "fund", "authority", "authorities", "board",
    "bureau", "court", "tribunal", "parliament", "congress", "senate", "house", "assembly",
    "cabinet", "kremlin", "white house", "pentagon", "embassy", "consulate", "mission",
    "delegation", "army", "military", "forces", "police", "command", "headquarters",
    "secretariat", "presidency", "regime", "opposition", "movement", "front", "network",
    "center", "centre", "university", "college", "school", "hospital", "firm", "team", "staff",
    "panel", "caucus", "chamber", "club", "society", "league", "conference", "nations",
    "states", "un", "nato", "eu", "opec", "who", "imf", "fbi", "cia", "nsa", "fda", "epa",
    "sec", "doj", "dhs", "state department", "justice department", "spokesperson's office",
    "press office", "watchdog", "body", "charity", "directorate", "inspectorate",
    "prosecutor's office", "unit",
)

#: Head nouns of documents: a speaker ending in one of these is a document
#: ("a joint statement", "the report", "a new poll").
DOCUMENT_HEADS: tuple[str, ...] = (
    "statement", "joint statement", "report", "study", "poll", "survey", "letter", "document",
    "documents", "memo", "memorandum", "filing", "analysis", "release", "press release",
    "communique", "communiqué", "declaration", "data", "figures", "estimate", "estimates",
    "lawsuit", "complaint", "indictment", "ruling", "decision", "verdict", "website", "tweet",
    "post", "article", "book", "op-ed", "editorial", "transcript", "record", "records",
    "resolution", "bill", "law", "order", "draft", "text", "audit", "review", "assessment",
    "investigation", "inquiry", "probe", "paper", "white paper", "brief", "budget", "forecast",
    "projection", "projections", "model", "census", "research", "findings", "numbers",
    "statistics", "chart", "map", "video", "footage", "recording", "email", "emails", "cable",
    "cables", "message", "messages", "note", "notes", "minutes", "agreement", "treaty",
    "platform", "manifesto", "ad", "advertisement", "commercial", "campaign ad", "speech",
    "transcripts", "testimony", "affidavit", "petition", "motion",
)

#: Head nouns of unnamed sources: a speaker made of these (without a name) is
#: anonymous ("a source", "officials", "sources familiar with the matter",
#: "a Syrian opposition source", "people close to the talks").
ANONYMOUS_HEADS: tuple[str, ...] = (
    "source", "sources", "official", "officials", "aide", "aides", "insider", "insiders",
    "person", "people", "individual", "individuals", "diplomat", "diplomats", "observer",
    "observers", "analyst", "analysts", "expert", "experts", "critic", "critics", "witness",
    "witnesses", "resident", "residents", "activist", "activists", "staffer", "staffers",
    "employee", "employees", "member", "members", "participant", "participants", "supporter",
    "supporters", "opponent", "opponents", "voter", "voters", "someone", "somebody", "one",
    "others", "some", "many", "most", "several", "a few", "few", "both", "all", "spokesperson",
    "spokesman", "spokeswoman", "representative", "representatives", "adviser", "advisers",
    "advisor", "advisors", "operative", "operatives", "strategist", "strategists", "economists",
    "economist", "scientists", "researchers", "investigators", "prosecutors", "lawyers",
    "officers", "agents", "leaders", "lawmakers", "legislators", "delegates", "negotiators",
    "mediators", "allies", "friends", "colleagues", "neighbors", "neighbours", "americans",
    "citizens",
)

#: Head words of news outlets ("The New York Times reported", "the agency said").
#: A speaker ending in one of these (capitalised) is an outlet.
OUTLET_HEADS: tuple[str, ...] = (
    "times", "post", "news", "journal", "herald", "tribune", "guardian", "telegraph", "gazette",
    "daily", "magazine", "newspaper", "network", "television", "radio", "press", "wire",
    "reuters", "associated press", "ap", "afp", "bbc", "cnn", "nbc", "abc", "cbs", "fox",
    "msnbc", "npr", "pbs", "bloomberg", "politico", "axios", "economist", "observer",
    "independent", "mirror", "express", "sun", "chronicle", "inquirer", "examiner", "monitor",
    "review", "report", "record", "star", "globe", "courier", "dispatch", "bulletin", "digest",
    "weekly", "outlet", "broadcaster", "channel", "news agency", "tv", "times of",
)

# --------------------------------------------------------------------------- pronouns

#: Pronouns that can be a speaker: word -> (gender m|f|n|'' , number sg|pl|'',
#: person 1|2|3|rel). ``rel`` marks relative pronouns, which refer to the noun
#: phrase right before them ("Leslie Wimes, who said ...").
PRONOUNS: dict[str, tuple[str, str, str]] = {
    "he": ("m", "sg", "3"), "him": ("m", "sg", "3"), "his": ("m", "sg", "3"),
    "she": ("f", "sg", "3"), "her": ("f", "sg", "3"), "hers": ("f", "sg", "3"),
    "they": ("", "pl", "3"), "them": ("", "pl", "3"), "their": ("", "pl", "3"),
    "it": ("n", "sg", "3"), "its": ("n", "sg", "3"), "we": ("", "pl", "1"),
    "our": ("", "pl", "1"), "i": ("", "sg", "1"), "my": ("", "sg", "1"), "you": ("", "", "2"),
    "who": ("", "", "rel"), "which": ("n", "", "rel"),
}

#: Possessive determiners: "his claim that ..." has the speaker "his".
POSSESSIVE_PRONOUNS: tuple[str, ...] = (
    "his", "her", "their", "its", "our", "my", "your",
)

#: A small table of common given names by gender, so "he"/"she" skip a person of
#: the other gender ("Hillary Clinton" is not "he"). Unknown names match either.
MALE_NAMES: tuple[str, ...] = (
    "aaron", "abdul", "abdullah", "adam", "ahmed", "alan", "albert", "alex", "alexander",
    "alexei", "ali", "andrew", "andrei", "anthony", "antony", "arthur", "barack", "ben",
    "benjamin", "bernie", "bill", "bob", "boris", "brad", "brian", "bruce", "carl", "charles",
    "chris", "christopher", "chuck", "daniel", "dave", "david", "dennis", "dmitry", "donald",
    "doug", "douglas", "ed", "edward", "eric", "frank", "fred", "gary", "george", "gerald",
    "gordon", "greg", "gregory", "hans", "harry", "hassan", "henry", "hugh", "ian", "igor",
    "ivan", "jack", "jacob", "james", "jason", "jeb", "jeff", "jeffrey", "jeremy", "jerry",
    "jim", "joe", "john", "jon", "jonathan", "jose", "joseph", "josh", "juan", "justin",
    "keith", "ken", "kenneth", "kevin", "larry", "lee", "luis", "marco", "mark", "martin",
    "matt", "matthew", "michael", "mike", "mikhail", "mitch", "mohammad", "mohammed",
    "muhammad", "nicholas", "nick", "nikolai", "oleg", "omar", "patrick", "paul", "pete",
    "peter", "philip", "phil", "ralph", "randy", "ray", "raymond", "reince", "richard", "rick",
    "rob", "robert", "roberto", "roger", "ron", "ronald", "rudy", "russell", "ryan", "sam",
    "samuel", "scott", "sean", "sergei", "sergey", "stephen", "steve", "steven", "ted",
    "thomas", "tim", "timothy", "todd", "tom", "tony", "vladimir", "walter", "wayne", "william",
    "yuri", "viktor", "victor", "francois", "jean", "pierre", "emmanuel", "nicolas", "angelo",
    "giuseppe", "carlos", "pedro", "miguel", "antonio", "recep", "bashar", "hafez", "xi", "li",
    "kim", "benny", "gennadiy", "gennady", "riyad", "mohamed", "ahmad", "khalid", "hamid",
    "yusuf", "mustafa", "ibrahim",
)

FEMALE_NAMES: tuple[str, ...] = (
    "alice", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betsy", "betty",
    "carly", "carol", "caroline", "catherine", "chelsea", "christine", "claire", "cynthia",
    "debbie", "deborah", "diane", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma",
    "federica", "hillary", "helen", "huma", "ivanka", "jane", "janet", "jennifer", "jessica",
    "jill", "joan", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathy",
    "kellyanne", "kelly", "kim", "laura", "linda", "lisa", "loretta", "margaret", "maria",
    "marie", "marine", "martha", "mary", "maxine", "megyn", "melania", "melanie", "michelle",
    "monica", "nancy", "natalia", "natalie", "nicola", "nikki", "olga", "patricia", "rachel",
    "rebecca", "sandra", "sarah", "sharon", "sheila", "stephanie", "susan", "susanne", "tammy",
    "teresa", "theresa", "tulsi", "ursula", "valentina", "victoria", "virginia", "wendy", "zoe",
    "marina", "irina", "svetlana", "ekaterina", "yulia", "tatiana", "nadia", "fatima", "aisha",
    "leila", "layla", "condoleezza", "madeleine", "samantha", "kamala", "kirsten", "dianne",
    "liz", "sally",
)

# --------------------------------------------------------------------------- grammar helpers

#: Words that end a subject noun phrase when walking left from a cue: clause
#: openers and conjunctions. ("and" is handled separately: it may join two
#: speakers, "Baker and Petrov told".)
CLAUSE_BOUNDARY_WORDS: tuple[str, ...] = (
    "that", "but", "while", "because", "when", "whereas", "where", "if", "although", "though",
    "since", "after", "before", "until", "so", "or", "nor", "then", "once", "whether", "unless",
    "than", "yet", "what", "how", "why", "whom", "whose", "whenever", "wherever", "whatever",
    "however", "meanwhile", "moreover", "furthermore", "also", "still", "instead", "indeed",
    "thus", "therefore", "hence", "otherwise", "besides", "nonetheless", "nevertheless", "even",
    "just", "only", "now", "here", "there", "today", "yesterday", "tonight", "earlier", "later",
    "previously", "recently", "again", "already", "often", "always", "never", "not", "to", "as",
    "like", "unlike", "despite", "by", "into", "onto", "upon", "about", "against", "between",
    "through", "during", "without", "within", "under", "over", "above", "below", "amid",
    "among", "toward", "towards", "per", "via", "in", "on", "at", "from",
)

#: Function words and common verbs that never belong to a subject noun phrase
#: (walking left from a cue stops at them).
NON_NP_WORDS: tuple[str, ...] = (
    "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "ought", "said", "says", "say", "told", "tells", "asked", "got", "gets", "get",
    "made", "makes", "took", "takes", "gave", "gives", "went", "goes", "came", "comes", "held",
    "holds", "issued", "released", "published", "signed", "sent", "wrote", "added", "according",
    "followed", "following", "including", "included", "led", "leads", "won", "lost", "ran",
    "runs", "became", "becomes", "seemed", "seems", "appeared", "appears", "called", "met",
    "meets", "left", "kept", "put", "set", "let", "began", "begins", "tried", "tries", "used",
    "uses", "wants", "wanted", "needs", "needed", "there", "here", "not", "n't", "very", "too",
    "so", "such", "really", "quite", "rather", "if", "whether", "what", "how", "why", "when",
    "where", "than", "also", "just", "only",
)

#: Adverbs and auxiliaries that may stand between a subject and its cue
#: ("Petrov also stressed", "he has repeatedly said", "she did not say").
CUE_PREMODIFIERS: tuple[str, ...] = (
    "also", "later", "earlier", "repeatedly", "previously", "recently", "again", "once", "then",
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
    "did", "does", "do", "not", "never", "often", "frequently", "publicly", "privately",
    "reportedly", "allegedly", "apparently", "clearly", "strongly", "firmly", "flatly",
    "specifically", "explicitly", "openly", "bluntly", "simply", "further", "still", "already",
    "long", "just", "even", "subsequently", "initially", "first", "finally", "additionally",
    "separately", "similarly", "likewise", "immediately", "quickly", "promptly", "angrily",
    "sharply", "loudly", "quietly", "sadly", "happily", "proudly", "famously", "memorably",
    "correctly", "falsely", "wrongly", "rightly", "accurately", "mistakenly", "consistently",
    "personally", "directly", "formally", "officially", "abruptly", "is", "was", "are", "were",
    "been", "being", "be", "n't", "generally", "usually", "always", "largely", "partly",
    "mostly", "seemingly", "essentially", "basically", "effectively", "actually", "really",
    "truly", "eventually", "ultimately", "originally", "emphatically", "vehemently",
    "vigorously", "herself", "himself", "themselves", "itself",
)

#: Nouns ending in "-ly" (everything else lower-case ending in "-ly" and standing
#: between a subject and its cue is taken for an adverb: "Gingrich cynically said").
LY_NOUNS: tuple[str, ...] = (
    "family", "ally", "rally", "assembly", "supply", "anomaly", "monopoly", "reply", "bully",
    "belly", "folly", "italy", "july", "daily", "weekly", "monthly", "quarterly", "panoply",
    "homily", "oligopoly", "duopoly", "melancholy",
)

#: Sentence-opening discourse markers and adverbials that belong to no speaker:
#: dropped from the front of a content span and never taken as a subject.
DISCOURSE_MARKERS: tuple[str, ...] = (
    "moreover", "however", "meanwhile", "furthermore", "also", "still", "earlier", "later",
    "but", "and", "yet", "so", "then", "now", "in addition", "additionally", "separately",
    "similarly", "likewise", "indeed", "instead", "nevertheless", "nonetheless", "in fact",
    "at the same time", "in turn", "on the other hand", "by contrast", "in contrast", "finally",
    "first", "second", "third", "lastly", "overall", "again", "once again", "today",
    "yesterday", "on monday", "on tuesday", "on wednesday", "on thursday", "on friday",
    "on saturday", "on sunday", "earlier in the day", "earlier this week", "last week",
    "this week", "previously",
)

#: Words that start an adjunct after a cue ("said on Tuesday", "said at a
#: meeting with ...", "told reporters after ..."): text made only of adjuncts
#: is not content.
ADJUNCT_STARTERS: tuple[str, ...] = (
    "on", "in", "at", "during", "after", "before", "following", "from", "while", "when", "via",
    "through", "amid", "ahead", "alongside", "outside", "inside", "near", "earlier", "later",
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "recently", "previously", "again", "also", "afterward", "afterwards",
    "then", "here", "there", "publicly", "privately", "separately", "too", "shortly", "just",
    "once", "under", "against", "according", "speaking", "referring", "citing", "noting",
    "adding", "saying", "explaining", "responding", "answering", "writing",
)

#: Participles that continue the same speaker's speech in a new claim
#: ("..., adding that ...", "..., saying ..."): the subject is the previous one.
CONTINUATION_PARTICIPLES: tuple[str, ...] = (
    "adding", "saying", "noting", "stressing", "explaining", "arguing", "insisting", "warning",
    "claiming", "calling", "urging", "suggesting", "emphasizing", "emphasising", "asserting",
    "declaring", "pointing", "telling", "writing", "asking", "accusing", "describing",
    "promising", "pledging", "vowing", "acknowledging", "admitting", "conceding", "predicting",
    "recalling", "reiterating", "repeating", "lamenting", "complaining", "charging", "blaming",
    "praising", "criticizing", "criticising", "denying", "confirming", "announcing",
    "informing", "expressing", "citing", "questioning", "hoping",
)

# --------------------------------------------------------------------------- narration

#: Relative time words ("yesterday", "last week"), as regular-expression fragments.
NARRATION_TIME_WORDS: tuple[str, ...] = (
    "yesterday", "today", "tomorrow", "tonight", "last (?:week|month|year|night)",
    "next (?:week|month|year)", "this (?:week|month|year)", "earlier this (?:week|month|year)",
)

#: Number words ("three groups", "a dozen", "for the first time").
NUMBER_WORDS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "first",
    "second", "third", "half",
)

#: Locative prepositions before a capitalised place ("in Geneva", "across Syria").
PLACE_PREPOSITIONS: tuple[str, ...] = (
    "in", "at", "from", "to", "across", "near", "into", "inside", "outside", "throughout",
    "around", "toward", "towards", "between",
)

# fmt: on

# --------------------------------------------------------------------------- inflection


def verb_forms(lemma: str) -> tuple[str, ...]:
    """All inflected forms of a verb lemma (base, -s, past, participle, -ing).

    Regular spelling rules, with ``IRREGULAR_VERBS`` for the rest:
    ``note -> notes, noted, noting``; ``deny -> denies, denied, denying``;
    ``stress -> stresses, stressed, stressing``.
    """
    if lemma in IRREGULAR_VERBS:
        third, past, participle, ing = IRREGULAR_VERBS[lemma]
        return tuple(dict.fromkeys((lemma, third, past, participle, ing)))
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        third, past, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("ee"):
        third, past, ing = lemma + "s", lemma + "d", lemma + "ing"
    elif len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past, ing = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        third, past, ing = lemma + "s", lemma + "ed", lemma + "ing"
    return (lemma, third, past, ing)
