"""Sending the booklet to travelers by email: `booklet send`.

travelers.py reads and checks the list, message.py writes each email, stamp.py personalises the
cover of a booklet built once per language, smtp.py delivers with retries, ledger.py remembers who
has it, and command.py is the command line that ties them together.
"""
