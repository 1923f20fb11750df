"""The Council's vote: the ballots, the secretary's tally and the result workbook."""
