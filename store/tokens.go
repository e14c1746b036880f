package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"doingoai/models"
)

// tokenRow is one row of tokens. The secret itself is never stored: only
// its SHA-256, which is enough to recognise it and useless to a thief of
// the database (secure.NewTokenSecret draws 256 random bits, so no
// dictionary applies).
type tokenRow struct {
	ID         int64 `gorm:"primaryKey"`
	SecretHash []byte
	Role       string
	UnitID     *int64
	Name       string
	CreatedAt  int64 `gorm:"autoCreateTime:false"`
	ExpiresAt  *int64
	RevokedAt  *int64
	LastUsedAt *int64
}

func (tokenRow) TableName() string { return "tokens" }

// tokenView is a token joined with the code of its unit.
type tokenView struct {
	ID         int64
	Role       string
	UnitID     *int64
	UnitCode   *string
	Name       string
	CreatedAt  int64
	ExpiresAt  *int64
	RevokedAt  *int64
	LastUsedAt *int64
}

// maxTokenSecret is the longest secret Authenticate reads.
const maxTokenSecret = 200

func hashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// CreateToken stores a token whose secret is secret (drawn by
// secure.NewTokenSecret; only its SHA-256 is kept).
//
// Errors: EINVALID for a bad role, a missing or unknown unit, or a unit of
// the wrong kind (a commune token needs a commune-level unit, a district
// token a unit above communes).
func (s *Store) CreateToken(ctx context.Context, p models.Principal, in models.TokenInput, secret string) (models.Token, error) {
	nt, err := s.newToken(ctx, in, secret)
	if err != nil {
		return models.Token{}, err
	}
	if err := s.writeTx(ctx, func(tx *gorm.DB) error { return s.insertToken(tx, p, &nt) }); err != nil {
		return models.Token{}, err
	}
	return nt.tok, nil
}

// newToken is a token checked, with its secret, not yet stored.
type newToken struct {
	secret string
	row    tokenRow
	tok    models.Token
	unit   *models.TreeUnit
}

// newToken checks in and the secret a token is given: one Authenticate
// can take.
func (s *Store) newToken(ctx context.Context, in models.TokenInput, secret string) (newToken, error) {
	if !strings.HasPrefix(secret, models.TokenPrefix) || len(secret) < len(models.TokenPrefix)+43 || len(secret) > maxTokenSecret {
		return newToken{}, errors.New("a token's secret is drawn by secure.NewTokenSecret")
	}
	in.Name = models.NFC(strings.TrimSpace(in.Name))
	if err := in.Validate(); err != nil {
		return newToken{}, err
	}
	unit, err := s.unitForRole(ctx, in.Role, in.UnitCode, "token", fieldError)
	if err != nil {
		return newToken{}, err
	}
	now := s.Now()
	nt := newToken{secret: secret, unit: unit,
		row: tokenRow{SecretHash: hashSecret(secret), Role: string(in.Role), Name: in.Name, CreatedAt: micros(now)},
		tok: models.Token{Name: in.Name, Role: in.Role, CreatedAt: now}}
	if unit != nil {
		nt.row.UnitID = &unit.ID
		nt.tok.UnitCode = unit.Code
	}
	if in.TTL > 0 {
		exp := now.Add(in.TTL)
		e := micros(exp)
		nt.row.ExpiresAt = &e
		nt.tok.ExpiresAt = &exp
	}
	return nt, nil
}

// insertToken stores a new token, with its audit entry, in tx.
func (s *Store) insertToken(tx *gorm.DB, p models.Principal, nt *newToken) error {
	if err := tx.Create(&nt.row).Error; err != nil {
		return err
	}
	nt.tok.ID = nt.row.ID
	return s.appendAudit(tx, s.newAudit(p, models.ActionTokenCreate, nt.unit, "", 0, map[string]any{
		"token_id": nt.row.ID, "name": nt.tok.Name, "role": nt.tok.Role, "expires_at": nt.tok.ExpiresAt,
	}))
}

// unitForRole finds the unit a token or an account of role is for: none
// for an empty code, else a unit of the code at the role's level (a
// commune-level unit for a commune, one above communes for a district).
// what names the thing in the message; refuse makes the error.
func (s *Store) unitForRole(ctx context.Context, role models.Role, code, what string, refuse func(field, msg string) error) (*models.TreeUnit, error) {
	if code == "" {
		return nil, nil
	}
	t, err := s.Tree(ctx)
	if err != nil {
		return nil, err
	}
	unit := t.ByCode(code)
	switch {
	case unit == nil:
		return nil, refuse("unit", "no unit has the code "+code)
	case role == models.RoleCommune && !unit.Kind.CommuneLevel():
		return nil, refuse("unit", "a commune "+what+" needs a commune-level unit; "+code+" is a "+string(unit.Kind))
	case role == models.RoleDistrict && unit.Kind.CommuneLevel():
		return nil, refuse("unit", "a district "+what+" needs a unit above communes; "+code+" is a "+string(unit.Kind))
	}
	return unit, nil
}

func fieldError(field, msg string) error {
	return &models.Error{Code: models.EINVALID, Message: "the token cannot be created", Fields: []models.FieldError{{Field: field, Message: msg}}}
}

// ListTokens returns every token, oldest first, without secrets.
func (s *Store) ListTokens(ctx context.Context) ([]models.Token, error) {
	var rows []tokenView
	err := s.r.WithContext(ctx).Raw(`SELECT t.id, t.role, t.unit_id, u.code AS unit_code, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at FROM tokens t LEFT JOIN units u ON u.id = t.unit_id ORDER BY t.id`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]models.Token, len(rows))
	for i, r := range rows {
		out[i] = models.Token{ID: r.ID, Name: r.Name, Role: models.Role(r.Role), CreatedAt: fromMicros(r.CreatedAt),
			ExpiresAt: fromMicrosPtr(r.ExpiresAt), RevokedAt: fromMicrosPtr(r.RevokedAt), LastUsedAt: fromMicrosPtr(r.LastUsedAt)}
		if r.UnitCode != nil {
			out[i].UnitCode = *r.UnitCode
		}
	}
	return out, nil
}

// RevokeToken revokes a token by id. Every process refuses it from its next
// request after at most tokenCacheTTL.
//
// Errors: ENOTFOUND for an unknown id, ECONFLICT if already revoked.
func (s *Store) RevokeToken(ctx context.Context, p models.Principal, id int64) error {
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		var row tokenRow
		if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return notFound("no token has the id %d", id)
			}
			return err
		}
		if row.RevokedAt != nil {
			return models.Errorf(models.ECONFLICT, "token %d was already revoked at %s", id, fromMicros(*row.RevokedAt).Format(time.RFC3339))
		}
		now := micros(s.Now())
		if err := tx.Model(&tokenRow{}).Where("id = ?", id).Update("revoked_at", now).Error; err != nil {
			return err
		}
		var unit *models.TreeUnit
		if row.UnitID != nil {
			if t, err := s.treeVia(tx); err == nil {
				unit = t.Unit(*row.UnitID)
			}
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionTokenRevoke, unit, "", 0, map[string]any{"token_id": id, "name": row.Name, "role": row.Role}))
	})
	if err == nil {
		s.tokens.purge()
	}
	return err
}

// tokenCacheTTL is how long a process trusts what it read of a token. A
// revocation or expiry made by any process takes effect within it.
const tokenCacheTTL = time.Second

type cachedToken struct {
	p       models.Principal
	expires *time.Time
	revoked bool
	read    time.Time
}

type tokenCache struct {
	mu sync.Mutex
	m  map[[32]byte]cachedToken
}

func (c *tokenCache) get(k [32]byte, now time.Time) (cachedToken, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || now.Sub(e.read) >= tokenCacheTTL || now.Before(e.read) {
		return cachedToken{}, false
	}
	return e, true
}

func (c *tokenCache) put(k [32]byte, e cachedToken) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 100_000 {
		c.m = map[[32]byte]cachedToken{}
	}
	c.m[k] = e
}

func (c *tokenCache) purge() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

// Authenticate returns the principal of a token's secret.
//
// Errors: EUNAUTHORIZED for an unknown, revoked or expired token.
func (s *Store) Authenticate(ctx context.Context, secret string) (models.Principal, error) {
	if !strings.HasPrefix(secret, models.TokenPrefix) || len(secret) > maxTokenSecret {
		return models.Principal{}, models.Errorf(models.EUNAUTHORIZED, "the token is not one this service issued")
	}
	key := sha256.Sum256([]byte(secret))
	now := s.now()
	e, ok := s.tokens.get(key, now)
	if !ok {
		var row tokenView
		err := s.r.WithContext(ctx).Raw(`SELECT t.id, t.role, t.unit_id, u.code AS unit_code, t.name, t.expires_at, t.revoked_at
			FROM tokens t LEFT JOIN units u ON u.id = t.unit_id WHERE t.secret_hash = ?`, key[:]).Scan(&row).Error
		if err != nil {
			return models.Principal{}, err
		}
		if row.ID == 0 {
			return models.Principal{}, models.Errorf(models.EUNAUTHORIZED, "the token is not known")
		}
		e = cachedToken{p: models.Principal{TokenID: row.ID, Name: row.Name, Role: models.Role(row.Role)},
			expires: fromMicrosPtr(row.ExpiresAt), revoked: row.RevokedAt != nil, read: now}
		if row.UnitID != nil && row.UnitCode != nil {
			e.p.UnitID, e.p.UnitCode = *row.UnitID, *row.UnitCode
		}
		s.tokens.put(key, e)
	}
	switch {
	case e.revoked:
		return models.Principal{}, models.Errorf(models.EUNAUTHORIZED, "the token has been revoked")
	case e.expires != nil && !now.Before(*e.expires):
		return models.Principal{}, models.Errorf(models.EUNAUTHORIZED, "the token expired at %s", e.expires.Format(time.RFC3339))
	}
	s.usage.touch(e.p.TokenID)
	return e.p, nil
}

// tokenUsage records when each token was last used without a write per
// request: it remembers the tokens seen and writes last_used_at for all of
// them at most once every usageFlushEvery, and once more on Close.
type tokenUsage struct {
	s    *Store
	mu   sync.Mutex
	seen map[int64]time.Time
	stop chan struct{}
	done chan struct{}
}

const usageFlushEvery = 30 * time.Second

func newTokenUsage(s *Store) *tokenUsage {
	u := &tokenUsage{s: s, seen: map[int64]time.Time{}, stop: make(chan struct{}), done: make(chan struct{})}
	go u.loop()
	return u
}

func (u *tokenUsage) touch(id int64) {
	u.mu.Lock()
	u.seen[id] = u.s.Now()
	u.mu.Unlock()
}

func (u *tokenUsage) loop() {
	defer close(u.done)
	tick := time.NewTicker(usageFlushEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			u.flush()
		case <-u.stop:
			u.flush()
			return
		}
	}
}

func (u *tokenUsage) flush() {
	u.mu.Lock()
	seen := u.seen
	u.seen = map[int64]time.Time{}
	u.mu.Unlock()
	if len(seen) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := u.s.writeTx(ctx, func(tx *gorm.DB) error {
		for id, at := range seen {
			if err := tx.Exec("UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)", micros(at), id, micros(at)).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		u.s.log.Warn("record token use", "err", err)
	}
}

func (u *tokenUsage) close() {
	close(u.stop)
	<-u.done
}

// FlushTokenUsage writes the last use of every token now (tests, shutdown).
func (s *Store) FlushTokenUsage() { s.usage.flush() }
