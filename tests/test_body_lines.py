"""Widget lines of modern pages that are no article text (boilerplate.WIDGET_LINES), and prose that opens
the same way and stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.document import Document
from extractors.page import ArticlePage

LONG = ("The council approved the new budget on Tuesday after a long debate about schools, roads and the "
        "harbour, and the mayor said the vote settled a question that had divided the city for years.")


def body_and_dropped(lines: list[str]) -> tuple[str, dict[str, int]]:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    html = (f"<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1><p>{LONG}</p>"
            f"{paragraphs}<p>{LONG}</p></article></body></html>")
    found = ArticlePage(Document.parse(html, "https://news.example.com/a/1", datetime(2026, 1, 1, tzinfo=UTC))).to_article()
    assert found is not None and found.articleBody is not None
    return found.articleBody, found.metadata.dropped


@pytest.mark.parametrize(("line", "rule"), [
    ("4 Min Read", "reading_time"),
    ("Lesezeit: 3 Minuten", "reading_time"),
    ("5 phút đọc", "reading_time"),
    ("This slideshow requires JavaScript.", "js_player"),
    ("[button link=\"https://example.com/submit/\" type=\"big\"] Send us YOUR review[/button]", "shortcode"),
    ("Chart: Statista", "credit_line"),
    ("Grafik: dpa-infografik", "credit_line"),
    ("This piece is from issue 7/2019 of our magazine.", "print_promo"),
    ("Dieser Text stammt aus der Ausgabe 7/2019 des Magazins.", "print_promo"),
    ("Get Cycling Monthly delivered through your letterbox every month. 12 issues for £11.99.", "subscription_offer"),
    ("Support Example News and make a difference for readers everywhere.", "support_prompt"),
    ("Become a member of our newsroom today.", "support_prompt"),
    ("MORE: Mayor visits the harbour again for the third time this year", "read_more"),
    ("Auch interessant: Neue Regeln für Mieter ab Januar", "read_more"),
    ("You may also like...", "read_more"),
    ("Comments", "comments_label"),
    ("Like this story? Share it with a friend!", "engagement_prompt"),
    ("Tell us what YOU think...", "engagement_prompt"),
    ("2 Wochen kostenlos testen", "trial_offer"),
    ("Note: we are temporarily moderating all comments submitted to deal with a surge in spam.", "comment_policy"),
    ("ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.", "comment_policy"),
    ("If you enjoyed this article, we have a proposition for you: join our members.", "support_prompt"),
])
def test_a_widget_line_is_dropped_and_counted(line: str, rule: str) -> None:
    body, dropped = body_and_dropped([line])
    assert line not in body and dropped.get(rule) == 1


@pytest.mark.parametrize("line", [
    "Support workers and nurses went on strike on Monday over pay.",
    "In 2019 he won three issues for the party.",
    "More than 200 people attended the meeting on Sunday evening.",
    "[figure SG01: rev 0 public, rev 1 draft, same on both repos]",
    "This story is about the harbour and the people who work there.",
    "The comments of the minister were approved by parliament on Monday.",
    "What do you think? The council asked residents to send their views by March.",
])
def test_prose_that_opens_like_a_widget_stays(line: str) -> None:
    body, _ = body_and_dropped([line])
    assert line in body


@pytest.mark.parametrize("notice", ["© 2019 Example Press. All Rights Reserved.", "Copyright 2026 Example News Now.",
                                    "Alle Rechte vorbehalten.", "Bản quyền thuộc về Báo Ví Dụ."])
def test_a_copyright_notice_closing_the_body_goes(notice: str) -> None:
    html = (f"<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1><p>{LONG}</p>"
            f"<p>{LONG}</p><p>{notice}</p></article></body></html>")
    found = ArticlePage(Document.parse(html, "https://news.example.com/a/1", datetime(2026, 1, 1, tzinfo=UTC))).to_article()
    assert found is not None and notice not in (found.articleBody or "") and found.metadata.dropped["copyright"] == 1


def test_a_copyright_sentence_inside_the_story_stays() -> None:
    line = "Copyright law was the subject of the second debate, which went on late into the night."
    body, _ = body_and_dropped([line])
    assert line in body


def test_a_linked_sentence_of_the_story_stays_and_a_linked_headline_goes() -> None:
    sentence = "The suspect, a man of 41, was convicted and sentenced to life in prison last Thursday."
    headline = "Police identify man and woman found dead in apartment"
    html = (f"<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1><p>{LONG}</p>"
            f'<p><a href="/news/verdict">{sentence}</a></p><p><a href="/news/other">{headline}</a></p>'
            f"<p>{LONG}</p></article></body></html>")
    found = ArticlePage(Document.parse(html, "https://news.example.com/a/1", datetime(2026, 1, 1, tzinfo=UTC))).to_article()
    assert found is not None and sentence in (found.articleBody or "") and headline not in (found.articleBody or "")
