"""Live coverage ("En direct"): an article followed minute by minute, with its entries.

The article itself goes through the normal workflow; its coverage and entries live here, so
the article model is untouched. Who may do what: rules.py, enforced by the models' methods.
What readers see: page.py (the article page's part) and poll.py (new entries, answered by
middleware.py before sessions and the rest). How fresh they stay: versions.py.
"""
