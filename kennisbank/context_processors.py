from django.urls import reverse


def navigation(request):
    items = [
        ("/", "Start"),
        ("/casus/", "Casus"),
        ("/besluit-voorbereiden/", "Besluit voorbereiden"),
        ("/kennis/", "Kennis"),
        ("/begrippen/", "Begrippen"),
        ("/intervisie/", "Intervisie"),
        ("/leerpaden/", "Leerpaden"),
        ("/monitor/", "Monitor"),
        (reverse("zoeken"), "Zoeken"),
    ]
    path = request.path
    nav = [
        {"url": url, "label": label, "current": path == url or (url != "/" and path.startswith(url))}
        for url, label in items
    ]
    return {"main_navigation": nav}
