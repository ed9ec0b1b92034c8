from align.cli import app

app(prog_name="align")
