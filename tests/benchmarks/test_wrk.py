"""The throughput measurement's parts that need no server: wrk's Lua script and output, the best
level, and the footprint's reading of /proc (the measurements themselves: test_small_run.py)."""

import os
import subprocess
import sys

import pytest

from benchmarks import wrk
from benchmarks.harness import BenchError
from benchmarks.measures import footprint, throughput

# What wrk 4.1 prints with the script of wrk.script: its own summary, then the line of done().
OUTPUT = """Running 5s test @ http://127.0.0.1:41234
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.10ms    3.20ms  48.00ms   80.00%
    Req/Sec   330.00     20.00   400.00     70.00%
  1650 requests in 5.00s, 40.00MB read
Requests/sec:    330.00
Transfer/sec:      8.00MB
APOP-WRK {"requests": 1650, "duration_us": 5000000, "bytes": 41943040, \
"errors": {"connect": 0, "read": 1, "write": 0, "status": 0, "timeout": 2}, \
"latency_us": {"p50": 11500, "p95": 18250, "p99": 30125, "mean": 12100.4, "max": 48000}}
"""


def test_wrk_output_gives_requests_per_second_percentiles_in_ms_and_errors():
    assert wrk.parse(OUTPUT) == {
        "requests": 1650,
        "seconds": 5.0,
        "requests_per_second": 330.0,
        "p50": 11.5,
        "p95": 18.25,
        "p99": 30.12,
        "mean": 12.1,
        "max": 48.0,
        "socket_errors": 3,
    }


def test_wrong_answers_or_missing_figures_stop_the_run():
    with pytest.raises(BenchError, match="7 of 1650 answers were 4xx or 5xx"):
        wrk.parse(OUTPUT.replace('"status": 0', '"status": 7'))
    with pytest.raises(BenchError, match="wrk printed no figures"):
        wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_the_script_cycles_through_plain_ascii_paths_only():
    lua = wrk.script(["/fr/ressources/a/", "/api/v1/search?q=d%C3%A9riv%C3%A9es"])
    assert 'local paths = {"/fr/ressources/a/", "/api/v1/search?q=d%C3%A9riv%C3%A9es"}' in lua
    assert "next_index = next_index % #paths + 1" in lua
    assert "latency:percentile(95)" in lua
    for wrong in ("/fr/dérivées/", 'x"', "/a\\b", "/a\n"):
        with pytest.raises(ValueError, match="not a percent-encoded path"):
            wrk.script([wrong])
    with pytest.raises(ValueError, match="at least one path"):
        wrk.script([])


def test_resource_urls_are_percent_encoded_for_the_script():
    assert throughput._encoded("/fr/ressources/dérivées-1/") == (
        "/fr/ressources/d%C3%A9riv%C3%A9es-1/"
    )
    assert throughput._encoded("/api/v1/search?q=a+b&page=2") == "/api/v1/search?q=a+b&page=2"


def _level(connections, rps, p95, errors=0):
    return {
        "connections": connections,
        "requests_per_second": rps,
        "p95": p95,
        "socket_errors": errors,
    }


def test_the_best_level_is_the_fastest_within_the_p95_limit_and_without_errors():
    levels = [
        _level(1, 100.0, 20.0),
        _level(2, 180.0, 100.0),
        _level(4, 250.0, 100.01),
        _level(8, 260.0, 60.0, errors=1),
    ]
    assert throughput.best(levels) == levels[1]
    assert throughput.best([_level(1, 50.0, 120.0)]) is None


def test_proc_sizes_are_read_in_kilobytes():
    text = "Name:\tgunicorn\nVmHWM:\t  204800 kB\nVmRSS:\t  153600 kB\nThreads:\t5\n"
    assert footprint.status_fields(text) == {"VmHWM": 204800, "VmRSS": 153600}


def test_the_workers_are_the_children_of_the_master():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in footprint.children(os.getpid())
        memory = footprint.process_memory(child.pid)
        assert memory["pid"] == child.pid
        assert 0 < memory["rss_mib"] <= memory["peak_rss_mib"]
    finally:
        child.kill()
        child.wait()
    with pytest.raises(BenchError, match="has no worker"):
        footprint.workers_memory(child.pid + 10_000_000)
