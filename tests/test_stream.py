"""Chunked streaming of huge inputs: chunks cover the input exactly, cut at natural boundaries, logs stay exact."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfr import Pipeline, apply
from cleanfr.stream import cut_point, iter_chunks, shift_edits
from cleanfr.textio import TextReader

PIECES = st.lists(
    st.sampled_from(["mot", "été", " ", "  ", "\n", "\r\n", "\r", "\n\n", "\u00a0", "e\u0301", "Ã©", "l ' ", "\t", "x" * 30]),
    max_size=80,
)


@given(PIECES, st.integers(min_value=1, max_value=7), st.integers(min_value=4, max_value=40))
@settings(max_examples=300, deadline=None)
def test_chunks_cover_the_input_and_never_split_crlf(pieces: list[str], parts: int, target: int):
    text = "".join(pieces)
    step = max(1, len(text) // parts)
    blocks = [text[i : i + step] for i in range(0, len(text), step)]
    chunks = list(iter_chunks(iter(blocks), target))
    assert "".join(c for _, c in chunks) == text
    offset = 0
    for start, chunk in chunks:
        assert start == offset and chunk
        offset += len(chunk)
        if start + len(chunk) < len(text):
            assert not (chunk.endswith("\r") and text[start + len(chunk)] == "\n")
            assert len(chunk) <= target + 2


def test_cut_prefers_paragraph_then_line_then_space():
    assert cut_point("aaaa bbbb\ncccc\n\ndddd eeee", 20) == 16
    assert cut_point("aaaa bbbb\ncccc dddd eeee", 16) == 10
    assert cut_point("aaaa bbbb cccc dddd eeee", 20) == 20
    assert cut_point("aaaa\r\n\r\nbbbb cccc dddd eeee", 12) == 8
    assert cut_point("x" * 30, 20) == 20
    assert cut_point("x" * 19 + "e\u0301\u0301" + "x" * 8, 20) == 19  # never before a combining mark


PIPELINE = Pipeline()
DAMAGED = "Ã©tÃ© Ã  Paris , dit-il.\r\nLe musée présente une collection d’instru-\nments anciens.\n\n"


@given(st.integers(min_value=16, max_value=200), st.integers(min_value=1, max_value=12))
@settings(max_examples=60, deadline=None)
def test_shifted_chunk_logs_apply_to_the_whole_input(target: int, copies: int):
    text = DAMAGED * copies
    out, edits = [], []
    for offset, chunk in iter_chunks(iter([text]), target):
        result = PIPELINE.fix(chunk)
        out.append(result.text)
        edits.extend(shift_edits(result.edits, offset))
    assert apply(text, edits) == "".join(out)


def test_single_chunk_equals_whole_document():
    text = DAMAGED * 3
    ((offset, chunk),) = list(iter_chunks(iter([text]), 10_000))
    assert offset == 0 and PIPELINE.fix(chunk).text == PIPELINE.fix(text).text


def test_text_reader_reports_byte_offset_across_blocks():
    data = "é".encode() * 10 + b"\xff" + b"x" * 10
    reader = TextReader(io.BytesIO(data), "f.txt", block=3)
    try:
        while reader.read():
            pass
    except Exception as exc:  # noqa: BLE001 - the message is what is tested
        assert "f.txt: invalid UTF-8 at byte 20" in str(exc)
    else:
        raise AssertionError("no error")


def test_text_reader_decodes_utf16_and_multibyte_split_between_blocks():
    text = "L’été à Paris\r\n" * 50
    for encoding in ("utf-8", "utf-16", "utf-32"):
        reader = TextReader(io.BytesIO(text.encode(encoding)), "f", block=5)
        assert "".join(iter(reader.read, "")) == text


@given(st.lists(st.sampled_from(["mot ", "x" * 7, "\n", "\r\n", "\r", " ", "é\u0301"]), max_size=300),
       st.integers(min_value=8, max_value=40))
@settings(max_examples=300, deadline=None)
def test_no_chunk_holds_a_line_longer_than_the_limit_when_it_can_be_cut(pieces: list[str], long_line: int):
    text = "".join(pieces)
    chunks = list(iter_chunks(iter([text]), 64, long_line))
    assert "".join(c for _, c in chunks) == text
    assert [o for o, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]
    for _, chunk in chunks:
        for line in chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            assert len(line) <= long_line + 3 or not any(c.isspace() for c in line[: long_line // 2])


def test_a_single_line_of_a_megabyte_is_cut_in_small_chunks():
    text = "mot " * 250_000
    sizes = [len(c) for _, c in iter_chunks(iter([text[i : i + 4096] for i in range(0, len(text), 4096)]))]
    assert sum(sizes) == len(text) and max(sizes) <= (1 << 14) + 2
