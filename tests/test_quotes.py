"""Quotes and their speakers, sentence by sentence: what counts as a quote, and who said it."""

from __future__ import annotations

import pytest

from extractors.quotes import MIN_WORDS, find_quotes, inline_quotes, speaker_name
from extractors.record import BodyBlock


def one(paragraph: str) -> tuple[str, str | None, str | None]:
    quotes = inline_quotes(paragraph)
    assert len(quotes) == 1, quotes
    return quotes[0].text, quotes[0].speaker, quotes[0].speakerRaw


# ----- speakers named after the quote, before it, or in a lead-in ------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "text_start", "speaker", "speaker_raw"),
    [
        # the seed page's sentences
        (('"We want to say that the Asia-Pacific region does not welcome group confrontation, does not welcome '
         'military confrontation," ministry spokesman Mao Ning stressed.'),
         "We want to say that the Asia-Pacific region", "Mao Ning", "ministry spokesman Mao Ning"),
        (("According to Ms. Mao Ning, Asia is “a promised land for cooperation and development and should not become "
         "a geopolitical battlefield.”"), "a promised land", "Mao Ning", "Ms. Mao Ning"),
        (('A Chinese diplomatic official said: "NATO\'s continuous expansion to the East in the Asia-Pacific region, '
         'interference in regional issues... requires countries in the region to be highly vigilant."'),
         "NATO's continuous expansion", "A Chinese diplomatic official", "A Chinese diplomatic official"),
        # English variants
        ('"We will act now, without any delay," said Foreign Minister Wang Yi.', "We will act now", "Wang Yi",
         "Foreign Minister Wang Yi"),
        ('"This is a very good result for everyone," Dr. J. Smith added.', "This is a very good result", "J. Smith",
         "Dr. J. Smith"),
        ('On Monday, Prime Minister Kishida told reporters that "Japan has no plan to join the alliance at all".',
         "Japan has no plan", "Kishida", "Prime Minister Kishida"),
        # Vietnamese
        ("Người phát ngôn Mao Ninh nhấn mạnh: “Chúng tôi muốn nói rằng, châu Á không hoan nghênh đối đầu nhóm\".",
         "Chúng tôi muốn nói rằng", "Mao Ninh", "Người phát ngôn Mao Ninh"),
        ("“Chúng tôi sẽ hoàn thành dự án trong năm nay”, ông Nguyễn Văn An, Giám đốc Sở Xây dựng, cho biết.",
         "Chúng tôi sẽ hoàn thành", "Nguyễn Văn An", "ông Nguyễn Văn An, Giám đốc Sở Xây dựng"),
        ("Theo bà Mao Ninh, châu Á là “miền đất hứa cho sự hợp tác và phát triển”.", "miền đất hứa", "Mao Ninh",
         "bà Mao Ninh"),
        (("Phát biểu tại hội nghị, ông Trần Minh Đức, Giám đốc Sở Văn hóa, Thể thao và Du lịch, nhấn mạnh: “Tuyến "
         "đường sông sẽ giúp du khách cảm nhận nhịp sống miền Tây”."), "Tuyến đường sông", "Trần Minh Đức",
         "ông Trần Minh Đức, Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
        ("«Nous allons travailler ensemble sur ce dossier», Thủ tướng Phạm Minh Chính nói.", "Nous allons",
         "Phạm Minh Chính", "Thủ tướng Phạm Minh Chính"),
        ('BS.CK2 Cao Thị Hồng cho biết: "bệnh nhân cần được theo dõi sát sao trong nhiều tháng".', "bệnh nhân cần",
         "Cao Thị Hồng", "BS.CK2 Cao Thị Hồng"),
    ],
)
def test_speaker(paragraph: str, text_start: str, speaker: str, speaker_raw: str) -> None:
    text, found_speaker, found_raw = one(paragraph)
    assert text.startswith(text_start)
    assert found_speaker == speaker
    assert found_raw is not None and found_raw.startswith(speaker_raw)


def test_quote_text_loses_the_trailing_comma_but_keeps_its_own_full_stop() -> None:
    assert one('"We want peace, not war, in the region," she said.')[0] == "We want peace, not war, in the region"
    assert one('He said: "We want peace, not war, in the region."')[0] == "We want peace, not war, in the region."


def test_pronoun_gives_a_quote_without_speaker_and_the_next_sentence_continues_it() -> None:
    quotes = inline_quotes('"We will act now, without delay," he said. "There is no other way forward."')
    assert [q.text for q in quotes] == ["We will act now, without delay", "There is no other way forward."]
    assert [q.speaker for q in quotes] == [None, None]
    assert [q.speakerRaw for q in quotes] == ["he", "he"]


def test_continuation_keeps_a_named_speaker() -> None:
    quotes = inline_quotes('"We will act now, without delay," Mao Ning said. "There is no other way forward."')
    assert [q.speaker for q in quotes] == ["Mao Ning", "Mao Ning"]


# ----- negatives: scare quotes, fragments, false attributions -----------------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        'China strongly opposes NATO "advancing" into Japan.',
        "Những \"ngọn đồi rác\" ngày một cao hơn sau nhiều năm.",
        "Nhiều du khách gọi hành trình là một “bảo tàng sống” của vùng sông nước.",
        "It's the company's 'best year' ever, isn't it?",  # single quotes are apostrophes too: ignored
        'The screen measures 15" and the case 16" across.',
    ],
)
def test_no_quote(paragraph: str) -> None:
    assert inline_quotes(paragraph) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        # a fragment quoted mid-clause: a quote, but the sentence does not say who spoke it next to it
        ('The Chinese Foreign Ministry issued a statement on the same day opposing NATO\'s plan, and warned Japan '
         'to be "extremely cautious on military security issues."'),
        "Theo kế hoạch, \"nhà máy sẽ được đưa vào vận hành năm 2026\".",  # "theo kế hoạch" names no one
        "According to the report, the plan is \"a clear step towards peace in the region\".",
        '"This is a very good result for all," and the ministry said nothing more.',  # conjunction, not a speaker
        '"The bridge will open next month." The ministry said repairs were done.',  # next sentence, not attribution
    ],
)
def test_quote_without_speaker(paragraph: str) -> None:
    text, speaker, raw = one(paragraph)
    assert len(text.split()) >= MIN_WORDS
    assert (speaker, raw) == (None, None)


# ----- speaker names from attribution phrases ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("ministry spokesman Mao Ning", "Mao Ning"),
        ("Prime Minister Kishida", "Kishida"),
        ("Ông Nguyễn Văn A", "Nguyễn Văn A"),
        ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn", "Bùi Thanh Sơn"),
        ("bà Lê Thị Hồng Nhung, đại diện doanh nghiệp", "Lê Thị Hồng Nhung"),
        ("A Chinese diplomatic official", "A Chinese diplomatic official"),  # a role only: kept whole
        ("Giám đốc Sở Văn hóa", "Giám đốc Sở Văn hóa"),
        ("NATO", "NATO"),  # an organisation's acronym is no person's name: kept whole
        ("he", None),
        ("ông", None),
        ("", None),
    ],
)
def test_speaker_name(raw: str, name: str | None) -> None:
    assert speaker_name(raw) == name


# ----- blocks ---------------------------------------------------------------------------------------------------

def test_find_quotes_over_blocks() -> None:
    blocks = [
        BodyBlock(type="paragraph", text="No quotes here, only prose about the region."),
        BodyBlock(type="quote", text="Asia is a promised land for cooperation and development. — Mao Ning"),
        BodyBlock(type="paragraph", text='"We want peace in the whole region," Mao Ning stressed.'),
        BodyBlock(type="quote", text="A long blockquote without any closing attribution line at all."),
    ]
    quotes = find_quotes(blocks, "en")
    assert [(q.kind, q.paragraphIndex, q.speaker) for q in quotes] == [
        ("blockquote", 1, "Mao Ning"), ("inline", 2, "Mao Ning"), ("blockquote", 3, None)]
    assert quotes[0].text == "Asia is a promised land for cooperation and development."


def test_hyphen_in_blockquote_is_not_an_attribution() -> None:
    quotes = find_quotes([BodyBlock(type="quote", text="Hợp tác vì hòa bình ở châu Á - Thái Bình Dương")], "vi")
    assert (quotes[0].speaker, quotes[0].text) == (None, "Hợp tác vì hòa bình ở châu Á - Thái Bình Dương")
