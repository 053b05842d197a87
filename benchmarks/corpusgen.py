"""A deterministic generator of synthetic news articles, for tests and benchmarks.

The articles imitate scraped wire copy: a ``date YYYY-MM-DD`` header line, a
headline, photo captions and credits, "READ MORE:" links, and body paragraphs with
direct, partial and indirect quotes, speakers with roles, pronouns, "according
to", named events with dates ("mid-November 2017", "late January"), hedged
numbers, abbreviations (U.S., Dr., Gen.) and negation. All names are invented.

The same ``seed`` always gives the same corpus (``random.Random(seed)`` only, no
hashing of strings), so tests can compare runs byte for byte.

    from corpusgen import generate, write_txt, write_jsonl
    articles = generate(200, seed=7)       # list of dicts: id, title, date, source, text
    write_txt(articles, folder)            # one .txt per article, seeds' header format
    write_jsonl(articles, path)            # one JSON object a line
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

FIRST = (
    "Maria",
    "Jonas",
    "Elena",
    "Tomas",
    "Aisha",
    "Pavel",
    "Grace",
    "Omar",
    "Lena",
    "Victor",
    "Nadia",
    "Samuel",
    "Irina",
    "Felix",
    "Hana",
    "Diego",
    "Marta",
    "Karim",
)
LAST = (
    "Varga",
    "Lindqvist",
    "Okafor",
    "Brennan",
    "Moreau",
    "Castell",
    "Haddad",
    "Novak",
    "Ferreira",
    "Albright",
    "Sorensen",
    "Kowalczyk",
    "Mbeki",
    "Tanaka",
    "Quintero",
    "Reyes",
)
ROLES = (
    "Foreign Minister",
    "Deputy Spokesperson",
    "Prime Minister",
    "Defense Secretary",
    "UN Special Envoy",
    "Trade Commissioner",
    "Interior Minister",
    "Ambassador",
)
COUNTRIES = ("Northland", "Valdoria", "Estmark", "Corvania", "Lusitra", "Barovia", "Kestrel")
ORGS = (
    "the Foreign Ministry",
    "the State Department",
    "the Defense Ministry",
    "the press service",
    "the United Nations",
    "the European Commission",
    "the Red Crescent",
    "the central bank",
)
OUTLETS = ("Daily Ledger", "Wire Service", "Morning Herald", "Global Post", "Metro Times")
EVENT_ADJ = (
    "National Dialogue",
    "Coastal Peace",
    "Northern Trade",
    "Regional Security",
    "Water Sharing",
    "Border Settlement",
    "Energy Transition",
)
EVENT_HEAD = ("Congress", "Talks", "Summit", "Conference", "Meeting", "Agreement", "Round")
PLACES = ("Geneva", "Vienna", "Lisbon", "Oslo", "Nairobi", "Doha", "Helsinki", "Montreal")
CUES = (
    "said",
    "told reporters",
    "added",
    "noted",
    "stressed",
    "explained",
    "announced",
    "said in a statement",
    "told the Wire Service",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WHEN = (
    "in early {m} {y}",
    "in mid-{m} {y}",
    "in late {m}",
    "by the end of {y}",
    "in {m} {y}",
    "on {m} {d}",
    "next week",
    "later this year",
    "in the spring of {y}",
)
WHAT = (
    "the negotiations would resume {when} in {place}",
    "the {event} will take place {when}",
    "about {n} delegations are expected to attend the {event}",
    "more than {n} people had been displaced since the fighting began",
    "the government does not intend to withdraw from the {event}",
    "there is no possibility of a settlement {when}",
    "the U.S. delegation supported the plan put forward by {country}",
    "Dr. {last} and Gen. {last2} had met in {place} {when}",
    "the ceasefire had largely held, with fewer than {n} violations reported",
    "{country} remains committed to the process and will send a delegation",
)
FILLER = (
    "Officials from several countries have been working on the draft for months.",
    "The talks are seen as a test of the fragile truce.",
    "Critics say the process has stalled repeatedly since it began.",
    "The region has seen heavy fighting over the past year.",
    "Observers expect a long and difficult negotiation.",
    "Prices for food and fuel rose sharply in the capital.",
)


def _person(r: random.Random) -> tuple[str, str, str]:
    first, last = r.choice(FIRST), r.choice(LAST)
    role = f"{r.choice(COUNTRIES)} {r.choice(ROLES)}"
    return first, last, role


def _event(r: random.Random) -> str:
    return f"{r.choice(COUNTRIES)} {r.choice(EVENT_ADJ)} {r.choice(EVENT_HEAD)}"


def _statement(r: random.Random, events: list[str], year: int) -> str:
    when = r.choice(WHEN).format(
        m=r.choice(MONTHS), y=year + r.choice((0, 0, 1)), d=r.randint(1, 28)
    )
    return r.choice(WHAT).format(
        when=when,
        place=r.choice(PLACES),
        event=r.choice(events),
        n=r.choice((12, 40, 150, 1000, 2500, "1,200", "35,000")),
        country=r.choice(COUNTRIES),
        last=r.choice(LAST),
        last2=r.choice(LAST),
    )


def _paragraph(
    r: random.Random, events: list[str], year: int, people: list[tuple[str, str, str]]
) -> str:
    first, last, role = r.choice(people)
    s = _statement(r, events, year)
    cue = r.choice(CUES)
    form = r.randrange(9)
    if form == 0:
        body = f'"{s[0].upper()}{s[1:]}," {cue.split()[0]} {role} {first} {last}.'
    elif form == 1:
        body = f"{role} {first} {last} {cue} that {s}."
    elif form == 2:
        body = f'{last} {cue} that {s}. "We {r.choice(("will not", "cannot", "hope to"))} change course now," he added.'
    elif form == 3:
        body = f"According to {r.choice(ORGS)}, {s}."
    elif form == 4:
        body = f'"{s[0].upper()}{s[1:]}. {r.choice(FILLER)[:-1]}," {first} {last} {cue}.'
    elif form == 5:
        body = f"{s[0].upper()}{s[1:]}, {r.choice(ORGS)} {cue}."
    elif form == 6:
        body = f"{r.choice(FILLER)} {s[0].upper()}{s[1:]}."
    elif form == 7:
        body = f'The {role.split()[-1].lower()}, {first} {last}, {cue} the plan was "{s}".'
    else:
        body = f'{first} {last} said: "{s[0].upper()}{s[1:]}."'
    if r.random() < 0.3:
        body += " " + r.choice(FILLER)
    return body


def generate(
    n: int, seed: int = 0, *, paragraphs: tuple[int, int] = (8, 30)
) -> list[dict[str, Any]]:
    """``n`` synthetic articles as dicts: id, title, date, source, text (text has no header)."""
    r = random.Random(seed)
    start = dt.date(2016, 1, 1)
    out: list[dict[str, Any]] = []
    for i in range(n):
        date = start + dt.timedelta(days=r.randrange(1000))
        events = [_event(r) for _ in range(r.randint(1, 3))]
        people = [_person(r) for _ in range(r.randint(1, 4))]
        outlet = r.choice(OUTLETS)
        title = f"{people[0][2]} Says {events[0]} Set for {r.choice(MONTHS)}"
        lines = [title, ""]
        if r.random() < 0.5:
            lines += [
                f"A general view of {r.choice(PLACES)} ahead of the {events[0]} on {r.choice(MONTHS)} {r.randint(1, 28)}, {date.year}.",
                "",
                f"\u00a9 {outlet.upper()} / Photo",
                "",
            ]
        city = r.choice(PLACES).upper()
        paras = [_paragraph(r, events, date.year, people) for _ in range(r.randint(*paragraphs))]
        paras[0] = f"{city} ({outlet}) - {paras[0]}"
        for k, p in enumerate(paras):
            lines += [p, ""]
            if k == 2 and r.random() < 0.4:
                lines += [f"READ MORE: {_event(r)} Delayed Again", ""]
        out.append(
            {
                "id": f"gen{seed}_{i:06d}",
                "title": title,
                "date": date.isoformat(),
                "source": outlet,
                "text": "\n".join(lines).rstrip() + "\n",
            }
        )
    return out


def write_txt(articles: list[dict[str, Any]], folder: Path) -> list[Path]:
    """One ``<id>.txt`` per article, with the seeds' ``date YYYY-MM-DD label`` first line."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        p = folder / f"{a['id']}.txt"
        p.write_text(f"date {a['date']} {a['source']}\n{a['text']}", encoding="utf-8")
        paths.append(p)
    return paths


def write_jsonl(articles: list[dict[str, Any]], path: Path) -> Path:
    """One JSON object a line with the fields id, title, date, source, text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path
