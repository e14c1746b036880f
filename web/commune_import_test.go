package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"strings"
	"testing"

	"doingoai/models"
)

// TestCommuneImportUnresolved: a figure the document gives two ways is
// left empty on the form, and the form says both values the API's import
// answers in unresolved, each with the words it was read from — not the
// same sentence twice with no number.
func TestCommuneImportUnresolved(t *testing.T) {
	s := newEmptySite(t)
	c := s.client(t)
	c.signIn("xa05596")
	const base = "/xa/05596/2024"
	doc := "UBND XÃ BỘC NHIÊU\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Toàn xã có 15 chi bộ với 297 đảng viên.\nĐảng bộ xã có 16 chi bộ trực thuộc.\n" +
		"II. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\nCó 03 người nước ngoài tạm trú và 04 người nước ngoài đến làm ăn, sinh sống.\n"
	res := s.Do(t, "POST", "/api/v1/reports/import?unit=05596&period=2024", "district", doc, map[string]string{"Content-Type": "text/plain; charset=utf-8"})
	if res.Status != http.StatusOK {
		t.Fatalf("API import: %d %s", res.Status, res.Body)
	}
	var api struct {
		Unresolved []struct {
			Field string          `json:"field"`
			Value json.RawMessage `json:"value"`
			Text  string          `json:"text"`
		} `json:"unresolved"`
	}
	if err := json.Unmarshal(res.Body, &api); err != nil {
		t.Fatal(err)
	}
	if len(api.Unresolved) != 4 {
		t.Fatalf("API unresolved %+v, want two readings of two figures", api.Unresolved)
	}
	p := c.upload(base+"/nhap-tu-file", "bao-cao.txt", []byte(doc))
	expectRedirect(t, "page import", p, base+"?da=nhap-file")
	if p = c.get(base + "?da=nhap-file"); p.Status != http.StatusOK {
		t.Fatalf("page import: %d", p.Status)
	}
	body := html.UnescapeString(p.Body)
	for _, u := range api.Unresolved {
		var n int64
		if err := json.Unmarshal(u.Value, &n); err != nil {
			t.Fatalf("%s: value %s", u.Field, u.Value)
		}
		if !strings.Contains(body, u.Text) || !strings.Contains(body, models.FormatVNInt(n)+" ") {
			t.Errorf("the page does not say %s = %d from %q", u.Field, n, u.Text)
		}
	}
	for _, want := range []string{
		"Văn bản ghi hai số khác nhau: 15 («Toàn xã có 15 chi bộ với 297 đảng viên») và 16 («Đảng bộ xã có 16 chi bộ trực thuộc»)",
		"Văn bản ghi hai số khác nhau: 3 và 4, cùng trong câu «Có 03 người nước ngoài tạm trú và 04 người nước ngoài đến làm ăn»",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	// The field itself: empty, with the message under it.
	field := body[strings.Index(body, `id="f-profile-party_cells-w"`):]
	field = field[:strings.Index(field[1:], `class="cf-field`)+1]
	if !strings.Contains(field, `value=""`) || !strings.Contains(field, "15 («Toàn xã có 15 chi bộ") {
		t.Errorf("the party cells field is filled, or says nothing of its two readings:\n%s", field)
	}
}
