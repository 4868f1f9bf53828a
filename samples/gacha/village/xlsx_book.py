"""A voucher book as a village accountant keeps it in a spreadsheet (.xlsx): a title row, the header row of the
template's Chinese names, one row per voucher line, the voucher's own cells (凭证字号, 日期, 摘要, 附件张数, 类型)
merged down over its rows, dates as Excel date serials (1900 system), account codes and amounts as number
cells, the rest as shared strings.

Written with zipfile (stored, not deflated, so the bytes do not depend on the zlib at hand) and fixed
timestamps: the same book gives the same bytes on every run."""

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape

EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of the 1900 date system, from day 61 on (past the 1900-02-29 that never was)
HEADERS = ["凭证字号", "日期", "摘要", "附件张数", "类型", "科目", "借方", "贷方", "专项资金", "成员", "往来单位", "分录摘要"]
MERGED = 5  # the first five columns are the voucher's own cells
KINDS = {"normal": None, "opening": "opening 期初余额"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def serial(day):
    return (day - EXCEL_EPOCH).days


def column(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def number(fen):
    """An amount as a number cell stores it: the shortest text of the double (1234.5, 12000)."""
    yuan, cents = divmod(fen, 100)
    return str(yuan) if cents == 0 else ("%d.%02d" % (yuan, cents)).rstrip("0")


class Strings:
    def __init__(self):
        self.index = {}
        self.items = []

    def __call__(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]


def book_bytes(title, vouchers):
    strings = Strings()
    rows = []
    merges = ["A1:%s1" % column(len(HEADERS))]

    def cell(ref, value, kind, style=0):
        s = ' s="%d"' % style if style else ""
        if kind == "s":
            return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, s, strings(value))
        return '<c r="%s"%s><v>%s</v></c>' % (ref, s, value)

    rows.append('<row r="1">%s</row>' % cell("A1", title, "s", 1))
    rows.append('<row r="2">%s</row>' % "".join(cell("%s2" % column(i + 1), h, "s", 1) for i, h in enumerate(HEADERS)))
    r = 2
    for v in vouchers:
        first = r + 1
        for i, l in enumerate(v.lines):
            r += 1
            cells = []
            if i == 0:
                cells.append(cell("A%d" % r, v.ref, "s"))
                cells.append(cell("B%d" % r, serial(v.date), "n", 2))
                cells.append(cell("C%d" % r, v.summary, "s"))
                cells.append(cell("D%d" % r, v.attachments, "n"))
                if KINDS[v.kind]:
                    cells.append(cell("E%d" % r, KINDS[v.kind], "s"))
            cells.append(cell("F%d" % r, l["account"], "n"))
            cells.append(cell(("G%d" if l["side"] == "debit" else "H%d") % r, number(l["fen"]), "n", 3))
            for col, key in (("I", "fund"), ("J", "member"), ("K", "counterparty"), ("L", "summary")):
                if l[key] is not None:
                    cells.append(cell("%s%d" % (col, r), l[key], "s"))
            rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
        if r > first:
            merges.extend("%s%d:%s%d" % (column(c), first, column(c), r) for c in range(1, MERGED + 1))

    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="%s" xmlns:r="%s">'
             '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
             '<cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>'
             '<col min="3" max="3" width="30" customWidth="1"/><col min="6" max="6" width="10" customWidth="1"/>'
             '<col min="7" max="8" width="14" customWidth="1"/><col min="12" max="12" width="24" customWidth="1"/></cols>'
             '<sheetData>%s</sheetData><mergeCells count="%d">%s</mergeCells>'
             '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" orientation="landscape"/></worksheet>'
             % (MAIN, REL, "".join(rows), len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
              % (MAIN, len(strings.items), len(strings.items), "".join("<si><t>%s</t></si>" % escape(t) for t in strings.items)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="%s">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>'
              '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>' % MAIN)
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="%s" xmlns:r="%s">'
                '<sheets><sheet name="凭证" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL))
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                     '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                     '<Relationship Id="rId3" Type="%s/styles" Target="styles.xml"/></Relationships>' % (REL, REL, REL))
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % REL)
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                     '</Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in (("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/worksheets/sheet1.xml", sheet),
                           ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles)):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
