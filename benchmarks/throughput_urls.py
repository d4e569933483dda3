from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pcplan import urls as pcplan_urls


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def bare_version(request: HttpRequest) -> HttpResponse:
    """The floor of a cached public page: the bare view plus the one read every cached page
    makes, the public version (`pcplan.core.pagecache.public_version`), which is what makes a
    publish visible on the very next request in every worker."""
    from pcplan.core.pagecache import public_version

    return HttpResponse(f"ok {public_version()}")


@login_required
def bare_staff(request: HttpRequest) -> HttpResponse:
    """The floor of a staff page (`page_throughput.py --staff --floor`): the bare view for a
    signed-in user, so the session, the user, the second sign-in step and the session's renewal
    are read as on every staff page, and nothing else."""
    return HttpResponse(f"ok {request.user.pk}")


class BareApi(APIView):
    """The API's yardstick (`page_throughput.py --api`): a bare DRF endpoint answering a page
    of `items` records of about `size` bytes of JSON in all, with no database."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    def get(self, request: Request, items: int, size: int) -> Response:
        filler = "x" * max(0, size // max(items, 1) - 24)
        page = [{"id": n, "text": filler} for n in range(items)]
        return Response({"count": items, "next": None, "previous": None, "results": page})


# pcplan's own error pages (a lost database connection answers 503, not 400 or 500).
handler400 = pcplan_urls.handler400
handler500 = pcplan_urls.handler500

urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-version/", bare_version),
    path("bench/bare-staff/", bare_staff),
    path("bench/bare-api/<int:items>/<int:size>/", BareApi.as_view()),
    path("", include("pcplan.urls")),
]
