"""Web console routes: api (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
