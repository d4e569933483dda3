"""What a Police and Crime Plan must set out (PRSRA 2011 s.7(1); seed 000 §3.1)."""

from __future__ import annotations

from django.db import models


class StatutoryElement(models.TextChoices):
    OBJECTIVES = "objectives", "The Commissioner's police and crime objectives for the area"
    POLICING = "policing", "The policing of the area which the Chief Constable is to provide"
    RESOURCES = (
        "resources",
        "The financial and other resources the Commissioner is to provide to the Chief Constable",
    )
    REPORTING = (
        "reporting",
        "The means by which the Chief Constable will report to the Commissioner on policing",
    )
    PERFORMANCE_MEASURES = (
        "performance-measures",
        "The means by which the Chief Constable's performance will be measured",
    )
    SERVICES = (
        "services",
        "The services the Commissioner is to provide or arrange to reduce crime and disorder "
        "or help victims or witnesses",
    )
    GRANTS = "grants", "Any grants the Commissioner is to make, and their conditions"


def missing_elements(covered: set[str]) -> list[StatutoryElement]:
    """The statutory elements not yet set out, in the order the Act lists them."""
    return [element for element in StatutoryElement if element.value not in covered]
