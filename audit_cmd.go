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

const auditSynopsis = "audit verify [--since ID:HASH] [--db URL]"

// cmdAudit is `audit verify`: it walks the audit trail's hash chain with
// the keys of AUDIT_KEY_FILE or AUDIT_KEY and prints how many entries it
// holds and the anchor to note outside the database, or names the first
// entry that does not match (exit 1). --since also requires the trail to
// hold an anchor noted earlier.
func cmdAudit(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: doingoai " + auditSynopsis)
	}
	fs, db := flags("audit verify", auditSynopsis)
	since := fs.String("since", "", "an anchor noted earlier (ID:HASH, from this command or the server's log): the trail must still hold it")
	if _, err := parseN(fs, args[1:], 0, "audit verify takes no arguments"); err != nil {
		return err
	}
	var anchor *store.AuditAnchor
	if *since != "" {
		a, err := store.ParseAuditAnchor(*since)
		if err != nil {
			return err
		}
		anchor = &a
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		c, err := s.VerifyAuditSince(ctx, anchor)
		if err != nil {
			return err
		}
		if c.BadID != 0 {
			fmt.Printf("audit entry %d does not match: %s (%d entries read)\n", c.BadID, c.Reason, c.Entries)
			return errAuditBroken
		}
		fmt.Printf("the audit trail is intact: %d entries", c.Entries)
		if anchor != nil {
			fmt.Printf(", holding the anchor %s", anchor)
		}
		fmt.Println()
		printAuditCoverage(c)
		return nil
	})
}

// printAuditCoverage says what the verification covered and what it could
// not, and prints the anchor to note.
func printAuditCoverage(c store.AuditCheck) {
	if c.Keyed > 0 {
		fmt.Printf("keyed (HMAC): %d entries\n", c.Keyed)
	}
	if c.Plain > 0 {
		fmt.Printf("not keyed (plain SHA-256; set AUDIT_KEY_FILE or AUDIT_KEY): %d entries — anyone who can write the database can recompute them\n", c.Plain)
	}
	if c.Legacy > 0 {
		fmt.Printf("from earlier releases (plain SHA-256, before keying began): %d entries", c.Legacy)
		if c.LegacyGaps > 0 {
			fmt.Printf(", %d gaps in their ids (rolled-back transactions on PostgreSQL)", c.LegacyGaps)
		}
		fmt.Println()
	}
	if c.Unchained > 0 {
		fmt.Printf("written before the hash chain began, not covered: %d entries\n", c.Unchained)
	}
	if c.Head.Hash != "" {
		fmt.Printf("anchor: %s\n", c.Head)
	}
}
