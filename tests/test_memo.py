"""StringMemo: computed once per key, bounded, one object per distinct value."""

from __future__ import annotations

from extractors.memo import StringMemo


def test_computes_each_key_once() -> None:
    calls: list[str] = []

    def length(key: str) -> int:
        calls.append(key)
        return len(key)

    memo = StringMemo(length, limit=10)
    assert [memo["ab"], memo["abc"], memo["ab"]] == [2, 3, 2]
    assert calls == ["ab", "abc"]


def test_empties_itself_when_full() -> None:
    memo = StringMemo(len, limit=3)
    for key in ("a", "bb", "ccc", "dddd"):
        assert memo[key] == len(key)
    assert len(memo) <= 3
    assert "dddd" in memo


def test_equal_values_are_one_object() -> None:
    memo = StringMemo(lambda key: (len(key) % 2, key.isupper()), limit=100)
    first, second = memo["ab"], memo["cdef"]
    assert first == second == (0, False)
    assert first is second
