"""Staff sign-in with a second factor: an authenticator app's code, or a recovery code.

django-otp keeps the devices and checks the codes; this package adds the steps after the
password (code, enrolment, recovery codes) and keeps a session that still owes a code out of
the admin (middleware.py). Who must use it is policy.py's question.
"""
