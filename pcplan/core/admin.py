from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from pcplan.core.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "key"]


@admin.register(User)
class PcplanUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("pcplan", {"fields": ("role", "organisation")}),
    )
