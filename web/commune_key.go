package web

// The page's idempotency key: every form carries a fresh key, which the
// save sends to the API as an Idempotency-Key of the signed-in person.

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
)

// newIdemKey is a fresh key for a form.
func newIdemKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// sessionKeyFor makes an Idempotency-Key of the page's key unique to the
// person. The API keeps keys per token, and every person signed in to the
// web app has none (token 0): without the person's id in the key, two
// people's keys would share one namespace, and one could be answered with
// the other's stored result. The page's key is hexadecimal digits only, so
// "web-<user id>-<key>" is one person's only. Anything else is no key.
func sessionKeyFor(r *http.Request, key string) string {
	if key == "" || len(key) > 64 {
		return ""
	}
	for _, c := range key {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return ""
		}
	}
	return fmt.Sprintf("web-%d-%s", session(r).UserID, key)
}
