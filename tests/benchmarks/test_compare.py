"""The comparison's pure parts: the Server-Timing entries read, the ratios, the overhead (the
measurement itself runs in test_small_run.py)."""

import pytest

from benchmarks.harness import BenchError
from benchmarks.measures import compare


def test_server_timing_entries_are_read_by_name():
    assert compare.server_timing("engine;dur=7, app;dur=12.34") == {"engine": 7.0, "app": 12.34}
    assert compare.server_timing("app;dur=3.50") == {"app": 3.5}
    assert compare.server_timing("cache;desc=hit, db ; dur=2") == {"db": 2.0}
    assert compare.server_timing("") == {}


def test_a_ratio_is_the_slower_time_over_the_faster_one():
    assert compare.ratio(30.0, 10.0) == 3.0
    assert compare.ratio(10.0, 30.0) == 0.33
    assert compare.ratio(5.0, 0.0) is None


def test_ratios_are_per_category_for_both_others_at_p50_and_p95():
    def figures(p50, p95):
        return {"p50": p50, "p95": p95}

    latency = {
        "ours": {"keyword": figures(10.0, 20.0), "all": figures(5.0, 8.0)},
        "wagtail": {"keyword": figures(40.0, 70.0), "all": figures(20.0, 30.0)},
        "fallback": {"keyword": figures(100.0, 300.0), "all": figures(50.0, 60.0)},
    }

    assert compare.ratios(latency) == {
        "keyword": {
            "wagtail_over_ours_p50": 4.0,
            "wagtail_over_ours_p95": 3.5,
            "fallback_over_ours_p50": 10.0,
            "fallback_over_ours_p95": 15.0,
        },
        "all": {
            "wagtail_over_ours_p50": 4.0,
            "wagtail_over_ours_p95": 3.75,
            "fallback_over_ours_p50": 10.0,
            "fallback_over_ours_p95": 7.5,
        },
    }


def test_the_overhead_is_the_server_time_less_the_engines_and_the_transport_the_rest():
    samples = [(5.0, 7.0, 9.0), (10.0, 13.0, 14.0), (1.0, 2.0, 4.0)]

    figures = compare.overhead(samples)

    assert figures["took"]["p50"] == 5.0
    assert figures["server"]["p50"] == 7.0
    assert figures["client"]["p50"] == 9.0
    assert figures["overhead"]["p50"] == 2.0  # 2, 3, 1
    assert figures["overhead"]["max"] == 3.0
    assert figures["transport"]["p50"] == 2.0  # 2, 1, 2
    assert figures["transport"]["requests"] == 3


def test_the_fallback_may_miss_a_few_fuzzy_searches_but_not_most():
    words = ["/api/v1/search?q=cellule", "/api/v1/search?q=derivees", "/api/v1/search?q=ethique"]
    facets = "/api/v1/search?discipline=101"
    ours = {**dict.fromkeys(words, 70), facets: 500}
    # One search with words found nothing on the database (the engine's fuzzy title match):
    # measured, and counted in `found`.
    compare._check_words_found({"ours": ours, "fallback": {**ours, words[0]: 0}})
    # Most of them: the fallback is broken, and nothing is measured.
    broken = {**ours, words[0]: 0, words[1]: 0}
    with pytest.raises(BenchError, match=r"nothing for 2 of 3 searches with words"):
        compare._check_words_found({"ours": ours, "fallback": broken})
