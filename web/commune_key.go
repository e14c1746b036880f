package web

// The page's idempotency key: every form carries a fresh key, which the
// save sends to the API as an Idempotency-Key of the signed-in person.

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
)

func newIdemKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// sessionKeyFor makes an Idempotency-Key of the page's key unique to the
// person, whose submissions share the web app's principal.
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
