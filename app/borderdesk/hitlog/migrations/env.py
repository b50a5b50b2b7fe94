"""Alembic environment: runs on the connection the log hands over (see ``schema.upgrade``)."""

from alembic import context

from borderdesk.hitlog.models import Base


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # run by Alembic, not merely imported (doctest collection)
    run_migrations()
