from dyad.cli import app

app(prog_name="dyad")
