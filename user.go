package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"doingoai/models"
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
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(os.Stderr, userUsage)
		if len(args) == 0 {
			return errors.New("user needs a subcommand")
		}
		return nil
	}
	log := newLogger()
	switch args[0] {
	case "create":
		fs, db := flags("user create", "user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--password-stdin]")
		login := fs.String("login", "", "the name the person signs in with (lower-case letters, digits, . _ -)")
		role := fs.String("role", "", "admin, district or commune")
		unit := fs.String("unit", "", "code of the unit a district or commune account is bound to")
		name := fs.String("name", "", "the person's or office's name (shown in the audit trail)")
		stdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin instead of generating one")
		if _, err := parse(fs, args[1:]); err != nil {
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
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		pw, _, err := s.CreateUser(ctx, models.CommandLine, in)
		if err != nil {
			return err
		}
		if !*stdin {
			fmt.Println(pw)
		}
		return nil
	case "list":
		fs, db := flags("user list", "user list [--db URL]")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		users, err := s.ListUsers(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "LOGIN\tROLE\tUNIT\tNAME\tCREATED\tSTATE")
		for _, u := range users {
			state := "active"
			if u.Disabled != nil {
				state = "disabled " + u.Disabled.Format(time.DateOnly)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Login, u.Role, dash(u.UnitCode), dash(u.Name), u.CreatedAt.Format(time.RFC3339), state)
		}
		return tw.Flush()
	case "disable", "reset-password":
		fs, db := flags("user "+args[0], "user "+args[0]+" LOGIN [--db URL]")
		var stdin *bool
		if args[0] == "reset-password" {
			stdin = fs.Bool("password-stdin", false, "read the new password from the first line of stdin instead of generating one")
		}
		pos, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return fmt.Errorf("user %s takes one login (the first column of `user list`)", args[0])
		}
		var pw string
		if stdin != nil && *stdin {
			if pw, err = readPassword(); err != nil {
				return err
			}
		}
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		if args[0] == "disable" {
			if err := s.DisableUser(ctx, models.CommandLine, pos[0]); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "account %s disabled; its sessions have ended\n", pos[0])
			return nil
		}
		newPW, err := s.ResetPassword(ctx, models.CommandLine, pos[0], pw)
		if err != nil {
			return err
		}
		if pw == "" {
			fmt.Println(newPW)
		}
		return nil
	}
	return fmt.Errorf("unknown user subcommand %q: use create, list, disable or reset-password", args[0])
}

func readPassword() (string, error) {
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: no password on stdin")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
