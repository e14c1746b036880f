import sys, html
src = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = next(k for k, l in enumerate(src) if l.strip() == 'BÁO CÁO')
head = [l for l in src[:i] if l.strip()]
body = src[i:]
e = html.escape
def P(x): return '<text:p>%s</text:p>' % x
hdr = ''.join(P(e(l)) for l in head)
out = []
for l in body:
    x = e(l)
    if 'với 412 đảng viên' in l:
        x = x.replace('412 đảng viên', '412 đảng viên<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Số liệu đến ngày 30/11/2024.</text:p></text:note-body></text:note>')
    if '5.912 nhân khẩu' in l:
        x = x.replace('5.912 nhân khẩu', '<text:change text:change-id="ct1"/>5.912 nhân khẩu<office:annotation><dc:creator>B</dc:creator><text:p>Dân số 9.999 người, kiểm tra lại</text:p></office:annotation>')
    if l.startswith('Kính gửi'):
        out.append('<text:p><draw:frame draw:name="F1" text:anchor-type="paragraph" svg:width="15cm" svg:height="1cm"><draw:text-box>%s</draw:text-box></draw:frame></text:p>' % P(x))
        continue
    out.append(P(x))
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>Báo cáo công tác đối ngoại năm 2024 - Trang <text:page-number text:select-page="current">2</text:page-number></text:p></style:header>
<style:header-first>%s</style:header-first>
<style:footer><text:p>Trang <text:page-number text:select-page="current">1</text:page-number>/<text:page-count>3</text:page-count></text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info><text:p>5.913 nhân khẩu, </text:p></text:deletion></text:changed-region></text:tracked-changes>
%s
</office:text></office:body></office:document>''' % (hdr, '\n'.join(out))
open(sys.argv[2], 'w', encoding='utf-8').write(doc)
