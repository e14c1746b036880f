package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSessionKeysArePerPerson: people signed in to the web app have no
// token, and the API keeps Idempotency-Keys per token, so the page makes
// its key the person's own: two people who send the same key never get
// each other's answer, and neither finds the key taken. The clerk, the
// district officer and the province's officer (both on the commune's
// behalf) send the same key: another report is stored, not refused as a
// reused key; the clerk's very report, sent again after a change, is a
// new revision, not the clerk's answer replayed. The clerk's own retry is
// still the same request.
func TestSessionKeysArePerPerson(t *testing.T) {
	s := newEmptySite(t)
	const base = "/xa/05596/2024"
	key := strings.Repeat("5e", 16)
	seed := seedForm(t)
	changed := withAction(seed, "submit")
	changed.Set("information.narrative", "Phòng Nội vụ huyện bổ sung thông tin đối ngoại.")

	send := func(login string, v url.Values) (*client, url.Values) {
		t.Helper()
		c := s.client(t)
		c.signIn(login)
		f := c.formOf(base, v)
		f.Set("idem", key)
		p := c.post(base, f)
		expectRedirect(t, login+" sends with the key", p, base+"?da=gui")
		return c, f
	}
	narrative := func() any {
		return apiReport(t, s, "05596", "2024")["information"].(map[string]any)["narrative"]
	}

	clerk, first := send("xa05596", withAction(seed, "submit"))
	want := narrative()
	if n := revisions(t, s, "05596", "2024"); n != 1 {
		t.Fatalf("%d revisions after the clerk's send, want 1", n)
	}
	send("huyen167", changed)
	if n := revisions(t, s, "05596", "2024"); n != 2 || narrative() != changed.Get("information.narrative") {
		t.Fatalf("the district's report with the clerk's key: %d revisions, narrative %q; want 2 and its own", n, narrative())
	}
	send("tinh19", withAction(seed, "submit"))
	if n := revisions(t, s, "05596", "2024"); n != 3 || narrative() != want {
		t.Fatalf("the clerk's report sent by the province with the clerk's key: %d revisions, narrative %q; want 3 and the clerk's", n, narrative())
	}
	// The clerk's retry of the first send: the same request, answered as
	// first (no revision).
	if p := clerk.post(base, first); p.Status != http.StatusSeeOther {
		t.Fatalf("the clerk's retry: %d\n%s", p.Status, p.Body)
	}
	if n := revisions(t, s, "05596", "2024"); n != 3 {
		t.Errorf("the clerk's retry made a revision: %d, want 3", n)
	}
}
