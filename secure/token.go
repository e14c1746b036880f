package secure

import (
	"crypto/rand"
	"encoding/base64"

	"doingoai/models"
)

// NewTokenSecret draws an API token's secret: models.TokenPrefix and 256
// random bits, base64url. It is shown once; the store keeps only its
// SHA-256 (the secret is random, so no dictionary applies).
func NewTokenSecret() (string, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", err
	}
	return models.TokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:]), nil
}
