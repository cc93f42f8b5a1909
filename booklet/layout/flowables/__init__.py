"""Custom flowables: the drawn parts of the booklet (timeline, plan, cards, pictograms)."""
