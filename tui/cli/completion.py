"""`crosswire completion bash|zsh|fish`: shell completion for commands, options, stories, outlets.

The scripts hold no list of their own: on each TAB they call the hidden `crosswire __complete
INDEX WORD...` (the words of the command line, INDEX the one being completed), which walks the
same argparse parser the command will run with, so a new command or option completes as soon as
it exists. Stories complete by title (or id, once an id's first characters are typed) and
outlets by name, read from the library named on the line (`--library DIR`), else the default one;
a library that does not exist yet is never created by a TAB. Where nothing fits (a file, a free
text) the shell's own file completion takes over.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.help import ExamplesFormatter

if TYPE_CHECKING:
    from tui.core.store.library import Library

SHELLS: tuple[str, ...] = ("bash", "zsh", "fish")

BASH_SCRIPT = r"""# crosswire completion for bash. Load it with, e.g. in ~/.bashrc:
#   source <(crosswire completion bash)
_crosswire() {
    local word quoted
    COMPREPLY=()
    while IFS= read -r word; do
        printf -v quoted '%q' "$word"
        COMPREPLY+=("$quoted")
    done < <(crosswire __complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null)
}
complete -o default -F _crosswire crosswire
"""

ZSH_SCRIPT = r"""#compdef crosswire
# crosswire completion for zsh. Load it with, e.g. in ~/.zshrc after compinit:
#   source <(crosswire completion zsh)
# or save it as _crosswire in a folder of $fpath.
_crosswire() {
    local -a found
    found=("${(@f)$(crosswire __complete $((CURRENT - 1)) "${(@Q)words[1,CURRENT]}" 2>/dev/null)}")
    found=(${found:#})
    if (( ${#found} )); then
        compadd -U -- "${found[@]}"
    else
        _files
    fi
}
if [[ "${funcstack[1]}" == _crosswire ]]; then
    _crosswire "$@"
else
    compdef _crosswire crosswire
fi
"""

FISH_SCRIPT = r"""# crosswire completion for fish. Load it with, e.g. in ~/.config/fish/config.fish:
#   crosswire completion fish | source
# or save it as ~/.config/fish/completions/crosswire.fish
function __crosswire_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l found (crosswire __complete (count $tokens) $tokens $current 2>/dev/null)
    if test (count $found) -gt 0
        printf '%s\n' $found
    else
        __fish_complete_path $current
    end
end
complete -c crosswire -f -a '(__crosswire_complete)'
"""

SCRIPTS: dict[str, str] = {"bash": BASH_SCRIPT, "zsh": ZSH_SCRIPT, "fish": FISH_SCRIPT}

OUTLET_METAVARS = frozenset({"ID|OUTLET", "ARTICLE", "NAME", "KEEP", "OTHER"})
"""Arguments that name an outlet (an article is named by its outlet too)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `completion SHELL`, and the hidden `__complete` its scripts call back."""
    completion = subparsers.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=(
            "Print a script that completes crosswire's commands, options, story titles and "
            "outlet names in your shell."
        ),
        epilog="""\
examples:
  source <(crosswire completion bash)          in ~/.bashrc
  source <(crosswire completion zsh)           in ~/.zshrc, after compinit
  crosswire completion fish > ~/.config/fish/completions/crosswire.fish""",
        formatter_class=ExamplesFormatter,
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    completion.set_defaults(func=run_completion)
    # No help=: argparse then leaves it out of crosswire's list of commands.
    complete = subparsers.add_parser("__complete", add_help=False)
    complete.add_argument("index", type=int)
    complete.add_argument("words", nargs=argparse.REMAINDER)
    complete.set_defaults(func=run_complete)


def run_completion(args: argparse.Namespace) -> int:
    """Print the script for the shell asked for."""
    sys.stdout.write(SCRIPTS[args.shell])
    return 0


def run_complete(args: argparse.Namespace) -> int:
    """Print the candidates for word `index` of `words`, one a line; never fail a TAB."""
    from tui.cli.main import build_parser

    words: list[str] = list(args.words)
    index: int = args.index
    if index < 1:
        return 0
    before = words[1:index]
    current = words[index] if index < len(words) else ""
    try:
        found = candidates(build_parser(), before, current)
    except Exception:  # a TAB must never print a traceback into the user's command line
        return 0
    for candidate in found:
        print(candidate)
    return 0


class _Walk:
    """Where the words before the cursor left the parser: which command, which argument next."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.parser = parser
        self.positionals = 0
        self.pending: argparse.Action | None = None
        """The option whose value the next word is."""
        self.library: Path | None = None
        self.story: str | None = None
        """The story the line names so far (a STORY argument or `--story`)."""

    def subcommands(self) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
        for action in self.parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
        return None

    def positional_actions(self) -> list[argparse.Action]:
        return [
            action
            for action in self.parser._actions
            if not action.option_strings and not isinstance(action, argparse._SubParsersAction)
        ]

    def next_positional(self) -> argparse.Action | None:
        for slot, action in enumerate(self.positional_actions()):
            if action.nargs in ("+", "*", argparse.REMAINDER) or slot == self.positionals:
                return action
        return None

    def take_value(self, action: argparse.Action, value: str) -> None:
        if action.dest == "library":
            self.library = Path(value).expanduser()
        elif action.metavar == "STORY" and self.story is None:
            self.story = value

    def step(self, word: str) -> None:
        if self.pending is not None:
            self.take_value(self.pending, word)
            self.pending = None
            return
        if word.startswith("-") and len(word) > 1:
            name, equals, value = word.partition("=")
            action = self.parser._option_string_actions.get(name)
            if action is not None and action.nargs != 0:
                if equals:
                    self.take_value(action, value)
                else:
                    self.pending = action
            return
        commands = self.subcommands()
        if commands is not None and word in commands.choices:
            self.parser = commands.choices[word]
            self.positionals = 0
            return
        action = self.next_positional()
        if action is not None:
            self.take_value(action, word)
        self.positionals += 1


def candidates(parser: argparse.ArgumentParser, before: Sequence[str], current: str) -> list[str]:
    """What may stand at the cursor: `before` are the words after `crosswire` and before it.

    Options are offered when `current` starts with '-', else the values the argument at the
    cursor takes; an empty list leaves the completion to the shell (files).
    """
    walk = _Walk(parser)
    for word in _joined_equals(before):
        walk.step(word)
    prefix = current.lstrip("'\"")
    if walk.pending is not None:
        return _values(walk, walk.pending, prefix)
    if prefix.startswith("-"):
        options = sorted(
            option for action in walk.parser._actions for option in action.option_strings
        )
        return [option for option in options if option.startswith(prefix)]
    commands = walk.subcommands()
    if commands is not None:
        return sorted(name for name in _public(commands) if name.startswith(prefix))
    action = walk.next_positional()
    return [] if action is None else _values(walk, action, prefix)


def _joined_equals(words: Sequence[str]) -> list[str]:
    """bash splits `--library=DIR` into three words; put them back together."""
    joined: list[str] = []
    for word in words:
        if joined and (word == "=" or joined[-1].endswith("=")) and joined[-1].startswith("-"):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _public(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[str]:
    return [name for name in commands.choices if not name.startswith("_")]


def _values(walk: _Walk, action: argparse.Action, prefix: str) -> list[str]:
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return sorted(str(choice) for choice in action.choices if str(choice).startswith(prefix))
    if action.dest == "topic":  # `crosswire help COMMAND`
        from tui.cli.main import build_parser

        top = _Walk(build_parser()).subcommands()
        names = _public(top) if top is not None else []
        return sorted(name for name in names if name.startswith(prefix))
    if action.metavar == "STORY" or (action.metavar == "OTHER" and "story" in walk.parser.prog):
        return _stories(walk, prefix)
    if action.metavar in OUTLET_METAVARS:
        return _outlets(walk, prefix)
    return []


def _library(walk: _Walk) -> Library | None:
    """The library the line names, if it exists: a TAB never creates one."""
    from tui.core.store.library import Library, default_home

    home = (walk.library or default_home()).expanduser()
    if not (home / "library.json").is_file():
        return None
    return Library(home)


def _stories(walk: _Walk, prefix: str) -> list[str]:
    """Titles starting with `prefix` (any case); ids too once `prefix` starts one."""
    from tui.cli.common import printable

    library = _library(walk)
    if library is None:
        return []
    folded = prefix.casefold()
    found: list[str] = []
    for story in library.stories():
        title = printable(story.title)
        if title.casefold().startswith(folded):
            found.append(title)
        elif prefix and story.id.startswith(prefix):
            found.append(story.id)
    return sorted(set(found), key=str.casefold)


def _outlets(walk: _Walk, prefix: str) -> list[str]:
    """Outlet names starting with `prefix`: of the story the line names, else of the library."""
    from tui.cli.common import printable
    from tui.core.store.library import LibraryError

    library = _library(walk)
    if library is None:
        return []
    story_ids = [story.id for story in library.stories()]
    if walk.story is not None:
        with suppress(LibraryError):  # a story not found: the library's outlets
            story_ids = [library.find_story(walk.story).id]
    folded = prefix.casefold()
    names = {
        printable(entry.outlet)
        for story_id in story_ids
        for entry in library.article_entries(story_id)
    }
    return sorted((name for name in names if name.casefold().startswith(folded)), key=str.casefold)
