"""An editor uploads a data.police.uk download from the web; `pcplan worker` imports it and
the editor follows its progress on the job's page (issue 15: background work)."""

from __future__ import annotations

import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pcplan.core.models import BackgroundJob
from pcplan.performance.models import ImportRun, PoliceMonthlyCrime
from tests.htmlforms import served_form

UPLOAD = reverse("performance:police-data-upload")


def zipped(folder: Path) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*.csv")):
            archive.write(path, path.relative_to(folder).as_posix())
    return SimpleUploadedFile("testshire.zip", buffer.getvalue(), "application/zip")


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())


def upload(client, file: SimpleUploadedFile):
    page = client.get(UPLOAD)
    assert page.status_code == 200
    return client.post(UPLOAD, {**served_form(page.content.decode()), "file": file})


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_queued_then_the_worker_imports_it(client_for, editor, police_files):
    client = client_for(editor)
    response = upload(client, zipped(police_files))
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:job", args=[job.pk])
    # The request only queued the work.
    assert job.status == BackgroundJob.Status.QUEUED
    assert not PoliceMonthlyCrime.objects.exists()
    page = client.get(response["Location"])
    assert "Waiting to start" in page.content.decode()
    assert 'hx-trigger="every 2s"' in page.content.decode()

    run_worker()

    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.problems
    run = ImportRun.objects.get()
    assert run.imported_by == editor
    assert run.file_count == 4
    assert PoliceMonthlyCrime.objects.exists()
    page = client.get(reverse("core:job", args=[job.pk]), headers={"HX-Request": "true"})
    text = page.content.decode()
    assert "Done" in text
    assert "2024-01, 2024-02" in text
    assert "hx-trigger" not in text  # the page stops asking once the work is done
    assert not job.upload or not Path(job.upload).exists()


@pytest.mark.django_db(transaction=True)
def test_a_refused_file_leaves_the_data_as_it_was_and_says_why(client_for, editor, police_files):
    street = police_files / "2024-01" / "2024-01-testshire-street.csv"
    street.write_text("Crime ID,Month\n1,2024-01\n", encoding="utf-8")
    upload(client_for(editor), zipped(police_files))
    run_worker()
    job = BackgroundJob.objects.get()
    assert job.status == BackgroundJob.Status.FAILED
    assert not ImportRun.objects.exists()
    page = client_for(editor).get(reverse("core:job", args=[job.pk])).content.decode()
    assert "There is a problem" in page
    assert "testshire.zip: 2024-01/2024-01-testshire-street.csv" in page
    assert "pcplan-job-" not in page  # no server path


@pytest.mark.django_db
def test_only_editors_upload_and_only_the_uploader_sees_the_job(
    client_for, editor, contributor, administrator, police_files
):
    assert client_for(contributor).get(UPLOAD).status_code == 403
    upload(client_for(editor), zipped(police_files))
    job_url = reverse("core:job", args=[BackgroundJob.objects.get().pk])
    assert client_for(contributor).get(job_url).status_code == 404
    assert client_for(administrator).get(job_url).status_code == 200


@pytest.mark.django_db
def test_a_file_that_is_not_a_zip_or_csv_is_refused_on_the_form(client_for, editor):
    response = upload(client_for(editor), SimpleUploadedFile("data.xlsx", b"x"))
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "must be a .zip or .csv file" in response.content.decode()
    assert not BackgroundJob.objects.exists()
