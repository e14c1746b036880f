package secure

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// An answer sealed before the sealing left the store (with its code) opens
// with the same form's key, under the same name: a form sent again across
// the change is answered with its token.
func TestSealFromTheStoreOpens(t *testing.T) {
	formKey := []byte("0123456789abcdef-form-key")
	f := SealFor(formKey)
	if got, want := f.Name(), "8307288e8ca53b25b671bdef2fd80821"; got != want {
		t.Fatalf("Name = %s, want %s (the name the store gave this key)", got, want)
	}
	ad := []byte("web-7-token-" + f.Name())
	sealed, _ := hex.DecodeString("e70f2482ce61a5e095dec0183e55fe700bdc418b2c6cf747c4ef081bf9d395d4a6349d95884c7b1615358045b125b1addf0f19")
	plain, err := f.Open(sealed, ad)
	if err != nil || string(plain) != "the-secret-of-the-token" {
		t.Fatalf("Open = %q, %v", plain, err)
	}
	if _, err := SealFor([]byte("0123456789abcdef-another")).Open(sealed, ad); err == nil {
		t.Error("another form's key opens the answer")
	}
	if _, err := f.Open(sealed, []byte("web-8-token-"+f.Name())); err == nil {
		t.Error("the answer opens under another name")
	}
	if _, err := f.Open(sealed[:5], ad); err == nil {
		t.Error("a cut answer opens")
	}
}

// What Seal seals, Open opens; each seal draws its own nonce; a short key
// seals nothing and has no name.
func TestSealRoundTrip(t *testing.T) {
	f := SealFor(bytes.Repeat([]byte{7}, FormKeyMin))
	a, err := f.Seal([]byte("secret"), []byte("k"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Seal([]byte("secret"), []byte("k"))
	if bytes.Equal(a, b) {
		t.Error("two seals of the same secret are equal: the nonce is not drawn")
	}
	if p, err := f.Open(a, []byte("k")); err != nil || string(p) != "secret" {
		t.Fatalf("Open = %q, %v", p, err)
	}
	short := SealFor(bytes.Repeat([]byte{7}, FormKeyMin-1))
	if short.Name() != "" || (FormSeal{}).Name() != "" {
		t.Error("a short or missing key has a name")
	}
	if _, err := short.Seal([]byte("secret"), nil); err == nil {
		t.Error("a short key seals")
	}
}
