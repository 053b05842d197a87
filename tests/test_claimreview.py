"""schema.org ClaimReview JSON-LD drafts for contradiction findings."""

from __future__ import annotations

import json
from typing import Any

import pytest
import report_fixtures as fx

from crosscheck import claimreview, report

EX, XREF = fx.build()
REPORT = report.build_report(EX, XREF)
REVIEWS = claimreview.build(REPORT)


def test_one_review_per_claim_of_each_contradiction() -> None:
    assert [r["identifier"] for r in REVIEWS] == [
        "F-time-congress/B2",
        "F-time-congress/B9",
        "F-time-congress/B14",
        "F-time-congress/A8",
    ]


@pytest.mark.parametrize("index", range(4), ids=["B2", "B9", "B14", "A8"])
def test_json_ld_shape(index: int) -> None:
    review = REVIEWS[index]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    # required by the fact-check conventions: claimReviewed, reviewRating (alternateName), url
    for key in ("claimReviewed", "reviewRating", "url", "author", "itemReviewed", "datePublished"):
        assert key in review, key
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] == ""  # left for the fact-checker
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization")
    assert item["author"]["name"]
    assert item["appearance"] and all(a["@type"] == "NewsArticle" for a in item["appearance"])
    assert item["firstAppearance"] == item["appearance"][0]
    assert review["author"]["@type"] in ("Organization", "Person")


def test_claim_details() -> None:
    b9 = REVIEWS[1]
    assert b9["claimReviewed"] == next(c.content for c in EX.claims if c.claim_id == "B9")
    author = b9["itemReviewed"]["author"]
    assert author == {"@type": "Person", "name": "Gennadiy Gatilov"}
    appearance = b9["itemReviewed"]["appearance"][0]
    assert appearance["identifier"] == "001_bd1163be5567cad4"
    assert appearance["datePublished"] == "2017-11-14"
    assert appearance["publisher"] == {"@type": "Organization", "name": "Sputnik"}
    assert appearance["headline"] == "Syrian National Congress to Give Impetus"
    assert b9["itemReviewed"]["datePublished"] == "2017-11-14"
    # narration: the outlet is the author
    assert REVIEWS[0]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Sputnik"}
    body = REVIEWS[3]["reviewBody"]
    assert "“late January” (2018-01-21 to 2018-01-31)" in body
    assert "“mid-November” (2017-11-11 to 2017-11-20)" in body
    assert "change over time" in body


def test_reviewer_is_configurable() -> None:
    reviewer = claimreview.Reviewer(
        name="Example Checks",
        url="https://checks.example",
        review_url="https://checks.example/congress",
        date_published="2019-01-05",
    )
    review = claimreview.build(REPORT, reviewer)[0]
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example",
    }
    assert review["url"] == "https://checks.example/congress"
    assert review["datePublished"] == "2019-01-05"


def test_other_relations_on_request() -> None:
    reviews = claimreview.build(REPORT, relations=("agreement",))
    assert {r["identifier"].split("/")[0] for r in reviews} == {
        "F-place-congress",
        "F-statement-war",
    }
    assert claimreview.build({"claims": [], "findings": []}) == []


def _expand_types(node: Any, out: list[str]) -> None:
    if isinstance(node, dict):
        if "@type" in node:
            out.append(node["@type"])
        for v in node.values():
            _expand_types(v, out)
    elif isinstance(node, list):
        for v in node:
            _expand_types(v, out)


def test_dumps_is_valid_json_with_schema_types_only() -> None:
    text = claimreview.dumps(REVIEWS)
    data = json.loads(text)
    assert data == REVIEWS
    types: list[str] = []
    _expand_types(data, types)
    assert set(types) <= {"ClaimReview", "Claim", "Rating", "Person", "Organization", "NewsArticle"}
    assert text == claimreview.dumps(claimreview.build(REPORT))  # deterministic


def test_script_tag_cannot_break_out() -> None:
    ex, xref = fx.hostile()
    reviews = claimreview.build(report.build_report(ex, xref))
    tag = claimreview.script_tag(reviews)
    assert tag.count("</script>") == 1
    assert "<script>alert" not in tag
    inner = tag.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(inner) == reviews
