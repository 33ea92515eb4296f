"""django-otp's own device pages leave the admin: they are named in English and show keys.
An administrator resets a person's two-factor sign-in from the user list instead."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
