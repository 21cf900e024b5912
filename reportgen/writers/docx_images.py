"""Pictures: an image alone in a paragraph → a picture at text width, then its caption.

``![alt](rel/path.png "Figure 1. caption")`` becomes a paragraph in the Figure style
holding the picture scaled to the text width (aspect ratio kept; a picture that would
be taller than 45 % of the text height is scaled down to that, so no page is left
mostly blank before it), followed by a paragraph in the Caption style whose text is the
title, or the alt text if there is no title; the Figure style keeps the picture with its
caption (``keepNext``). The alt text is also the picture's description for screen readers. Paths
resolve against ``base_dir`` (the document's assets) and must stay inside it, links
resolved: an absolute path, ``../..``, a link leading out and a missing file all get the
same error. A format Word cannot show is an error too. An image that names a chart the
build recorded (``DocxContext.charts``) becomes a native Word chart instead
(:mod:`reportgen.writers.docx_charts`).
"""

from __future__ import annotations

import re
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from reportgen.errors import TemplateError
from reportgen.writers.docx_context import DocxContext, line_of
from reportgen.writers.docx_text import clean_text
from reportgen.writers.docx_xml import el, sub, text_run, val

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def lone_image(paragraph: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The image node if ``paragraph`` holds an image and nothing else."""
    inlines = [c for c in paragraph.children if c.type == "inline"]
    if len(inlines) != 1:
        return None
    children = [c for c in inlines[0].children if not (c.type == "text" and not c.content.strip())]
    if len(children) == 1 and children[0].type == "image":
        return children[0]
    return None


def _image_path(image: SyntaxTreeNode, ctx: DocxContext, line: int) -> Path:
    src = str(image.attrs.get("src", ""))
    if _URL.match(src):
        raise TemplateError(f"DOCX writer: image {src} at line {line} is a URL; use a local file")
    base = ctx.base_dir.resolve()
    path = (base / src).resolve()
    if Path(src).is_absolute() or not path.is_relative_to(base) or not path.is_file():
        # one message for every such path, so a document cannot probe the machine's files
        raise TemplateError(
            f"DOCX writer: image {src} at line {line} is not a file of the document's assets"
        )
    return path


#: The tallest a picture may be, in percent of the text height: a figure that does not
#: fit below the text on a page moves to the next and leaves at most this much blank.
FIGURE_SHARE = 40


def _size(px_width: int, px_height: int, ctx: DocxContext) -> tuple[int, int]:
    width = ctx.text_width
    height = width * px_height // max(px_width, 1)
    limit = ctx.text_height * FIGURE_SHARE // 100
    if height > limit:
        width, height = width * limit // height, limit
    return width, height


def figure_elements(image: SyntaxTreeNode, ctx: DocxContext) -> list[etree._Element]:
    """The Figure paragraph holding the picture, and its Caption paragraph if it has text."""
    line = line_of(image)
    where = f"Markdown line {line}"
    spec = ctx.charts.get(str(image.attrs.get("src", "")))
    if spec is not None:  # a chart the build recorded: a native Word chart
        from reportgen.writers.docx_charts import chart_elements

        alt = clean_text(image.content, where)
        title = clean_text(str(image.attrs.get("title", "") or ""), where) or alt
        return chart_elements(spec, alt, title, ctx)
    path = _image_path(image, ctx, line)
    try:
        rel_id, picture = ctx.document_part.get_or_add_image(str(path))
    except UnrecognizedImageError:
        raise TemplateError(
            f"DOCX writer: image {path.name} at line {line} is not a PNG, JPEG, GIF, BMP or TIFF"
        ) from None
    width, height = _size(picture.px_width, picture.px_height, ctx)
    shape_id = ctx.next_shape_id()
    inline = CT_Inline.new_pic_inline(shape_id, rel_id, path.name, Emu(width), Emu(height))
    alt = clean_text(image.content, where)
    inline.docPr.set("descr", alt)
    p = el("w:p")
    val(sub(p, "w:pPr"), "w:pStyle", ctx.styles.id("Figure"))
    sub(sub(p, "w:r"), "w:drawing").append(inline)
    title = clean_text(str(image.attrs.get("title", "") or ""), where) or alt
    if not title:
        return [p]
    caption = el("w:p")
    val(sub(caption, "w:pPr"), "w:pStyle", ctx.styles.id("Caption"))
    text_run(caption, title)
    return [p, caption]
