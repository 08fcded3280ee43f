"""`crosswire help [COMMAND]` and the worked examples under each command's --help."""

from __future__ import annotations

from tests.conftest import RunCli


def test_help_command_prints_a_commands_options_and_examples(run_cli: RunCli) -> None:
    done = run_cli("help", "export")
    assert done.returncode == 0, done.stderr
    assert "--all-drifts" in done.stdout
    assert "examples:\n  crosswire export quake -o memo.md" in done.stdout
    assert run_cli("export", "--help").stdout == done.stdout, "the same text both ways"


def test_help_alone_lists_commands_with_examples(run_cli: RunCli) -> None:
    done = run_cli("help")
    assert done.returncode == 0
    assert "import" in done.stdout and "export" in done.stdout
    assert "crosswire help import" in done.stdout
    assert "crosswire help [COMMAND]" in run_cli("--help").stdout


def test_help_on_an_unknown_command_is_one_line(run_cli: RunCli) -> None:
    done = run_cli("help", "exprot")
    assert done.returncode == 2
    assert done.stderr.startswith("crosswire: no command 'exprot'; commands are ")
    assert done.stderr.count("\n") == 1 and "export" in done.stderr
