"""gr.DateTime and gr.HighlightedText value conversions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import wasmui as gr


def test_datetime_payload_to_each_type() -> None:
    text = "2024-03-01 12:30:00"
    assert gr.DateTime(type="string").preprocess(text) == text
    assert gr.DateTime(type="datetime").preprocess(text) == datetime(2024, 3, 1, 12, 30)
    stamp = gr.DateTime(type="timestamp", timezone="UTC").preprocess(text)
    assert stamp == datetime(2024, 3, 1, 12, 30, tzinfo=timezone.utc).timestamp()
    assert gr.DateTime(include_time=False, type="datetime").preprocess("2024-03-01") == datetime(2024, 3, 1)
    assert gr.DateTime().preprocess("") is None and gr.DateTime().preprocess(None) is None


def test_datetime_timestamp_round_trip_in_a_zone() -> None:
    comp = gr.DateTime(timezone="Asia/Tokyo")
    shown = comp.postprocess(0)
    assert shown == "1970-01-01 09:00:00"
    assert comp.preprocess(shown) == 0


def test_datetime_now_relative_and_errors() -> None:
    got = gr.DateTime(type="datetime").preprocess("now - 2d")
    assert abs((datetime.now() - timedelta(days=2) - got).total_seconds()) < 5
    with pytest.raises(gr.Error, match="expected YYYY-MM-DD HH:MM:SS"):
        gr.DateTime().preprocess("01/02/2024")
    with pytest.raises(gr.Error, match="Unknown time zone"):
        gr.DateTime(timezone="Mars/Olympus").postprocess(0)
    assert gr.DateTime(include_time=False).postprocess(datetime(2024, 5, 6, 7, 8)) == "2024-05-06"


def test_highlighted_entities_and_combining() -> None:
    comp = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    assert comp.postprocess([("a", "x"), ("b", "x"), ("", "y"), ("c", None)]) == [
        {"token": "a b", "class_or_confidence": "x"}, {"token": "c", "class_or_confidence": None}]
    ents = gr.HighlightedText().postprocess({"text": "Hi Ada!", "entities": [{"entity_group": "PER", "start": 3, "end": 6}]})
    assert ents == [{"token": "Hi ", "class_or_confidence": None}, {"token": "Ada", "class_or_confidence": "PER"},
                    {"token": "!", "class_or_confidence": None}]
    assert gr.HighlightedText(show_whitespaces=False).postprocess([(" a ", 0.5)]) == [{"token": "a", "class_or_confidence": 0.5}]


def test_highlighted_preprocess_and_bad_values() -> None:
    comp = gr.HighlightedText()
    assert comp.preprocess([{"token": "x", "class_or_confidence": "l"}]) == [{"token": "x", "class_or_confidence": "l"}]
    with pytest.raises(gr.Error, match="token"):
        comp.preprocess([["x", "l"]])
    with pytest.raises(gr.Error, match="'text' and 'entities'"):
        comp.postprocess({"text": "x"})
    with pytest.raises(gr.Error, match="pairs"):
        comp.postprocess([1, 2])


def test_datetime_needs_a_zone_database_only_for_named_zones() -> None:
    assert gr.DateTime(timezone="UTC").required_packages() == set()
    assert gr.DateTime().required_packages() == set()
    assert gr.DateTime(timezone="Europe/Paris").required_packages() == {"pytz"}
