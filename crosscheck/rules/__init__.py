"""Rule tables: the data behind the stages, one documented module per domain.

Nothing here names a person, place or article of any particular corpus: these are
general English (and news-scraping) lexicons.

- ``boilerplate``: markers of captions, credits, links, navigation and widgets.
- ``speech``: reporting verbs, belief verbs, attribution nouns, titles and roles,
  anonymous-source nouns, channels, pronouns.
- ``time``: month, weekday and season names, modifiers, tense cues.
- ``events``: event head nouns and the words that never start an event name.
- ``abbreviations``: abbreviations that do not end a sentence.
"""
