"""The generator behind ``spapi_async/apis`` and ``spapi_async/models``.

Run ``python -m codegen`` after updating Amazon's models (``$SPAPI_SHARED/spapi-models/models``, or
``--models-dir``); ``python -m codegen --check`` is CI's drift check. Output is deterministic and ruff-formatted.

What it writes, per model file (``ordersV0.json`` → ``orders_v0``; the naming rules are in :mod:`codegen.config`):

- ``spapi_async/apis/<api>.py``: one ``Resource`` subclass with one method per operation (snake_case operationId,
  keyword-only snake_case arguments typed from the model, ``AsyncPaginator`` for paginated operations); each method
  passes its operation's descriptor to the hand-written ``spapi_async.resource``, which turns it into a request;
- ``spapi_async/models/<api>.py``: pydantic models for every definition;
- ``spapi_async/apis/_operations.py``: the descriptors, one ``spapi_async.operation.Operation`` per operation (method,
  path template, usage plan, flags, pagination, parameters, response model), which the package ``__init__``
  installs as the source of ``sp.OPERATIONS``; ``spapi_async/apis/_attributes.py``: the client's lazily created API
  attributes and aliases.

Modules: :mod:`codegen.spec` reads the models (usage plans via :mod:`codegen.plans`, pagination, grantless,
restricted); ``emit_*`` render; :mod:`codegen.generate` formats, writes and checks. Everything the models do not say
(names, aliases, restricted operations, token rules, overrides) is in :mod:`codegen.config`, validated on every run.
"""
