"""Form widgets rendered by Django's template engine alone."""

from django.forms.renderers import TemplatesSetting
from django.template import engines


class DjangoTemplatesSetting(TemplatesSetting):
    """TemplatesSetting asks every engine in turn, the readers' Jinja first: each widget
    then costs a failed lookup on disk, a millisecond a row of the desk's article list."""

    def get_template(self, template_name):
        return engines["django"].get_template(template_name)
