"""The generator behind ``spapi_async/apis`` and ``spapi_async/models`` (run ``python -m codegen``)."""
