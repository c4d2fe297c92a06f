"""Generated API resources (one module per API version) and the operation table. See ``codegen/``."""
