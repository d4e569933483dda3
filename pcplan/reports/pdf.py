"""One way to make a PDF from HTML: tagged PDF/UA-1, with a title and a language.

Every PDF pcplan writes goes through `html_to_pdf`, so that none of them is untagged or
untitled for people who read with a screen reader.
"""

from __future__ import annotations

from pcplan.lib.text import xml_safe

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(
    html: str, *, title: str, lang: str = "en-GB", base_url: str | None = None
) -> bytes:
    """Render `html` as a tagged PDF/UA-1 document titled `title`, in language `lang`.

    The title and language given here win over the HTML's own <title> and lang, so that a
    template that forgets them still makes a document a screen reader can announce.
    """
    from weasyprint import HTML  # imported here: loading pango is slow and only needed here

    # A control character pasted into an update would otherwise reach the PDF's tags.
    document = HTML(string=xml_safe(html), base_url=base_url).render(pdf_tags=True)
    document.metadata.title = xml_safe(title)
    document.metadata.lang = lang
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    assert pdf is not None  # noqa: S101  # write_pdf returns bytes when no target is given
    return pdf
