from django.contrib import admin
from django.urls import include, path

from pcplan.core.routing import RememberingResolver

# Every app's admin.py, imported here rather than as the apps load (pcplan.adminsite).
admin.autodiscover()

patterns = [
    path("", include("pcplan.public.urls")),
    path("", include("pcplan.core.urls")),
    path("staff/", include("pcplan.plans.urls")),
    path("staff/", include("pcplan.delivery.urls")),
    path("", include("pcplan.reports.urls")),
    path("", include("pcplan.performance.urls")),
    path("", include("pcplan.panel.urls")),
    path("", include("pcplan.grants.urls")),
    path("", include("pcplan.engagement.urls")),
    path("", include("pcplan.transparency.urls")),
    path("", include("pcplan.api.urls")),
    path("", include("pcplan.delivery.spreadsheet_urls")),
    path("", include("pcplan.accounts.urls")),
    path("", include("pcplan.partnerships.urls")),
    path("admin/", admin.site.urls),
]
# Each address is matched against the patterns once per worker (pcplan.core.routing).
urlpatterns = [RememberingResolver(patterns)]

handler400 = "pcplan.core.views.bad_request"
handler500 = "pcplan.core.views.server_error"
