"""All-or-nothing output of a set of files (every language, format and chart of a build).

Files are staged inside the output folder, in a hidden folder
``.reportgen-staging-<pid>-<random>/`` (``new/`` holds the files to write, ``old/`` hard
links to the files they replace), so nothing is staged under ``$TMPDIR`` and every
rename stays on one file system. Once all are staged and the targets checked (no
folder, file or symbolic link in the way, nothing outside the output folder), a small
journal, ``.reportgen-journal.json``, is written atomically, then each staged file is
renamed over its target. If a rename fails, every target already replaced is restored
from ``old/`` and every new one removed. If the process dies between renames, the
journal stays, and the next run in that folder (:func:`recover`) rolls the set back to
the earlier one before it does anything else; staging folders of processes that no
longer run are removed at the same time. Commits and recovery in one folder hold an
exclusive lock on it (``flock``), so two builds into one folder never interleave.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from reportgen.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no folder locks
    fcntl = None  # type: ignore[assignment]

STAGING_PREFIX = ".reportgen-staging-"
JOURNAL = ".reportgen-journal.json"


def _fail(path: Path, error: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {error.strerror or error}")


@contextlib.contextmanager
def folder_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder ``out`` (no lock file is left behind)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    handle = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk (where the system allows it on folders)."""
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours
        return True
    return True


def recover(out: Path) -> None:
    """Roll back a set left half-written by a killed build and clean up stale staging.

    Call before anything else touches ``out``; a folder that does not exist is fine.
    """
    if not out.is_dir():
        return
    with folder_lock(out):
        _recover_locked(out)


def _recover_locked(out: Path) -> None:
    journal = out / JOURNAL
    if journal.is_file() and not journal.is_symlink():
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            _roll_back(out, record)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise OutputError(
                f"{journal}: an interrupted build left this journal and it cannot be "
                f"rolled back ({error}); restore the files it names and delete it"
            ) from None
    for entry in out.iterdir():
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
            pid = entry.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
            if not (pid.isdigit() and _pid_alive(int(pid))):
                shutil.rmtree(entry, ignore_errors=True)


def _roll_back(out: Path, record: dict[str, object]) -> None:
    """Put back the set the journal ``record`` describes, then remove journal and staging."""
    staging = out / str(record["staging"])
    backed_up = set(_strings(record["backed_up"]))
    for relative in _strings(record["files"]):
        target, new, old = out / relative, staging / "new" / relative, staging / "old" / relative
        if new.exists():
            continue  # never renamed: the target is as it was
        if relative in backed_up:
            if old.exists():
                os.replace(old, target)
        elif target.exists() and not target.is_dir():
            target.unlink()  # it did not exist before this set
    for folder in reversed(_strings(record["made_dirs"])):
        with contextlib.suppress(OSError):
            (out / folder).rmdir()
    (out / JOURNAL).unlink(missing_ok=True)
    _fsync(out)
    shutil.rmtree(staging, ignore_errors=True)


def _strings(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of file names was expected")
    return list(value)


class FileSet:
    """Files staged in a hidden folder inside ``out``, then committed all or none.

    Use as a context manager: leaving it without :meth:`commit` removes everything staged.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.staging = out / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        self.files: list[str] = []
        try:
            self.staging.mkdir(mode=0o700)
            (self.staging / "new").mkdir()
            (self.staging / "old").mkdir()
        except OSError as error:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"cannot write in {out}: {error.strerror}") from None

    @property
    def new_dir(self) -> Path:
        """The folder that mirrors ``out`` with the staged files."""
        return self.staging / "new"

    def __enter__(self) -> FileSet:
        return self

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def stage(self, relative: str, data: bytes) -> None:
        """Write ``data`` for the target ``out/relative`` into the staging folder."""
        self.check_target(relative)
        if relative in self.files:
            raise OutputError(f"cannot write {self.out / relative}: it is written twice")
        path = self.new_dir / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            handle = os.open(path, flags, 0o644)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            raise _fail(self.out / relative, error) from None
        self.files.append(relative)

    def check_target(self, relative: str) -> None:
        """Refuse a target outside ``out``, behind a link or file, or taken by a folder."""
        target = self.out / relative
        parts = Path(relative).parts
        if not parts or Path(relative).is_absolute() or ".." in parts:
            raise OutputError(f"cannot write {target}: it lies outside {self.out}")
        for depth in range(1, len(parts) + 1):
            path = self.out.joinpath(*parts[:depth])
            if path.is_symlink():
                raise OutputError(
                    f"cannot write {target}: {path} is a symbolic link; "
                    "reportgen does not write through links"
                )
            if depth < len(parts) and path.exists() and not path.is_dir():
                raise OutputError(f"cannot write {target}: {path} is a file, not a folder")
        if target.is_dir():
            raise OutputError(f"cannot write {target}: a folder of that name is in the way")
        if not target.resolve().is_relative_to(self.out.resolve()):
            raise OutputError(f"cannot write {target}: it lies outside {self.out}")

    def commit(self) -> list[Path]:
        """Replace every target by its staged file, all or none; return the targets."""
        with folder_lock(self.out):
            _recover_locked(self.out)
            for relative in self.files:
                self.check_target(relative)
            record = self._prepare()
            self._rename_all(record)
            (self.out / JOURNAL).unlink(missing_ok=True)
            _fsync(self.out)
        shutil.rmtree(self.staging, ignore_errors=True)
        return [self.out / relative for relative in self.files]

    def _prepare(self) -> dict[str, object]:
        """Back up every target that exists, write the journal, make missing folders."""
        backed_up: list[str] = []
        made: list[str] = []
        for relative in self.files:
            target = self.out / relative
            for parent in list(reversed(Path(relative).parents))[1:]:
                if not (self.out / parent).exists() and parent.as_posix() not in made:
                    made.append(parent.as_posix())
            if target.exists():
                self._back_up(relative)
                backed_up.append(relative)
        record: dict[str, object] = {
            "staging": self.staging.name, "files": self.files,
            "backed_up": backed_up, "made_dirs": made,
        }  # fmt: skip
        self._write_journal(record)
        try:
            for folder in made:
                (self.out / folder).mkdir()
        except OSError as error:
            self._undo(record)
            raise _fail(self.out / folder, error) from None
        return record

    def _back_up(self, relative: str) -> None:
        target, old = self.out / relative, self.staging / "old" / relative
        try:
            old.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(target, old)
            except OSError:  # no hard links here (or an immutable file): copy instead
                shutil.copy2(target, old)
        except OSError as error:
            raise _fail(target, error) from None

    def _write_journal(self, record: dict[str, object]) -> None:
        temporary = self.staging / "journal.json"
        try:
            temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            _fsync(temporary)
            os.replace(temporary, self.out / JOURNAL)
            _fsync(self.out)
        except OSError as error:
            raise _fail(self.out / JOURNAL, error) from None

    def _rename_all(self, record: dict[str, object]) -> None:
        for relative in self.files:
            try:
                os.replace(self.new_dir / relative, self.out / relative)
            except OSError as error:
                self._undo(record)
                raise _fail(self.out / relative, error) from None

    def _undo(self, record: dict[str, object]) -> None:
        try:
            _roll_back(self.out, record)
        except OSError as error:
            raise OutputError(
                f"cannot write {self.out}: a write failed and restoring the earlier files "
                f"failed too ({error.strerror}); the next build in {self.out} retries"
            ) from None
