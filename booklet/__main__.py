"""Allow `python -m booklet`."""

from booklet.cli import main

main()
