package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"gorm.io/gorm"

	"doingoai/models"
)

// Sessions of the web app expire after a working day without a request
// and a week after sign-in, whichever comes first.
const (
	SessionIdle     = 8 * time.Hour
	SessionAbsolute = 7 * 24 * time.Hour
	// a session's last_seen_at is written at most this often
	sessionTouchEvery = time.Minute
)

// Failed sign-ins slow the one who fails, not the owner of the login
// (logins are guessable: huyen167, xa05596):
//   - a login tried from one address (the pair) may fail pairFreeFailures
//     times; then each further attempt of that pair must wait twice as long
//     as the previous, from one second up to maxLoginDelay, and is refused
//     until then, even with the right password;
//   - an address may fail addrFreeFailures times over all logins (guessing
//     many logins; an office behind one router shares it), then waits the
//     same way;
//   - a login may fail loginSlowFrom times from all addresses together;
//     then every attempt at it, from anywhere, is answered later — from
//     loginSlowStep, doubling, up to loginSlowMax — but never refused, so the
//     owner, from an address that has not been failing, signs in with the
//     right password while someone elsewhere guesses.
//
// A quiet hour forgets the failures of a key.
const (
	pairFreeFailures = 5
	addrFreeFailures = 20
	maxLoginDelay    = 15 * time.Minute
	loginSlowFrom    = 10
	loginSlowStep    = 100 * time.Millisecond
	loginSlowMax     = 2 * time.Second
	failureMemory    = time.Hour
)

// argon2id parameters: OWASP's recommendation (19 MiB, two passes, one
// lane). The hash records them, so that they can be raised later.
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

// checkPassword tells whether pw matches an argon2id hash made by
// HashPassword (with any parameters), in constant time. Its error is
// argonKey's: no slot free in time, or ctx done.
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

// GeneratePassword returns a new random password that a person can read
// and type: four groups of four letters and digits without the look-alikes
// (0/o, 1/l/i), about 80 bits.
func GeneratePassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	var b strings.Builder
	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	for i, c := range buf {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(alphabet[int(c)%len(alphabet)])
	}
	return b.String()
}

type userRow struct {
	ID            int64 `gorm:"primaryKey"`
	Login         string
	PasswordHash  string
	Role          string
	UnitID        *int64
	Name          string
	CreatedAt     int64 `gorm:"autoCreateTime:false"`
	PasswordSetAt int64
	DisabledAt    *int64
	Email         string
}

func (userRow) TableName() string { return "users" }

// CreateUser makes an account and returns it with its password:
// in.Password, or a generated one when that is empty. The caller has
// checked the right to make it (the use case, package app).
//
// Errors: EINVALID for a bad login, role or unit, or a login in use.
func (s *Store) CreateUser(ctx context.Context, p models.Principal, in models.UserInput) (models.CreatedUser, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return models.CreatedUser{}, err
	}
	unit, err := s.UnitForAccount(ctx, in.Role, in.UnitCode, "")
	if err != nil {
		return models.CreatedUser{}, err
	}
	out, err := s.CreateUsers(ctx, p, []NewAccount{{Input: in, Unit: unit}})
	if err != nil {
		return models.CreatedUser{}, err
	}
	return out[0], nil
}

type userView struct {
	ID         int64
	Login      string
	Role       string
	UnitID     *int64
	Name       string
	Email      string
	CreatedAt  int64
	DisabledAt *int64
}

// ListUsers returns every account, by login, without password hashes.
func (s *Store) ListUsers(ctx context.Context) ([]models.User, error) {
	var rows []userView
	err := s.r.WithContext(ctx).Raw(`SELECT id, login, role, unit_id, name, email, created_at, disabled_at FROM users ORDER BY login`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	t, err := s.Tree(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]models.User, len(rows))
	for i, r := range rows {
		var unit *models.TreeUnit
		if r.UnitID != nil {
			unit = t.Unit(*r.UnitID)
		}
		out[i] = accountOf(userRow{ID: r.ID, Login: r.Login, Role: r.Role, Name: r.Name, Email: r.Email, CreatedAt: r.CreatedAt, DisabledAt: r.DisabledAt}, unit)
	}
	return out, nil
}

// changeUser runs change on the account named login in a transaction,
// after guard (if any) allowed it, ends its sessions when endSessions, and
// audits action with the detail change returns.
func (s *Store) changeUser(ctx context.Context, p models.Principal, login, action string, endSessions bool, guard AccountGuard,
	change func(tx *gorm.DB, row *userRow, unit *models.TreeUnit) (map[string]any, error)) error {
	login = strings.ToLower(strings.TrimSpace(login))
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		var row userRow
		if err := tx.Where("login = ?", login).Take(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return notFound("no account has the login %q", login)
			}
			return err
		}
		t, err := s.treeVia(tx)
		if err != nil {
			return err
		}
		var unit *models.TreeUnit
		if row.UnitID != nil {
			unit = t.Unit(*row.UnitID)
		}
		if guard != nil {
			if err := guard(t, accountOf(row, unit), unit); err != nil {
				return err
			}
		}
		detail, err := change(tx, &row, unit)
		if err != nil {
			return err
		}
		if endSessions {
			if err := s.exec(tx, "DELETE FROM sessions WHERE user_id = ?", row.ID); err != nil {
				return err
			}
		}
		if row.UnitID != nil {
			unit = t.Unit(*row.UnitID)
		}
		if detail == nil {
			detail = map[string]any{}
		}
		detail["user_id"], detail["login"] = row.ID, row.Login
		return s.appendAudit(tx, s.newAudit(p, action, unit, "", 0, detail))
	})
}

// DisableUser disables an account and ends its sessions.
//
// Errors: ENOTFOUND for an unknown login, ECONFLICT if already disabled;
// the guard's.
func (s *Store) DisableUser(ctx context.Context, p models.Principal, login string, guard AccountGuard) error {
	return s.changeUser(ctx, p, login, models.ActionUserDisable, true, guard, func(tx *gorm.DB, row *userRow, _ *models.TreeUnit) (map[string]any, error) {
		if row.DisabledAt != nil {
			return nil, models.Errorf(models.ECONFLICT, "the account %s was already disabled at %s", row.Login, fromMicros(*row.DisabledAt).Format(time.RFC3339))
		}
		return nil, s.exec(tx, "UPDATE users SET disabled_at = ? WHERE id = ?", micros(s.Now()), row.ID)
	})
}

// ResetPassword gives an account a new password (pw, or a generated one
// when pw is empty), ends its sessions and forgets its failed sign-ins. A
// disabled account stays disabled.
//
// Errors: ENOTFOUND for an unknown login, EINVALID for a bad password;
// the guard's.
func (s *Store) ResetPassword(ctx context.Context, p models.Principal, login, pw string, guard AccountGuard) (string, error) {
	if pw == "" {
		pw = GeneratePassword()
	} else {
		var probs models.Problems
		models.CheckPassword(&probs, pw)
		if err := probs.Err("the password cannot be set"); err != nil {
			return "", err
		}
	}
	hash, err := HashPassword(pw)
	if err != nil {
		return "", err
	}
	err = s.changeUser(ctx, p, login, models.ActionUserResetPassword, true, guard, func(tx *gorm.DB, row *userRow, _ *models.TreeUnit) (map[string]any, error) {
		if err := s.exec(tx, "UPDATE users SET password_hash = ?, password_set_at = ? WHERE id = ?", hash, micros(s.Now()), row.ID); err != nil {
			return nil, err
		}
		k := keysOf(row.Login, "")
		return nil, s.exec(tx, "DELETE FROM login_failures WHERE key = ? OR substr(key, 1, ?) = ?", k.login, utf8.RuneCountInString(k.pair), k.pair)
	})
	if err != nil {
		return "", err
	}
	return pw, nil
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

// loginDelay is how long a key with n failures, the last at last, must
// still wait before the next attempt (0: it may try now).
func loginDelay(n int, free int, last, now time.Time) time.Duration {
	if n < free || now.Sub(last) >= failureMemory {
		return 0
	}
	d := maxLoginDelay
	if shift := n - free; shift < 20 {
		d = min(time.Second<<shift, maxLoginDelay)
	}
	return max(last.Add(d).Sub(now), 0)
}

type failureRow struct {
	Key      string
	Failures int
	LastAt   int64
}

// failureKeys are the keys failed sign-ins are counted under.
type failureKeys struct{ pair, addr, login string }

func keysOf(login, addr string) failureKeys {
	return failureKeys{pair: pairKeyPrefix(login) + addr, addr: "addr:" + addr, login: "login:" + login}
}

// pairKeyPrefix starts the key of every pair of a login.
func pairKeyPrefix(login string) string { return "pair:" + login + "|" }

// loginSlowDown is how much later an attempt at a login with n failures
// (from all addresses), the last at last, is answered.
func loginSlowDown(n int, last, now time.Time) time.Duration {
	if n < loginSlowFrom || now.Sub(last) >= failureMemory {
		return 0
	}
	if shift := n - loginSlowFrom; shift < 10 {
		return min(loginSlowStep<<shift, loginSlowMax)
	}
	return loginSlowMax
}

// throttled returns ERATELIMIT if the pair or the address must wait, and
// otherwise how much later the login's attempt is to be answered.
func (s *Store) throttled(ctx context.Context, k failureKeys, now time.Time) (time.Duration, error) {
	var rows []failureRow
	if err := s.r.WithContext(ctx).Raw("SELECT key, failures, last_at FROM login_failures WHERE key IN (?, ?, ?)", k.pair, k.addr, k.login).Scan(&rows).Error; err != nil {
		return 0, err
	}
	var wait, slow time.Duration
	for _, r := range rows {
		last := fromMicros(r.LastAt)
		switch r.Key {
		case k.pair:
			wait = max(wait, loginDelay(r.Failures, pairFreeFailures, last, now))
		case k.addr:
			wait = max(wait, loginDelay(r.Failures, addrFreeFailures, last, now))
		case k.login:
			slow = loginSlowDown(r.Failures, last, now)
		}
	}
	if wait > 0 {
		secs := int((wait + time.Second - 1) / time.Second)
		return 0, &models.Error{Code: models.ERATELIMIT, Message: fmt.Sprintf("too many failed sign-ins; try again in %d seconds", secs),
			Fields: []models.FieldError{{Field: "retry_after", Message: strconv.Itoa(secs)}}}
	}
	return slow, nil
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

// recordFailure counts a failed sign-in under each key.
func (s *Store) recordFailure(ctx context.Context, now time.Time, keys ...string) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		for _, k := range keys {
			// A failure after a quiet hour starts the count again.
			err := s.exec(tx, `INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN login_failures.last_at < ? THEN 1 ELSE login_failures.failures + 1 END, last_at = excluded.last_at`,
				k, micros(now), micros(now.Add(-failureMemory)))
			if err != nil {
				return err
			}
		}
		// Forget what is older than the memory, now and then.
		return s.exec(tx, "DELETE FROM login_failures WHERE last_at < ?", micros(now.Add(-24*time.Hour)))
	})
}

// ErrBadCredentials is the one answer to a wrong login or password, so that
// the sign-in form does not tell which was wrong.
var ErrBadCredentials = models.Errorf(models.EUNAUTHORIZED, "the login or the password is wrong")

// SignIn checks a login and password and opens a session. It returns the
// session's secret (for the cookie) and who signed in.
//
// Errors: ERATELIMIT while the login from this address, or the address,
// must wait after failed attempts (Fields[0] says how many seconds);
// ErrBadCredentials for a wrong login or password or a disabled account.
func (s *Store) SignIn(ctx context.Context, login, pw, addr, userAgent string) (string, models.SessionUser, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	if len(login) > 64 || len(pw) > 1000 {
		return "", models.SessionUser{}, ErrBadCredentials
	}
	now := s.Now()
	keys := keysOf(login, addr)
	slow, err := s.throttled(ctx, keys, now)
	if err != nil {
		return "", models.SessionUser{}, err
	}
	if err := pause(ctx, slow); err != nil {
		return "", models.SessionUser{}, err
	}
	var row userRow
	err = s.r.WithContext(ctx).Where("login = ?", login).Take(&row).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", models.SessionUser{}, err
	}
	stored := row.PasswordHash
	if row.ID == 0 {
		stored = dummyHash
	}
	ok, err := checkPassword(ctx, stored, pw)
	if err != nil {
		return "", models.SessionUser{}, err
	}
	if row.ID == 0 || !ok || row.DisabledAt != nil {
		if err := s.recordFailure(ctx, now, keys.pair, keys.addr, keys.login); err != nil {
			return "", models.SessionUser{}, err
		}
		return "", models.SessionUser{}, ErrBadCredentials
	}
	secret, hash, err := newSecret()
	if err != nil {
		return "", models.SessionUser{}, err
	}
	csrf, _, err := newSecret()
	if err != nil {
		return "", models.SessionUser{}, err
	}
	if len(userAgent) > 300 {
		userAgent = userAgent[:300]
	}
	err = s.writeTx(ctx, func(tx *gorm.DB) error {
		if err := s.exec(tx, `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, address, user_agent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, hash, row.ID, csrf, micros(now), micros(now), micros(now.Add(SessionAbsolute)), addr, userAgent); err != nil {
			return err
		}
		// The pair's failures are forgotten; the login's stay, so that
		// someone guessing elsewhere is still slowed down.
		if err := s.exec(tx, "DELETE FROM login_failures WHERE key = ?", keys.pair); err != nil {
			return err
		}
		// Sessions idle or past their end are removed by the sign-ins that follow.
		if err := s.exec(tx, "DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?", micros(now), micros(now.Add(-SessionIdle))); err != nil {
			return err
		}
		var unit *models.TreeUnit
		if row.UnitID != nil {
			if t, err := s.treeVia(tx); err == nil {
				unit = t.Unit(*row.UnitID)
			}
		}
		p := userPrincipal(row.Login, row.Name, models.Role(row.Role), 0, "")
		if unit != nil {
			p.UnitID, p.UnitCode = unit.ID, unit.Code
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionUserSignIn, unit, "", 0, map[string]any{"user_id": row.ID, "address": addr}))
	})
	if err != nil {
		return "", models.SessionUser{}, err
	}
	su, err := s.Session(ctx, secret)
	return secret, su, err
}

// userPrincipal is the principal of a person: named in the audit trail by
// name and login.
func userPrincipal(login, name string, role models.Role, unitID int64, unitCode string) models.Principal {
	actor := login
	if name != "" {
		actor = name + " (" + login + ")"
	}
	return models.Principal{Name: actor, Role: role, UnitID: unitID, UnitCode: unitCode}
}

type sessionView struct {
	UserID     int64
	CSRFToken  string
	LastSeenAt int64
	ExpiresAt  int64
	Login      string
	Name       string
	Role       string
	UnitID     *int64
	UnitCode   *string
	DisabledAt *int64
}

// ErrNoSession is the answer for a session cookie that is unknown, idle
// too long, past its end, or of a disabled account.
var ErrNoSession = models.Errorf(models.EUNAUTHORIZED, "not signed in, or the session has ended")

// Session returns who a session's secret belongs to, and records that it
// was used (at most once a minute).
//
// Errors: ErrNoSession.
func (s *Store) Session(ctx context.Context, secret string) (models.SessionUser, error) {
	if secret == "" || len(secret) > 100 {
		return models.SessionUser{}, ErrNoSession
	}
	h := sha256.Sum256([]byte(secret))
	var v sessionView
	err := s.r.WithContext(ctx).Raw(`SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, us.login, us.name, us.role, us.unit_id, un.code AS unit_code, us.disabled_at
		FROM sessions s JOIN users us ON us.id = s.user_id LEFT JOIN units un ON un.id = us.unit_id WHERE s.id_hash = ?`, h[:]).Scan(&v).Error
	if err != nil {
		return models.SessionUser{}, err
	}
	now := s.Now()
	if v.UserID == 0 || v.DisabledAt != nil || micros(now) >= v.ExpiresAt || now.Sub(fromMicros(v.LastSeenAt)) >= SessionIdle {
		return models.SessionUser{}, ErrNoSession
	}
	if now.Sub(fromMicros(v.LastSeenAt)) >= sessionTouchEvery {
		if err := s.writeTx(ctx, func(tx *gorm.DB) error {
			return s.exec(tx, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?", micros(now), h[:], micros(now))
		}); err != nil {
			return models.SessionUser{}, err
		}
	}
	su := models.SessionUser{UserID: v.UserID, Login: v.Login, Name: v.Name, CSRF: v.CSRFToken}
	su.Principal = userPrincipal(v.Login, v.Name, models.Role(v.Role), 0, "")
	if v.UnitID != nil && v.UnitCode != nil {
		su.Principal.UnitID, su.Principal.UnitCode = *v.UnitID, *v.UnitCode
	}
	return su, nil
}

// SignOut ends a session; an unknown one is already ended.
func (s *Store) SignOut(ctx context.Context, secret string) error {
	h := sha256.Sum256([]byte(secret))
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return s.exec(tx, "DELETE FROM sessions WHERE id_hash = ?", h[:])
	})
}

// ReportPeriods returns the periods that have at least one report (of any
// status), newest first: the periods the web app offers.
func (s *Store) ReportPeriods(ctx context.Context) ([]string, error) {
	var out []string
	err := s.r.WithContext(ctx).Raw("SELECT DISTINCT period FROM reports ORDER BY period DESC").Scan(&out).Error
	return out, err
}
