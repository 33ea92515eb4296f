"""Signed webhooks: partners' endpoints told when an article is published, updated, corrected
or unpublished (Standard Webhooks), sent by the task worker with retries.

It listens (receivers.py) to the articles' signals and models: no other app imports it.
"""
