#!/usr/bin/env python3
"""Turns the plain-text referral (`iv-discharge --export PLAN --format text`)
into a styled Flat ODT document with the same content, for export-bench: the
document a user would otherwise write in a word processor and convert to PDF.

    text-to-fodt.py REFERRAL.txt OUT.fodt

The text format: headings are UPPERCASE lines (the first one is the title),
fields are "Label: value" lines, list/table rows start with "- ", checklist
rows with "[x]" or "[ ]", continuation lines are indented. What the converter
makes of it: an A4 page with a header (the title) and a footer with page
numbers, the title, Heading 2 for each heading, runs of fields as a two-column
table with bold values (an UPPERCASE label, such as the warning at the top,
becomes a framed paragraph instead), runs of "- " rows as a table split at
": " and " · ", checklist rows as paragraphs with a ballot box and their
trailing "(CODE)" right-aligned, anything else as a plain paragraph.
Python 3 standard library only.
"""
import re
import sys
from xml.sax.saxutils import escape

FIELD = re.compile(r"^([^:]{1,45}): (.+)$")
CHECK = re.compile(r"^\[([ xX])\] (.*)$")
CODE = re.compile(r"^(.*\S)\s+\(([A-Z0-9][A-Z0-9-]*)\)$")


def logical_lines(text):
    """Joins indented continuation lines onto the line they continue."""
    lines = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line and line[0] in " \t" and lines and lines[-1]:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return lines


def is_heading(line):
    return (any(c.isalpha() for c in line) and line == line.upper()
            and not line.startswith(("- ", "[")) and not FIELD.match(line))


def is_field(line):
    m = FIELD.match(line)
    # A field's label is short and is not the end of a sentence.
    return m is not None and not re.search(r"[.!?]\s", m.group(1))


def classify(lines):
    """Yields (kind, payload) blocks; runs of fields and of rows are grouped."""
    blocks = []
    title_seen = False
    for line in lines:
        if not line:
            continue
        if is_heading(line):
            blocks.append(("title" if not title_seen else "heading", line))
            title_seen = True
            continue
        m = CHECK.match(line)
        if m:
            blocks.append(("check", (m.group(1) != " ", m.group(2))))
            continue
        if line.startswith("- "):
            row = line[2:]
            m = FIELD.match(row)
            cells = [m.group(1)] + m.group(2).split(" · ") if m else row.split(" · ")
            if blocks and blocks[-1][0] == "rows":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("rows", [cells]))
            continue
        if is_field(line):
            label, value = FIELD.match(line).groups()
            if label == label.upper() and any(c.isalpha() for c in label):
                blocks.append(("callout", line))
            elif blocks and blocks[-1][0] == "fields":
                blocks[-1][1].append((label, value))
            else:
                blocks.append(("fields", [(label, value)]))
            continue
        # A plain line straight after the title is its subtitle.
        kind = "subtitle" if blocks and blocks[-1][0] == "title" else "para"
        blocks.append((kind, line))
    return blocks


STYLES = """\
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9pt" fo:language="da" fo:country="DK" fo:hyphenate="false"/>
  </style:default-style>
  <style:default-style style:family="table">
   <style:table-properties table:border-model="collapsing"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm" fo:line-height="115%"/>
  </style:style>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/>
   <style:text-properties fo:color="#1c3d5a" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Subtitle" style:class="chapter">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
   <style:text-properties fo:font-size="17pt"/>
  </style:style>
  <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
   <style:paragraph-properties fo:margin-bottom="0.3cm"/>
   <style:text-properties fo:color="#4a4a4a" fo:font-size="8pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
   <style:paragraph-properties fo:border-bottom="0.5pt solid #9aa5b1" fo:padding-bottom="0.05cm"/>
   <style:text-properties fo:font-size="11pt"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="110%"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:border-bottom="0.5pt solid #9aa5b1" fo:padding-bottom="0.05cm"/>
   <style:text-properties fo:color="#4a4a4a" fo:font-size="7pt"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="end" fo:border-top="0.5pt solid #9aa5b1" fo:padding-top="0.05cm"/>
   <style:text-properties fo:color="#4a4a4a" fo:font-size="7pt"/>
  </style:style>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Callout" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:padding="0.2cm" fo:border="1.5pt solid #a4161a" fo:background-color="#fdecea"/>
   <style:text-properties fo:color="#a4161a" fo:font-size="10pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Check" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="0.5cm" fo:margin-bottom="0.05cm" fo:text-indent="-0.5cm">
    <style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
  </style:style>
  <style:style style:name="Value" style:family="paragraph" style:parent-style-name="Table_20_Contents">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Label" style:family="paragraph" style:parent-style-name="Table_20_Contents">
   <style:text-properties fo:color="#333333"/>
  </style:style>
  <style:style style:name="Code" style:family="text">
   <style:text-properties fo:color="#4a4a4a" fo:font-size="6.5pt"/>
  </style:style>
  <style:style style:name="Fields" style:family="table">
   <style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.15cm"/>
  </style:style>
  <style:style style:name="Fields.A" style:family="table-column">
   <style:table-column-properties style:column-width="5.5cm"/>
  </style:style>
  <style:style style:name="Fields.B" style:family="table-column">
   <style:table-column-properties style:column-width="11.5cm"/>
  </style:style>
  <style:style style:name="Rows" style:family="table">
   <style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.15cm"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding-top="0.04cm" fo:padding-bottom="0.04cm" fo:padding-left="0.05cm" fo:padding-right="0.1cm" fo:border="none" fo:border-bottom="0.5pt solid #d5dbe1"/>
  </style:style>
 </office:automatic-styles>
"""


PAGE_OF = 'Side <text:page-number text:select-page="current"/> af <text:page-count/>'


def p(style, content):
    return f'<text:p text:style-name="{style}">{content}</text:p>'


def fields_table(fields, n):
    out = [f'<table:table table:name="Fields{n}" table:style-name="Fields">',
           '<table:table-column table:style-name="Fields.A"/>',
           '<table:table-column table:style-name="Fields.B"/>']
    for label, value in fields:
        out.append("<table:table-row>"
                   f'<table:table-cell table:style-name="Cell" office:value-type="string">{p("Label", escape(label))}</table:table-cell>'
                   f'<table:table-cell table:style-name="Cell" office:value-type="string">{p("Value", escape(value))}</table:table-cell>'
                   "</table:table-row>")
    out.append("</table:table>")
    return out


def rows_table(rows, n, styles):
    """A table of the rows, each column as wide as its longest cell warrants."""
    width = max(len(r) for r in rows)
    weights = [min(max(max((len(r[i]) for r in rows if i < len(r)), default=0), 8), 45)
               for i in range(width)]
    out = [f'<table:table table:name="Rows{n}" table:style-name="Rows">']
    for i, weight in enumerate(weights):
        cm = 17.0 * weight / sum(weights)
        styles.append(f'<style:style style:name="Rows{n}.{i}" style:family="table-column">'
                      f'<style:table-column-properties style:column-width="{cm:.2f}cm"/></style:style>')
        out.append(f'<table:table-column table:style-name="Rows{n}.{i}"/>')
    for row in rows:
        row = row + [""] * (width - len(row))
        out.append("<table:table-row>" + "".join(
            f'<table:table-cell table:style-name="Cell" office:value-type="string">{p("Table_20_Contents", escape(c))}</table:table-cell>'
            for c in row) + "</table:table-row>")
    out.append("</table:table>")
    return out


def body(blocks, styles):
    out = []
    tables = 0
    for kind, data in blocks:
        if kind == "title":
            out.append(p("Title", escape(data)))
        elif kind == "heading":
            out.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{escape(data)}</text:h>')
        elif kind == "subtitle":
            out.append(p("Subtitle", escape(data)))
        elif kind == "callout":
            out.append(p("Callout", escape(data)))
        elif kind == "para":
            out.append(p("Text_20_body", escape(data)))
        elif kind == "check":
            done, text = data
            m = CODE.match(text)
            item = escape(m.group(1) if m else text)
            code = f'<text:tab/><text:span text:style-name="Code">{escape(m.group(2))}</text:span>' if m else ""
            out.append(p("Check", ("☑" if done else "☐") + "<text:tab/>" + item + code))
        elif kind in ("fields", "rows"):
            tables += 1
            if kind == "fields":
                out.extend(fields_table(data, tables))
            else:
                out.extend(rows_table(data, tables, styles))
    return out


def fodt(text):
    blocks = classify(logical_lines(text))
    title = next((d for k, d in blocks if k == "title"), "")
    styles = []
    content = body(blocks, styles)
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
        ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
        ' office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">',
        f" <office:meta><dc:title>{escape(title)}</dc:title><dc:language>da-DK</dc:language></office:meta>",
        STYLES.replace(" </office:automatic-styles>",
                       "".join("  " + st + "\n" for st in styles) + " </office:automatic-styles>").rstrip("\n"),
        " <office:master-styles>",
        '  <style:master-page style:name="Standard" style:page-layout-name="pm1">',
        f'   <style:header>{p("Header", escape(title))}</style:header>',
        f'   <style:footer>{p("Footer", PAGE_OF)}</style:footer>',
        "  </style:master-page>",
        " </office:master-styles>",
        " <office:body>",
        "  <office:text>",
    ]
    tail = ["  </office:text>", " </office:body>", "</office:document>", ""]
    return "\n".join(head + ["   " + line for line in content] + tail)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: text-to-fodt.py REFERRAL.txt OUT.fodt")
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(fodt(text))


if __name__ == "__main__":
    main()
