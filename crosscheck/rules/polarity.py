"""Negation cues for a claim's polarity (``Claim.negated``).

A claim is negated when its content carries a grammatical negator: "does not aim
to replace", "there can be no possibility", "never", "won't", "nobody".
Lexical opposites ("deny", "reject", "fail") are listed separately and are *not*
counted as negation (they change the meaning, not the polarity of the clause);
the match stage may use them.
"""

from __future__ import annotations

#: Words that negate the clause they stand in ("not", "never", "no possibility").
NEGATORS: tuple[str, ...] = (
    "not",
    "never",
    "no",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "nowhere",
    "cannot",
    "no one",
    "no longer",
    "not yet",
)

#: Contracted negations, matched as word endings ("don't", "won't", "can't",
#: "isn't", with straight or curly apostrophes).
NEGATED_CONTRACTION_SUFFIXES: tuple[str, ...] = ("n't", "n’t")

#: Phrases that look negative but do not negate the clause ("not only ... but",
#: "no doubt", "nothing but", "not least"): skipped before looking for a negator.
NEGATION_EXCEPTIONS: tuple[str, ...] = (
    "not only",
    "no doubt",
    "nothing but",
    "not least",
    "no matter",
    "not just",
    "no less than",
    "no more than",
    "no sooner",
    "none other than",
    "not to mention",
    "no wonder",
    "without doubt",
    "without a doubt",
    "whether or not",
    "if not",
    "not until",
    "no fewer than",
)

#: Verbs of denial and refusal: lexical negation, not counted in ``negated``.
LEXICAL_NEGATIVES: tuple[str, ...] = (
    "deny",
    "denies",
    "denied",
    "reject",
    "rejects",
    "rejected",
    "refuse",
    "refuses",
    "refused",
    "fail",
    "fails",
    "failed",
    "decline",
    "declines",
    "declined",
    "dismiss",
    "dismisses",
    "dismissed",
    "rule out",
    "ruled out",
)
