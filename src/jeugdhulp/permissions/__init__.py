"""The one place where access is decided. See ``policy``: a table of role × resource × actie → scope."""
