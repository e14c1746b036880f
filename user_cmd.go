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

	"doingoai/models"
	"doingoai/store"
)

const userUsage = `Usage:
  doingoai user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--password-stdin]
  doingoai user list
  doingoai user disable LOGIN
  doingoai user reset-password LOGIN [--password-stdin]
`

// cmdUser manages the accounts of the web app. A password is printed
// alone on one line of stdout (generated unless --password-stdin reads one).
func cmdUser(ctx context.Context, args []string) error {
	return dispatch(ctx, "user", userUsage, []subcommand{
		{"create", cmdUserCreate},
		{"list", cmdUserList},
		{"disable", cmdUserDisable},
		{"reset-password", cmdUserResetPassword},
	}, args)
}

func cmdUserCreate(ctx context.Context, args []string) error {
	fs, db := flags("user create", "user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--password-stdin]")
	login := fs.String("login", "", "the name the person signs in with (lower-case letters, digits, . _ -)")
	role := fs.String("role", "", "admin, district or commune")
	unit := fs.String("unit", "", "code of the unit a district or commune account is bound to")
	name := fs.String("name", "", "the person's or office's name (shown in the audit trail)")
	stdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin instead of generating one")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	in := models.UserInput{Login: *login, Role: models.Role(*role), UnitCode: *unit, Name: *name}
	if *stdin {
		pw, err := readPassword()
		if err != nil {
			return err
		}
		in.Password = pw
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		pw, _, err := s.CreateUser(ctx, models.CommandLine, in)
		if err != nil {
			return err
		}
		if !*stdin {
			fmt.Println(pw)
		}
		return nil
	})
}

func cmdUserList(ctx context.Context, args []string) error {
	return listing(ctx, "user list", args, "LOGIN\tROLE\tUNIT\tNAME\tCREATED\tSTATE", func(s *store.Store, w io.Writer) error {
		users, err := s.ListUsers(ctx)
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
		if err := s.DisableUser(ctx, models.CommandLine, pos[0]); err != nil {
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
		newPW, err := s.ResetPassword(ctx, models.CommandLine, pos[0], pw)
		if err != nil {
			return err
		}
		if pw == "" {
			fmt.Println(newPW)
		}
		return nil
	})
}

func readPassword() (string, error) {
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: no password on stdin")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
