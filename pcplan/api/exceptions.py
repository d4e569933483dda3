"""One error body for every API error: what went wrong, in words, and which fields.

{"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"date": [...]}}}
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from pcplan.core.concurrency import StaleEdit


class Conflict(exceptions.APIException):
    status_code = 409
    default_code = "conflict"


def _django_to_drf(exc: Exception) -> Exception:
    """Service functions speak Django (PermissionDenied, ValidationError): answer them as the
    API's own errors, with the service's message."""
    if isinstance(exc, StaleEdit):
        return Conflict(" ".join(exc.messages))
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    if isinstance(exc, Http404):
        return exceptions.NotFound(str(exc) or None)
    return exc


def _message(detail: Any) -> str:
    if isinstance(detail, dict):
        return _("Some of the values sent are not valid: see fields.")
    if isinstance(detail, list):
        return " ".join(str(item) for item in detail)
    return str(detail)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _django_to_drf(exc)
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    detail = exc.detail
    body: dict[str, Any] = {
        "status": response.status_code,
        "code": exc.get_codes() if not isinstance(detail, dict | list) else "invalid",
        "message": _message(detail),
    }
    if isinstance(detail, dict):
        body["fields"] = response.data
    response.data = {"error": body}
    return response
