from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content `make run` shows (demo/data/*.yaml) and the command that loads it. At the
    top of the dependency order: it may import every app, and no app imports it."""

    name = "demo"
