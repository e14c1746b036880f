package secure

import (
	"testing"
	"time"

	"doingoai/models"
)

// The policy in figures: the pair waits from its sixth failure (1 s,
// doubling, at most 15 min), the address from its 21st, the login is only
// slowed from its 10th (100 ms, doubling, at most 2 s), and a quiet hour
// forgets.
func TestThrottle(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	k := KeysOf("xa05596", "10.0.0.1")
	if k.Pair != "pair:xa05596|10.0.0.1" || k.Addr != "addr:10.0.0.1" || k.Login != "login:xa05596" {
		t.Fatalf("keys %+v: the keys of the failures already counted would change", k)
	}
	if prefix := KeysOf("xa05596", "").Pair; k.Pair[:len(prefix)] != prefix {
		t.Fatalf("the pair's prefix %q does not start the pair %q", prefix, k.Pair)
	}
	wait := func(f ...Failures) (time.Duration, string) {
		t.Helper()
		d, err := k.Throttle(f, now)
		if err != nil {
			e := err.(*models.Error)
			if e.Code != models.ERATELIMIT || e.Fields[0].Field != "retry_after" {
				t.Fatalf("refused with %v", err)
			}
			return 0, e.Fields[0].Message
		}
		return d, ""
	}
	for _, c := range []struct {
		f     Failures
		slow  time.Duration
		retry string
	}{
		{Failures{k.Pair, 4, now}, 0, ""},
		{Failures{k.Pair, 5, now}, 0, "1"},
		{Failures{k.Pair, 7, now.Add(-time.Second)}, 0, "3"},
		{Failures{k.Pair, 40, now}, 0, "900"},
		{Failures{k.Pair, 40, now.Add(-time.Hour)}, 0, ""},
		{Failures{k.Addr, 19, now}, 0, ""},
		{Failures{k.Addr, 20, now}, 0, "1"},
		{Failures{k.Login, 9, now}, 0, ""},
		{Failures{k.Login, 10, now}, 100 * time.Millisecond, ""},
		{Failures{k.Login, 12, now}, 400 * time.Millisecond, ""},
		{Failures{k.Login, 100, now}, 2 * time.Second, ""},
		{Failures{k.Login, 100, now.Add(-time.Hour)}, 0, ""},
		{Failures{"pair:other|10.0.0.1", 100, now}, 0, ""},
	} {
		if slow, retry := wait(c.f); slow != c.slow || retry != c.retry {
			t.Errorf("%+v: slowed %v, retry after %q; want %v, %q", c.f, slow, retry, c.slow, c.retry)
		}
	}
}
