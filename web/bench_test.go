package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/internal/benchdata"
	"doingoai/models"
	"doingoai/store"
)

var nationalSite struct {
	once    sync.Once
	handler http.Handler
	cookie  string
	err     error
}

// nationalWeb serves the pages over the national dataset (10,472 communes,
// ten years of reports; see internal/benchdata), signed in as an admin; on
// PostgreSQL with BENCH_DATABASE_URL.
func nationalWeb(b *testing.B) (http.Handler, string) {
	path := benchdata.Target(b, "..")
	nationalSite.once.Do(func() {
		ctx := context.Background()
		s, err := store.Open(ctx, path, store.Options{})
		if err == nil {
			_, err = s.Migrate(ctx)
		}
		if err != nil {
			nationalSite.err = err
			return
		}
		const login = "bench-admin"
		made, err := (app.Accounts{Store: s}).Create(ctx, models.CommandLine, models.UserInput{Login: login, Role: models.RoleAdmin})
		pw := made.Password
		if models.ErrorCode(err) == models.EINVALID { // made by an earlier run: a new password
			pw, err = (app.Accounts{Store: s}).ResetPassword(ctx, models.CommandLine, login, "")
		}
		if err != nil {
			nationalSite.err = err
			return
		}
		h := api.New(api.Config{Store: s})
		req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"login": {login}, "password": {pw}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		c := rec.Result().Cookies()
		if rec.Code != http.StatusSeeOther || len(c) == 0 {
			nationalSite.err = io.ErrUnexpectedEOF
			return
		}
		nationalSite.handler, nationalSite.cookie = h, c[0].Name+"="+c[0].Value
	})
	if nationalSite.err != nil {
		b.Fatal(nationalSite.err)
	}
	return nationalSite.handler, nationalSite.cookie
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

var assetRe = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// benchPage requests a page b.N times and reports the median and 99th
// percentile server time, the HTML's size as sent and gzipped, and the
// size of all the assets it loads (as sent and gzipped).
func benchPage(b *testing.B, path, contains string) {
	h, cookie := nationalWeb(b)
	get := func(p string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	durations := make([]time.Duration, 0, b.N)
	var body []byte
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		rec := get(path)
		durations = append(durations, time.Since(start))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), contains) {
			b.Fatalf("%s: %d %.300s", path, rec.Code, rec.Body.String())
		}
		body = rec.Body.Bytes()
	}
	b.StopTimer()
	slices.Sort(durations)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(durations[len(durations)/2]), "p50-ms")
	b.ReportMetric(ms(durations[len(durations)*99/100]), "p99-ms")
	b.ReportMetric(float64(len(body))/1024, "html-KiB")
	b.ReportMetric(float64(gzipLen(body))/1024, "html-gz-KiB")
	var assets, assetsGz int
	for _, m := range assetRe.FindAllStringSubmatch(string(body), -1) {
		rec := get(m[1])
		if rec.Code != 200 {
			b.Fatalf("%s: %d", m[1], rec.Code)
		}
		assets += rec.Body.Len()
		assetsGz += gzipLen(rec.Body.Bytes())
	}
	b.ReportMetric(float64(assets)/1024, "assets-KiB")
	b.ReportMetric(float64(assetsGz)/1024, "assets-gz-KiB")
	if len(body) > 100<<10 || assets > 200<<10 {
		b.Errorf("%s: the HTML is %d bytes (limit 100 KiB), its assets %d (limit 200 KiB)", path, len(body), assets)
	}
}

func BenchmarkOverviewCountry(b *testing.B) {
	benchPage(b, "/u/VN/2024", "Việt Nam")
}

// Hà Nội: the province with the most communes (579).
func BenchmarkOverviewLargestProvince(b *testing.B) {
	benchPage(b, "/u/01/2024", "Thành phố Hà Nội")
}

func BenchmarkOverviewProvince(b *testing.B) {
	benchPage(b, "/u/19/2024", "Tỉnh Thái Nguyên")
}

func BenchmarkOverviewDistrict(b *testing.B) {
	benchPage(b, "/u/167/2024", "Huyện Định Hóa")
}

func BenchmarkReportPage(b *testing.B) {
	benchPage(b, "/r/05596/2024", "I. ĐẶC ĐIỂM TÌNH HÌNH")
}
