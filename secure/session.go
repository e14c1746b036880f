package secure

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"time"

	"doingoai/models"
)

// Sessions of the web app expire after a working day without a request
// and a week after sign-in, whichever comes first.
const (
	SessionIdle     = 8 * time.Hour
	SessionAbsolute = 7 * 24 * time.Hour
	// a session's last use is written at most this often
	sessionTouchEvery = time.Minute
)

// A Session is a new session's secrets: Secret goes to the cookie, and
// only its SHA-256 (ID) is stored; CSRF is the token its forms carry.
type Session struct {
	Secret string
	ID     []byte
	CSRF   string
}

// NewSession draws a session's secrets: 256 random bits each.
func NewSession() (Session, error) {
	secret, id, err := newSecret()
	if err != nil {
		return Session{}, err
	}
	csrf, _, err := newSecret()
	if err != nil {
		return Session{}, err
	}
	return Session{Secret: secret, ID: id, CSRF: csrf}, nil
}

// newSecret returns a random secret of 256 bits and its SHA-256.
func newSecret() (string, []byte, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", nil, err
	}
	secret := base64.RawURLEncoding.EncodeToString(raw[:])
	h := sha256.Sum256([]byte(secret))
	return secret, h[:], nil
}

// SessionID is the stored name of the session a cookie's secret opens;
// false for a value no session can have (empty, or too long).
func SessionID(secret string) ([]byte, bool) {
	if secret == "" || len(secret) > 100 {
		return nil, false
	}
	h := sha256.Sum256([]byte(secret))
	return h[:], true
}

// SessionLive tells whether a session last used at lastSeen and ending at
// expires may still be used at now.
func SessionLive(lastSeen, expires, now time.Time) bool {
	return now.Before(expires) && now.Sub(lastSeen) < SessionIdle
}

// SessionTouchDue tells whether a session's last use, lastSeen, is to be
// written again at now (at most once a minute).
func SessionTouchDue(lastSeen, now time.Time) bool {
	return now.Sub(lastSeen) >= sessionTouchEvery
}

// ErrNoSession is the answer for a session cookie that is unknown, idle
// too long, past its end, or of a disabled account.
var ErrNoSession = models.Errorf(models.EUNAUTHORIZED, "not signed in, or the session has ended")
