# generated — do not edit. Source: Seller Center OpenAPI description (openapi-standalone.yaml, 2.0);
# regenerate with `python -m codegen.sellercenter`.

"""The ``files`` resource of the v2 API (tag ``Files``)."""

from __future__ import annotations

from pydantic import Field

from .. import v2_runtime as _rt
from ..v2_runtime import V2Model

__all__ = ["FilesResource"]


class GetFilemanagerV1FilesStatusResponse(V2Model):
    process_status: str | None = Field(default=None, alias="processStatus")


class FilesResource(_rt.Resource):
    __slots__ = ()

    async def get_filemanager_v1_files_download_by_uuid(self, *, uuid: str) -> bytes:
        """``GET /filemanager/v1/files/download/{uuid}``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("GET", f"/filemanager/v1/files/download/{_seg_uuid}")
        return _rt.content(response)

    async def get_filemanager_v1_files_status(self, *, uuid: str) -> GetFilemanagerV1FilesStatusResponse:
        """``GET /filemanager/v1/files/{uuid}/status``."""
        _seg_uuid = _rt.path_param(uuid, "uuid")
        response = await self._send("GET", f"/filemanager/v1/files/{_seg_uuid}/status")
        return _rt.model(GetFilemanagerV1FilesStatusResponse, response)
