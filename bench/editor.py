"""The editor at work during the traffic mix, over HTTP through the admin like a browser.

Logs in at /admin/login/ (CSRF token and cookie), then, on the clock of the side's load (its
rounds only), publishes a new article every `publish_every` seconds and corrects a published
one every `correct_every`:

- publish: the add form (/admin/articles/article/add/) filled in and saved with "Save and
  continue editing" (`_continue`), then the change form posted back with the workflow
  panel's button (`_transition=publish`); checked on the public page, as a reader.
- correct: a recent article's change form, its body edited and a correction logged,
  saved (`_continue`); the note checked on the public page, as a reader.

Each action is recorded (what, when, how long, ok or why not); nothing here stops a run.
"""

import random
import re
import time
import traceback
import uuid
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urljoin
from urllib.request import HTTPCookieProcessor, Request, build_opener

USERNAME = "bench-editor"
PASSWORD = "bench-editor-Kp4s9Lw2Qx"  # a local benchmark database's account, on loopback
TIMEOUT = 30
ADD = "/admin/articles/article/add/"
CHANGE = "/admin/articles/article/{pk}/change/"
CHANGE_URL = re.compile(r"/admin/articles/article/(\d+)/change/$")
RECENT = 20  # corrections fall on the newest articles (and the editor's own)

# Run in the checkout (`manage.py shell`): the editor's account, in the Editors group.
CREATE_ACCOUNT = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

user, _ = get_user_model().objects.get_or_create(username={USERNAME!r})
user.first_name, user.last_name, user.is_staff, user.is_active = "Awa", "Koné", True, True
user.set_password({PASSWORD!r})
user.save()
user.groups.add(Group.objects.get(name="Editors"))
"""

PLACES = ["Abidjan", "Bouaké", "Dakar", "Bamako", "Niamey", "Ouagadougou", "Lomé", "Accra"]
SUBJECTS = [
    "le prix du riz",
    "la campagne de cacao",
    "la sécurité aux frontières",
    "les élections locales",
    "la saison des pluies",
    "le championnat de football",
    "les coupures d'électricité",
    "la rentrée universitaire",
]
SENTENCES = [
    "Les habitants de {place} ont suivi de près {subject}, selon des sources officielles.",
    "Le ministre a annoncé mardi de nouvelles mesures sur {subject}.",
    "À {place}, les commerçants disent attendre des réponses concrètes.",
    "Un rapport publié cette semaine fait le point sur {subject} dans la région.",
    "Les jeunes de {place} se sont réunis pour en débattre au conseil de quartier.",
    "Les chiffres de la banque centrale montrent une évolution contrastée.",
    "La coopération régionale reste au cœur des discussions, selon un conseiller.",
    "Plusieurs associations demandent davantage de transparence sur {subject}.",
]


class Form(HTMLParser):
    """What a browser would post from one form of a page (by id), with each select's
    options and the workflow buttons (`_transition`) on offer."""

    def __init__(self, page: str, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.fields: list[list[str]] = []
        self.options: dict[str, list[str]] = {}
        self.transitions: list[str] = []
        self._select = self._textarea = None
        self._selected = False
        self.feed(page)

    def _ours(self, attrs) -> bool:
        owner = attrs.get("form")
        return owner == self.form_id if owner else self.inside

    def handle_starttag(self, tag, attrs):
        attrs = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        name = attrs.get("name", "")
        if not self._ours(attrs) or "__prefix__" in name:
            if tag == "option" and self._select:
                self._option(attrs)
            return
        kind = attrs.get("type", "text").lower()
        if tag == "button" and name == "_transition":
            self.transitions.append(attrs.get("value", ""))
        elif tag == "input" and name and kind not in ("submit", "button", "image", "file", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and name:
            self._select, self._selected = name, False
            self.options[name] = []
        elif tag == "option" and self._select:
            self._option(attrs)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def _option(self, attrs):
        value = attrs.get("value", "")
        self.options[self._select].append(value)
        if "selected" in attrs:
            self.fields.append([self._select, value])
            self._selected = True

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            if not self._selected and self.options[self._select]:
                self.fields.append([self._select, self.options[self._select][0]])
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, text = self._textarea
            # A browser drops the newline Django writes right after <textarea>.
            self.fields.append([name, text[1:] if text.startswith("\n") else text])
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def set(self, name: str, value: str) -> None:
        for item in self.fields:
            if item[0] == name:
                item[1] = value
                return
        self.fields.append([name, value])

    def get(self, name: str) -> str:
        return next((value for key, value in self.fields if key == name), "")


def multipart(fields) -> tuple[bytes, str]:
    """The body a browser posts for an enctype="multipart/form-data" form without files."""
    boundary = f"----newsroombench{uuid.uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields
    ]
    body = "".join(parts) + f"--{boundary}--\r\n"
    return body.encode(), f"multipart/form-data; boundary={boundary}"


class EditorError(Exception):
    pass


class Editor:
    def __init__(self, base_url: str, site: dict, publish_every: float, correct_every: float):
        self.base = base_url.rstrip("/")
        self.browser = build_opener(HTTPCookieProcessor(CookieJar()))
        self.reader = build_opener()  # anonymous: what the public sees
        self.rng = random.Random(7)
        self.tags = [name for _, _, name in site["tags"][:300]]
        self.recent = [pk for pk, _ in site["articles"][:RECENT]]
        self.publish_every, self.correct_every = publish_every, correct_every
        # The side's own clock: seconds under load so far, its rounds added up.
        self.clock = 0.0
        self.next_publish = publish_every / 4
        self.next_correct = correct_every * 3 / 8
        self.actions: list[dict] = []

    # --- HTTP, like a browser ------------------------------------------------------------
    def _open(self, opener, path, data=None, content_type=None):
        request = Request(urljoin(self.base + "/", path), data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with opener.open(request, timeout=TIMEOUT) as response:
                return response.geturl(), response.status, response.read().decode()
        except HTTPError as error:
            raise EditorError(f"{path}: HTTP {error.code}") from None

    def get(self, path):
        return self._open(self.browser, path)

    def post(self, path, form: Form):
        body, content_type = multipart(form.fields)
        return self._open(self.browser, path, body, content_type)

    def read_public(self, path) -> str:
        return self._open(self.reader, path)[2]

    @staticmethod
    def _check_saved(url, page, what):
        """The admin answers a refused form with the form again and its errors."""
        if "errornote" in page or 'class="error"' in page or "errorlist" in page:
            errors = re.findall(
                r'<(?:p class="errornote"|ul class="errorlist[^"]*")>(.*?)</', page, re.S
            )
            raise EditorError(f"{what} refused: {' | '.join(e.strip() for e in errors)[:300]}")
        match = CHANGE_URL.search(url)
        if not match:
            raise EditorError(f"{what}: ended at {url}")
        return int(match.group(1))

    # --- what the editor does ------------------------------------------------------------
    def login(self) -> None:
        started = time.monotonic()
        _, _, page = self.get("/admin/login/?next=/admin/")
        form = Form(page, "login-form")
        form.set("username", USERNAME)
        form.set("password", PASSWORD)
        url, _, page = self.post("/admin/login/?next=/admin/", form)
        ok = "/admin/login/" not in url
        self._record("login", started, ok, "" if ok else "refused (wrong account?)")
        if not ok:
            raise EditorError("login refused")

    def publish(self) -> str:
        _, _, page = self.get(ADD)
        form = Form(page, "article_form")
        stamp = f"{time.strftime('%H%M%S')}-{uuid.uuid4().hex[:6]}"
        place, subject = self.rng.choice(PLACES), self.rng.choice(SUBJECTS)
        form.set("headline", f"À {place}, les dernières nouvelles sur {subject}")
        form.set("slug", f"bench-{stamp}")
        form.set(
            "standfirst", self._sentence(place, subject) + " " + self._sentence(place, subject)
        )
        paragraphs = [" ".join(self._sentence(place, subject) for _ in range(4)) for _ in range(6)]
        form.set("body", "".join(f"<p>{p}</p>" for p in paragraphs))
        form.set("section", self.rng.choice([v for v in form.options["section"] if v]))
        form.set("tags", ", ".join(self.rng.sample(self.tags, min(3, len(self.tags)))))
        author = [v for v in form.options["bylines-0-author"] if v]
        form.set("bylines-0-author", self.rng.choice(author[:10]))
        form.set("_continue", "1")
        url, _, page = self.post(ADD, form)
        pk = self._check_saved(url, page, "new article")
        form = Form(page, "article_form")
        if "publish" not in form.transitions:
            raise EditorError(f"article {pk}: no publish button ({form.transitions})")
        form.set("_transition", "publish")
        url, _, page = self.post(CHANGE.format(pk=pk), form)
        self._check_saved(url, page, f"publishing article {pk}")
        if 'class="success"' not in page:
            raise EditorError(f"article {pk}: no confirmation of publication")
        public = self._public_url(page)
        if form.get("headline").split(",")[0] not in self.read_public(public):
            raise EditorError(f"article {pk}: {public} does not show it")
        self.recent.insert(0, pk)
        return f"article {pk} published at {public}"

    def correct(self) -> str:
        pk = self.rng.choice(self.recent[:RECENT])
        _, _, page = self.get(CHANGE.format(pk=pk))
        form = Form(page, "article_form")
        token = uuid.uuid4().hex[:8]
        body = form.get("body")
        fixed = body.replace("</p>", f" (Précision {token} : chiffre corrigé.)</p>", 1)
        form.set("body", fixed if fixed != body else body + f"<p>Précision {token}.</p>")
        note = (
            f"Correction {token} ({time.strftime('%H:%M')}) : une version précédente de cet "
            "article comportait une erreur de chiffre."
        )
        # The log's empty row for a new entry comes after the entries already logged.
        form.set(f"corrections-{form.get('corrections-INITIAL_FORMS')}-text", note)
        form.set("_continue", "1")
        url, _, page = self.post(CHANGE.format(pk=pk), form)
        self._check_saved(url, page, f"correcting article {pk}")
        public = self._public_url(page)
        if token not in self.read_public(public):
            raise EditorError(f"article {pk}: {public} does not show the correction")
        return f"article {pk} corrected at {public}"

    def _public_url(self, page) -> str:
        link = re.search(r'<a href="([^"]+)" class="viewsitelink"', page)
        if not link:
            raise EditorError("no 'view on site' link")
        return self._open(self.browser, link.group(1))[0]  # the admin redirects to it

    def _sentence(self, place, subject):
        return self.rng.choice(SENTENCES).format(place=place, subject=subject)

    # --- on the side's clock -------------------------------------------------------------
    def during(self, seconds: float) -> None:
        """Act as due for the next `seconds` of this side's load (run in a thread beside wrk)."""
        started = time.monotonic()
        end = self.clock + seconds
        while True:
            now = self.clock + time.monotonic() - started
            due = min(self.next_publish, self.next_correct)
            if now >= end or due >= end:
                break
            if due > now:
                time.sleep(min(due, end) - now)
                continue
            if self.next_publish <= self.next_correct:
                self.next_publish += self.publish_every
                self._act("publish", self.publish, now)
            else:
                self.next_correct += self.correct_every
                self._act("correct", self.correct, now)
        self.clock = end

    def _act(self, name, action, at):
        started = time.monotonic()
        try:
            detail = action()
        except Exception as error:  # recorded, never fatal to the run
            detail = f"{type(error).__name__}: {error}"
            if not isinstance(error, EditorError):
                detail += " " + traceback.format_exc(limit=2).replace("\n", " ")
            self._record(name, started, False, detail, at)
        else:
            self._record(name, started, True, detail, at)

    def _record(self, name, started, ok, detail, at=None):
        self.actions.append(
            {
                "action": name,
                "at": round(self.clock if at is None else at, 1),
                "seconds": round(time.monotonic() - started, 2),
                "ok": ok,
                "detail": detail,
            }
        )
