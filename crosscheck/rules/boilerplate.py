"""Markers of page furniture scraped along with news text: captions, credits, links, widgets.

The clean stage classifies an article line by line (a "line" is a paragraph of the
text as read). These tables say which lines are not the article's own prose. They are
general news-scraping conventions (photo credits, "READ MORE:" links, share bars,
comment widgets, navigation lists), measured on real corpora: nothing here names an
outlet, person or article of any particular corpus.

All patterns are applied to one line at a time, after its surrounding whitespace is
stripped, and most only to short lines (see the limits at the end). Every pattern is
linear: literal alternations and bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- credits

# A line that STARTS like a photo credit or copyright notice: "© REUTERS / Name",
# "(c) 2016 AP", "Copyright © 2019 ...", "Image copyright Getty Images Image caption ...",
# "Photo: Name/Agency", "Photograph: ...", "Enlarge this image toggle caption ...",
# "Media playback is unsupported on your device Media caption ...".
CREDIT_START = re.compile(
    r"(?:\u00a9"
    r"|\(c\)[ \t]"
    r"|copyright[ \t]*(?:\u00a9|\(c\)|\d{4})"
    r"|(?:image|photo|picture)[ \t]+(?:copyright|credit|source)\b"
    r"|(?:photo|photograph|photographer|picture|image|credit|photo[ \t]+credit|file[ \t]+photo)s?[ \t]*:"
    r"|enlarge[ \t]+this[ \t]+image"
    r"|toggle[ \t]+caption"
    r"|media[ \t]+playback[ \t]+is[ \t]+unsupported"
    r"|(?:image|media|photo)[ \t]+caption\b"
    r"|slideshow[ \t]*\(\d{1,3}[ \t]+images?\)"
    r"|(?:next|prev|previous)[ \t]+image[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}"
    r")",
    re.IGNORECASE,
)

# A photo credit ANYWHERE in a short line: "(Photo: Name, AP)", "Name/AP Photo",
# "Photograph: Name/Agency", "Image copyright ...". Only searched in lines of at most
# SHORT_CREDIT_WORDS words.
CREDIT_ANYWHERE = re.compile(
    r"(?:\u00a9"
    r"|\bAP[ \t]+Photos?\b"
    r"|\bAFP[ \t]+photo\b"
    r"|\breuters[ \t]+photo\b"
    r"|\bphotograph(?:er)?[ \t]*:"
    r"|\(photo(?:[ \t]+by)?[ \t]*:?[ \t][^)\n]{1,80}\)"
    r"|\bImages?[ \t]+copyright\b"
    r")",
)

# Weaker credit markers, only taken in a short line that does not end like a sentence
# ("Name/Getty Images", "REUTERS/Name", "Name/AP", "Photo by Name", "Shutterstock"):
# "The Reuters/Ipsos poll showed ..." is prose.
CREDIT_UNPUNCTUATED = re.compile(
    r"(?:(?i:getty[ \t]+images?)"
    r"|(?i:\bshutterstock\b)"
    r"|\bphoto[ \t]+by[ \t]+[A-Z]"
    r"|/(?:AP|AFP|EPA|Reuters|REUTERS|Bloomberg|Xinhua|Pool|POOL)\b"
    r"|\b(?:AP|AFP|EPA|REUTERS|Reuters|Bloomberg)[ \t]*/[ \t]*[A-Z]"
    r")",
)
# Literals one of which every match of CREDIT_UNPUNCTUATED contains: a cheap pre-test
# before searching it. Case-sensitive ones, looked for in the line itself...
CREDIT_UNPUNCTUATED_HINTS: tuple[str, ...] = ("/", "photo")
# ... and parts of its case-insensitive words, looked for in the lower-cased line
# (chosen without "i", "k" and "s", the only letters that case-insensitive regex
# matching also matches with non-ASCII characters: "\u0130", "\u212a", "\u017f").
CREDIT_UNPUNCTUATED_HINTS_LOWER: tuple[str, ...] = ("getty", "hutter")

# A credit at the END of a longer caption line: "... at the rally. Photo: Name/Agency",
# "... in 2016. (Reuters photo: Name)", "... Photograph: Name/Agency".
CREDIT_END = re.compile(
    r"(?:\b(?:photo|photograph|photographer|picture|image|credit)s?[ \t]*:[ \t]*[^.:\n]{2,80}"
    r"|\((?:[A-Za-z]+[ \t]+)?photo(?:[ \t]+by)?[ \t]*:?[ \t]*[^()\n]{2,80}\))[ \t]*\Z",
    re.IGNORECASE,
)

# A site credit ending a caption or a page title: "Situation at the border - Sputnik
# International", "... - Example News". The part before the dash must not end a
# sentence (so a sign-off after a final full stop, "... he said. - REUTERS", is not one).
# Group ``name``: the site's name.
TRAILING_SITE_CREDIT = re.compile(
    r"[^.!?\"\u201d\s][ \t]+[-\u2013\u2014|][ \t]+"
    r"(?P<name>(?:The[ \t]+)?(?:[A-Z][\w&.'\u2019]{0,20}[ \t]+){0,3}"
    r"(?:International|News|Agency|Online|Media|Newswire|Wire|TV|Network))[ \t]*\Z"
)

# Words dropped from the end of a site credit to get the outlet name
# ("<Name> International" -> "<Name>").
SITE_SUFFIX_DROPPED: tuple[str, ...] = ("International", "Online")

# --------------------------------------------------------------------------- captions

# Words that mark a line as a photo caption ("in this handout picture", "file photo",
# "pictured", "(L)", "(R)", "left to right").
CAPTION_CUES = re.compile(
    r"(?:\bpictured\b"
    r"|\b(?:handout|file|undated|archive)[ \t]+(?:photo|picture|image|photograph)\b"
    r"|\bin[ \t]+this[ \t]+(?:\w+[ \t]+){0,2}(?:photo|picture|image|photograph|file)\b"
    r"|\b(?:photo|picture|image)[ \t]+(?:taken|provided|released|shows)\b"
    r"|\((?:L|R|C|left|right|center|centre|top|bottom)\)"
    r"|\bleft[ \t]+to[ \t]+right\b)",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- links

# A line that STARTS like a link to another story: "READ MORE: ...", "Read more - ...",
# "Related: ...", "See also: ...", "WATCH: ...", "PHOTOS: ...", "Also read | ...".
LINK_START = re.compile(
    r"(?:(?:read[ \t]+more|read[ \t]+also|also[ \t]+read|read[ \t]+next|see[ \t]+also|see[ \t]+more"
    r"|related(?:[ \t]+(?:stories|story|articles?|coverage|content|news|links?|reading))?"
    r"|more[ \t]+(?:on|from|about|news|stories|coverage)(?:[ \t]+\w+){0,3}"
    r"|recommended(?:[ \t]+(?:stories|for[ \t]+you))?|must[ \t]+read|don't[ \t]+miss|also|more|read|watch|listen"
    r"|photos?|videos?|gallery|live|opinion|analysis|explainer|click[ \t]+here)"
    r"[ \t]*(?:[:|\u00bb>\u2013\u2014]|-[ \t])"
    r"|read[ \t]+more\b|see[ \t]+also\b"
    r"|(?:read|see)[ \t]+(?:the[ \t]+)?(?:rest|more|full[ \t]+(?:story|article|report|text|statement|interview|transcript))"
    r"(?:[ \t]+(?:here|at|on|of)\b|[ \t]*[.!]?[ \t]*\Z)"
    r"|click[ \t]+here\b"
    r"|read[ \t]+or[ \t]+share[ \t]+this[ \t]+story)",
    re.IGNORECASE,
)

# A short line ENDING in a link label: "<Headline of another story> Read more".
LINK_END = re.compile(
    r"(?:read[ \t]+more|continue[ \t]+reading|full[ \t]+story)[ \t]*(?:\u00bb|>|\.\.\.|\u2026)?[ \t]*\Z",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- widgets

# Whole lines that are page widgets (compared lower-cased, with inner whitespace
# collapsed and surrounding punctuation stripped).
WIDGET_LINES: frozenset[str] = frozenset(
    {
        "subscribe",
        "subscribe now",
        "subscribe to our newsletter",
        "newsfeed",
        "news feed",
        "log in or register",
        "log in",
        "login",
        "sign in",
        "sign up",
        "register",
        "to participate in the discussion",
        "to participate in the discussion log in or register",
        "loader",
        "loading",
        "chats",
        "chat",
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "story continues below",
        "story continues below advertisement",
        "article continues below",
        "article continues below advertisement",
        "continue reading",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue with content",
        "skip to content",
        "skip advertisement",
        "skip ad",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share this page",
        "share on facebook",
        "share on twitter",
        "share via email",
        "tweet",
        "tweet this",
        "email",
        "e-mail",
        "print",
        "print this article",
        "comment",
        "comments",
        "show comments",
        "view comments",
        "add a comment",
        "leave a comment",
        "post a comment",
        "join the discussion",
        "discussion",
        "community standards",
        "photo",
        "photos",
        "video",
        "videos",
        "watch",
        "watch video",
        "listen",
        "audio",
        "gallery",
        "image",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related coverage",
        "related news",
        "more",
        "more stories",
        "more news",
        "read more",
        "see more",
        "show more",
        "load more",
        "trending",
        "trending now",
        "most popular",
        "most read",
        "most viewed",
        "popular",
        "recommended",
        "recommended for you",
        "top stories",
        "latest",
        "latest news",
        "close",
        "menu",
        "search",
        "home",
        "next",
        "previous",
        "prev",
        "next article",
        "previous article",
        "next story",
        "back to top",
        "top",
        "copy link",
        "link copied",
        "embed",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "instagram",
        "youtube",
        "rss",
        "tags",
        "topics",
        "follow us",
        "follow",
        "like",
        "reply",
        "report",
        "notifications",
        "cookies",
        "accept",
        "ok",
        "got it",
        "terms of use",
        "privacy policy",
        "all rights reserved",
        "this story has been shared",
    }
)

# Whole-line widget patterns (matched against the stripped line, case-insensitively):
# comment counters, share bars, "Sign up for ...", newsletter promos, "This article is
# more than 2 years old", "Tags: ...", "Follow X on Twitter".
WIDGET_PATTERN = re.compile(
    r"(?:\d{1,7}[ \t]+(?:comments?|shares?|views?|reactions?|replies)"
    r"|(?:comments?|shares?|views?)[ \t]*[:(]?[ \t]*\d{1,7}[ \t]*\)?"
    r"|(?:share|tweet|post|pin|email|send)(?:[ \t]+(?:this|it))?(?:[ \t]+(?:on|to|via|by)[ \t]+\w+)"
    r"|(?:(?:facebook|twitter|pinterest|whatsapp|linkedin|email|e-mail|reddit|print|messenger|telegram|sms|copy[ \t]+link|share|tweet|comments?)[ \t,|/]*){2,8}"
    r"|this[ \t]+(?:article|story|page)[ \t]+is[ \t]+more[ \t]+than[ \t]+\w+[ \t]+(?:hours?|days?|weeks?|months?|years?)[ \t]+old"
    r"|(?:sign[ \t]+up|subscribe)[ \t]+(?:for|to|now)\b[^\n]{0,120}"
    r"|tags?[ \t]*:[^\n]{0,200}"
    r"|topics?[ \t]*:[^\n]{0,200}"
    r"|follow[ \t]+(?:us|\w+(?:[ \t]+\w+)?)[ \t]+on[ \t]+(?:twitter|facebook|instagram|telegram|youtube)[^\n]{0,80}"
    r"|(?:facebook|twitter|pinterest)[ \t]+(?:twitter|pinterest|facebook|whatsapp|linkedin|email)[ \t]+[^\n]{0,300}"
    r"|(?:posted|published|updated)[ \t]+by[ \t]+[^\n]{0,60}"
    r"|contributing[ \t]*:[^\n]{0,200}"
    r"|(?:loading|please[ \t]+wait)(?:\.\.\.|\u2026)?"
    r"|you[ \t]+(?:must|need[ \t]+to)[ \t]+(?:be[ \t]+)?(?:log(?:ged)?[ \t]+in|sign(?:ed)?[ \t]+in|register)[^\n]{0,80})\Z",
    re.IGNORECASE,
)

# A byline: "By Jane Doe", "By JANE DOE and John Roe, Associated Press" (case-sensitive:
# every name word is capitalised, so "By the end of the day" is not one).
BYLINE = re.compile(
    r"(?:By|BY)[ \t]+[A-Z][\w.'\u2019-]*(?:,?[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w.'\u2019-]*){0,6}"
    r"(?:,[ \t]*[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})?[ \t]*\Z"
)

# Newsletter / inbox promotions: a short line with one of these phrases.
PROMO_PHRASES = re.compile(
    r"(?:\bnewsletters?\b|\bdelivered[ \t]+to[ \t]+your[ \t]+inbox\b|\bsign[ \t]+up[ \t]+(?:for|to)\b"
    r"|\bprivacy[ \t]+policy\b|\bterms[ \t]+of[ \t]+(?:use|service)\b|\ball[ \t]+rights[ \t]+reserved\b"
    r"|\bclick[ \t]+here\b|\bdownload[ \t]+(?:the|our)[ \t]+app\b|\bturn[ \t]+on[ \t]+(?:desktop[ \t]+)?notifications\b"
    r"|\bsupport[ \t]+(?:our|independent)[ \t]+journalism\b|\bbecome[ \t]+a[ \t]+(?:member|subscriber|patron)\b)",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- navigation

# One item of a navigation list: a link text ending in a date, "Story title - November
# 6, 2020", "Story title | 12 Nov 2020". Runs of such lines (possibly separated by
# lone "-" lines) are site navigation.
NAV_ITEM_END = re.compile(
    r"[ \t][-\u2013\u2014|\u2022\u00b7][ \t]*"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?,?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,3}[ \t]+(?:minutes?|hours?|days?|weeks?)[ \t]+ago)\Z"
)

# Minimum number of date-ending items for a run of lines to count as navigation.
NAV_MIN_ITEMS = 2

# --------------------------------------------------------------------------- datelines

# A dateline naming the outlet: "WASHINGTON (Outlet) -", "MOSCOW, March 3 (Outlet) —",
# "Washington (Outlet) The ...". Group ``outlet``. The place is one to four capitalised
# words at the start of a line.
DATELINE_OUTLET = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Za-z.'\u2019\-]{1,25}(?:,?[ \t][A-Z][A-Za-z.'\u2019\-]{1,25}){0,3})"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*\((?P<outlet>[A-Z][A-Za-z0-9&.'\u2019\- ]{1,40})\)"
    r"(?P<after>[ \t]*(?:[-\u2013\u2014:][^\n]?|[A-Z\"\u201c]))"
)

# Parenthesised things after a place that are not outlets: party-state tags "(R-Texas)",
# "(D)", acronyms spelled as the place's own ("(UN)") are filtered by length/shape.
DATELINE_NOT_OUTLET = re.compile(
    r"(?:[RDI](?:-[A-Za-z.]+)?|[A-Z]{1,2}|\d[\w.-]*|AM|PM|GMT|UTC|EST|EDT|CET)\Z"
)

# --------------------------------------------------------------------------- outlets

# News agencies and broadcasters, for recognising an outlet named as the channel of an
# interview in the article's own voice ("... a source told <Agency> on Tuesday"), the
# last resort for an article that prints no dateline or site credit. A general list
# of well-known international outlets; matched as whole words, case-sensitively.
NEWS_AGENCIES: tuple[str, ...] = (
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Sputnik",
    "RT",
    "Anadolu Agency",
    "Kyodo",
    "Yonhap",
    "ANSA",
    "EFE",
    "DPA",
    "UPI",
    "IRNA",
    "SANA",
    "Al Jazeera",
    "Al Arabiya",
    "BBC",
    "CNN",
    "Fox News",
    "NBC News",
    "CBS News",
    "ABC News",
    "NPR",
    "Deutsche Welle",
    "France 24",
    "Euronews",
    "Politico",
    "Axios",
    "The Hill",
)

# The verbs that make an agency the channel of a statement: "told <Agency>",
# "said in an interview with <Agency>", "speaking to <Agency>".
AGENCY_CHANNEL_VERBS = r"(?:told|tells|telling|said[ \t]+to|speaking[ \t]+to|spoke[ \t]+to|in[ \t]+an[ \t]+interview[ \t]+with|interview[ \t]+with|confirmed[ \t]+to)"

# --------------------------------------------------------------------------- shapes

# Small words ignored when deciding whether a line is in Title Case.
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "for",
        "of",
        "on",
        "in",
        "at",
        "to",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "via",
        "into",
        "onto",
        "over",
        "per",
        "up",
        "off",
        "out",
        "than",
        "if",
        "so",
        "de",
        "la",
        "al",
        "el",
        "von",
        "van",
        "der",
    }
)

# Characters that end a sentence-like line (a line ending otherwise is "unpunctuated":
# a heading, a title, a caption or a link). Closing quotes and brackets count, since
# a quoted sentence usually ends inside them.
FINAL_PUNCTUATION = frozenset(".!?;:,\"'\u201d\u2019\u00bb)]\u2026")

# Lines with only punctuation / symbols: separators ("-", "* * *", "___", "•").
SEPARATOR_LINE = re.compile(r"(?:[^\w\n]|_){1,80}\Z")

# Stray numbers and counters: "0", "116620", "12 / 40", "3:45".
COUNTER_LINE = re.compile(r"[\d \t.,:/#()+%\-]{1,20}\Z")

# --------------------------------------------------------------------------- limits

# A heading (sub-heading, title of another story) has at most this many words.
HEADING_MAX_WORDS = 20
# A sub-heading in sentence case has at most this many words (a longer unpunctuated
# line in sentence case is more often a bullet point or a sentence missing its full
# stop; Title Case lines up to HEADING_MAX_WORDS are still headings).
SUBHEADING_MAX_WORDS = 10
# A credit line of at most this many words is "bare": its caption is the line above.
BARE_CREDIT_WORDS = 14
# The article's own headline has at most this many words.
HEADLINE_MAX_WORDS = 30
# A caption line has at most this many words.
CAPTION_MAX_WORDS = 80
# Credits found anywhere in a line only count in lines of at most this many words.
SHORT_CREDIT_WORDS = 25
# Widget / link / promo rules only look at lines of at most this many characters.
SHORT_LINE_CHARS = 300
# A metadata title found in the text is the headline when at most this many characters
# (a date, "Wed 05 Apr 2017 ") precede it on its line.
TITLE_PREFIX_CHARS = 40
# The headline is looked for among this many first content lines.
HEADLINE_SEARCH_LINES = 5
# Lines whose letters are mostly in another script than the article's are boilerplate
# when they have at least this many such letters.
OTHER_SCRIPT_MIN_LETTERS = 3

# --------------------------------------------------------------------------- glued debris

# Scraped pages often flatten the page furniture above an article into the first line
# of its text: "Date of publication 26 October 2016 <lead>", "Published April 24 2017
# <lead>", "AFP Thursday 27 Oct 2016 <lead>", "19.07.2016(updated 1457 19.07.2016) Get
# short URL 2440 <lead>", "(Agency and Agencies) <lead>", "Tags <topics> <lead>". The
# clean stage cuts such a run as a boilerplate span inside the line (the text is never
# edited), from a table of general markers. Every piece is an anchored pattern with
# bounded repeats; a run counts only when the running text starts right after it.

_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?,?"
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
# A full date as printed above a story: "Wed 05 Apr 2017", "Thursday 28 January 2016
# 17:27", "Sun Feb 21 2016", "July 30, 2014", "Oct 082017" (a scraped "Oct 08, 2017"),
# "30-11-2014", "19.07.2016(updated 1457 19.07.2016)", "August 22 2013 1849 UTC+3",
# "Fri 07 Apr 2017 at 0914". Never a bare month or year: only a full day date.
_LEAD_DATE = (
    r"(?:" + _WEEKDAY + r"[ \t]+)?"
    r"(?:" + _ORDINAL + r"[ \t]+" + _MONTH_NAME + r",?[ \t]+\d{4}"
    r"|" + _MONTH_NAME + r"[ \t]+(?:" + _ORDINAL + r",?[ \t]+\d{4}|\d{2}\d{4})"
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})(?!\d)"
    r"(?:,?[ \t]+(?:at[ \t]+\d{1,2}:?\d{2}|\d{1,2}:\d{2})(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]+(?:GMT|UTC)(?:[+-]\d{1,2})?)?"
    r"|[ \t]+\d{3,4}[ \t]+(?:GMT|UTC)(?:[+-]\d{1,2})?)?"
    r"(?:[ \t]*\((?:[Ll]ast[ \t]+)?[Uu]pdated[ \t:]+[^()\n]{1,40}\)|\))?"
)
LEAD_DATE = re.compile(_LEAD_DATE)

# A publication stamp: a marker, then a full date ("Date of publication 26 October
# 2016", "Published: April 24 2017", "Posted on July 2 2016", "Last updated at Nov
# 012017", "Updated 12:40 GMT Mar 3 2019"). "Published reports say ..." has no date
# after the marker and is prose.
LEAD_STAMP = re.compile(
    r"(?:Date[ \t]+of[ \t]+publication|(?:First[ \t]+)?Published(?:[ \t]+(?:on|at))?"
    r"|Posted(?:[ \t]+(?:on|at))?|(?:Last[ \t]+)?[Uu]pdated(?:[ \t]+(?:on|at))?"
    r"|PUBLISHED|UPDATED)[ \t]*:?[ \t]*" + _LEAD_DATE
)

# An agency credit in brackets: "(TRT World and Agencies)", "(Example News with
# Agencies)", "(AFP)", "(Reuters)". Cut at the start of the text and, for the "...
# and Agencies" form, wherever it follows a sentence end.
AGENCIES_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&'\u2019-]{0,20}[ \t]+){1,4}(?:and|with|&)[ \t]+[Aa]gencies\)"
)

# Share bars, page counters and topic links flattened into the text: "Get short URL
# 2440", "Print Tweet Views 729", "SEND https://..." (a short link), "Topic <name of a
# story series> (61)", followed by counters. Group ``views``: a "Views" label (the
# number after it is a counter, whatever follows).
SHARE_RUN = re.compile(
    r"(?:Get[ \t]+short[ \t]+URL|Print[ \t]+Tweet(?:[ \t]+(?P<views>Views))?|Share[ \t]+Tweet"
    r"|SEND[ \t]+(?:https?|www)[^\s]{0,120}|Topic[ \t]+[A-Z][^()\n]{0,80}\(\d{1,5}\))"
)

# A photo credit flattened into the lead: "AA Photo", "DHA Photo" (an agency acronym).
PHOTO_CREDIT = re.compile(r"[A-Z]{2,6}[ \t]+Photos?(?![\w])")

# A tag or keyword list flattened into the text: "Tags Syria Idlib airstrike ...". It
# counts at the start of a line or after a sentence end or a lower-case word, and runs
# until the running text starts again (see LEAD_OPENERS, TAG_STOP_WORDS). (The
# leading lookahead, implied by the words, lets the scan skip every other position
# at once: 2.5x faster over a whole article than starting with the lookbehinds.)
TAGS_START = re.compile(
    r"(?=[TK])(?:(?<![^\n])|(?<=[a-z0-9.!?\"\u201d')] ))(?:Tags|TAGS|Keywords|KEYWORDS)[ \t]*:?[ \t]+(?=[\w\"\u201c])"
)

# The words TAGS_START needs: a text holding none of them has no tag list (a cheap
# pre-test before scanning the whole text with it).
TAGS_WORDS: tuple[str, ...] = ("Tags", "TAGS", "Keywords", "KEYWORDS")

# A byline after a publication stamp: "Posted on July 2 2016 by Jane Doe". The name
# stops before a word that opens a sentence (LEAD_OPENERS).
STAMP_BYLINE = re.compile(r"[ \t]+by[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}")

# Capitalised words that open a news lead ("At least ...", "The ...", "Two people
# ..."): where the running text starts again after a tag list or a byline.
LEAD_OPENERS: frozenset[str] = frozenset(
    {
        "A",
        "An",
        "The",
        "At",
        "In",
        "On",
        "As",
        "After",
        "According",
        "More",
        "Over",
        "Some",
        "Several",
        "Nearly",
        "Almost",
        "About",
        "Around",
        "Up",
        "Dozens",
        "Scores",
        "Hundreds",
        "Thousands",
        "Tens",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
        "Twenty",
        "Thirty",
        "Forty",
        "Fifty",
    }
)

# Lower-case words that never occur in a tag list but do in running text: with no
# LEAD_OPENERS word, the running text starts at the last capitalised word before
# the first of these ("Tags Syria Idlib war Government air raids in a town ...").
TAG_STOP_WORDS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "will",
        "would",
        "said",
        "says",
        "that",
        "who",
        "which",
    }
)

# A tag list has at most this many words.
TAG_MAX_WORDS = 40
# Glued debris is looked for in this many characters at the start of the first body line.
LEAD_DEBRIS_CHARS = 400
# A metadata title may stop this many characters short of the headline printed in the
# text before glued furniture ("<title> NGO AFP Monday 16 Jun 2014 ...").
TITLE_TAIL_CHARS = 40
