package secure

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// A token made from a form that may be sent twice — a double click, a
// reload that sends the form again, an API request retried with its
// Idempotency-Key — is made once. The form carries a random key of its own
// (the form's key); the first request stores, under a name derived from
// it, the token and its secret sealed with the key itself. The same form
// sent again is answered with that token and its secret, which only the
// holder of the form can unseal: the database alone never holds a secret
// it can read, and the form alone names no token.

// FormKeyMin is the fewest bytes a form's key has.
const FormKeyMin = 16

// FormSeal seals and opens the answer of one form, with a key derived
// from the form's key. Its zero value (or one of a short key) has no Name.
type FormSeal struct{ key []byte }

// SealFor returns the seal of a form's key. A key shorter than FormKeyMin
// makes a seal without a Name, which the store refuses (after checking the
// form's fields).
func SealFor(formKey []byte) FormSeal {
	if len(formKey) < FormKeyMin {
		return FormSeal{}
	}
	return FormSeal{key: formKey}
}

// Name is what the form's key is stored under: 32 hex digits derived from
// it, unrelated to what seals; "" for a missing or short key.
func (f FormSeal) Name() string {
	if f.key == nil {
		return ""
	}
	return hex.EncodeToString(formKeyDigest("name", f.key)[:16])
}

// Seal returns nonce ‖ AES-GCM(plain), bound to ad.
func (f FormSeal) Seal(plain, ad []byte) ([]byte, error) {
	aead, err := f.cipher()
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, plain, ad), nil
}

// Open returns what Seal sealed with the same key and ad.
func (f FormSeal) Open(sealed, ad []byte) ([]byte, error) {
	aead, err := f.cipher()
	if err != nil {
		return nil, err
	}
	n := aead.NonceSize()
	if len(sealed) < n {
		return nil, errors.New("a sealed answer is cut short")
	}
	return aead.Open(nil, sealed[:n], sealed[n:], ad)
}

func (f FormSeal) cipher() (cipher.AEAD, error) {
	if f.key == nil {
		return nil, errors.New("a form without its key seals nothing")
	}
	block, err := aes.NewCipher(formKeyDigest("seal", f.key))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// formKeyDigest derives from a form's key, for one use, a value unrelated
// to the others derived from it.
func formKeyDigest(use string, formKey []byte) []byte {
	h := sha256.New()
	h.Write([]byte("doingoai token form " + use + "\x00"))
	h.Write(formKey)
	return h.Sum(nil)
}
