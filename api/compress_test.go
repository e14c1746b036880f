package api_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"doingoai/internal/apitest"
)

// TestAnswersAreCompressed: pages, assets, JSON and problems go gzipped to a
// client that accepts it, with Vary; a client that does not gets them plain.
func TestAnswersAreCompressed(t *testing.T) {
	env := apitest.New(t)
	for _, tc := range []struct {
		path, token string
		status      int
		gzipped     bool
	}{
		{"/login", "", 200, true},
		{"/static/commune.js", "", 200, true},
		{"/swagger/doc.json", "", 200, true},
		{"/api/v1/indicators", env.Tokens["admin"], 200, true},
		{"/api/v1/rollups?unit=zz", env.Tokens["admin"], 422, false}, // a short problem: under the minimum size
		{"/healthz", "", 200, false},
	} {
		req := httptest.NewRequest(http.MethodGet, tc.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		rec := httptest.NewRecorder()
		env.Handler.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.path, rec.Code, tc.status, rec.Body.String())
			continue
		}
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != tc.gzipped {
			t.Errorf("%s: gzipped %v, want %v", tc.path, got, tc.gzipped)
			continue
		}
		if !tc.gzipped {
			continue
		}
		if !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary %q", tc.path, rec.Header().Get("Vary"))
		}
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		// The same answer, uncompressed, to a client that does not ask.
		req2 := httptest.NewRequest(http.MethodGet, tc.path, nil)
		req2.Header = req.Header.Clone()
		req2.Header.Del("Accept-Encoding")
		rec2 := httptest.NewRecorder()
		env.Handler.ServeHTTP(rec2, req2)
		if rec2.Header().Get("Content-Encoding") != "" || rec2.Body.String() != string(plain) {
			t.Errorf("%s: the plain answer differs from the gzipped one", tc.path)
		}
	}
}
