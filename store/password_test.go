package store

import (
	"fmt"
	"strings"
	"testing"
)

// An unknown login is checked against dummyHash so that it takes as long
// to refuse as a wrong password: the constant must carry today's
// parameters, and no password (not even its own) may match it by accident
// of a parse failure.
func TestDummyHashCostsWhatARealHashCosts(t *testing.T) {
	want := fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$", argonMemory, argonTime, argonThreads)
	if !strings.HasPrefix(dummyHash, want) {
		t.Fatalf("dummyHash = %q, want the parameters %q", dummyHash, want)
	}
	if !checkPassword(dummyHash, "not a password of anyone") {
		t.Fatal("dummyHash does not parse as a hash checkPassword computes: an unknown login would be refused faster than a wrong password")
	}
	if checkPassword(dummyHash, "") {
		t.Fatal("dummyHash matches the empty password")
	}
}

// Password hashing is bounded to one argon2id computation per CPU.
func TestArgonSlotsBoundConcurrentHashes(t *testing.T) {
	if cap(argonSlots) < 1 {
		t.Fatalf("argonSlots has no room: %d", cap(argonSlots))
	}
	done := make(chan bool)
	for i := 0; i < 3*cap(argonSlots); i++ {
		go func() {
			h, err := HashPassword("x")
			done <- err == nil && checkPassword(h, "x")
		}()
	}
	for i := 0; i < 3*cap(argonSlots); i++ {
		if !<-done {
			t.Fatal("a hash made while others waited for a slot does not check")
		}
	}
	if len(argonSlots) != 0 {
		t.Fatalf("%d slots still taken after every hash returned", len(argonSlots))
	}
}
