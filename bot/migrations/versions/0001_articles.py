"""Per-chat articles: articles (one row per content hash), chat_articles, chats.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("date", sa.String(32)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("paragraphs", sa.Text, nullable=False),
        sa.Column("paragraph_count", sa.Integer, nullable=False),
        sa.Column("attribution", sa.LargeBinary),
        sa.Column("attribution_version", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "chat_articles",
        sa.Column("chat_id", sa.BigInteger, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_chat_articles_article", "chat_articles", ["article_id"])
    op.create_table(
        "chats",
        sa.Column("chat_id", sa.BigInteger, primary_key=True),
        sa.Column(
            "current_article_id", sa.Integer,
            sa.ForeignKey("articles.id", ondelete="SET NULL"),
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("chats")
    op.drop_index("ix_chat_articles_article", table_name="chat_articles")
    op.drop_table("chat_articles")
    op.drop_table("articles")
