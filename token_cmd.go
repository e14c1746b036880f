package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"doingoai/app"
	"doingoai/models"
	"doingoai/store"
)

const tokenUsage = `Usage:
  doingoai token create --role admin|district|commune [--unit CODE] [--name TEXT] [--expires 90d]
  doingoai token list
  doingoai token revoke ID
`

// cmdToken manages the API tokens. A new token's secret is printed alone
// on one line of stdout, and never again.
func cmdToken(ctx context.Context, args []string) error {
	return dispatch(ctx, "token", tokenUsage, []subcommand{
		{"create", cmdTokenCreate},
		{"list", cmdTokenList},
		{"revoke", cmdTokenRevoke},
	}, args)
}

func cmdTokenCreate(ctx context.Context, args []string) error {
	fs, db := flags("token create", "token create --role admin|district|commune [--unit CODE] [--name TEXT] [--expires 90d]")
	role := fs.String("role", "", "admin, district or commune")
	unit := fs.String("unit", "", "code of the unit a district or commune token is bound to")
	name := fs.String("name", "", "who or what uses the token (shown in the audit trail)")
	expires := fs.String("expires", "", "lifetime such as 90d, 12h or 30m (default: no expiry)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	ttl, err := parseTTL(*expires)
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		tok, _, err := app.Tokens{Store: s}.Create(ctx, models.CommandLine, app.NewToken{Input: models.TokenInput{Role: models.Role(*role), UnitCode: *unit, Name: *name, TTL: ttl}})
		if err != nil {
			return err
		}
		fmt.Println(tok.Token)
		return nil
	})
}

func cmdTokenList(ctx context.Context, args []string) error {
	return listing(ctx, "token list", args, "ID\tROLE\tUNIT\tNAME\tCREATED\tEXPIRES\tLAST USED\tSTATE", func(s *store.Store, w io.Writer) error {
		toks, err := app.Tokens{Store: s}.List(ctx, models.CommandLine)
		for _, t := range toks {
			state := "active"
			switch {
			case t.RevokedAt != nil:
				state = "revoked " + t.RevokedAt.Format(time.DateOnly)
			case t.ExpiresAt != nil && !time.Now().Before(*t.ExpiresAt):
				state = "expired"
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, dash(t.UnitCode), dash(t.Name),
				t.CreatedAt.Format(time.RFC3339), timeOrDash(t.ExpiresAt), timeOrDash(t.LastUsedAt), state)
		}
		return err
	})
}

func cmdTokenRevoke(ctx context.Context, args []string) error {
	fs, db := flags("token revoke", "token revoke ID [--db URL]")
	pos, err := parseN(fs, args, 1, "token revoke takes one token id (the first column of `token list`)")
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not a token id", pos[0])
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		if err := (app.Tokens{Store: s}).Revoke(ctx, models.CommandLine, id); err != nil {
			return err
		}
		fmt.Printf("token %d revoked\n", id)
		return nil
	})
}

// parseTTL reads a lifetime: Go durations (12h, 30m) and days (90d).
func parseTTL(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n <= 0 || n > 3650 {
			return 0, fmt.Errorf("--expires %q: write a number of days from 1 to 3650, such as 90d", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--expires %q: write a lifetime such as 90d, 12h or 30m", s)
	}
	return d, nil
}
