"""The audit log: who signed in or failed to, who moved which article, made or revoked which
preview link, merged which tags, and changed which account, group or permission.

It only listens (receivers.py): no other app imports it.
"""
