"""Allow `python -m booklet`."""

from booklet.cli_entry import main

main()
