"""Server-rendered pages of the web console (filled in by the pages work; the app includes ``router``)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
