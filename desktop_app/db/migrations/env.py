"""Alembic environment: runs with the engine Passerelle hands it, batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from desktop_app.db.models import Base
from desktop_app.db.search_index import include_object

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` command line with -x url=...
    from desktop_app.db.engine import make_engine, resolve_database_url

    engine = make_engine(
        resolve_database_url(context.get_x_argument(as_dictionary=True).get("url"))
    )

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        # The search index is kept by triggers, not modelled: leave it out of autogenerate.
        include_object=include_object,
    )
    context.run_migrations()
