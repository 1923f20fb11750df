"""The faces over the library: the command line and the demo."""
