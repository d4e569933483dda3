from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from pcplan.accounts.models import Invitation, SignInEvent


@admin.register(SignInEvent)
class SignInEventAdmin(admin.ModelAdmin[SignInEvent]):
    """The sign-in record is read, never written, here: it is the audit of signing in."""

    list_display = ["at", "username", "kind", "ip_address"]
    list_filter = ["kind"]
    search_fields = ["username", "ip_address"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    list_display = ["user", "invited_by", "sent_at", "accepted_at"]
