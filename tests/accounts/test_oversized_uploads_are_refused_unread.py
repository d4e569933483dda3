"""Upload size (issue 15, item 6: "a 50 MB upload used 1.08 GB of server memory and 22 s
before being refused"): a request body over PCPLAN_MAX_REQUEST_BYTES is refused from its
declared length, before Django reads any of it."""

from __future__ import annotations

import io

from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, ClientHandler, encode_multipart

from pcplan.performance.models import Measure, Observation
from tests.performance.conftest import national_measures  # noqa: F401 - fixture

CAP = 64 * 1024
# The body as built here, sent as it is (the test client would encode a dict itself).
RAW_MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


class CountingStream(io.BytesIO):
    """The request body as the server hands it over, counting what Django reads of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.read_bytes += len(line)
        return line


def multipart_csv(size: int) -> bytes:
    """A real multipart body carrying an observations file of about `size` bytes."""
    rows = "Granularity,Period start,Value\n" + "month,2024-01,1\n"
    rows += "\n" * (size - len(rows))  # blank lines, which the importer skips
    upload = io.BytesIO(rows.encode())
    upload.name = "observations.csv"
    return encode_multipart(BOUNDARY, {"file": upload})


def upload_url(national_measures) -> str:  # noqa: F811
    measure = Measure.objects.get(key="improve-victim-satisfaction")
    return f"/staff/performance/measures/{measure.pk}/observations/upload/"


def test_the_default_cap_lets_a_twenty_megabyte_panel_report_through(settings):
    assert settings.PCPLAN_MAX_REQUEST_BYTES == 21 * 1024 * 1024
    assert settings.PCPLAN_MAX_REQUEST_BYTES > settings.PCPLAN_MAX_UPLOAD_BYTES


def test_an_oversized_upload_is_refused_before_any_of_it_is_read(
    settings,
    national_measures,  # noqa: F811
):
    settings.PCPLAN_MAX_REQUEST_BYTES = CAP
    body = multipart_csv(2 * CAP)
    assert len(body) > CAP
    stream = CountingStream(body)
    environ = RequestFactory()._base_environ(
        REQUEST_METHOD="POST",
        PATH_INFO=upload_url(national_measures),
        CONTENT_TYPE=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": stream},
    )
    # Django's full request handling, as the test client runs it (which keeps the test's
    # database connection open), on a body only readable from the counting stream.
    response = ClientHandler()(environ)
    assert response.status_code == 413
    assert stream.read_bytes == 0
    page = response.content.decode()
    assert "The file is too large" in page
    assert "larger than 0.0625 MB" in page
    assert not Observation.objects.exists()


def test_an_editor_uploading_an_oversized_file_gets_the_page_and_nothing_is_saved(
    client,
    editor,
    settings,
    national_measures,  # noqa: F811
):
    settings.PCPLAN_MAX_REQUEST_BYTES = CAP
    client.force_login(editor)
    response = client.post(
        upload_url(national_measures), multipart_csv(2 * CAP), content_type=RAW_MULTIPART
    )
    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()
    assert not Observation.objects.exists()


def test_an_upload_under_the_cap_reaches_the_form(client, editor, settings, national_measures):  # noqa: F811
    settings.PCPLAN_MAX_REQUEST_BYTES = CAP
    client.force_login(editor)
    response = client.post(
        upload_url(national_measures), multipart_csv(CAP // 4), content_type=RAW_MULTIPART
    )
    assert response.status_code == 302
    assert Observation.objects.exists()
