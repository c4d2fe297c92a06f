"""Reports, feeds and Data Kiosk: lifecycles on the emulator's clock, documents on the document host."""

from __future__ import annotations

import gzip
import json

import pytest

import spapi_async as sp

from .helpers import QUERY, US, client_for, emulator, http_for

REPORT = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL"


async def test_report_goes_in_queue_in_progress_done_and_its_document_is_gzip_tsv() -> None:
    emu, clock = emulator(time_scale=10, orders=50)
    http = http_for(emu)
    async with client_for(emu, http) as client:
        created = await client.request(
            "POST", "/reports/2021-06-30/reports", json={"reportType": REPORT, "marketplaceIds": [US]}
        )
        assert created.status_code == 202
        report_id = created.json()["reportId"]
        path = f"/reports/2021-06-30/reports/{report_id}"
        statuses = []
        for _ in range(4):
            statuses.append((await client.request("GET", path)).json()["processingStatus"])
            clock.advance(1.0)  # 10 Amazon-seconds at time scale 10
        assert statuses == ["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "DONE"]
        report = (await client.request("GET", path)).json()
        assert report["reportDocumentId"] and report["processingEndTime"] >= report["processingStartTime"]
        doc = (await client.request("GET", f"/reports/2021-06-30/documents/{report['reportDocumentId']}")).json()
        assert doc["compressionAlgorithm"] == "GZIP"
        raw = await http.get(doc["url"])
        lines = gzip.decompress(raw.content).decode().splitlines()
        assert lines[0].startswith("amazon-order-id\t")
        assert len(lines) - 1 == sum(len(o.items) for o in emu.world.orders if o.purchase >= emu.epoch - 30 * 86400)
        # the document host refuses SP-API credentials, forged signatures and expired URLs
        assert (await http.get(doc["url"], headers={"x-amz-access-token": "Atza|x"})).status_code == 400
        assert (await http.get(doc["url"], headers={"Authorization": "Bearer x"})).status_code == 400
        assert (await http.get(doc["url"].replace("Signature=", "Signature=0"))).status_code == 403
        clock.advance(301)
        assert (await http.get(doc["url"])).status_code == 403
        listed = (await client.request("GET", "/reports/2021-06-30/reports", params={"reportTypes": REPORT})).json()
        assert [r["reportId"] for r in listed["reports"]] == [report_id]


async def test_cancel_while_queued_and_fatal_for_unknown_types() -> None:
    emu, clock = emulator()
    async with client_for(emu) as client:
        rid = (
            await client.request(
                "POST", "/reports/2021-06-30/reports", json={"reportType": REPORT, "marketplaceIds": [US]}
            )
        ).json()["reportId"]
        await client.request("DELETE", f"/reports/2021-06-30/reports/{rid}")
        assert (await client.request("GET", f"/reports/2021-06-30/reports/{rid}")).json()[
            "processingStatus"
        ] == "CANCELLED"
        bad = (
            await client.request(
                "POST",
                "/reports/2021-06-30/reports",
                json={"reportType": "FEE_DISCOUNTS_REPORT", "marketplaceIds": [US]},
            )
        ).json()["reportId"]
        clock.advance(31)
        assert (await client.request("GET", f"/reports/2021-06-30/reports/{bad}")).json()["processingStatus"] == "FATAL"
        with pytest.raises(sp.BadRequestError):
            await client.request("DELETE", f"/reports/2021-06-30/reports/{bad}")
        with pytest.raises(sp.BadRequestError):
            await client.request("POST", "/reports/2021-06-30/reports", json={"reportType": REPORT})


async def test_listings_feed_changes_listings_and_returns_a_processing_report() -> None:
    emu, clock = emulator()
    http = http_for(emu)
    async with client_for(emu, http) as client:
        doc = (
            await client.request("POST", "/feeds/2021-06-30/documents", json={"contentType": "application/json"})
        ).json()
        feed = {
            "header": {"sellerId": "X", "version": "2.0"},
            "messages": [
                {"messageId": 1, "sku": "NEW-1", "operationType": "UPDATE", "productType": "HOME",
                 "attributes": {"item_name": [{"value": "New thing"}]}},
                {"messageId": 2, "sku": "EMU-SKU-00001", "operationType": "DELETE"},
                {"messageId": 3, "sku": "MISSING", "operationType": "DELETE"},
            ],
        }  # fmt: skip
        assert (await http.put(doc["url"], content=json.dumps(feed).encode())).status_code == 200
        fid = (await client.request("POST", "/feeds/2021-06-30/feeds", json={
            "feedType": "JSON_LISTINGS_FEED", "marketplaceIds": [US], "inputFeedDocumentId": doc["feedDocumentId"]})).json()["feedId"]  # fmt: skip  # noqa: E501
        assert (await client.request("GET", f"/feeds/2021-06-30/feeds/{fid}")).json()["processingStatus"] == "IN_QUEUE"
        clock.advance(31)
        status = (await client.request("GET", f"/feeds/2021-06-30/feeds/{fid}")).json()
        assert status["processingStatus"] == "DONE"
        result = (await client.request("GET", f"/feeds/2021-06-30/documents/{status['resultFeedDocumentId']}")).json()
        report = json.loads(gzip.decompress((await http.get(result["url"])).content))
        assert report["summary"]["messagesProcessed"] == 3 and report["summary"]["messagesAccepted"] == 2
        assert report["issues"][0]["messageId"] == 3
        got = await client.request("GET", "/listings/2021-08-01/items/S/NEW-1", params={"marketplaceIds": US})
        assert got.json()["summaries"][0]["itemName"] == "New thing"
        with pytest.raises(sp.NotFoundError):
            await client.request("GET", "/listings/2021-08-01/items/S/EMU-SKU-00001", params={"marketplaceIds": US})


async def test_a_feed_whose_document_was_never_uploaded_is_fatal() -> None:
    emu, clock = emulator()
    async with client_for(emu) as client:
        doc = (await client.request("POST", "/feeds/2021-06-30/documents", json={"contentType": "text/xml"})).json()
        fid = (await client.request("POST", "/feeds/2021-06-30/feeds", json={
            "feedType": "POST_PRODUCT_DATA", "marketplaceIds": [US], "inputFeedDocumentId": doc["feedDocumentId"]})).json()["feedId"]  # fmt: skip  # noqa: E501
        clock.advance(31)
        assert (await client.request("GET", f"/feeds/2021-06-30/feeds/{fid}")).json()["processingStatus"] == "FATAL"
        with pytest.raises(sp.BadRequestError):
            await client.request("POST", "/feeds/2021-06-30/feeds", json={
                "feedType": "POST_PRODUCT_DATA", "marketplaceIds": [US], "inputFeedDocumentId": "nope"})  # fmt: skip


async def test_listings_put_patch_delete() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        path, mk = "/listings/2021-08-01/items/S/SKU-X", {"marketplaceIds": US}
        put = await client.request(
            "PUT", path, params=mk, json={"productType": "HOME", "attributes": {"color": [{"value": "Red"}]}}
        )
        assert put.json()["status"] == "ACCEPTED" and put.json()["sku"] == "SKU-X"
        await client.request("PATCH", path, params=mk, json={"productType": "HOME", "patches": [
            {"op": "replace", "path": "/attributes/color", "value": [{"value": "Blue"}]}]})  # fmt: skip
        got = await client.request("GET", path, params={**mk, "includedData": "attributes,summaries"})
        assert got.json()["attributes"]["color"] == [{"value": "Blue"}]
        await client.request("DELETE", path, params=mk)
        with pytest.raises(sp.NotFoundError):
            await client.request("GET", path, params=mk)
        with pytest.raises(sp.BadRequestError):
            await client.request("PUT", path, params=mk, json={"attributes": {}})


async def test_data_kiosk_query_produces_a_jsonl_document() -> None:
    emu, clock = emulator(orders=40)
    http = http_for(emu)
    async with client_for(emu, http) as client:
        qid = (await client.request("POST", "/dataKiosk/2023-11-15/queries", json={"query": QUERY})).json()["queryId"]
        clock.advance(31)
        done = (await client.request("GET", f"/dataKiosk/2023-11-15/queries/{qid}")).json()
        assert done["processingStatus"] == "DONE"
        doc = (await client.request("GET", f"/dataKiosk/2023-11-15/documents/{done['dataDocumentId']}")).json()
        rows = [json.loads(line) for line in (await http.get(doc["documentUrl"])).text.splitlines()]
        assert sum(r["sales"]["totalOrderItems"] for r in rows) == sum(
            1 for o in emu.world.orders if o.status != "Canceled"
        )


@pytest.mark.parametrize(
    ("query", "details"),
    [
        ("query {", "Syntax error"),
        ("query { analytics_nothing_2020_01_01 { x } }", "'analytics_nothing_2020_01_01' is not supported"),
        (QUERY.replace("{ startDate }", "{ noSuchField }"), "noSuchField"),
        (QUERY.replace("aggregateBy: DAY, ", ""), "aggregateBy"),
        (QUERY.replace("aggregateBy: DAY", "aggregateBy: FORTNIGHT"), "FORTNIGHT"),
    ],
)
async def test_data_kiosk_refuses_queries_its_schema_refuses(query: str, details: str) -> None:
    emu, _ = emulator(orders=5)
    async with client_for(emu) as client:
        with pytest.raises(sp.BadRequestError) as info:
            await client.request("POST", "/dataKiosk/2023-11-15/queries", json={"query": query})
    error = info.value.errors[0]
    assert error.code == "InvalidInput" and error.message == "The provided query is invalid."
    assert details in error.details


async def test_catalog_search_by_keyword_and_identifier() -> None:
    emu, _ = emulator()
    p = emu.world.products[0]
    async with client_for(emu) as client:
        body = (
            await client.request(
                "GET",
                "/catalog/2022-04-01/items",
                params={"marketplaceIds": US, "identifiers": p.asin, "identifiersType": "ASIN"},
            )
        ).json()
        assert body["numberOfResults"] == 1 and body["items"][0]["summaries"][0]["itemName"] == p.title
        word = p.title.split()[-1]
        body = (
            await client.request(
                "GET", "/catalog/2022-04-01/items", params={"marketplaceIds": US, "keywords": word, "pageSize": 5}
            )
        ).json()
        assert body["numberOfResults"] >= len(body["items"]) >= 1
        with pytest.raises(sp.BadRequestError):
            await client.request("GET", "/catalog/2022-04-01/items", params={"marketplaceIds": US})
    await http_for(emu).aclose()


async def test_report_schedules_are_created_replaced_listed_and_cancelled() -> None:
    emu, _ = emulator()
    async with client_for(emu) as client:
        spec = {"reportType": REPORT, "marketplaceIds": [US], "period": "P1D"}
        first = (await client.request("POST", "/reports/2021-06-30/schedules", json=spec)).json()["reportScheduleId"]
        again = (await client.request("POST", "/reports/2021-06-30/schedules", json={**spec, "period": "PT12H"})).json()
        assert again["reportScheduleId"] == first  # same type and marketplaces: the schedule is replaced
        listed = (await client.request("GET", "/reports/2021-06-30/schedules", params={"reportTypes": REPORT})).json()
        assert [s["period"] for s in listed["reportSchedules"]] == ["PT12H"]
        await client.request("DELETE", f"/reports/2021-06-30/schedules/{first}")
        with pytest.raises(sp.NotFoundError):
            await client.request("GET", f"/reports/2021-06-30/schedules/{first}")
        with pytest.raises(sp.BadRequestError):
            await client.request("POST", "/reports/2021-06-30/schedules", json={**spec, "period": "P2W"})
