"""Stage 3, a consumer: sending typeset booklets to travelers by email (`booklet send`).

travelers.py reads and checks the list, message.py writes each email around a `Rendered`
booklet's bytes, stamp.py personalises its cover where typesetting says the band is, smtp.py
delivers with retries, ledger.py remembers who has it; cli_send.py is the command that ties them
together. Nothing here imports the build: it takes bytes and positions, never a content path.
"""
