"""The SQL store: models, engine/session factory, migrations and query functions that take a Session."""
