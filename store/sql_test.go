package store_test

import (
	"testing"

	"doingoai/store"
)

func TestBind(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SELECT a FROM t WHERE b = ? AND c IN (?, ?)", "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"},
		{"SELECT '?' || ?, \"odd?name\" FROM t WHERE x = ?", "SELECT '?' || $1, \"odd?name\" FROM t WHERE x = $2"},
		{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
	}
	for _, c := range cases {
		if got := store.Bind(store.Postgres, c.in); got != c.want {
			t.Errorf("bind(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := store.Bind(store.SQLite, c.in); got != c.in {
			t.Errorf("SQLite rewrote %q", c.in)
		}
	}
}
