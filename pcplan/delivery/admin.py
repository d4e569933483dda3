from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pcplan.delivery.models import Deliverable, Task, Update


@admin.register(Deliverable)
class DeliverableAdmin(SimpleHistoryAdmin):
    list_display = ["title", "theme", "lead", "status", "is_published"]
    list_filter = ["status", "is_published", "theme__plan", "lead"]
    search_fields = ["title", "key"]


@admin.register(Update)
class UpdateAdmin(SimpleHistoryAdmin):
    list_display = ["deliverable", "date", "author", "is_published"]
    list_filter = ["is_published"]


admin.site.register(Task, SimpleHistoryAdmin)
