from django.template import Context, Template, engines

from actionagenda.markup import plain_text, render_markdown, strip_html


def test_it_renders_markdown_emphasis_and_links():
    html = render_markdown("**Seeds** and [the BCH](https://bch.cbd.int/)")
    assert "<strong>Seeds</strong>" in html
    assert 'href="https://bch.cbd.int/"' in html


def test_it_never_lets_a_script_through():
    html = render_markdown("Hello <script>alert('x')</script>")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_it_strips_event_handlers_from_images_and_links():
    html = render_markdown('<img src=x onerror="alert(1)"> [click](javascript:alert(1))')
    assert "<img" not in html  # shown as text, never as an element that could fire onerror
    assert 'href="javascript' not in html


def test_plain_text_cuts_at_a_word_boundary():
    assert plain_text("**one** two three four", limit=10) == "one two…"


def test_templates_load_the_markdown_filters_from_the_markup_app():
    rendered = Template("{% load markup %}{{ text|markdown }}|{{ text|plaintext }}").render(
        Context({"text": "**Seeds** <script>x</script>"}))
    assert "<p><strong>Seeds</strong> &lt;script&gt;" in rendered and "|Seeds &lt;script&gt;" in rendered
    assert "<script>" not in rendered
    assert engines["django"].engine.libraries["markup"] == "actionagenda.markup.templatetags.markup"


def test_strip_html_removes_tags_and_scripts_and_leaves_the_rest_as_written():
    assert strip_html("<b>Seeds</b> <script>alert(1)</script>for <img src=x onerror=alert(1)>all") == "Seeds for all"
    assert strip_html("pH < 7 & rising, 3 > 2, R&D's “test”") == "pH < 7 & rising, 3 > 2, R&D's “test”"
    assert strip_html("- a list\n\n**Markdown** stays") == "- a list\n\n**Markdown** stays"


def test_strip_html_never_makes_a_tag_from_escaped_text():
    for text in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;img src=x onerror=alert(1)&#62;",
                 "<<script>script>alert(1)<</script>/script>"):
        cleaned = strip_html(text)
        assert "<script" not in cleaned and "<img" not in cleaned and "</script" not in cleaned, cleaned
