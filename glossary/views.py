from itertools import groupby

from django.shortcuts import get_object_or_404, render

from .models import Begrip


def begrippen_index(request):
    begrippen = list(Begrip.objects.all())
    groups = [(letter, list(items)) for letter, items in groupby(begrippen, key=lambda b: b.first_letter)]
    return render(request, "glossary/begrippen_index.html", {"groups": groups, "count": len(begrippen)})


def begrip_detail(request, slug):
    begrip = get_object_or_404(Begrip, slug=slug)
    return render(request, "glossary/begrip_detail.html", {"begrip": begrip})
