"""gunicorn's settings for the product, named by every launch: the image's command, the
fault-tolerance tests' server (tests/faults/services.py) and the benchmarks' (benchmarks/harness.py).
Options given on a command line win over these."""

# Threads serve several requests per process while one waits on PostgreSQL, the search engine or
# S3; the benchmarks measure this worker (README « Performance »).
worker_class = "gthread"
threads = 4

# A kept-alive connection must outlive the idle wait of whatever sends the next request on it.
# When gunicorn closes it first, a request already on its way is reset: a 502 at the load
# balancer, a connection error for a client (the 200 concurrent searches of tests/faults/
# test_load.py met it with gunicorn's 2 s). 75 s is longer than the usual 60 s idle timeout of
# load balancers; an idle connection costs no thread, only a socket in the worker's poller.
keepalive = 75
