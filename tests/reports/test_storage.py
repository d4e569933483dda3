"""Generated report files live in one storage, used only through Django's storage API:
local files under MEDIA_ROOT by default, an S3-compatible store with PCPLAN_STORAGE=s3
(issue 9 item 5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.storage import StorageHandler, default_storage
from django.urls import reverse

from pcplan import settings as pcplan_settings
from pcplan.lib.env import ImproperlyConfiguredEnv
from pcplan.reports import services
from pcplan.reports.progress import default_fields
from tests.factories import DeliverableFactory, UpdateFactory

AS_OF = dt.date(2023, 3, 15)


@pytest.fixture
def report(editor, theme):
    UpdateFactory(deliverable=DeliverableFactory(theme=theme, title="Serious Violence Strategy"))
    plan = theme.plan
    return services.generate_report(
        editor,
        plan,
        kind="panel",
        fmt="html",
        as_of=AS_OF,
        since=dt.date(2022, 9, 14),
        report_fields=default_fields(plan, AS_OF),
    )


@pytest.mark.django_db
def test_a_generated_report_is_kept_in_the_storage_under_media_root(report, media_root):
    assert default_storage.exists(report.file.name)
    assert (Path(media_root) / report.file.name).is_file()
    with default_storage.open(report.file.name, "rb") as stored:
        assert b"Serious Violence Strategy" in stored.read()


@pytest.mark.django_db
def test_the_download_sends_the_stored_file_through_the_permission_checked_view(
    client_for, editor, report
):
    response = client_for(editor).get(reverse("reports:report-download", args=[report.pk]))
    assert response.status_code == 200
    with default_storage.open(report.file.name, "rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()


@pytest.mark.django_db
def test_a_report_whose_file_has_gone_is_not_found_rather_than_an_error(client_for, editor, report):
    default_storage.delete(report.file.name)
    response = client_for(editor).get(reverse("reports:report-download", args=[report.pk]))
    assert response.status_code == 404


def test_the_reports_code_never_joins_paths_to_media_root():
    reports = Path(pcplan_settings.BASE_DIR) / "reports"
    for source in reports.rglob("*.py"):
        assert "MEDIA_ROOT" not in source.read_text(encoding="utf-8"), source


def test_local_files_are_the_default(monkeypatch):
    monkeypatch.delenv("PCPLAN_STORAGE", raising=False)
    storage = StorageHandler({"default": pcplan_settings.default_storage()})["default"]
    assert type(storage).__name__ == "FileSystemStorage"


def test_an_s3_compatible_store_is_chosen_by_setting(monkeypatch):
    monkeypatch.setenv("PCPLAN_STORAGE", "s3")
    monkeypatch.setenv("PCPLAN_S3_BUCKET", "pcplan-reports")
    monkeypatch.setenv("PCPLAN_S3_ENDPOINT_URL", "https://s3.example.org")
    monkeypatch.setenv("PCPLAN_S3_PREFIX", "office")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "key-id")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "a-secret")
    setting = pcplan_settings.default_storage()
    storage = StorageHandler({"default": setting})["default"]
    assert type(storage).__name__ == "S3Storage"
    assert storage.bucket_name == "pcplan-reports"
    assert storage.endpoint_url == "https://s3.example.org"
    assert storage.location == "office"
    assert storage.default_acl == "private"
    assert storage.file_overwrite is False


def test_the_secret_key_may_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("PCPLAN_STORAGE", "s3")
    monkeypatch.setenv("PCPLAN_S3_BUCKET", "pcplan-reports")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY", raising=False)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY_FILE", str(secret))
    assert pcplan_settings.default_storage()["OPTIONS"]["secret_key"] == "from-a-file"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PCPLAN_STORAGE": "ftp"}, "expected 'filesystem' (the default) or 's3'"),
        ({"PCPLAN_STORAGE": "s3"}, "needs PCPLAN_S3_BUCKET"),
    ],
)
def test_a_bad_storage_setting_fails_loudly(monkeypatch, env, message):
    monkeypatch.delenv("PCPLAN_S3_BUCKET", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(
        ImproperlyConfiguredEnv, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        pcplan_settings.default_storage()
