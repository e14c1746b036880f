package secure

import (
	"fmt"
	"strconv"
	"time"

	"doingoai/models"
)

// Failed sign-ins slow the one who fails, not the owner of the login
// (logins are guessable: huyen167, xa05596):
//   - a login tried from one address (the pair) may fail pairFreeFailures
//     times; then each further attempt of that pair must wait twice as long
//     as the previous, from one second up to maxLoginDelay, and is refused
//     until then, even with the right password;
//   - an address may fail addrFreeFailures times over all logins (guessing
//     many logins; an office behind one router shares it), then waits the
//     same way;
//   - a login may fail loginSlowFrom times from all addresses together;
//     then every attempt at it, from anywhere, is answered later — from
//     loginSlowStep, doubling, up to loginSlowMax — but never refused, so the
//     owner, from an address that has not been failing, signs in with the
//     right password while someone elsewhere guesses.
//
// A quiet FailureMemory forgets the failures of a key. The store counts
// the failures under each key (Keys); Throttle decides from the counts.
const (
	pairFreeFailures = 5
	addrFreeFailures = 20
	maxLoginDelay    = 15 * time.Minute
	loginSlowFrom    = 10
	loginSlowStep    = 100 * time.Millisecond
	loginSlowMax     = 2 * time.Second
	// FailureMemory: a failure after this long without one counts from one
	// again, and older failures weigh nothing.
	FailureMemory = time.Hour
)

// Keys are the keys failed sign-ins of a login from an address are
// counted under: the pair, the address, the login.
type Keys struct{ Pair, Addr, Login string }

// KeysOf returns the keys of login (normalised) tried from addr. With an
// empty addr, Pair is the prefix of the keys of every pair of the login.
func KeysOf(login, addr string) Keys {
	return Keys{Pair: "pair:" + login + "|" + addr, Addr: "addr:" + addr, Login: "login:" + login}
}

// All lists the keys, in the order a failure is counted under them.
func (k Keys) All() []string { return []string{k.Pair, k.Addr, k.Login} }

// Failures are the failed sign-ins counted under a key: how many, the last
// when.
type Failures struct {
	Key   string
	Count int
	Last  time.Time
}

// Throttle returns ERATELIMIT if the pair or the address must wait (its
// Fields[0], "retry_after", says how many seconds), and otherwise how much
// later the login's attempt is to be answered. counted are the failures
// the store holds under k's keys (a key without a failure may be missing).
func (k Keys) Throttle(counted []Failures, now time.Time) (time.Duration, error) {
	var wait, slow time.Duration
	for _, f := range counted {
		switch f.Key {
		case k.Pair:
			wait = max(wait, loginDelay(f.Count, pairFreeFailures, f.Last, now))
		case k.Addr:
			wait = max(wait, loginDelay(f.Count, addrFreeFailures, f.Last, now))
		case k.Login:
			slow = loginSlowDown(f.Count, f.Last, now)
		}
	}
	if wait > 0 {
		secs := int((wait + time.Second - 1) / time.Second)
		return 0, &models.Error{Code: models.ERATELIMIT, Message: fmt.Sprintf("too many failed sign-ins; try again in %d seconds", secs),
			Fields: []models.FieldError{{Field: "retry_after", Message: strconv.Itoa(secs)}}}
	}
	return slow, nil
}

// loginDelay is how long a key with n failures, the last at last, must
// still wait before the next attempt (0: it may try now).
func loginDelay(n int, free int, last, now time.Time) time.Duration {
	if n < free || now.Sub(last) >= FailureMemory {
		return 0
	}
	d := maxLoginDelay
	if shift := n - free; shift < 20 {
		d = min(time.Second<<shift, maxLoginDelay)
	}
	return max(last.Add(d).Sub(now), 0)
}

// loginSlowDown is how much later an attempt at a login with n failures
// (from all addresses), the last at last, is answered.
func loginSlowDown(n int, last, now time.Time) time.Duration {
	if n < loginSlowFrom || now.Sub(last) >= FailureMemory {
		return 0
	}
	if shift := n - loginSlowFrom; shift < 10 {
		return min(loginSlowStep<<shift, loginSlowMax)
	}
	return loginSlowMax
}

// ErrBadCredentials is the one answer to a wrong login or password, so that
// the sign-in form does not tell which was wrong.
var ErrBadCredentials = models.Errorf(models.EUNAUTHORIZED, "the login or the password is wrong")
