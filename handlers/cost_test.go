package handlers_test

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/internal/apitest"
	"doingoai/internal/docxtest"
	"doingoai/models"
)

// principalOf returns the principal of one of env's tokens.
func principalOf(t *testing.T, env *apitest.Env, token string) context.Context {
	t.Helper()
	p, err := env.Store.Authenticate(t.Context(), env.Tokens[token])
	if err != nil {
		t.Fatal(err)
	}
	return models.WithPrincipal(t.Context(), p)
}

// useSlots replaces *slots with n slots and a short wait for the test.
func useSlots(t *testing.T, slots **app.Slots, what string, n int) {
	t.Helper()
	old := *slots
	*slots = app.NewSlots(what, n, 100*time.Millisecond)
	t.Cleanup(func() { *slots = old })
}

// saturate has the client of ctx take every slot it can, as a client
// sending many requests at once would, and returns how many it got; the
// slots are given back when the test ends.
func saturate(t *testing.T, slots *app.Slots, ctx context.Context, tries int) int {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	got := 0
	for range tries {
		wg.Go(func() {
			release, err := slots.Acquire(ctx)
			if err != nil {
				return
			}
			t.Cleanup(release)
			mu.Lock()
			got++
			mu.Unlock()
		})
	}
	wg.Wait()
	return got
}

// TestImportHostileDocuments performs the attack of a tiny .docx built to
// cost hundreds of MB on POST /api/v1/reports/import: each is refused
// with its problem, allocating a bounded amount of memory.
func TestImportHostileDocuments(t *testing.T) {
	env := apitest.New(t)
	want := map[string]int{"attributes": 422, "deep fallback": 422, "doctype": 422, "tags": 413, "long attribute": 413, "long text": 413}
	names := make([]string, 0, len(docxtest.Hostile))
	for name := range docxtest.Hostile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		body := string(docxtest.Hostile[name]())
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		env.Run(t, []apitest.Scenario{{Name: name, Method: "POST", URL: importURL + "?unit=05596&period=2024", Token: "commune",
			ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Body: body,
			Status: want[name], Contains: []string{"docx", "XML"}}})
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 80<<20 {
			t.Errorf("%s: the import of %d bytes allocated %d MB", name, len(body), alloc>>20)
		}
	}
}

// TestImportSlots: an import is read in one of the import slots; a
// commune token holding its share is told 503 with Retry-After, while
// another client's import still goes through.
func TestImportSlots(t *testing.T) {
	env := apitest.New(t)
	useSlots(t, &app.ImportSlots, "import", 2)
	if got := saturate(t, app.ImportSlots, principalOf(t, env, "commune"), 20); got != 1 {
		t.Fatalf("the commune took %d of 2 slots", got)
	}
	seed := seedText(t)
	env.Run(t, []apitest.Scenario{
		{Name: "the saturating commune waits, then 503", Method: "POST", URL: importURL, Token: "commune", ContentType: "text/plain", Body: seed,
			Status: 503, Contains: []string{`"code":"unavailable"`, "share"},
			Check: func(t *testing.T, r *apitest.Response) {
				if r.Header.Get("Retry-After") == "" {
					t.Error("no Retry-After")
				}
			}},
		{Name: "another client's import goes through", Method: "POST", URL: importURL, Token: "district", ContentType: "text/plain", Body: seed,
			Status: 200, Contains: []string{`"households":1169`}},
	})
}

// TestExportsSharedFairly: one district token running many exports at
// once (12 consolidated drafts) holds at most its share of the export
// slots: another client's CSV is not refused, and its own extra export is.
func TestExportsSharedFairly(t *testing.T) {
	env := apitest.New(t)
	useSlots(t, &app.ExportSlots, "export", 2)
	if got := saturate(t, app.ExportSlots, principalOf(t, env, "district"), 12); got != 1 {
		t.Fatalf("one token took %d of 2 export slots", got)
	}
	for _, other := range []string{"admin", "province"} {
		if res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&format=csv", other, "", nil); res.Status != 200 {
			t.Errorf("%s's CSV while the district saturates: %d %.300s", other, res.Status, res.Body)
		}
	}
	res := env.Do(t, "GET", "/api/v1/consolidated/167/2024", "district", "", nil)
	if res.Status != 503 || res.Header.Get("Retry-After") == "" || !strings.Contains(string(res.Body), "share") {
		t.Errorf("the saturating district's next draft: %d %q %.300s", res.Status, res.Header.Get("Retry-After"), res.Body)
	}
}

// TestImportRate: a token may start ImportBurst imports in a row, then
// one per 1/ImportRate seconds (here 1,000, so that a slow machine cannot
// refill the bucket during the test): the next is 429 with Retry-After;
// another token is not affected.
func TestImportRate(t *testing.T) {
	env := apitest.NewWith(t, func(c *api.Config) { c.ImportRate, c.ImportBurst = 0.001, 3 })
	seed := seedText(t)
	for i := range 3 {
		if res := env.Do(t, "POST", importURL, "commune", seed, map[string]string{"Content-Type": "text/plain"}); res.Status != 200 {
			t.Fatalf("import %d: %d %.300s", i+1, res.Status, res.Body)
		}
	}
	res := env.Do(t, "POST", importURL, "commune", seed, map[string]string{"Content-Type": "text/plain"})
	if res.Status != 429 || res.Header.Get("Retry-After") == "" || !strings.Contains(string(res.Body), "rate_limited") {
		t.Errorf("the fourth import in a row: %d %q %.300s", res.Status, res.Header.Get("Retry-After"), res.Body)
	}
	if res := env.Do(t, "POST", importURL, "district", seed, map[string]string{"Content-Type": "text/plain"}); res.Status != 200 {
		t.Errorf("another token's import: %d", res.Status)
	}
}
