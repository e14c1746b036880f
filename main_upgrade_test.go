package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"doingoai/internal/loadtest"
	"doingoai/internal/testenv"
	"doingoai/store"
)

// release20261127 is the head of main on 2026-11-27, the release that ran
// before the 2026-12 round: databases written by it must open, whole, in
// the current binary.
const release20261127 = "aa070f6"

// upgradeSources are the earlier releases TestUpgradeLosesNothing starts
// from: the release of 2026-11-27 and the head just before this test was
// added (the parent of the commit that added this file), or the refs of
// UPGRADE_FROM (comma-separated) when it is set.
func upgradeSources(t *testing.T) []string {
	if v := os.Getenv("UPGRADE_FROM"); v != "" {
		return strings.Split(v, ",")
	}
	refs := []string{release20261127}
	out, err := exec.Command("git", "log", "--diff-filter=A", "--format=%H", "--", "main_upgrade_test.go").Output()
	if err == nil {
		if lines := strings.Fields(string(out)); len(lines) > 0 {
			refs = append(refs, lines[len(lines)-1]+"^")
		}
	}
	return refs
}

// buildRelease checks ref out with `git worktree add` and builds it.
func buildRelease(t *testing.T, ref string) string {
	t.Helper()
	if _, err := exec.Command("git", "rev-parse", "--verify", "--quiet", ref+"^{commit}").Output(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the release %s is not in this clone's history (a shallow clone?): under CI=true the upgrade test must run", ref)
		}
		t.Skipf("SKIPPED: the release %s is not in this clone's history", ref)
	}
	dir := filepath.Join(t.TempDir(), "release")
	if out, err := exec.Command("git", "worktree", "add", "--detach", dir, ref).CombinedOutput(); err != nil {
		t.Fatalf("git worktree add %s: %v\n%s", ref, err, out)
	}
	t.Cleanup(func() {
		exec.Command("git", "worktree", "remove", "--force", dir).Run()
		exec.Command("git", "worktree", "prune").Run()
	})
	bin, err := loadtest.Build(dir, t.TempDir())
	if err != nil {
		t.Fatalf("building the release %s: %v", ref, err)
	}
	return bin
}

// TestUpgradeLosesNothing builds earlier releases from this repository's
// own history, fills a database through each one's API, pages and
// commands — reports with revisions, a return and an acceptance, a
// deadline, tokens, accounts, a kept form draft, the audit trail — then
// starts the current binary on that database: everything is there, the old
// tokens and passwords still work, `audit verify` passes and the
// maintained totals agree with the reports.
func TestUpgradeLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds earlier releases")
	}
	for _, ref := range upgradeSources(t) {
		t.Run(ref, func(t *testing.T) {
			old := buildRelease(t, ref)
			db := testenv.NewDB(t).URL
			base, tokens, printed, stop := serveDemoOn(t, old, db)
			passwords := demoPasswords(printed)
			for _, login := range []string{"admin", "huyen167", "xa05596"} {
				if passwords[login] == "" {
					t.Fatalf("the release %s printed no password for %s:\n%s", ref, login, strings.Join(printed, "\n"))
				}
			}
			fill := fillRelease(t, base, tokens, passwords["xa05596"])
			// An account made with the release's command, while it serves.
			created, err := loadtest.Run(old, db, nil, "user", "create", "--login", "xa05599", "--role", "commune", "--unit", "05599", "--name", "Văn phòng UBND xã Sơn Phú")
			if err != nil {
				t.Fatal(err)
			}
			passwords["xa05599"] = strings.TrimSpace(created)
			before := snapshot(t, base, tokens)
			usersBefore, err := loadtest.Run(old, db, nil, "user", "list")
			if err != nil {
				t.Fatal(err)
			}
			stop()
			if _, err := loadtest.Run(old, db, nil, "audit", "verify"); err != nil {
				t.Fatalf("the release's own audit trail does not verify: %v", err)
			}

			// The current binary on the same database.
			srv := startServer(t, db)
			now := "http://" + srv.Addr
			after := snapshot(t, now, tokens)
			for key, was := range before {
				if err := contains(after[key], was); err != nil {
					t.Errorf("%s after the upgrade: %v", key, err)
				}
			}
			// The token the release created still opens the API (no 401).
			if code, _ := get(t, now+"/api/v1/reports/05599/2024", fill.token); code != http.StatusNotFound {
				t.Errorf("the release's new token answers %d, want 404 (no report yet)", code)
			}
			usersAfter := run(t, db, "user", "list")
			for _, line := range strings.Split(strings.TrimSpace(usersBefore), "\n")[1:] {
				login := strings.Fields(line)[0]
				if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(login) + `\s`).MatchString(usersAfter.stdout) {
					t.Errorf("the account %s is gone after the upgrade:\n%s", login, usersAfter.stdout)
				}
			}
			for login, password := range passwords {
				if login == "admin" {
					continue // admin lands on a page of its own; the others are enough
				}
				if _, err := signIn(now, login, password); err != nil {
					t.Errorf("%s cannot sign in after the upgrade: %v", login, err)
				}
			}
			// A keyed submission made in the release, sent again with its
			// key, is answered as the release answered it, byte for byte,
			// and changes nothing (the report has been reviewed since).
			for _, k := range fill.keyed {
				status, etag, location, answer := putKeyed(t, now, tokens["commune"], k, "true")
				if status != k.status || etag != k.etag || location != k.location || !bytes.Equal(answer, k.answer) {
					t.Errorf("the retry of %s after the upgrade: %d ETag %q Location %q %s; the release answered %d ETag %q Location %q %s",
						k.key, status, etag, location, answer, k.status, k.etag, k.location, k.answer)
				}
			}
			if code, body := get(t, now+"/api/v1/reports/05596/2024", tokens["admin"]); code != 200 || !bytes.Contains(body, []byte(`"status":"accepted"`)) {
				t.Errorf("after the retries the report is %d %s, want it accepted as before", code, body)
			}
			// The form draft typed in the release is still offered, as typed.
			client, err := signIn(now, "xa05596", passwords["xa05596"])
			if err != nil {
				t.Fatal(err)
			}
			page := fetch(t, client, now+fill.draftPage)
			if !strings.Contains(page, fill.draftValue) {
				t.Errorf("the form draft (%s = %q) typed in the release is not on %s after the upgrade", fill.draftField, fill.draftValue, fill.draftPage)
			}
			// The release stored its warnings without params: the report's
			// page says them in Vietnamese, with their figures, as the
			// release's pages did (store.GiveWarningsParams).
			poorRate := "Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%."
			if page := fetch(t, client, now+"/r/05596/2024"); !strings.Contains(page, poorRate) || strings.Contains(page, "the stated rate") {
				t.Errorf("the report page after the upgrade does not say %q (or says the warning in English)", poorRate)
			}
			srv.Stop()
			if r := run(t, db, "audit", "verify"); r.code != 0 {
				t.Errorf("audit verify after the upgrade: %+v", r)
			}
			s, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.CheckTotals(context.Background()); err != nil {
				t.Errorf("the maintained totals after the upgrade: %v", err)
			}
		})
	}
}

// demoPasswords reads the logins and passwords `serve --demo` printed.
func demoPasswords(printed []string) map[string]string {
	out := map[string]string{}
	for _, line := range printed {
		if m := regexp.MustCompile(`login: (\S+)\s+password: (\S+)`).FindStringSubmatch(line); m != nil {
			out[m[1]] = m[2]
		}
	}
	return out
}

// filled is what fillRelease made that the snapshot does not read.
type filled struct {
	token                             string // a token made over the API
	draftPage, draftField, draftValue string // a form draft kept as typed
	keyed                             []keyedAnswer
}

// keyedAnswer is a submission sent with an Idempotency-Key and the
// release's answer to it, which a retry with the key gets again.
type keyedAnswer struct {
	path, key      string
	request        []byte
	status         int
	etag, location string
	answer         []byte
}

// putKeyed sends k's request with its key and returns the answer, with
// the Idempotent-Replayed header wanted ("" for none).
func putKeyed(t *testing.T, base, token string, k keyedAnswer, replayed string) (status int, etag, location string, answer []byte) {
	t.Helper()
	req, _ := http.NewRequest("PUT", base+k.path, bytes.NewReader(k.request))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", k.key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	answer, _ = io.ReadAll(res.Body)
	if got := res.Header.Get("Idempotent-Replayed"); got != replayed {
		t.Errorf("PUT %s with the key %s: Idempotent-Replayed %q, want %q", k.path, k.key, got, replayed)
	}
	return res.StatusCode, res.Header.Get("ETag"), res.Header.Get("Location"), answer
}

// fillRelease writes through the release's API and pages what a year
// writes: Bộc Nhiêu's 2024 report amended, returned, amended again and
// accepted; Phú Tiến's sent on its behalf by the district and returned; a
// due date; a token; and, in the commune's form, a draft the validator
// refuses, which the service keeps as typed.
func fillRelease(t *testing.T, base string, tokens map[string]string, clerkPassword string) filled {
	t.Helper()
	report := func(unit, period string) map[string]any {
		code, body := get(t, base+"/api/v1/reports/"+unit+"/"+period, tokens["district"])
		if code != 200 {
			t.Fatalf("GET report %s/%s: %d %s", unit, period, code, body)
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"revision", "status", "submitted_at", "first_submitted_at", "submitted_by", "warnings", "review", "etag"} {
			delete(m, k)
		}
		return m
	}
	send := func(method, path, token string, body any, want int) {
		t.Helper()
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, base+path, bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Fatalf("%s %s: %d, want %d: %s", method, path, res.StatusCode, want, got)
		}
	}
	r := report("05596", "2024")
	r["plan"] = append(r["plan"].([]any), "Rà soát số liệu người lao động ở nước ngoài.")
	// With Idempotency-Key: the new revision, then the same report again
	// under another key (unchanged); the release keeps both answers.
	var f filled
	b, _ := json.Marshal(r)
	for i, want := range []int{201, 200} {
		k := keyedAnswer{path: "/api/v1/reports/05596/2024", key: fmt.Sprintf("upgrade-%d", i), request: b}
		k.status, k.etag, k.location, k.answer = putKeyed(t, base, tokens["commune"], k, "")
		if k.status != want || k.etag == "" || (want == 201) != (k.location != "") {
			t.Fatalf("the release's keyed PUT %s: %d (ETag %q, Location %q), want %d: %s", k.key, k.status, k.etag, k.location, want, k.answer)
		}
		f.keyed = append(f.keyed, k)
	}
	send("POST", "/api/v1/reports/05596/2024/review", tokens["district"], map[string]string{"decision": "return", "comment": "Đề nghị bổ sung số người đi lao động ở nước ngoài."}, 200)
	r["overseas_vietnamese"] = map[string]any{"labor_export_workers": 12}
	send("PUT", "/api/v1/reports/05596/2024", tokens["commune"], r, 201)
	send("POST", "/api/v1/reports/05596/2024/review", tokens["district"], map[string]string{"decision": "accept"}, 200)
	r["unit_code"] = "05593"
	r["document"].(map[string]any)["place"] = "Phú Tiến"
	send("PUT", "/api/v1/reports/05593/2024", tokens["district"], r, 201)
	send("POST", "/api/v1/reports/05593/2024/review", tokens["district"], map[string]string{"decision": "return", "comment": "Số liệu dân số chưa khớp."}, 200)
	send("PUT", "/api/v1/deadlines/167/2024", tokens["district"], map[string]string{"due_date": "2024-12-10", "reference": "7253/UBND-VP"}, 201)

	b, _ = json.Marshal(map[string]any{"role": "commune", "unit_code": "05599", "name": "Phần mềm một cửa xã Sơn Phú", "expires_in_days": 365})
	req, _ := http.NewRequest("POST", base+"/api/v1/tokens", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+tokens["admin"])
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var tok struct{ Token string }
	json.NewDecoder(res.Body).Decode(&tok)
	res.Body.Close()
	if res.StatusCode != 201 || tok.Token == "" {
		t.Fatalf("POST /api/v1/tokens: %d", res.StatusCode)
	}

	// The commune's form, as the clerk types it: a household count the
	// validator refuses is kept as a form draft, not a revision.
	client, err := signIn(base, "xa05596", clerkPassword)
	if err != nil {
		t.Fatal(err)
	}
	f.token, f.draftPage, f.draftField, f.draftValue = tok.Token, "/xa/05596/2025S1", "profile.households", "-1.234"
	form := fetch(t, client, base+f.draftPage)
	values := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="(csrf|idem|etag)" value="([^"]*)"`).FindAllStringSubmatch(form, -1) {
		if values.Get(m[1]) == "" {
			values.Set(m[1], m[2])
		}
	}
	if values.Get("csrf") == "" || values.Get("idem") == "" {
		t.Fatalf("the release's form %s has no csrf or idem field", f.draftPage)
	}
	values.Set("action", "draft")
	values.Set(f.draftField, f.draftValue)
	values.Set("profile.population", "4.500")
	req, _ = http.NewRequest("POST", base+f.draftPage, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if page := fetch(t, client, base+f.draftPage); !strings.Contains(page, f.draftValue) {
		t.Fatalf("the release did not keep the form draft (%d): %s is not on the page", res.StatusCode, f.draftValue)
	}
	return f
}

// snapshot reads, over the API, everything the upgrade must keep: the
// reports, each revision whole, the rollups and completeness of the
// district and the province, the deadline, the tokens and the audit trail.
func snapshot(t *testing.T, base string, tokens map[string]string) map[string]any {
	t.Helper()
	out := map[string]any{}
	read := func(path, token string) any {
		code, body := get(t, base+path, token)
		if code != 200 {
			t.Fatalf("GET %s: %d %s", path, code, body)
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		out[path] = v
		return v
	}
	for _, rp := range []string{"05596/2024", "05593/2024", "05581/2025"} {
		read("/api/v1/reports/"+rp, tokens["admin"])
		revs := read("/api/v1/reports/"+rp+"/revisions", tokens["admin"]).(map[string]any)["items"].([]any)
		for _, r := range revs {
			read(fmt.Sprintf("/api/v1/reports/%s/revisions/%v", rp, r.(map[string]any)["revision"]), tokens["admin"])
		}
	}
	read("/api/v1/rollups?unit=167&period=2024&by=child", tokens["district"])
	read("/api/v1/rollups?unit=19&periods=2024,2025&tree=2025-07-01", tokens["admin"])
	read("/api/v1/completeness?unit=167&period=2024", tokens["district"])
	read("/api/v1/deadlines/167/2024", tokens["district"])
	read("/api/v1/reports?parent=19&period=2024", tokens["admin"])
	read("/api/v1/tokens", tokens["admin"])
	read("/api/v1/audit?page=1", tokens["admin"])
	return out
}

// contains reports where got lacks something of want: every field of
// want is in got with the same value (objects may gain fields; lists
// keep their length and order).
func contains(got, want any) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("want an object, got %T", got)
		}
		for k, v := range w {
			if err := contains(g[k], v); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("want %d items, got %v", len(w), got)
		}
		for i := range w {
			if err := contains(g[i], w[i]); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
	default:
		if !reflect.DeepEqual(got, want) {
			return fmt.Errorf("want %v, got %v", want, got)
		}
	}
	return nil
}

func get(t *testing.T, u, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// signIn signs in through the sign-in form and returns a client that
// holds the session.
func signIn(base, login, password string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	req, _ := http.NewRequest("POST", base+"/login", strings.NewReader(url.Values{"login": {login}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Request.URL.Path == "/login" {
		return nil, fmt.Errorf("signing in answered %d at %s", res.StatusCode, res.Request.URL.Path)
	}
	return client, nil
}

func fetch(t *testing.T, client *http.Client, u string) string {
	t.Helper()
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, res.StatusCode)
	}
	return string(b)
}
