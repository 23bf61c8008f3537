"""WordprocessingML names and the few look-ups the finishing steps (layout, toc, render) repeat
over every paragraph, run and cell of a report.

The names are Clark names (``{namespace}local``) made once: ``qn()`` and path look-ups like
``p.find("w:pPr/w:pStyle")`` parse their argument on every call, and a 60-page report has some
2,000 paragraphs and 1,500 cells, each visited by several steps.
"""

from __future__ import annotations

from docx.oxml.ns import qn

B = qn("w:b")
BASEDON = qn("w:basedOn")
BOOKMARKSTART = qn("w:bookmarkStart")
BR = qn("w:br")
CR = qn("w:cr")
DIRTY = qn("w:dirty")
FLDCHAR = qn("w:fldChar")
FLDCHARTYPE = qn("w:fldCharType")
FMT = qn("w:fmt")
GRIDBEFORE = qn("w:gridBefore")
GRIDCOL = qn("w:gridCol")
GRIDSPAN = qn("w:gridSpan")
HRULE = qn("w:hRule")
ID = qn("w:id")
IND = qn("w:ind")
INSTRTEXT = qn("w:instrText")
KEEPNEXT = qn("w:keepNext")
LEFT = qn("w:left")
NAME = qn("w:name")
OUTLINELVL = qn("w:outlineLvl")
P = qn("w:p")
PGNUMTYPE = qn("w:pgNumType")
PPR = qn("w:pPr")
PSTYLE = qn("w:pStyle")
R = qn("w:r")
RPR = qn("w:rPr")
SECTPR = qn("w:sectPr")
START = qn("w:start")
STYLE = qn("w:style")
STYLEID = qn("w:styleId")
SZ = qn("w:sz")
T = qn("w:t")
TAB = qn("w:tab")
TBL = qn("w:tbl")
TBLGRID = qn("w:tblGrid")
TBLHEADER = qn("w:tblHeader")
TBLPR = qn("w:tblPr")
TBLSTYLE = qn("w:tblStyle")
TC = qn("w:tc")
TCPR = qn("w:tcPr")
TCW = qn("w:tcW")
TR = qn("w:tr")
TRHEIGHT = qn("w:trHeight")
TRPR = qn("w:trPr")
TYPE = qn("w:type")
VAL = qn("w:val")
VMERGE = qn("w:vMerge")
W = qn("w:w")

#: The properties element of each container. The schema puts it first among the children
#: (CT_P, CT_R, CT_Tc, CT_Tbl), or right after tblPrEx (CT_Row).
_PROPS = {P: PPR, R: RPR, TC: TCPR, TR: TRPR, TBL: TBLPR}
TBLPREX = qn("w:tblPrEx")


def props(el):
    """The properties element of a paragraph, run, cell, row or table (pPr, rPr, tcPr, trPr,
    tblPr), or None. Looks where the schema puts it instead of searching: ``find`` is a
    Python-level path look-up, the most expensive step of the finishing passes."""
    if not len(el):
        return None
    first = el[0]
    if first.tag == _PROPS[el.tag]:
        return first
    if first.tag == TBLPREX and len(el) > 1 and el[1].tag == TRPR:
        return el[1]
    return None


def prop(el, name: str):
    """One setting inside the properties element of ``el`` (``prop(p, PSTYLE)``), or None."""
    node = props(el)
    if node is not None:
        for child in node.iterchildren(name):  # C-level, unlike find()
            return child
    return None


def style_id(p) -> str | None:
    """The paragraph style of ``p`` (its id), or None for the document's default."""
    node = prop(p, PSTYLE)
    return None if node is None else node.get(VAL)


def vmerge(tc):
    """The vMerge setting of a table cell, or None when the cell is not vertically merged."""
    return prop(tc, VMERGE)
