package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// NewAccount is an account checked by its caller (the use case: its
// input, its unit, the right to make it), ready to be stored.
type NewAccount struct {
	Input models.UserInput // normalised and valid; its Password is not read
	// PasswordHash is the hash of its password (secure.HashPassword).
	PasswordHash string
	Unit         *models.TreeUnit // nil for an admin
	// Field is where a problem of this account is reported: "" for one
	// account, "line 12" for a line of a file.
	Field string
}

// CreateUsers stores accounts all together or none, each with its audit
// entry, and returns them.
//
// Errors: EINVALID listing every login already in use (code "taken", at
// the account's Field).
func (s *Store) CreateUsers(ctx context.Context, p models.Principal, accts []NewAccount) ([]models.User, error) {
	out := make([]models.User, len(accts))
	now := s.Now()
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		if err := loginsFree(tx, accts); err != nil {
			return err
		}
		for i, a := range accts {
			in := a.Input
			row := userRow{Login: in.Login, PasswordHash: a.PasswordHash, Role: string(in.Role), Name: in.Name, Email: in.Email,
				CreatedAt: micros(now), PasswordSetAt: micros(now)}
			if a.Unit != nil {
				row.UnitID = &a.Unit.ID
			}
			if err := tx.Create(&row).Error; err != nil {
				if isUniqueViolation(err) { // taken meanwhile by another writer
					return userTaken(a)
				}
				return err
			}
			out[i] = accountOf(row, a.Unit)
			if err := s.appendAudit(tx, s.newAudit(p, models.ActionUserCreate, a.Unit, "", 0, map[string]any{
				"user_id": row.ID, "login": in.Login, "name": in.Name, "role": in.Role, "email": in.Email,
			})); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loginsFree checks, in tx, that no account has any of the logins.
func loginsFree(tx *gorm.DB, accts []NewAccount) error {
	logins := make([]string, len(accts))
	for i, a := range accts {
		logins[i] = a.Input.Login
	}
	taken, err := takenLogins(tx, logins)
	if err != nil || len(taken) == 0 {
		return err
	}
	var probs models.Problems
	for _, a := range accts { // in the order of the accounts (of the file's lines)
		if taken[a.Input.Login] {
			probs.AddMsg(models.Path(a.Field, "login"), models.FTaken, models.MLoginTaken, models.Params{"login": a.Input.Login}, "%s", TakenMessage(a.Input.Login))
		}
	}
	return probs.Err(accountsRefused(len(accts)))
}

// TakenMessage says that an account has the login.
func TakenMessage(login string) string {
	return "the login " + login + " is taken by an account of the service"
}

// TakenLogins returns which of logins an account has: what a file is
// checked against before its accounts are made (CreateUsers checks again
// in its transaction).
func (s *Store) TakenLogins(ctx context.Context, logins []string) (map[string]bool, error) {
	return takenLogins(s.r.WithContext(ctx), logins)
}

func takenLogins(db *gorm.DB, logins []string) (map[string]bool, error) {
	taken := map[string]bool{}
	for start := 0; start < len(logins); start += 500 {
		var part []string
		if err := db.Raw("SELECT login FROM users WHERE login IN ?", logins[start:min(start+500, len(logins))]).Scan(&part).Error; err != nil {
			return nil, err
		}
		for _, l := range part {
			taken[l] = true
		}
	}
	return taken, nil
}

func userTaken(a NewAccount) error {
	var probs models.Problems
	probs.AddMsg(models.Path(a.Field, "login"), models.FTaken, models.MLoginTaken, models.Params{"login": a.Input.Login}, "%s", TakenMessage(a.Input.Login))
	return probs.Err("the account cannot be created")
}

// accountsRefused is the message of a refused creation of n accounts.
func accountsRefused(n int) string {
	if n == 1 {
		return "the account cannot be created"
	}
	return "the accounts file has errors; no account was created"
}

// accountOf is the account a row holds, its unit given.
func accountOf(row userRow, unit *models.TreeUnit) models.User {
	u := models.User{ID: row.ID, Login: row.Login, Name: row.Name, Role: models.Role(row.Role), Email: row.Email,
		CreatedAt: fromMicros(row.CreatedAt), Disabled: fromMicrosPtr(row.DisabledAt)}
	if unit != nil {
		u.UnitCode, u.UnitName = unit.Code, unit.Name
		if !unit.ValidTo.IsZero() {
			d := unit.ValidTo
			u.UnitValidTo = &d
		}
	}
	return u
}

// UnitForAccount finds the unit an account of role is bound to, as a
// token's (unitForRole): EINVALID at field unit_code when there is none
// of the code or it does not fit the role. The prefix names where the
// problem is ("line 12").
func (s *Store) UnitForAccount(ctx context.Context, role models.Role, code, prefix string) (*models.TreeUnit, error) {
	return s.unitForRole(ctx, role, code, "account", func(_, msg string) error {
		var probs models.Problems
		probs.AddMsg(models.Path(prefix, "unit_code"), models.FUnknownUnit, models.MAccountUnitUnknown, models.Params{"unit": code}, "%s", msg)
		return probs.Err("the account cannot be created")
	})
}

// User returns the account with a login.
//
// Errors: ENOTFOUND.
func (s *Store) User(ctx context.Context, login string) (models.User, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	var row userRow
	if err := s.r.WithContext(ctx).Where("login = ?", login).Take(&row).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return models.User{}, notFound("no account has the login %q", login)
		}
		return models.User{}, err
	}
	var unit *models.TreeUnit
	if row.UnitID != nil {
		t, err := s.Tree(ctx)
		if err != nil {
			return models.User{}, err
		}
		unit = t.Unit(*row.UnitID)
	}
	return accountOf(row, unit), nil
}

// AccountGuard is asked, inside the transaction that changes an account,
// whether the principal may change it (the use case's rights); nil lets
// the change go on.
type AccountGuard func(t *models.Tree, u models.User, unit *models.TreeUnit) error

// MoveUser binds an account to another unit (an ended commune's account to
// its successor). Its sessions go on: each request reads the account's unit.
//
// Errors: ENOTFOUND; ECONFLICT when the account is bound to that unit
// already; the guard's.
func (s *Store) MoveUser(ctx context.Context, p models.Principal, login string, to *models.TreeUnit, guard AccountGuard) (models.User, error) {
	var moved models.User
	err := s.changeUser(ctx, p, login, models.ActionUserMove, false, guard, func(tx *gorm.DB, row *userRow, from *models.TreeUnit) (map[string]any, error) {
		if row.UnitID != nil && *row.UnitID == to.ID {
			return nil, models.Errorf(models.ECONFLICT, "the account %s is bound to %s %s already", row.Login, to.Code, to.Name)
		}
		if err := tx.Exec("UPDATE users SET unit_id = ? WHERE id = ?", to.ID, row.ID).Error; err != nil {
			return nil, err
		}
		row.UnitID = &to.ID
		moved = accountOf(*row, to)
		detail := map[string]any{"to": to.Code}
		if from != nil {
			detail["from"], detail["from_valid_to"] = from.Code, from.ValidTo
		}
		return detail, nil
	})
	return moved, err
}

// OnEndedUnits returns the accounts and the tokens (not revoked) bound to
// the units that ended on day (their valid_to): what a reorganisation
// leaves to move or replace.
func (s *Store) OnEndedUnits(ctx context.Context, day models.Date) ([]models.User, []models.Token, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	var users []userRow
	err = s.r.WithContext(ctx).Raw(`SELECT us.id, us.login, us.role, us.unit_id, us.name, us.email, us.created_at, us.disabled_at
		FROM users us JOIN units un ON un.id = us.unit_id WHERE un.valid_to = ? ORDER BY us.login`, day.String()).Scan(&users).Error
	if err != nil {
		return nil, nil, err
	}
	outU := make([]models.User, len(users))
	for i, r := range users {
		outU[i] = accountOf(r, t.Unit(*r.UnitID))
	}
	var toks []tokenView
	err = s.r.WithContext(ctx).Raw(`SELECT t.id, t.role, t.unit_id, un.code AS unit_code, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
		FROM tokens t JOIN units un ON un.id = t.unit_id WHERE un.valid_to = ? AND t.revoked_at IS NULL ORDER BY t.id`, day.String()).Scan(&toks).Error
	if err != nil {
		return nil, nil, err
	}
	outT := make([]models.Token, len(toks))
	for i, r := range toks {
		outT[i] = models.Token{ID: r.ID, Name: r.Name, Role: models.Role(r.Role), UnitCode: *r.UnitCode, CreatedAt: fromMicros(r.CreatedAt),
			ExpiresAt: fromMicrosPtr(r.ExpiresAt), LastUsedAt: fromMicrosPtr(r.LastUsedAt)}
	}
	return outU, outT, nil
}
