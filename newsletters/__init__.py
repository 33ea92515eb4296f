"""Newsletters: readers subscribe (double opt-in), manage their choices through signed links
and leave in one click; the newsroom lists and exports them."""
