"""The secretariat writes news in the admin: a draft previewed on the site, then published at once or later."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionagenda.outreach.demo import illustration
from actionagenda.outreach.models import NewsItem
from factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


def form(**fields):
    now = timezone.localtime()
    data = {"kind": "news", "status": "draft", "publish_at_0": now.strftime("%Y-%m-%d"),
            "publish_at_1": now.strftime("%H:%M:%S"), "slug": "analysts-certified", "title_en": "Analysts certified",
            "summary_en": "Twelve analysts passed.", "body_en": "They passed **proficiency tests**.",
            "image_alt_en": "", "quotes-TOTAL_FORMS": "0", "quotes-INITIAL_FORMS": "0"}
    return data | fields


def test_the_secretariat_writes_a_draft_with_an_image_and_previews_it(client, secretariat):
    client.force_login(secretariat)
    picture = SimpleUploadedFile("bench.png", illustration(), content_type="image/png")
    refused = client.post(reverse("admin:outreach_newsitem_add"), form(image=picture))
    assert refused.status_code == 200 and not NewsItem.objects.exists()  # an image needs its description
    picture.seek(0)
    response = client.post(reverse("admin:outreach_newsitem_add"),
                           form(image=picture, image_alt_en="Analysts at a PCR bench."))
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.created_by == secretariat and not item.is_public
    listing = client.get(reverse("admin:outreach_newsitem_changelist")).content.decode()
    assert f'href="{item.get_absolute_url()}">Preview</a>' in listing
    assert "Preview: a draft" in client.get(item.get_absolute_url()).content.decode()
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 404


def test_publish_now_makes_drafts_and_scheduled_items_public(client, secretariat):
    draft = NewsItemFactory(status="draft")
    later = NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(days=5))
    client.force_login(secretariat)
    client.post(reverse("admin:outreach_newsitem_changelist"),
                {"action": "publish_now", "_selected_action": [draft.pk, later.pk]})
    assert NewsItem.objects.public().count() == 2
    assert client.get(later.get_absolute_url()).status_code == 200


def test_a_member_without_the_secretariat_role_cannot_write_news(client):
    client.force_login(UserFactory())
    assert client.get(reverse("admin:outreach_newsitem_add"), follow=True).status_code == 403
    client.post(reverse("admin:outreach_newsitem_add"), form())
    assert not NewsItem.objects.exists()
