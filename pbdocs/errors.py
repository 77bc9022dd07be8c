"""Errors a person can act on. Their message is one Chinese sentence naming the problem."""


class PbdocsError(Exception):
    """Base of every error pbdocs reports to a person (CLI exit code 1)."""

    exit_code = 1


class InputError(PbdocsError):
    """Bad usage or bad input: unreadable, empty, binary, corrupt or unsupported file (exit 2)."""

    exit_code = 2
