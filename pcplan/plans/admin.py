from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pcplan.plans.models import Plan, PlanStatusChange, PlanStatutoryElement, Priority, Theme


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "key", "area", "status"]
    list_filter = ["status"]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "position"]
    list_filter = ["plan"]


admin.site.register(Priority, SimpleHistoryAdmin)
admin.site.register(PlanStatusChange, SimpleHistoryAdmin)
admin.site.register(PlanStatutoryElement, SimpleHistoryAdmin)
