// Package app holds the use cases that the API, the web app and the
// command line share: each takes the principal and a request, decides what
// the principal may do with the one scope check (models.Tree.InScope), and
// calls the store. Nothing here knows HTTP, forms or flags.
package app

import (
	"context"
	"fmt"
	"io"
	"slices"

	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// Accounts are the people who sign in to the web app. An admin manages
// every account; a district or province officer (role district) manages
// the commune accounts of the units in its scope and grants no other role;
// nobody else manages accounts.
type Accounts struct {
	Store *store.Store
}

// mayManage tells whether p may make or change an account of role bound
// to unit: nil, or EFORBIDDEN saying why.
func mayManage(t *models.Tree, p models.Principal, role models.Role, unit *models.TreeUnit) error {
	switch p.Role {
	case models.RoleAdmin, models.RoleSystem:
		return nil
	case models.RoleDistrict:
		if role != models.RoleCommune || unit == nil {
			return models.Errorm(models.EFORBIDDEN, models.MCommuneAccountsOnly, models.Params{"role": string(role)},
				"a district or province officer manages only the accounts of communes in its scope, not %s accounts", role)
		}
		return models.WithMessage(t.InScope(p, unit), models.MUnitOutOfScope, models.Params{"unit": unit.Code, "name": unit.Name})
	}
	return models.Errorm(models.EFORBIDDEN, models.MManagesNoAccounts, models.Params{"role": string(p.Role)}, "a %s account or token cannot manage accounts", p.Role)
}

// MayManageAny tells whether p manages any account at all (the pages
// offer the accounts page to them).
func MayManageAny(p models.Principal) bool {
	return p.Role == models.RoleAdmin || p.Role == models.RoleDistrict
}

// List returns the accounts p manages, by login: every account for an
// admin, the commune accounts in its scope for an officer. With unitCode,
// only those bound to that unit or a unit below it.
//
// Errors: EFORBIDDEN for a principal that manages no account or a unit
// outside its scope; ENOTFOUND for an unknown unit.
func (a Accounts) List(ctx context.Context, p models.Principal, unitCode string) ([]models.User, error) {
	if !MayManageAny(p) && p.Role != models.RoleSystem {
		return nil, mayManage(nil, p, "", nil)
	}
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	var within *models.TreeUnit
	if unitCode != "" {
		if within = t.ByCode(unitCode); within == nil {
			return nil, models.Errorm(models.ENOTFOUND, models.MNoSuchUnit, models.Params{"unit": unitCode}, "no unit has the code %s", unitCode)
		}
		if err := t.InScope(p, within); err != nil {
			return nil, err
		}
	}
	all, err := a.Store.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	lin, err := a.Store.Lineage(ctx, t)
	if err != nil {
		return nil, err
	}
	out := []models.User{}
	for _, u := range all {
		var unit *models.TreeUnit
		if u.UnitCode != "" {
			unit = unitOf(t, u)
		}
		if mayManage(t, p, u.Role, unit) != nil {
			continue
		}
		if within != nil && (unit == nil || !t.Contains(within, unit)) {
			continue
		}
		if unit != nil && u.UnitValidTo != nil {
			u.UnitSuccessors = Successors(t, lin, unit)
		}
		out = append(out, u)
	}
	return out, nil
}

// unitOf is the unit an account is bound to: the one of its code whose
// last day the list gives (an ended unit), else the one the code names now.
func unitOf(t *models.Tree, u models.User) *models.TreeUnit {
	if u.UnitValidTo != nil {
		for _, c := range t.WithCode(u.UnitCode) {
			if c.ValidTo == *u.UnitValidTo {
				return c
			}
		}
	}
	return t.ByCode(u.UnitCode)
}

// Successors are the units of today that report for the territory of a
// unit that ended: its successors, and theirs where a successor has ended
// too (thị trấn Chợ Chu 05536 → 05569 on 2025-01-01 → xã Định Hóa 05569 on
// 2025-07-01).
func Successors(t *models.Tree, lin *store.Lineage, u *models.TreeUnit) []models.UnitLink {
	out := []models.UnitLink{}
	seen := map[string]bool{}
	var walk func(u *models.TreeUnit, share models.Share)
	walk = func(u *models.TreeUnit, share models.Share) {
		_, succ := lin.Links(t, u)
		for _, s := range succ {
			next := t.OnDay(s.Code, s.ValidFrom)
			sh := share
			if s.Share == models.SharePartial {
				sh = models.SharePartial
			}
			switch {
			case next == nil || seen[next.Code+next.ValidFrom.String()]:
			case next.ValidTo.IsZero():
				seen[next.Code+next.ValidFrom.String()] = true
				s.Share = sh
				out = append(out, s)
			default:
				seen[next.Code+next.ValidFrom.String()] = true
				walk(next, sh)
			}
		}
	}
	walk(u, models.ShareFull)
	return out
}

// Create makes an account and returns it with its password, shown once.
//
// Errors: EINVALID (every problem of the input, an unknown unit, a login
// in use); EFORBIDDEN for a role or a unit p may not grant.
func (a Accounts) Create(ctx context.Context, p models.Principal, in models.UserInput) (models.CreatedUser, error) {
	in.Normalize()
	var probs models.Problems
	in.Check(&probs, "")
	unit, err := a.Store.UnitForAccount(ctx, in.Role, in.UnitCode, "")
	if err != nil && !addProblems(&probs, err) {
		return models.CreatedUser{}, err
	}
	if err := probs.Err("the account cannot be created"); err != nil {
		return models.CreatedUser{}, err
	}
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return models.CreatedUser{}, err
	}
	if err := mayManage(t, p, in.Role, unit); err != nil {
		return models.CreatedUser{}, err
	}
	out, err := a.store(ctx, p, []store.NewAccount{{Input: in, Unit: unit}})
	if err != nil {
		return models.CreatedUser{}, err
	}
	return out[0], nil
}

// store stores accounts with their passwords (each account's own, or one
// drawn for it), shown this once. The argon2id hashes are computed before
// the store's transaction, several at once but never more than the CPUs
// (secure.HashPasswords).
func (a Accounts) store(ctx context.Context, p models.Principal, accts []store.NewAccount) ([]models.CreatedUser, error) {
	pws := make([]string, len(accts))
	for i, acct := range accts {
		if pws[i] = acct.Input.Password; pws[i] == "" {
			pws[i] = secure.GeneratePassword()
		}
	}
	hashes, err := secure.HashPasswords(ctx, pws)
	if err != nil {
		return nil, err
	}
	for i := range accts {
		accts[i].PasswordHash = hashes[i]
	}
	users, err := a.Store.CreateUsers(ctx, p, accts)
	if err != nil {
		return nil, err
	}
	out := make([]models.CreatedUser, len(users))
	for i, u := range users {
		out[i] = models.CreatedUser{User: u, Password: pws[i]}
	}
	return out, nil
}

// Import makes the accounts of a CSV file (models.ParseUsersCSV) all
// together or none. Every problem is reported at once, each at its line:
// the line's own problems, an unknown unit, a role or a unit p may not
// grant (code out_of_scope), a login in use.
//
// Errors: EINVALID.
func (a Accounts) Import(ctx context.Context, p models.Principal, file io.Reader) ([]models.CreatedUser, error) {
	if !MayManageAny(p) && p.Role != models.RoleSystem {
		return nil, mayManage(nil, p, "", nil)
	}
	rows, probs, err := models.ParseUsersCSV(file)
	if err != nil {
		return nil, err
	}
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	all := models.Problems{}
	for _, f := range probs {
		all.AddField(f)
	}
	invalid := lines(probs)
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Login
	}
	taken, err := a.Store.TakenLogins(ctx, names)
	if err != nil {
		return nil, err
	}
	accts := make([]store.NewAccount, 0, len(rows))
	for _, r := range rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		if taken[r.Login] {
			all.AddMsg(models.Path(prefix, "login"), models.FTaken, models.MLoginTaken, models.Params{"login": r.Login}, "%s", store.TakenMessage(r.Login))
		}
		ok := !invalid[prefix] && !taken[r.Login]
		if !r.Role.Valid() || (r.UnitCode == "") != (r.Role == models.RoleAdmin) {
			continue // the line's own problem, said already
		}
		unit, err := a.Store.UnitForAccount(ctx, r.Role, r.UnitCode, prefix)
		if err != nil {
			if !addProblems(&all, err) {
				return nil, err
			}
			continue
		}
		if err := mayManage(t, p, r.Role, unit); err != nil {
			field := "unit_code"
			if r.Role != models.RoleCommune {
				field = "role"
			}
			msg, code, params := outOfScope(p, r, unit)
			all.AddMsg(models.Path(prefix, field), models.FOutOfScope, code, params, "%s", msg)
			continue
		}
		if ok {
			accts = append(accts, store.NewAccount{Input: r.UserInput, Unit: unit, Field: prefix})
		}
	}
	if err := all.Err("the accounts file has errors; no account was created"); err != nil {
		return nil, sortByLine(err)
	}
	return a.store(ctx, p, accts)
}

// outOfScope says why p may not make the account of a row, with its
// message code and params.
func outOfScope(p models.Principal, r models.UserRow, unit *models.TreeUnit) (string, string, models.Params) {
	if r.Role != models.RoleCommune {
		return fmt.Sprintf("a district or province officer may create only commune accounts, not %s accounts", r.Role),
			models.MCommuneAccountsOnly, models.Params{"role": string(r.Role)}
	}
	return fmt.Sprintf("unit %s (%s) is outside the scope of %s", unit.Code, unit.Name, p.Actor()),
		models.MUnitOutOfScope, models.Params{"unit": unit.Code, "name": unit.Name}
}

// lines are the line prefixes ("line 3") that have problems.
func lines(probs []models.FieldError) map[string]bool {
	out := map[string]bool{}
	for _, f := range probs {
		var n int
		if _, err := fmt.Sscanf(f.Field, "line %d", &n); err == nil {
			out[fmt.Sprintf("line %d", n)] = true
		}
	}
	return out
}

// addProblems adds err's field problems to all; false if err is not an
// EINVALID with fields.
func addProblems(all *models.Problems, err error) bool {
	e, ok := err.(*models.Error)
	if !ok || e.Code != models.EINVALID || len(e.Fields) == 0 {
		return false
	}
	for _, f := range e.Fields {
		all.AddField(f)
	}
	return true
}

// sortByLine orders the problems of a file by their line.
func sortByLine(err error) error {
	e := err.(*models.Error)
	line := func(f models.FieldError) int {
		var n int
		fmt.Sscanf(f.Field, "line %d", &n)
		return n
	}
	slices.SortStableFunc(e.Fields, func(x, y models.FieldError) int { return line(x) - line(y) })
	return e
}

// guard is the store's check, inside its transaction, that p may change an
// account as it is then.
func guard(p models.Principal) store.AccountGuard {
	return func(t *models.Tree, u models.User, unit *models.TreeUnit) error {
		return mayManage(t, p, u.Role, unit)
	}
}

// Disable disables an account and ends its sessions.
//
// Errors: ENOTFOUND; ECONFLICT if already disabled; EFORBIDDEN.
func (a Accounts) Disable(ctx context.Context, p models.Principal, login string) error {
	return a.Store.DisableUser(ctx, p, login, guard(p))
}

// ResetPassword gives an account a new password (pw, or a generated one
// when empty), shown once, ends its sessions and forgets its failed
// sign-ins. A disabled account stays disabled.
//
// Errors: ENOTFOUND; EINVALID for a bad pw; EFORBIDDEN.
func (a Accounts) ResetPassword(ctx context.Context, p models.Principal, login, pw string) (string, error) {
	if pw == "" {
		pw = secure.GeneratePassword()
	} else {
		var probs models.Problems
		models.CheckPassword(&probs, pw)
		if err := probs.Err("the password cannot be set"); err != nil {
			return "", err
		}
	}
	hash, err := secure.HashPassword(pw)
	if err != nil {
		return "", err
	}
	keys := secure.KeysOf(normalLogin(login), "")
	if err := a.Store.SetPassword(ctx, p, login, hash, keys.Login, keys.Pair, guard(p)); err != nil {
		return "", err
	}
	return pw, nil
}

// Move binds an account to another unit: an account of a unit that ended
// to the unit that now reports for its territory. An officer must have
// both the account's unit and the new one in scope.
//
// Errors: ENOTFOUND; EINVALID for an unknown unit, one that does not fit
// the account's role, or one that has ended; ECONFLICT if it is bound to
// the unit already; EFORBIDDEN.
func (a Accounts) Move(ctx context.Context, p models.Principal, login, unitCode string) (models.User, error) {
	u, err := a.Store.User(ctx, login)
	if err != nil {
		return models.User{}, err
	}
	if u.Role == models.RoleAdmin {
		return models.User{}, models.Errorm(models.ECONFLICT, models.MAdminHasNoUnit, nil, "an admin account is bound to no unit")
	}
	to, err := a.Store.UnitForAccount(ctx, u.Role, unitCode, "")
	if err != nil {
		return models.User{}, err
	}
	if !to.ValidTo.IsZero() {
		var probs models.Problems
		probs.AddMsg("unit_code", models.FUnknownUnit, models.MAccountUnitEnded, models.Params{"unit": to.Code, "name": to.Name, "ended_on": to.ValidTo},
			"unit %s (%s) ends on %s; bind the account to the unit that reports for its territory now", to.Code, to.Name, to.ValidTo)
		return models.User{}, probs.Err("the account cannot be moved")
	}
	may := guard(p)
	return a.Store.MoveUser(ctx, p, login, to, func(t *models.Tree, u models.User, from *models.TreeUnit) error {
		if err := may(t, u, from); err != nil {
			return err
		}
		return may(t, u, to)
	})
}

// OnEndedUnits are the accounts and tokens bound to units that ended on
// day (a reorganisation's eve), each account with the units that report
// for its territory now.
func (a Accounts) OnEndedUnits(ctx context.Context, day models.Date) ([]models.User, []models.Token, error) {
	users, toks, err := a.Store.OnEndedUnits(ctx, day)
	if err != nil {
		return nil, nil, err
	}
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	lin, err := a.Store.Lineage(ctx, t)
	if err != nil {
		return nil, nil, err
	}
	for i, u := range users {
		if unit := unitOf(t, u); unit != nil {
			users[i].UnitSuccessors = Successors(t, lin, unit)
		}
	}
	return users, toks, nil
}
