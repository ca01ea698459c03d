"""One error story: every error that stops a command is a KamerbriefError carrying its exit code."""

from __future__ import annotations

import click

from kamerbrief import batch, cli, reporters, validate
from kamerbrief.model import ExitCode, KamerbriefError, UsageError


def test_batch_and_validate_errors_are_of_the_one_family_with_their_exit_code() -> None:
    for cls in (batch.BatchError, batch.BusyError, validate.UnreadableError):
        assert issubclass(cls, KamerbriefError) and issubclass(cls, UsageError)
        assert cls("x").exit_code == ExitCode.USAGE
    # the message names its own path: printed alone, as before
    assert str(batch.BatchError("archive: not a folder")) == "archive: not a folder"


def test_every_format_option_offers_the_reporters_formats() -> None:
    found = 0
    for command in cli.main.commands.values():
        for param in command.params:
            if "--format" in getattr(param, "opts", ()) and isinstance(param.type, click.Choice):
                assert tuple(param.type.choices) == reporters.FORMATS, command.name
                found += 1
    assert found >= 3  # parse, validate, batch
