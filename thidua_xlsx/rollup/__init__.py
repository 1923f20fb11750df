"""The units a summary carries to the level above: the summary's hidden data sheet and its codec."""
