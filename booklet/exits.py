"""The exit codes of `booklet`, in one place (README "Commands" lists them)."""

EXIT_OK = 0
EXIT_CONTENT = 1  # bad content or input, a size budget that cannot be met, messages not sent
EXIT_USAGE = 2  # bad usage (click's convention)
EXIT_BUG = 70  # an unexpected failure: our bug (EX_SOFTWARE)
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM (128 + SIGINT)
