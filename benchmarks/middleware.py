"""Benchmark settings only (benchmarks/settings.py): each answer says how many SQL queries it
cost (`X-Queries`) and how long the server spent on it (`Server-Timing: app;dur=<ms>`), so that
the harness reads both through HTTP; the difference with the client's time is the transport."""

import time

from django.db import connections


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measured(get_response):
    def middleware(request):
        counter = QueryCounter()
        started = time.perf_counter()
        wrappers = [connection.execute_wrapper(counter) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        elapsed = (time.perf_counter() - started) * 1000
        response["X-Queries"] = str(counter.count)
        timing = f"app;dur={elapsed:.2f}"
        if response.has_header("Server-Timing"):
            timing = f"{response['Server-Timing']}, {timing}"
        response["Server-Timing"] = timing
        return response

    return middleware
