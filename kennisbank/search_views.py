"""`/zoeken/`: one box over casus, kennisartikelen and begrippen."""

from django.shortcuts import render

from casuistry.selectors.search import search_casus
from kennisbank.articles.models import KennisartikelPage
from kennisbank.glossary.selectors import search_begrippen
from kennisbank.pagination import page_number


def zoeken(request):
    query = request.GET.get("q", "").strip()[:4000]
    context = {"query": query}
    if query:
        context["casus"] = search_casus(query=query, page=page_number(request), per_page=10)
        context["articles"] = list(KennisartikelPage.objects.live().search(query)[:5])
        context["begrippen"] = search_begrippen(query)
    return render(request, "search/zoeken.html", context)
