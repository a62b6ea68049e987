"""`assistant completion SHELL`: the shell's completion script for `assistant`."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

from inbox_assistant.cli.main import main

SHELLS = ("bash", "zsh", "fish")


@main.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL. To complete commands and options as you type:

    \b
      bash:  echo 'eval "$(assistant completion bash)"' >> ~/.bashrc
      zsh:   echo 'eval "$(assistant completion zsh)"' >> ~/.zshrc
      fish:  assistant completion fish > ~/.config/fish/completions/assistant.fish
    """
    completer = get_completion_class(shell)
    assert completer is not None  # every name in SHELLS is one click knows
    click.echo(completer(main, {}, "assistant", "_ASSISTANT_COMPLETE").source())
