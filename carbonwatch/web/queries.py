"""Read queries of the web console (API and pages alike): each takes a Session; no SQL in routes or templates."""

from __future__ import annotations
