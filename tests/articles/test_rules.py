"""The model layer refuses what a user may not save, whatever the admin shows."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import PictureFactory


def test_journalist_cannot_save_an_editor_only_field(draft, journalist):
    draft.published_at = timezone.now()
    with pytest.raises(PermissionDenied):
        workflow.save_by(draft, journalist)
    draft.refresh_from_db()
    assert draft.published_at is None


def test_journalist_cannot_create_a_lead_story(journalist):
    from tests.factories import SectionFactory

    article = Article(headline="h", section=SectionFactory(), is_lead=True)
    with pytest.raises(PermissionDenied):
        workflow.save_by(article, journalist)
    assert not Article.objects.exists()


def test_journalist_cannot_save_a_colleagues_draft(draft, colleague):
    draft.headline = "Réécrit"
    with pytest.raises(PermissionDenied):
        workflow.save_by(draft, colleague)


def test_journalist_cannot_save_own_published_article(published, journalist):
    published.headline = "Changé après publication"
    with pytest.raises(PermissionDenied):
        workflow.save_by(published, journalist)


def test_editor_corrects_a_published_article(published, editor):
    published.standfirst = "Le montant était de 3 milliards, non de 30."
    workflow.save_by(published, editor)
    published.refresh_from_db()
    assert published.standfirst.startswith("Le montant") and published.revised_at


def test_image_requires_alt_text(draft):
    from django.core.exceptions import ValidationError

    draft.picture = PictureFactory(alt_text="")
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "image_alt" in error.value.message_dict
