"""The floor for this stack: a minimal Typer command that prints one Rich panel."""

import typer
from rich.console import Console
from rich.panel import Panel

app = typer.Typer()


@app.command()
def main(query: str) -> None:
    Console().print(Panel(query))


if __name__ == "__main__":
    app()
