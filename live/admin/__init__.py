"""Live coverage on the desk: editors start and end it, Live journalists and editors post
entries in one step, editors edit, correct and delete them. Every action asks the models'
methods, which ask live/rules.py: the desk only shows what they allow."""

from live.admin import coverage, entries  # noqa: F401
