"""An issue as a mail: introduction in HTML and text, public items only,
the subscriber's own links."""

from collective.migrationnetwork.newsletter import compose
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest


@pytest.fixture
def issue(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["en"]["newsletters"],
            type="Newsletter",
            id="issue",
            title="Spring issue",
            description="What the network did this spring.",
            issue_number=4,
            introduction=RichTextValue(
                "<p>Dear readers, <strong>welcome</strong> to spring.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )


def test_render(issue):
    rendered = compose.render(issue, "en")
    assert rendered.subject.endswith("Spring issue")
    assert "<strong" in rendered.html
    assert "welcome" in rendered.html
    assert "Dear readers, welcome to spring." in " ".join(rendered.text.split())
    assert "Issue 4" in rendered.text
    assert rendered.url == issue.absolute_url()
    html, text = rendered.personalise(
        "https://x.example/p?token=a&b", "https://x.example/u?token=c"
    )
    assert compose.PREFERENCES not in html + text
    assert 'href="https://x.example/p?token=a&amp;b"' in html
    assert "https://x.example/u?token=c" in text
