from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .models import Event


def upcoming(request):
    events = Event.objects.filter(published=True, ends_at__gte=timezone.now())
    return render(request, "events/list.html", {"events": events})


def detail(request, slug):
    return render(request, "events/detail.html",
                  {"event": get_object_or_404(Event, slug=slug, published=True)})
