"""Aligned text tables and coloured words: colour on a terminal, plain text otherwise
(a pipe, a file, cron's mail), so what scripts and logs see never holds escape codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click


def on_terminal() -> bool:
    return sys.stdout.isatty()


def paint(text: str, fg: str | None = None, *, bold: bool = False) -> str:
    return click.style(text, fg=fg, bold=bold) if on_terminal() and (fg or bold) else text


def cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def echo_table(header: Sequence[str], rows: Sequence[Sequence[str]],
               colours: Sequence[str | None] = (), indent: int = 2) -> None:
    """Columns padded to their widest cell; row i is drawn in colours[i] on a terminal."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    pad = " " * indent

    def line(cells: Sequence[str]) -> str:
        return pad + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    click.echo(paint(line(header), bold=True))
    for index, cells in enumerate(rows):
        colour = colours[index] if index < len(colours) else None
        click.echo(paint(line(cells), colour))
