package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"doingoai/app"
	"doingoai/export"
	"doingoai/models"
	"doingoai/store"
)

const userUsage = `Usage:
  doingoai user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--password-stdin]
  doingoai user list
  doingoai user disable LOGIN
  doingoai user reset-password LOGIN [--password-stdin]
  doingoai user import FILE.csv [--xlsx OUT.xlsx --site URL]
  doingoai user move LOGIN --unit CODE
`

// cmdUser manages the accounts of the web app. A password is printed
// alone on one line of stdout (generated unless --password-stdin reads one).
func cmdUser(ctx context.Context, args []string) error {
	return dispatch(ctx, "user", userUsage, []subcommand{
		{"create", cmdUserCreate},
		{"list", cmdUserList},
		{"disable", cmdUserDisable},
		{"reset-password", cmdUserResetPassword},
		{"import", cmdUserImport},
		{"move", cmdUserMove},
	}, args)
}

func cmdUserCreate(ctx context.Context, args []string) error {
	fs, db := flags("user create", "user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--email ADDRESS] [--password-stdin]")
	login := fs.String("login", "", "the name the person signs in with (lower-case letters, digits, . _ -)")
	role := fs.String("role", "", "admin, district or commune")
	unit := fs.String("unit", "", "code of the unit a district or commune account is bound to")
	name := fs.String("name", "", "the person's or office's name (shown in the audit trail)")
	email := fs.String("email", "", "the person's email address (reminders go there)")
	stdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin instead of generating one")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	in := models.UserInput{Login: *login, Role: models.Role(*role), UnitCode: *unit, Name: *name, Email: *email}
	if *stdin {
		pw, err := readPassword()
		if err != nil {
			return err
		}
		in.Password = pw
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		u, err := app.Accounts{Store: s}.Create(ctx, models.CommandLine, in)
		if err != nil {
			return err
		}
		if !*stdin {
			fmt.Println(u.Password)
		}
		return nil
	})
}

func cmdUserList(ctx context.Context, args []string) error {
	return listing(ctx, "user list", args, "LOGIN\tROLE\tUNIT\tNAME\tCREATED\tSTATE", func(s *store.Store, w io.Writer) error {
		users, err := app.Accounts{Store: s}.List(ctx, models.CommandLine, "")
		for _, u := range users {
			state := "active"
			if u.Disabled != nil {
				state = "disabled " + u.Disabled.Format(time.DateOnly)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Login, u.Role, dash(u.UnitCode), dash(u.Name), u.CreatedAt.Format(time.RFC3339), state)
		}
		return err
	})
}

func cmdUserDisable(ctx context.Context, args []string) error {
	fs, db := flags("user disable", "user disable LOGIN [--db URL]")
	pos, err := parseN(fs, args, 1, "user disable takes one login (the first column of `user list`)")
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		if err := (app.Accounts{Store: s}).Disable(ctx, models.CommandLine, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "account %s disabled; its sessions have ended\n", pos[0])
		return nil
	})
}

func cmdUserResetPassword(ctx context.Context, args []string) error {
	fs, db := flags("user reset-password", "user reset-password LOGIN [--password-stdin] [--db URL]")
	stdin := fs.Bool("password-stdin", false, "read the new password from the first line of stdin instead of generating one")
	pos, err := parseN(fs, args, 1, "user reset-password takes one login (the first column of `user list`)")
	if err != nil {
		return err
	}
	var pw string
	if *stdin {
		if pw, err = readPassword(); err != nil {
			return err
		}
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		newPW, err := app.Accounts{Store: s}.ResetPassword(ctx, models.CommandLine, pos[0], pw)
		if err != nil {
			return err
		}
		if pw == "" {
			fmt.Println(newPW)
		}
		return nil
	})
}

// cmdUserImport creates the accounts of a CSV file, all or none, and prints
// each login with its password (shown this once), or writes them to a
// workbook to print and hand out.
func cmdUserImport(ctx context.Context, args []string) error {
	fs, db := flags("user import", "user import FILE.csv [--xlsx OUT.xlsx --site URL] [--db URL]")
	out := fs.String("xlsx", "", "write the logins and passwords to this workbook instead of printing them")
	site := fs.String("site", "", "the address of the web app, printed on each row of the workbook (https://…)")
	pos, err := parseN(fs, args, 1, "user import takes one CSV file: login,role,unit_code,name,email")
	if err != nil {
		return err
	}
	return readFile(pos[0], func(f io.Reader) error { return importUsers(ctx, *db, f, *out, *site) })
}

// importUsers creates the accounts of the file f and prints or writes them
// (cmdUserImport).
func importUsers(ctx context.Context, db string, f io.Reader, out, site string) error {
	return withStore(ctx, db, func(s *store.Store) error {
		made, err := app.Accounts{Store: s}.Import(ctx, models.CommandLine, f)
		if err != nil {
			return err
		}
		if out != "" {
			w, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := export.AccountsXLSX(w, made, export.SignInAddress(site)); err != nil {
				w.Close()
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "%d accounts created; their passwords are in %s\n", len(made), out)
			return nil
		}
		tw := table(os.Stdout)
		fmt.Fprintln(tw, "LOGIN\tPASSWORD\tROLE\tUNIT\tNAME")
		for _, u := range made {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Login, u.Password, u.Role, dash(u.UnitCode), dash(u.Name))
		}
		fmt.Fprintf(os.Stderr, "%d accounts created\n", len(made))
		return tw.Flush()
	})
}

// cmdUserMove binds an account to another unit: the account of a commune
// that ended in a reorganisation to the commune that now reports for it.
func cmdUserMove(ctx context.Context, args []string) error {
	fs, db := flags("user move", "user move LOGIN --unit CODE [--db URL]")
	unit := fs.String("unit", "", "the code of the unit the account is bound to from now on")
	pos, err := parseN(fs, args, 1, "user move takes one login (the first column of `user list`)")
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		u, err := app.Accounts{Store: s}.Move(ctx, models.CommandLine, pos[0], *unit)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "account %s is now bound to %s %s\n", u.Login, u.UnitCode, u.UnitName)
		return nil
	})
}

// printEndedAccounts lists, after a reorganisation, the accounts and
// tokens of the units that ended the day before it: an account still signs
// in and reads its unit's past periods, but the unit that reports for its
// territory now is another, to which it is moved (user move).
func printEndedAccounts(ctx context.Context, w io.Writer, s *store.Store, day models.Date) error {
	users, toks, err := app.Accounts{Store: s}.OnEndedUnits(ctx, day)
	if err != nil || len(users)+len(toks) == 0 {
		return err
	}
	if len(users) > 0 {
		fmt.Fprintf(w, "%d accounts of units that ended on %s (they still sign in and read their units' past periods; move each to the unit that reports for its territory now):\n", len(users), day)
		tw := table(w)
		for _, u := range users {
			var to []string
			move := ""
			for _, s := range u.UnitSuccessors {
				to = append(to, s.Code+" "+s.Name)
			}
			if len(u.UnitSuccessors) == 1 {
				move = "doingoai user move " + u.Login + " --unit " + u.UnitSuccessors[0].Code
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s %s\t→ %s\t%s\n", u.Login, u.Role, u.UnitCode, u.UnitName, dash(strings.Join(to, ", ")), move)
		}
		tw.Flush()
	}
	if len(toks) > 0 {
		fmt.Fprintf(w, "%d tokens of units that ended on %s (revoke each and make one for the unit that reports now: token revoke ID, token create):\n", len(toks), day)
		tw := table(w)
		for _, t := range toks {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", t.ID, t.Role, t.UnitCode, t.Name)
		}
		tw.Flush()
	}
	return nil
}

func readPassword() (string, error) {
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: no password on stdin")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
