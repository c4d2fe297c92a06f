"""Data Kiosk queries checked against the datasets' GraphQL schemas, as createQuery checks them.

The schemas ship with the package (``_schemas.json``, descriptions removed) or are read from
``schemas/data-kiosk/*.graphql`` beside a given models directory. A query is parsed and validated with graphql-core:
a syntax error, a dataset Amazon does not have, an unknown field or a missing required argument gets 400
``InvalidInput`` ("The provided query is invalid.") with the reason in ``details``, as Amazon answers. Without
graphql-core (the ``emulator`` extra brings it) queries are not checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .http import ApiFault, Call
from .schema import packaged_schemas

CREATE_QUERY = "data_kiosk_2023_11_15.create_query"


def _refuse(details: str) -> ApiFault:
    return ApiFault(400, "InvalidInput", "The provided query is invalid.", details)


class KioskSchemas:
    """Dataset (top-level query field) -> GraphQL schema, built lazily from ``root/schemas/data-kiosk``."""

    def __init__(self, root: Path | None, *, packaged: bool = True) -> None:
        self.root = root
        self.packaged = packaged
        self._schemas: dict[str, Any] | None = None

    def _sources(self) -> list[str]:
        data = packaged_schemas() if self.packaged else None
        if data is not None:
            return list(data.get("dataKiosk", {}).values())
        folder = self.root / "schemas" / "data-kiosk" if self.root is not None else None
        if folder is None or not folder.is_dir():
            return []
        return [file.read_text(encoding="utf-8") for file in sorted(folder.glob("*.graphql"))]

    def _load(self) -> dict[str, Any]:
        if self._schemas is None:
            self._schemas = {}
            try:
                import graphql
            except ImportError:  # the "emulator" extra brings graphql-core; without it queries go unchecked
                return self._schemas
            for source in self._sources():
                schema = graphql.build_schema(source)
                if schema.query_type is not None:
                    for name in schema.query_type.fields:
                        self._schemas[name] = schema
        return self._schemas

    def check(self, key: str, call: Call) -> None:
        """Raise 400 ``InvalidInput`` when a createQuery body (``key`` is the operation called) holds a query its
        dataset's schema refuses."""
        if key != CREATE_QUERY:
            return
        schemas = self._load()
        data = call.json()
        query = data.get("query") if isinstance(data, dict) else None
        if not schemas or not isinstance(query, str):
            return
        import graphql

        try:
            document = graphql.parse(query)
        except graphql.GraphQLError as error:
            raise _refuse(f"Syntax error: {error.message}") from None
        datasets = [
            selection.name.value
            for definition in document.definitions
            if isinstance(definition, graphql.OperationDefinitionNode)
            for selection in definition.selection_set.selections
            if isinstance(selection, graphql.FieldNode)
        ]
        if not datasets:
            raise _refuse("The query selects no dataset.")
        unknown = [name for name in datasets if name not in schemas]
        if unknown:
            raise _refuse(f"Query '{unknown[0]}' is not supported.")
        if len({id(schemas[name]) for name in datasets}) > 1:
            raise _refuse("A query reads one dataset.")
        errors = graphql.validate(schemas[datasets[0]], document)
        if errors:
            raise _refuse(errors[0].message)
