// Package secure holds what keeps the people's accounts safe, apart from
// where it is kept: password hashing (argon2id), the policy that slows
// failed sign-ins, the session's secrets and lifetimes, and the sealing of
// a token form's answer (AES-GCM). It is pure: no database, no HTTP. The
// use cases (package app) and the edges call it; the store keeps only what
// it gives them to keep — hashes, counters, sealed bytes.
package secure

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"

	"doingoai/models"
)

// argon2id parameters: OWASP's recommendation (19 MiB, two passes, one
// lane). The hash records them, so that they can be raised later: a hash
// made with other parameters still verifies.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns the argon2id hash of pw in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := argonKey(context.Background(), []byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	if err != nil {
		return "", err
	}
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// HashPasswords hashes each of pws, on as many goroutines as there are
// CPUs (and never more argon2id computations at once than argonSlots
// allows): the hashes of a file of accounts, made before it is stored.
func HashPasswords(ctx context.Context, pws []string) ([]string, error) {
	hashes := make([]string, len(pws))
	next := make(chan int)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for i := range next {
				if errs[w] == nil {
					hashes[i], errs[w] = HashPassword(pws[i])
				}
			}
		})
	}
feed:
	for i := range pws {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return hashes, nil
}

// CheckPassword tells whether pw matches an argon2id hash made by
// HashPassword (with any parameters), in constant time. An empty hash —
// no account has the login — is checked against dummyHash and never
// matches, so that an unknown login takes as long to refuse as a wrong
// password. Its error is argonKey's: no slot free in time, or ctx done.
func CheckPassword(ctx context.Context, hash, pw string) (bool, error) {
	if hash == "" {
		_, err := checkPassword(ctx, dummyHash, pw)
		return false, err
	}
	return checkPassword(ctx, hash, pw)
}

func checkPassword(ctx context.Context, hash, pw string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return false, nil
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<20 || t > 20 {
		return false, nil
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, nil
	}
	got, err := argonKey(ctx, []byte(pw), salt, t, m, p, uint32(len(want)))
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// argonSlots bounds how many argon2id keys are computed at once: each
// takes argonMemory (19 MiB), so a burst of sign-ins costs at most one
// such block per CPU, not one per request.
var argonSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// argonSlotWait is how long a password check waits for a slot before the
// sign-in is answered "busy, try again": a burst of sign-ins from many
// logins and addresses (which the failure throttle does not slow before
// their hashes are computed) must not queue without end in front of the
// people signing in.
var argonSlotWait = 5 * time.Second

// errArgonBusy: no argon2id slot came free within argonSlotWait.
var errArgonBusy = models.Errorf(models.EUNAVAILABLE, "too many sign-ins at once; try again in a moment")

func argonKey(ctx context.Context, pw, salt []byte, t, m uint32, p uint8, n uint32) ([]byte, error) {
	timer := time.NewTimer(argonSlotWait)
	defer timer.Stop()
	select {
	case argonSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, errArgonBusy
	}
	defer func() { <-argonSlots }()
	return argon2.IDKey(pw, salt, t, m, p, n), nil
}

// dummyHash is checked against when the login is unknown, so that an
// unknown login takes as long to refuse as a wrong password. It is a
// constant made once by HashPassword with today's parameters: computing it
// when the process starts cost every server 19 MiB of heap that stayed
// in its peak RSS (152–155 MB against 123–125 under the national load).
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$YL4jDvn7p4WXxezcMxvadg$0ILwOfIFt4qTHCwvojSeerESWD3SJpWA1MqOx2FCS9E"

// passwordAlphabet is what a generated password is made of: letters and
// digits without the look-alikes (0/o, 1/l/i), 31 signs.
const passwordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// GeneratePassword returns a new random password that a person can read
// and type: four groups of four signs of passwordAlphabet, each drawn
// uniformly, about 79 bits. A random byte is taken only below the largest
// multiple of 31 that fits in a byte (248): the 8 values above it would
// make the first 8 signs more likely than the others (rejection sampling).
func GeneratePassword() string {
	const n = len(passwordAlphabet)
	const limit = 256 - 256%n
	var b strings.Builder
	buf := make([]byte, 32)
	drawn := 0
	for drawn < 16 {
		_, _ = rand.Read(buf)
		for _, c := range buf {
			if int(c) >= limit {
				continue
			}
			if drawn > 0 && drawn%4 == 0 {
				b.WriteByte('-')
			}
			b.WriteByte(passwordAlphabet[int(c)%n])
			if drawn++; drawn == 16 {
				break
			}
		}
	}
	return b.String()
}
