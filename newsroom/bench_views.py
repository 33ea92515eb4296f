"""The benchmark's ceiling: a bare view rendering a small template, through the same stack."""

from django.shortcuts import render


def ceiling(request):
    return render(request, "bench/ceiling.html", {"title": "Plafond"})
