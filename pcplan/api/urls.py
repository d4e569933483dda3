from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from pcplan.api import feeds, popolo, search_views, tokens_views, views

app_name = "api"

# Anonymous reads of what is public. Every route registered here is checked by
# tests/api/test_published_only.py, which iterates this router.
public_router = DefaultRouter(trailing_slash=True)
public_router.include_root_view = False
public_router.register("plans", views.PlanViewSet, basename="plan")
public_router.register("themes", views.ThemeViewSet, basename="theme")
public_router.register("deliverables", views.DeliverableViewSet, basename="deliverable")
public_router.register("updates", views.UpdateViewSet, basename="update")
public_router.register("measures", views.MeasureViewSet, basename="measure")
public_router.register("observations", views.ObservationViewSet, basename="observation")
public_router.register("panel-members", views.PanelMemberViewSet, basename="panel-member")
public_router.register("meetings", views.MeetingViewSet, basename="meeting")
public_router.register("agenda-items", views.AgendaItemViewSet, basename="agenda-item")
public_router.register("minutes", views.MinuteViewSet, basename="minute")
public_router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
public_router.register("reports", views.ReportViewSet, basename="report")
public_router.register("grant-awards", views.AwardViewSet, basename="award")
public_router.register("decisions", views.DecisionViewSet, basename="decision")
public_router.register("bodies", views.BodyViewSet, basename="body")
public_router.register("police-crimes", views.PoliceCrimeViewSet, basename="police-crime")
public_router.register("police-outcomes", views.PoliceOutcomeViewSet, basename="police-outcome")
public_router.register(
    "police-stop-searches", views.PoliceStopSearchViewSet, basename="police-stop-search"
)

# Signed-in staff, with a token: the same services and rules as the staff pages.
staff_router = DefaultRouter(trailing_slash=True)
staff_router.include_root_view = False
staff_router.register("staff/updates", views.StaffUpdateViewSet, basename="staff-update")
staff_router.register(
    "staff/deliverables", views.StaffDeliverableViewSet, basename="staff-deliverable"
)
staff_router.register("staff/decisions", views.StaffDecisionViewSet, basename="staff-decision")

urlpatterns = [
    path("api/v1/", include(public_router.urls)),
    path("api/v1/", include(staff_router.urls)),
    path("api/v1/search/", search_views.SearchView.as_view(), name="api-search"),
    path("search/", search_views.search_page, name="search"),
    path("staff/search/", search_views.staff_search_page, name="staff-search"),
    path("api/popolo.json", popolo.popolo, name="popolo"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("feeds/updates.rss", feeds.updates_rss, name="feed-updates"),
    path("feeds/updates.atom", feeds.updates_atom, name="feed-updates-atom"),
    path("feeds/meetings.rss", feeds.meetings_rss, name="feed-meetings"),
    path("feeds/meetings.atom", feeds.meetings_atom, name="feed-meetings-atom"),
    path("feeds/papers.rss", feeds.papers_rss, name="feed-papers"),
    path("feeds/papers.atom", feeds.papers_atom, name="feed-papers-atom"),
    path("panel/meetings/<int:pk>/calendar.ics", feeds.meeting_ics, name="meeting-ics"),
    path("staff/api-tokens/", tokens_views.token_list, name="tokens"),
    path("staff/api-tokens/<int:pk>/revoke/", tokens_views.token_revoke, name="token-revoke"),
]
