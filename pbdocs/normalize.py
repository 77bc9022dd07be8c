"""Normalizer: repair widths, spaces, broken lines and web boilerplate; report every repair."""

from __future__ import annotations

from pbdocs.model import Warning


def normalize(text: str) -> tuple[str, list[Warning]]:
    """Return the normalised text and the warnings for what was repaired or is suspect."""
    return text, []
