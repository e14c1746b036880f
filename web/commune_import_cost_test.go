package web_test

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"doingoai/api"
	"doingoai/internal/apitest"
	"doingoai/internal/docxtest"
	"doingoai/models"
)

// TestCommuneImportBounded performs the import attacks through the page
// "Bắt đầu từ file Word": a hostile .docx is refused with the reason in
// Vietnamese (422, or 413 for one too large); a clerk who sends files in a
// row past the import rate is told to wait (429, Retry-After); with every
// import slot busy the page says the server is busy (503, Retry-After).
// Nothing is stored.
func TestCommuneImportBounded(t *testing.T) {
	s := newEmptySiteWith(t, func(c *api.Config) { c.ImportRate, c.ImportBurst = 0.001, 4 })
	c := s.client(t)
	c.signIn("xa05596")
	const base = "/xa/05596/2024"
	for _, h := range []struct {
		name   string
		status int
		says   string
	}{
		{"attributes", http.StatusUnprocessableEntity, "một phần tử XML có hơn 256 thuộc tính"},
		{"deep fallback", http.StatusUnprocessableEntity, "các phần tử XML lồng nhau quá 200 tầng"},
		{"tags", http.StatusRequestEntityTooLarge, "Tệp .docx có hơn 250.000 thẻ XML"},
	} {
		p := c.upload(base+"/nhap-tu-file", "bao-cao.docx", docxtest.Hostile[h.name]())
		expect(t, h.name, p, h.status, "Không đọc được file này", h.says)
		if strings.Contains(p.Body, "(An element") || strings.Contains(p.Body, "(The ") {
			t.Errorf("%s: the page shows the English of the message", h.name)
		}
	}

	release := apitest.HoldImports(t)
	doc, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := c.upload(base+"/nhap-tu-file", "bao-cao.txt", doc)
	expect(t, "every import slot busy", p, http.StatusServiceUnavailable, "Máy chủ đang bận đọc các file khác. Xin chờ 5 giây rồi gửi lại")
	if p.Header.Get("Retry-After") != "5" {
		t.Errorf("busy: Retry-After %q", p.Header.Get("Retry-After"))
	}
	release()

	// The fifth file in a row (burst 4, then one per 1,000 s): told to wait
	// what is left of the 1,000 s since the first.
	p = c.upload(base+"/nhap-tu-file", "bao-cao.txt", doc)
	wait, _ := strconv.Atoi(p.Header.Get("Retry-After"))
	if wait < 900 || wait > 1000 {
		t.Errorf("rate: Retry-After %q", p.Header.Get("Retry-After"))
	}
	expect(t, "the fifth file in a row", p, http.StatusTooManyRequests, fmt.Sprintf("Bạn đã gửi nhiều file liên tiếp. Xin chờ %s giây rồi gửi lại.", models.FormatVNInt(int64(wait))))
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("an import stored something: %d", res.Status)
	}
}
