"""The listening store: schema, migrations, batched ingest and cross-source de-duplication."""
