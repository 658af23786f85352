"""Alembic's environment: migrations run on the connection the store opened (bot.store._upgrade).

To write a new migration: add a file under versions/ whose down_revision is the last one's id,
and change the tables of bot.store to match: a new database is made from them and stamped at the
newest revision without running the migrations (tests/bot/test_store.py compares the two).
"""

from __future__ import annotations

from alembic import context

from bot.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("bot.store opens the database and runs the migrations itself")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
