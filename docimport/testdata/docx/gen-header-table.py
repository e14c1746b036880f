import sys, html
src = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = next(k for k, l in enumerate(src) if l.strip() == 'BÁO CÁO')
head = [l for l in src[:i] if l.strip()]
left = [l for l in head if not (l.startswith('CỘNG') or l.startswith('Độc') or ', ngày' in l)]
right = [l for l in head if l not in left]
e = html.escape
def P(x): return '<text:p>%s</text:p>' % e(x)
cell = lambda ls: '<table:table-cell office:value-type="string">%s</table:table-cell>' % ''.join(P(l) for l in ls)
hdr = '<table:table table:name="H"><table:table-column table:number-columns-repeated="2"/><table:table-row>%s%s</table:table-row></table:table><text:p>Trang <text:page-number text:select-page="current">1</text:page-number></text:p>' % (cell(left), cell(right))
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>%s</style:header></style:master-page></office:master-styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/></style:page-layout></office:automatic-styles>
<office:body><office:text>%s</office:text></office:body></office:document>''' % (hdr, '\n'.join(P(l) for l in src[i:]))
open(sys.argv[2], 'w', encoding='utf-8').write(doc)
