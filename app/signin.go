package app

import (
	"context"
	"strings"
	"time"

	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// normalLogin is a login as accounts hold it.
func normalLogin(login string) string { return strings.ToLower(strings.TrimSpace(login)) }

// SignIn checks a login and password and opens a session: the web app's
// sign-in. It returns the session's secret (for the cookie) and who signed
// in. Failed attempts are counted and slow further ones as secure.Throttle
// says; an unknown login costs the same hashing as a wrong password.
//
// Errors: ERATELIMIT while the login from this address, or the address,
// must wait after failed attempts (Fields[0] says how many seconds);
// secure.ErrBadCredentials for a wrong login or password or a disabled
// account; EUNAVAILABLE when too many passwords are being checked at once.
func (a Accounts) SignIn(ctx context.Context, login, pw, addr, userAgent string) (string, models.SessionUser, error) {
	login = normalLogin(login)
	if len(login) > 64 || len(pw) > 1000 {
		return "", models.SessionUser{}, secure.ErrBadCredentials
	}
	now := a.Store.Now()
	keys := secure.KeysOf(login, addr)
	stored, err := a.Store.FailuresOf(ctx, keys.All()...)
	if err != nil {
		return "", models.SessionUser{}, err
	}
	counted := make([]secure.Failures, len(stored))
	for i, f := range stored {
		counted[i] = secure.Failures{Key: f.Key, Count: f.Count, Last: f.Last}
	}
	slow, err := keys.Throttle(counted, now)
	if err != nil {
		return "", models.SessionUser{}, err
	}
	if err := pause(ctx, slow); err != nil {
		return "", models.SessionUser{}, err
	}
	cred, err := a.Store.CredentialsOf(ctx, login)
	if err != nil {
		return "", models.SessionUser{}, err
	}
	ok, err := secure.CheckPassword(ctx, cred.PasswordHash, pw) // "" for no account: refused after the same work
	if err != nil {
		return "", models.SessionUser{}, err
	}
	if cred.UserID == 0 || !ok || cred.Disabled {
		if err := a.Store.RecordFailure(ctx, now, secure.FailureMemory, keys.All()...); err != nil {
			return "", models.SessionUser{}, err
		}
		return "", models.SessionUser{}, secure.ErrBadCredentials
	}
	sess, err := secure.NewSession()
	if err != nil {
		return "", models.SessionUser{}, err
	}
	err = a.Store.OpenSession(ctx, store.NewSession{ID: sess.ID, CSRF: sess.CSRF, User: cred, Address: addr, UserAgent: userAgent,
		At: now, Expires: now.Add(secure.SessionAbsolute), IdleBefore: now.Add(-secure.SessionIdle), ForgetKey: keys.Pair})
	if err != nil {
		return "", models.SessionUser{}, err
	}
	su, err := a.Session(ctx, sess.Secret)
	return sess.Secret, su, err
}

// pause waits d, or until ctx is done.
func pause(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Session returns who a session's secret (the cookie's value) belongs to,
// and records that it was used (at most once a minute).
//
// Errors: secure.ErrNoSession for a secret that is unknown, of a session
// idle too long or past its end, or of a disabled account.
func (a Accounts) Session(ctx context.Context, secret string) (models.SessionUser, error) {
	id, ok := secure.SessionID(secret)
	if !ok {
		return models.SessionUser{}, secure.ErrNoSession
	}
	s, err := a.Store.Session(ctx, id)
	if err != nil {
		return models.SessionUser{}, err
	}
	now := a.Store.Now()
	if s.User.UserID == 0 || s.Disabled || !secure.SessionLive(s.LastSeen, s.Expires, now) {
		return models.SessionUser{}, secure.ErrNoSession
	}
	if secure.SessionTouchDue(s.LastSeen, now) {
		if err := a.Store.TouchSession(ctx, id, now); err != nil {
			return models.SessionUser{}, err
		}
	}
	return s.User, nil
}

// SignOut ends the session of a secret; an unknown one is already ended.
func (a Accounts) SignOut(ctx context.Context, secret string) error {
	id, ok := secure.SessionID(secret)
	if !ok {
		return nil
	}
	return a.Store.EndSession(ctx, id)
}
