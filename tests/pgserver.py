"""A throwaway PostgreSQL cluster on loopback, for the tests and the benchmarks.

Uses Debian's ``postgresql`` package (installed by ``tools/bootstrap test``):
``initdb`` into a temporary directory and ``pg_ctl start`` on a free port of
127.0.0.1, trust authentication, its socket in the same directory. PostgreSQL
refuses to run as root, so when the tests run as root the server runs as the
``postgres`` system user (through ``runuser``). ``Unavailable`` says why a
server could not be had.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class Unavailable(RuntimeError):
    pass


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    if which:
        return Path(which).resolve().parent
    raise Unavailable("no PostgreSQL server binaries (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *, fsync: bool = False) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="borderdesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.fsync = fsync
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no 'postgres' user") from None
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.root, 0o700)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              cwd=self.root, check=False)

    def start(self) -> Server:
        r = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")
        if r.returncode:
            raise Unavailable(f"initdb failed: {r.stderr.strip()[-400:]}")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=50")
        r = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                      "-o", options, "-w", "-t", "60", "start")
        if r.returncode:
            log = (self.root / "server.log")
            tail = log.read_text()[-600:] if log.exists() else r.stderr
            raise Unavailable(f"pg_ctl start failed: {tail.strip()}")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str) -> None:
        r = self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                      "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", statement)
        if r.returncode:
            raise RuntimeError(f"psql: {r.stderr.strip()}")

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
