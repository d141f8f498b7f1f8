"""Where the page models find what their templates show.

The catalogue's pages gather their context with resources/detail.py and listing.py, which query
these models; ResourcesConfig.ready() plugs those functions in here, so that the models never
import the modules that import them (no import cycle: README, Architecture)."""

from collections.abc import Callable

_presenters: dict[str, Callable] = {}


def register(name: str, function: Callable) -> None:
    _presenters[name] = function


def has(name: str) -> bool:
    return name in _presenters


def present(name: str, *args, **kwargs):
    """Call the function registered under `name` ("resource_page", "resource_list", "cards",
    and "resource_search", which the search app registers for /ressources/)."""
    return _presenters[name](*args, **kwargs)


def get(name: str) -> Callable | None:
    """The function registered under `name`, or None when the app that provides it is absent
    (an optional addition, like the files app's "review_file_links")."""
    return _presenters.get(name)
