"""Unpublishing from the admin: a confirmation page asking for the reason, for one or many."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import workflow


class ReasonForm(forms.Form):
    required_css_class = "required"
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("Kept in the workflow history and emailed to the authors."),
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
    )


def confirm_view(model_admin, request, object_id):
    """Ask for the reason, then unpublish through the workflow, which insists on it too."""
    article = get_object_or_404(model_admin.get_queryset(request), pk=object_id)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    try:
        workflow.check_allowed(article, "unpublish", request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(change_url)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            workflow.apply_transition(
                article, "unpublish", request.user, form.cleaned_data["reason"]
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(change_url)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            done = _("“%(headline)s”: %(action)s done.")
            label = workflow.ACTIONS["unpublish"].label
            messages.success(request, done % {"headline": article.headline, "action": label})
            return HttpResponseRedirect(change_url)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": article,
        "title": _("Unpublish “%(headline)s”") % {"headline": article.headline},
        "form": form,
        "change_url": change_url,
    }
    return TemplateResponse(request, "admin/articles/article/unpublish_confirmation.html", context)


def bulk_confirmation(model_admin, request, queryset, form):
    """Django's delete confirmation, for unpublishing: the list, what cannot be done, the reason."""
    selected, refused = [], []
    for article in queryset:
        try:
            workflow.check_allowed(article, "unpublish", request.user)
            selected.append(article)
        except (workflow.WorkflowError, PermissionDenied):
            refused.append(article)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Unpublish the selected articles"),
        "articles": selected,
        "refused": refused,
        "form": form,
        "changelist_url": reverse("admin:articles_article_changelist"),
    }
    return TemplateResponse(request, "admin/articles/article/unpublish_selected.html", context)
