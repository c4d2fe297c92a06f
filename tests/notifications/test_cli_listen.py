"""``spapi-async notifications listen`` against moto's SQS server."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spapi_async.cli.app import build_app

from .sqs import REGION, order_change

ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": REGION}


def _sync_sqs(endpoint: str):  # type: ignore[no-untyped-def]
    import botocore.session

    return botocore.session.get_session().create_client(
        "sqs", region_name=REGION, endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing"
    )


def test_listen_writes_the_chosen_type_and_consumes_the_queue(sqs_endpoint: str, tmp_path: Path) -> None:
    sqs = _sync_sqs(sqs_endpoint)
    queue = sqs.create_queue(QueueName="cli-listen", Attributes={"VisibilityTimeout": "5"})["QueueUrl"]
    other = json.dumps(
        {
            "notificationVersion": "2020-09-04",
            "notificationType": "REPORT_PROCESSING_FINISHED",
            "payloadVersion": "2020-09-04",
            "eventTime": "2026-01-01T00:00:00Z",
            "payload": {"reportProcessingFinishedNotification": {"reportId": "1", "processingStatus": "DONE"}},
            "notificationMetadata": {"notificationId": "r-1"},
        }
    )
    bodies = [order_change(f"o{i}", f"111-{i}") for i in range(6)] + [other, order_change("o0", "111-0")]
    sqs.send_message_batch(QueueUrl=queue, Entries=[{"Id": str(i), "MessageBody": b} for i, b in enumerate(bodies)])
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        build_app(),
        ["notifications", "listen", "--queue-url", queue, "--endpoint-url", sqs_endpoint,
         "--type", "ORDER_CHANGE", "--out", str(out), "--idle-exit", "1.5"],
        env=ENV,
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(n["NotificationMetadata"]["NotificationId"] for n in lines) == [f"o{i}" for i in range(6)]
    assert "6 notifications written" in result.stdout
    assert "1 skipped" in result.stdout
    # the CLI's plain progress line off-terminal (the final one; --quiet would leave stderr empty)
    assert "notifications listen done after" in result.stderr
    assert "written 6" in result.stderr and "skipped 1" in result.stderr
    attrs = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["All"])["Attributes"]
    assert (attrs["ApproximateNumberOfMessages"], attrs["ApproximateNumberOfMessagesNotVisible"]) == ("0", "0")


def test_listen_rejects_a_bad_queue_url_before_any_request(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        build_app(), ["notifications", "listen", "--queue-url", "queue", "--out", str(tmp_path / "x.jsonl")]
    )
    assert result.exit_code == 1
    assert "queue_url must be an SQS queue URL" in result.stderr
