"""Running the importer on exports the tests write, and a folder of old uploads."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from PIL import Image
from taggit.models import Tag

from articles.models import Article, Byline, Section, Tagging, Transition
from authors.models import Author
from importer.models import ImportedAuthor, ImportedPost, LegacyAddress
from importer.run import import_wordpress
from tests.importer.processes import copy_database, migrate


@pytest.fixture
def write_export(tmp_path):
    def write(xml, name="export.xml"):
        path = tmp_path / name
        path.write_text(xml, encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_import(db, write_export):
    """Import an export given as text; returns the Summary (its notes in English)."""

    def run(xml, **options):
        with translation.override("en"):
            return import_wordpress(write_export(xml), **options)

    return run


@pytest.fixture
def run_command(db, write_export):
    """The management command, in English; returns (stdout, stderr)."""

    def run(xml, *args, **options):
        out, err = io.StringIO(), io.StringIO()
        with translation.override("en"):
            call_command(
                "import_wordpress", str(write_export(xml)), *args, stdout=out, stderr=err, **options
            )
        return out.getvalue(), err.getvalue()

    return run


def picture(path, size=(1200, 675), fmt="JPEG", colour="#2a9d8f"):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, fmt)
    return path


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old site's wp-content/uploads."""
    root = tmp_path / "uploads"
    picture(root / "2024/03/une.jpg")
    picture(root / "2024/03/carte.png", size=(800, 600), fmt="PNG")
    picture(root / "2024/03/carte-300x225.png", size=(300, 225), fmt="PNG")
    return root


def snapshot():
    """Everything an import may write, to prove that a refused one wrote nothing."""
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (
            Article,
            Author,
            Byline,
            ImportedAuthor,
            ImportedPost,
            LegacyAddress,
            Section,
            Tag,
            Tagging,
            Transition,
        )
    }


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return (
        sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file()) if root.exists() else []
    )


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite database file, copied by each test that runs the command apart."""
    database = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    migrate(database)
    return database


@pytest.fixture
def own_database(migrated_sqlite, tmp_path):
    return copy_database(migrated_sqlite, tmp_path)
