"""A real PostgreSQL server for the tests, started in a temporary folder with Debian's binaries
(initdb + pg_ctl), as the postgres user when the tests run as root; one database per test.

Where the ``postgresql`` package is absent the tests that need it are skipped, with one line.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MISSING = (
    "PostgreSQL is not installed (Debian package postgresql; .ci/run installs it): "
    "the PostgreSQL run of these tests is skipped"
)


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """A running server: ``url(name)`` is the SQLAlchemy URL of database ``name``."""

    folder: Path
    port: int
    user: str = "articlebot"
    pg_ctl: str = ""
    as_postgres: bool = False
    databases: list[str] = field(default_factory=list)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its SQLAlchemy URL."""
        import psycopg

        name = f"t{len(self.databases) + 1}_{os.getpid()}"
        self.databases.append(name)
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        _run(self._command([self.pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate",
                            "-w", "stop"]), check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _command(self, argv: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if self.as_postgres else argv


def _run(argv: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, check=check, capture_output=True, text=True, timeout=120)


def start_postgres() -> PostgresServer | None:
    """Start a server, or None when PostgreSQL is not installed."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        return None
    as_postgres = os.geteuid() == 0  # the server refuses to run as root
    if as_postgres:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            return None
    folder = Path(tempfile.mkdtemp(prefix="article-bot-pg-"))
    server = PostgresServer(folder, _free_port(), pg_ctl=pg_ctl, as_postgres=as_postgres)
    if as_postgres:
        os.chmod(folder, 0o755)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    try:
        _run(server._command([initdb, "-D", str(data), "-U", server.user, "--auth=trust",
                              "-E", "UTF8", "--no-sync"]))
        options = (f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")
        _run(server._command([pg_ctl, "-D", str(data), "-o", options, "-l",
                              str(folder / "server.log"), "-w", "-t", "60", "start"]))
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        log = (folder / "server.log")
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        stderr = getattr(error, "stderr", "") or ""
        raise RuntimeError(f"PostgreSQL did not start: {stderr}\n{detail}") from error
    return server


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer | None]:
    server = start_postgres()
    try:
        yield server
    finally:
        if server is not None:
            server.stop()
