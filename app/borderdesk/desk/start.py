"""How the desk's screens are asked to start (by ``borderdesk desk`` and ``borderdesk demo``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StartOptions:
    kiosk: bool | None = None  # None: as [desk] kiosk in the configuration says
    language: str | None = None  # None: as [desk] language says
    demo: bool = False  # the sign-in screen shows the demo badges
