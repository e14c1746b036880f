package api_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"doingoai/internal/apitest"
)

// TestPagesAnswerErrorsAsPages: what Echo refuses before a page's handler
// runs — a body over the 1 MiB limit, a path no page has — is answered on
// a page's path with the Vietnamese error page and the status the API
// gives the same refusal (one table), never with problem+json; the API's
// paths keep problem+json.
func TestPagesAnswerErrorsAsPages(t *testing.T) {
	env := apitest.New(t)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "bao-cao.docx")
	fw.Write(bytes.Repeat([]byte("x"), 1536<<10)) // a 1.5 MB Word file
	mw.Close()
	for _, tc := range []struct {
		method, path, contentType string
		body                      []byte
		status                    int
		page                      bool
		says                      string
	}{
		{"POST", "/xa/05596/2024/nhap-tu-file", mw.FormDataContentType(), body.Bytes(), 413, true, "Nội dung gửi lên quá lớn"},
		{"GET", "/khong-co-trang-nay", "", nil, 404, true, "Không tìm thấy"},
		{"POST", "/api/v1/reports/import?unit=05596&period=2024", "text/plain", body.Bytes(), 413, false, `"code":"too_large"`},
		{"GET", "/api/v1/khong-co", "", nil, 404, false, `"code":"not_found"`},
	} {
		req := httptest.NewRequest(tc.method, tc.path, bytes.NewReader(tc.body))
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		if !tc.page {
			req.Header.Set("Authorization", "Bearer "+env.Tokens["commune"])
		}
		rec := httptest.NewRecorder()
		env.Handler.ServeHTTP(rec, req)
		ct := rec.Header().Get("Content-Type")
		if rec.Code != tc.status || strings.HasPrefix(ct, "text/html") != tc.page || !strings.Contains(rec.Body.String(), tc.says) {
			t.Errorf("%s %s: %d %s, want %d (page %v) saying %q:\n%.400s", tc.method, tc.path, rec.Code, ct, tc.status, tc.page, tc.says, rec.Body.String())
		}
		if tc.page && rec.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: the error page has no Content-Security-Policy", tc.path)
		}
	}
	_ = http.StatusOK
}
