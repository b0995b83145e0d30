"""The board report as a tagged, accessible PDF (PDF/UA-1) made by WeasyPrint from HTML.

The layout is in `static/css/report.css`. The running header and the page numbers need
translated words, which a static stylesheet cannot hold, so a few lines of CSS are made here
from the active language. WeasyPrint fetches nothing: the stylesheet is read from disk, the
charts are inline SVG, the cover's drawing a data: URL, and any other URL is refused.

Each thread keeps one WeasyPrint font configuration for every report it makes. Made anew for
each report (WeasyPrint's default), it left about 250 kB behind in the worker every time: a
worker grew from 135 to 165 MB over 120 reports and would have passed any memory limit in
time. Kept, the worker stays flat (docs/benchmarks.md). One per thread, because the
development server renders in threads; the report's stylesheets declare no @font-face, so
the configuration never holds anything of one report that another could see.
"""

from __future__ import annotations

import threading

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from .board import report_context

STYLESHEET = "css/report.css"
PLACEHOLDERS = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
_local = threading.local()


def font_config() -> FontConfiguration:
    """This thread's font configuration, made on its first report."""
    if not hasattr(_local, "fonts"):
        _local.fonts = FontConfiguration()
    return _local.fonts


def css_string(text: str) -> str:
    """Text as a quoted CSS string."""
    cleaned = text.replace("\n", " ").replace("\r", " ")
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_number_content(template: str) -> str:
    """ "Page %(page)s of %(pages)s" as CSS content: "Page " counter(page) " of " ..."""
    parts, rest = [], template
    while rest:
        positions = [(rest.find(p), p) for p in PLACEHOLDERS if p in rest]
        if not positions:
            parts.append(css_string(rest))
            break
        index, placeholder = min(positions)
        if index:
            parts.append(css_string(rest[:index]))
        parts.append(PLACEHOLDERS[placeholder])
        rest = rest[index + len(placeholder) :]
    return " ".join(parts)


def running_css(organisation, round_) -> str:
    header = css_string(f"{organisation.name} · {round_.name}")
    label = css_string(_("Basis for decision"))
    page = page_number_content(_("Page %(page)s of %(pages)s"))
    return (
        f"@page {{ @top-left {{ content: {header}; }} @top-right {{ content: {label}; }}"
        f" @bottom-right {{ content: {page}; }} }}"
    )


def render_html(organisation, round_) -> str:
    return render_to_string("reports/board_report.html", report_context(organisation, round_))


def render_pdf(organisation, round_) -> bytes:
    html = render_html(organisation, round_)
    refuse = URLFetcher(allowed_protocols=frozenset({"data"}))  # the cover's drawing only
    fonts = font_config()
    stylesheets = [
        CSS(filename=finders.find(STYLESHEET), url_fetcher=refuse, font_config=fonts),
        CSS(string=running_css(organisation, round_), font_config=fonts),
    ]
    document = HTML(string=html, base_url=".", url_fetcher=refuse)
    return document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1", font_config=fonts)
