package web_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"doingoai/models"
)

// TestImportTwoReadingsInBrowser: in Chromium, a form filled from a
// document that gives a figure two ways says both readings at the empty
// field — the API's unresolved values and words — once the page has
// loaded and its check while typing has run (the check clears the page's
// messages and places its own, and once dropped them), and again after a
// reload; typing a value settles it, and the message goes.
func TestImportTwoReadingsInBrowser(t *testing.T) {
	s := newEmptySite(t)
	doc := "UBND XÃ BỘC NHIÊU\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Toàn xã có 12 chi bộ với 240 đảng viên.\nĐảng bộ xã có 14 chi bộ trực thuộc.\n" +
		"II. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\nCó 02 người nước ngoài tạm trú và 05 người nước ngoài đến làm ăn, sinh sống.\n"
	res := s.Do(t, "POST", "/api/v1/reports/import?unit=05596&period=2024", "district", doc, map[string]string{"Content-Type": "text/plain; charset=utf-8"})
	if res.Status != http.StatusOK {
		t.Fatalf("API import: %d %s", res.Status, res.Body)
	}
	var api struct {
		Unresolved []struct {
			Field string `json:"field"`
			Value int64  `json:"value"`
			Text  string `json:"text"`
		} `json:"unresolved"`
	}
	if err := json.Unmarshal(res.Body, &api); err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, u := range api.Unresolved {
		fields[u.Field] = true
	}
	if len(api.Unresolved) != 4 || len(fields) != 2 {
		t.Fatalf("API unresolved %+v, want two readings of two figures", api.Unresolved)
	}
	file := filepath.Join(t.TempDir(), "bao-cao.txt")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := newBrowser(t)
	acceptDialogs(ctx)
	signInBrowser(t, ctx, s.URL, "xa05596")
	run(t, ctx, "upload", chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery),
		chromedp.Click(`details.cf-import summary`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#cf-file`, []string{file}, chromedp.ByID),
		chromedp.Click(`form[action$="/nhap-tu-file"] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cf-kept`, chromedp.ByID))
	said := func(field string) string {
		return js[string](t, ctx, `document.getElementById("`+fieldID(field)+`-m").innerText`)
	}
	value := func(field string) string {
		return js[string](t, ctx, `document.getElementById("`+fieldID(field)+`").value`)
	}
	checkSays := func(when string) {
		t.Helper()
		for _, u := range api.Unresolved {
			msg := said(u.Field)
			if !strings.Contains(msg, models.FormatVNInt(u.Value)+" ") || !strings.Contains(msg, u.Text) {
				t.Errorf("%s, the field %s says %q: not the reading %d from %q", when, u.Field, msg, u.Value, u.Text)
			}
			if v := value(u.Field); v != "" {
				t.Errorf("%s, the field %s holds %q, want it empty", when, u.Field, v)
			}
		}
	}
	waitJS(t, ctx, "the check after loading", `document.getElementById("cf-form").hasAttribute("data-checked")`)
	checkSays("after the import and the page's check")

	run(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`#cf-kept`, chromedp.ByID))
	waitJS(t, ctx, "the check after reloading", `document.getElementById("cf-form").hasAttribute("data-checked")`)
	checkSays("after a reload")

	// The clerk settles the party cells: its message goes, the other stays.
	run(t, ctx, "type the party cells", typeInto(fieldID("profile.party_cells"), "14"))
	waitJS(t, ctx, "the check after typing", `document.getElementById("`+fieldID("profile.party_cells")+`-m").innerText.trim() === ""`)
	if msg := said("consular.foreign_residents"); !strings.Contains(msg, "hai số khác nhau") {
		t.Errorf("after the party cells were typed, the foreign residents say %q", msg)
	}
}
