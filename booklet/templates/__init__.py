"""Content templates for `booklet init --template` (the sample is the repository's content.yaml)."""
