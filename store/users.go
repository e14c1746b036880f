package store

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"doingoai/models"
)

// The store keeps what package secure gives it to keep — a password's
// hash, the failed sign-ins counted under a key, a session's SHA-256 — and
// decides nothing about them: how a password is hashed and checked, how
// long a session lives, and how failures slow a sign-in are secure's, and
// the sign-in itself is a use case (app.Accounts.SignIn).

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
			if err := tx.Exec("DELETE FROM sessions WHERE user_id = ?", row.ID).Error; err != nil {
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
		return nil, tx.Exec("UPDATE users SET disabled_at = ? WHERE id = ?", micros(s.Now()), row.ID).Error
	})
}

// SetPassword gives an account a new password's hash, ends its sessions
// and forgets its failed sign-ins: those counted under forgetKey and
// under every key that starts with forgetPrefix (secure.KeysOf). A
// disabled account stays disabled.
//
// Errors: ENOTFOUND for an unknown login; the guard's.
func (s *Store) SetPassword(ctx context.Context, p models.Principal, login, hash, forgetKey, forgetPrefix string, guard AccountGuard) error {
	return s.changeUser(ctx, p, login, models.ActionUserResetPassword, true, guard, func(tx *gorm.DB, row *userRow, _ *models.TreeUnit) (map[string]any, error) {
		if err := tx.Exec("UPDATE users SET password_hash = ?, password_set_at = ? WHERE id = ?", hash, micros(s.Now()), row.ID).Error; err != nil {
			return nil, err
		}
		return nil, tx.Exec("DELETE FROM login_failures WHERE key = ? OR substr(key, 1, ?) = ?", forgetKey, utf8.RuneCountInString(forgetPrefix), forgetPrefix).Error
	})
}

// Failures are the failed sign-ins counted under a key.
type Failures struct {
	Key   string
	Count int
	Last  time.Time
}

type failureRow struct {
	Key      string
	Failures int
	LastAt   int64
}

// FailuresOf returns the failures counted under each of keys that has
// any.
func (s *Store) FailuresOf(ctx context.Context, keys ...string) ([]Failures, error) {
	var rows []failureRow
	if err := s.r.WithContext(ctx).Raw("SELECT key, failures, last_at FROM login_failures WHERE key IN ?", keys).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Failures, len(rows))
	for i, r := range rows {
		out[i] = Failures{Key: r.Key, Count: r.Failures, Last: fromMicros(r.LastAt)}
	}
	return out, nil
}

// failuresKept is how long a key's failures stay in the table after its
// last one.
const failuresKept = 24 * time.Hour

// RecordFailure counts a failed sign-in at now under each of keys. A key
// whose last failure is older than memory counts from one again.
func (s *Store) RecordFailure(ctx context.Context, now time.Time, memory time.Duration, keys ...string) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		for _, k := range keys {
			err := tx.Exec(`INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN login_failures.last_at < ? THEN 1 ELSE login_failures.failures + 1 END, last_at = excluded.last_at`,
				k, micros(now), micros(now.Add(-memory))).Error
			if err != nil {
				return err
			}
		}
		// Forget what is older than a day, now and then.
		return tx.Exec("DELETE FROM login_failures WHERE last_at < ?", micros(now.Add(-max(failuresKept, memory)))).Error
	})
}

// Credentials are what a sign-in checks of the account with a login.
type Credentials struct {
	UserID       int64 // 0: no account has the login
	Login, Name  string
	Role         models.Role
	UnitID       *int64
	PasswordHash string
	Disabled     bool
}

// CredentialsOf returns the credentials of the account with login
// (normalised), or none (UserID 0).
func (s *Store) CredentialsOf(ctx context.Context, login string) (Credentials, error) {
	var row userRow
	err := s.r.WithContext(ctx).Where("login = ?", login).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Credentials{}, nil
	}
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{UserID: row.ID, Login: row.Login, Name: row.Name, Role: models.Role(row.Role), UnitID: row.UnitID,
		PasswordHash: row.PasswordHash, Disabled: row.DisabledAt != nil}, nil
}

// NewSession is a session to open for a signed-in account.
type NewSession struct {
	ID        []byte // the SHA-256 of the cookie's secret
	CSRF      string
	User      Credentials
	Address   string
	UserAgent string
	At        time.Time
	Expires   time.Time
	// IdleBefore: sessions last used before it are removed with those past
	// their end.
	IdleBefore time.Time
	// ForgetKey: the failures counted under it are forgotten (the pair's;
	// the login's stay, so that someone guessing elsewhere is still slowed
	// down).
	ForgetKey string
}

// sessionRow is a session as stored.
type sessionRow struct {
	IDHash     []byte `gorm:"primaryKey"`
	UserID     int64
	CSRFToken  string `gorm:"column:csrf_token"`
	CreatedAt  int64  `gorm:"autoCreateTime:false"`
	LastSeenAt int64
	ExpiresAt  int64
	Address    string
	UserAgent  string
}

func (sessionRow) TableName() string { return "sessions" }

// maxUserAgent is how much of a browser's User-Agent a session keeps.
const maxUserAgent = 300

// OpenSession stores a new session, forgets the failures under ForgetKey,
// removes the sessions idle or past their end, and writes the sign-in to
// the audit trail, in one transaction.
func (s *Store) OpenSession(ctx context.Context, n NewSession) error {
	ua := n.UserAgent
	if len(ua) > maxUserAgent {
		ua = ua[:maxUserAgent]
	}
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		row := sessionRow{IDHash: n.ID, UserID: n.User.UserID, CSRFToken: n.CSRF, CreatedAt: micros(n.At), LastSeenAt: micros(n.At),
			ExpiresAt: micros(n.Expires), Address: n.Address, UserAgent: ua}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM login_failures WHERE key = ?", n.ForgetKey).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?", micros(n.At), micros(n.IdleBefore)).Error; err != nil {
			return err
		}
		var unit *models.TreeUnit
		if n.User.UnitID != nil {
			if t, err := s.treeVia(tx); err == nil {
				unit = t.Unit(*n.User.UnitID)
			}
		}
		p := userPrincipal(n.User.Login, n.User.Name, n.User.Role, 0, "")
		if unit != nil {
			p.UnitID, p.UnitCode = unit.ID, unit.Code
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionUserSignIn, unit, "", 0, map[string]any{"user_id": n.User.UserID, "address": n.Address}))
	})
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

// StoredSession is a session as stored, with who it belongs to.
type StoredSession struct {
	User     models.SessionUser // UserID 0: no session has the id
	LastSeen time.Time
	Expires  time.Time
	Disabled bool // the account is disabled
}

// Session returns the session stored under id (the SHA-256 of its
// secret), whatever its age; none is a zero User.
func (s *Store) Session(ctx context.Context, id []byte) (StoredSession, error) {
	var v sessionView
	err := s.r.WithContext(ctx).Raw(`SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, us.login, us.name, us.role, us.unit_id, un.code AS unit_code, us.disabled_at
		FROM sessions s JOIN users us ON us.id = s.user_id LEFT JOIN units un ON un.id = us.unit_id WHERE s.id_hash = ?`, id).Scan(&v).Error
	if err != nil || v.UserID == 0 {
		return StoredSession{}, err
	}
	su := models.SessionUser{UserID: v.UserID, Login: v.Login, Name: v.Name, CSRF: v.CSRFToken}
	su.Principal = userPrincipal(v.Login, v.Name, models.Role(v.Role), 0, "")
	if v.UnitID != nil && v.UnitCode != nil {
		su.Principal.UnitID, su.Principal.UnitCode = *v.UnitID, *v.UnitCode
	}
	return StoredSession{User: su, LastSeen: fromMicros(v.LastSeenAt), Expires: fromMicros(v.ExpiresAt), Disabled: v.DisabledAt != nil}, nil
}

// TouchSession records that the session stored under id was used at now.
func (s *Store) TouchSession(ctx context.Context, id []byte, now time.Time) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?", micros(now), id, micros(now)).Error
	})
}

// EndSession removes the session stored under id; an unknown one is
// already ended.
func (s *Store) EndSession(ctx context.Context, id []byte) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM sessions WHERE id_hash = ?", id).Error
	})
}

// ReportPeriods returns the periods that have at least one report (of any
// status), newest first: the periods the web app offers.
func (s *Store) ReportPeriods(ctx context.Context) ([]string, error) {
	var out []string
	err := s.r.WithContext(ctx).Raw("SELECT DISTINCT period FROM reports ORDER BY period DESC").Scan(&out).Error
	return out, err
}
