"""The exception hierarchy.

User errors (bad data, bad templates, bad options) are :class:`ReportgenError`
subclasses: the CLI prints them as ``file:line:col: message`` lines and exits 2,
without a traceback. Anything else is an internal error and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem: where it is and what is wrong."""

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ReportgenError(Exception):
    """A user error: printed without traceback, exit status 2."""

    exit_code = 2

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])

    def __str__(self) -> str:
        """The message, then each problem on a line of its own, so that a traceback or a
        ``print(error)`` shows what is wrong, not only how many things are."""
        message = super().__str__()
        if not self.problems:
            return message
        return "\n".join([message, *(f"  {problem}" for problem in self.problems)])

    def lines(self) -> list[str]:
        """The lines to print: one per problem, or the message alone."""
        if self.problems:
            return [str(p) for p in self.problems]
        return [str(self)]


class DataError(ReportgenError):
    """The fact file is unreadable or invalid (every problem is collected)."""


class TemplateError(ReportgenError):
    """A template failed to load or render."""


class OptionError(ReportgenError):
    """A command-line option or API argument is invalid."""


class OutputError(ReportgenError):
    """An output could not be written (a directory that is a file, no permission)."""


class DataWarning(UserWarning):
    """Something in the data was repaired (e.g. forbidden characters removed)."""
