"""The public search page and its API route."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pcplan.api.permissions import can_search_staff_records
from pcplan.api.search import MAX_QUERY_LENGTH, search, staff_sources
from pcplan.core import fragments
from pcplan.core.http import require

STAFF_ONLY = gettext_lazy("The staff search is for signed-in staff.")


def search_page(request: HttpRequest) -> HttpResponse:
    """Public search: published records only, whoever asks."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    hits = search(query) if query.strip() else []
    return render(request, "api/search.html", {"query": query, "hits": hits})


@login_required
def staff_search_page(request: HttpRequest) -> HttpResponse:
    """Staff search: drafts included, as the staff pages show them to this user."""
    user = require(request, can_search_staff_records, STAFF_ONLY)
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    # Issue 17: the results are kept until anything changes (per user and query).
    return fragments.render_kept(
        request,
        "api/search.html",
        {"query": query, "staff_search": True},
        lambda: {"hits": search(query, staff_sources(user)) if query.strip() else []},
    )


class HitSerializer(serializers.Serializer[object]):
    kind = serializers.CharField()
    title = serializers.CharField()
    snippet = serializers.CharField()
    url = serializers.URLField()


class SearchResultsSerializer(serializers.Serializer[object]):
    query = serializers.CharField()
    results = HitSerializer(many=True)


class SearchView(APIView):
    """Search what is public: plans, deliverables, updates, meetings, agenda items, papers,
    minutes and the text of published documents and reports."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="Words to look for.")],
        responses=SearchResultsSerializer,
    )
    def get(self, request: Request) -> Response:
        query = request.query_params.get("q", "")[:MAX_QUERY_LENGTH]
        results = [
            {
                "kind": hit.kind,
                "title": hit.title,
                "snippet": hit.snippet,
                "url": request.build_absolute_uri(hit.url),
            }
            for hit in search(query)
        ]
        return Response({"query": query, "results": results})
