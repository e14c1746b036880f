package main

import (
	"context"
	"errors"
	"fmt"

	"doingoai/store"
)

// errAuditBroken makes `audit verify` exit non-zero; the entry that does
// not match has been printed.
var errAuditBroken = errors.New("the audit trail does not verify")

// cmdAudit is `audit verify`: it walks the audit trail's hash chain and
// prints how many entries it holds, or names the first entry that does not
// match (exit 1).
func cmdAudit(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: doingoai audit verify [--db URL]")
	}
	fs, db := flags("audit verify", "audit verify [--db URL]")
	if _, err := parseN(fs, args[1:], 0, "audit verify takes no arguments"); err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		c, err := s.VerifyAudit(ctx)
		if err != nil {
			return err
		}
		if c.BadID != 0 {
			fmt.Printf("audit entry %d does not match: %s (%d entries read)\n", c.BadID, c.Reason, c.Entries)
			return errAuditBroken
		}
		fmt.Printf("the audit trail is intact: %d entries", c.Entries)
		if c.Unchained > 0 {
			fmt.Printf(" (the first %d, written before the hash chain began, are not covered)", c.Unchained)
		}
		fmt.Println()
		return nil
	})
}
