#!/usr/bin/python3
"""Reads DOCX files with python-docx and prints, as JSON by path, each file's core properties and its text:
every body paragraph (tables included, by walking the XML: python-docx's table API is slow), one per line."""
import json
import sys

import docx  # python3-docx
from docx.oxml.ns import qn

out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    w_p, w_t = qn("w:p"), qn("w:t")
    lines = ["".join(t.text or "" for t in p.iter(w_t)) for p in d.element.body.iter(w_p)]
    cp = d.core_properties
    out[path] = {
        "title": cp.title,
        "author": cp.author,
        "language": cp.language,
        "styles": sorted({p.style.name for p in d.paragraphs if p.style is not None}),
        "text": "\n".join(lines),
    }
json.dump(out, sys.stdout, ensure_ascii=False)
