"""The Docker Compose stack (docker-compose.yml), read: no Docker engine runs here. Its web and
worker processes share one Redis as their cache, as production requires."""

import yaml

from tests.helpers import REPO


def test_web_and_worker_share_the_redis_cache_of_the_stack():
    stack = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = stack["services"]
    redis = services["redis"]

    assert redis["image"].startswith("redis:")
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    # A cache: no persistence; only keys with an expiry are evicted (never the catalogue version).
    assert redis["command"][redis["command"].index("--save") + 1] == ""
    assert "volatile-lru" in redis["command"]
    for name in ("web", "worker", "scheduler", "migrate"):
        assert services[name]["environment"]["CACHE_URL"] == "redis://redis:6379/1"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["redis"] == {"condition": "service_healthy"}
