package secure

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"doingoai/models"
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
	if ok, err := checkPassword(t.Context(), dummyHash, "not a password of anyone"); err != nil || !ok {
		t.Fatal("dummyHash does not parse as a hash checkPassword computes: an unknown login would be refused faster than a wrong password")
	}
	if ok, err := checkPassword(t.Context(), dummyHash, ""); err != nil || ok {
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
			ok, cerr := checkPassword(t.Context(), h, "x")
			done <- err == nil && cerr == nil && ok
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

// A password check that finds every slot taken waits for one at most
// argonSlotWait, or until its request is gone, and then says so: a burst
// of sign-ins does not queue without end.
func TestArgonSlotWaitEnds(t *testing.T) {
	defer func(d time.Duration) { argonSlotWait = d }(argonSlotWait)
	argonSlotWait = 200 * time.Millisecond
	for range cap(argonSlots) {
		argonSlots <- struct{}{}
	}
	defer func() {
		for range cap(argonSlots) {
			<-argonSlots
		}
	}()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := checkPassword(ctx, dummyHash, "x"); !errors.Is(err, context.Canceled) {
		t.Errorf("a gone request waiting for a slot: %v, want context.Canceled", err)
	}
	start := time.Now()
	if _, err := checkPassword(t.Context(), dummyHash, "x"); models.ErrorCode(err) != models.EUNAVAILABLE {
		t.Errorf("no slot within argonSlotWait: %v, want EUNAVAILABLE", err)
	}
	if waited := time.Since(start); waited < argonSlotWait {
		t.Errorf("gave up after %v, before argonSlotWait (%v)", waited, argonSlotWait)
	}
}

// A hash made before the hashing left the store (with its code, the same
// parameters) still verifies, and only with its password: the accounts in
// the databases sign in as before.
func TestHashFromTheStoreVerifies(t *testing.T) {
	const old = "$argon2id$v=19$m=19456,t=2,p=1$tdl3UiOAALh0RPnmB6vCoA$lxv6FwZJtk5dfNmTuevU38i1SSU7c/ZOqt931tW98tQ"
	if ok, err := CheckPassword(t.Context(), old, "k7mq-4xwz-p2hd-9rtn"); err != nil || !ok {
		t.Fatalf("the old hash does not verify its password: %v %v", ok, err)
	}
	if ok, err := CheckPassword(t.Context(), old, "k7mq-4xwz-p2hd-9rtm"); err != nil || ok {
		t.Fatalf("the old hash verifies another password: %v %v", ok, err)
	}
	h, err := HashPassword("k7mq-4xwz-p2hd-9rtn")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$", argonMemory, argonTime, argonThreads); !strings.HasPrefix(h, want) || h == old {
		t.Fatalf("a new hash %q: want the parameters %q and a salt of its own", h, want)
	}
	if ok, err := CheckPassword(t.Context(), h, "k7mq-4xwz-p2hd-9rtn"); err != nil || !ok {
		t.Fatalf("a new hash does not verify its password: %v %v", ok, err)
	}
}

// An unknown login (no hash) is refused, after the same work as a wrong
// password.
func TestCheckPasswordOfNoAccount(t *testing.T) {
	if ok, err := CheckPassword(t.Context(), "", "not a password of anyone"); err != nil || ok {
		t.Fatalf("no hash: %v %v, want false", ok, err)
	}
}

// HashPasswords hashes each password (each verifies), on several
// goroutines, and gives every slot back.
func TestHashPasswords(t *testing.T) {
	pws := []string{"a", "b", "c", "d", "e"}
	hs, err := HashPasswords(t.Context(), pws)
	if err != nil || len(hs) != len(pws) {
		t.Fatalf("%d hashes, %v", len(hs), err)
	}
	for i, h := range hs {
		if ok, _ := CheckPassword(t.Context(), h, pws[i]); !ok {
			t.Errorf("hash %d does not verify %q", i, pws[i])
		}
	}
	if len(argonSlots) != 0 {
		t.Fatalf("%d slots still taken", len(argonSlots))
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := HashPasswords(ctx, pws); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled request: %v, want context.Canceled", err)
	}
}
