"""The local web UI (`pbdocs serve`): search, read, compare, generate and upload in a browser,
as a thin shell over the library."""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from pbdocs.web.app import create_app

        return create_app
    raise AttributeError(name)
