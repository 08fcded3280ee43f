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


def test_every_command_has_examples_and_wrapped_help(run_cli: RunCli) -> None:
    from tui.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    for name in (name for name in commands if not name.startswith("_")):
        done = run_cli(name, "--help", env={"COLUMNS": "80"})
        assert done.returncode == 0, done.stderr
        assert "\nexamples:\n  " in done.stdout, f"crosswire {name} --help has no examples"
        assert f"crosswire {name}" in done.stdout.split("examples:")[1]
        description = done.stdout.split("examples:")[0]
        too_long = [line for line in description.splitlines() if len(line) > 80]
        assert not too_long, f"crosswire {name} --help is not wrapped: {too_long[0][:60]}"
    assert done.stdout.endswith("\n")
