package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// AuditKeys are the secret keys of the audit chain, kept outside the
// database (AUDIT_KEY or AUDIT_KEY_FILE): the first is the current key,
// which keys every new entry; the others are older keys, accepted when
// the trail is verified, so that a key can be replaced (rotation) without
// rewriting a single entry. Each entry records the id of its key.
type AuditKeys struct {
	ids  []string
	keys map[string][]byte
}

// plainKeyID marks entries written by this release without a key: their
// hash is a plain SHA-256, which anyone can recompute.
const plainKeyID = "sha256"

var auditKeyIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)

// minAuditKey is the shortest secret accepted: 32 characters (openssl
// rand -hex 32 gives 64).
const minAuditKey = 32

// ParseAuditKeys reads keys written one per line or separated by commas,
// each "ID:SECRET" (the id names the key in every entry it keys; the
// secret is at least 32 characters). The first is the current key. Blank
// lines and lines starting with # are skipped.
func ParseAuditKeys(text string) (*AuditKeys, error) {
	k := &AuditKeys{keys: map[string][]byte{}}
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ',' }) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, secret, ok := strings.Cut(line, ":")
		id, secret = strings.TrimSpace(id), strings.TrimSpace(secret)
		switch {
		case !ok || !auditKeyIDPattern.MatchString(id) || id == plainKeyID:
			return nil, fmt.Errorf("an audit key is written ID:SECRET, the id of letters, digits, '.', '_' or '-' (not %q)", plainKeyID)
		case len(secret) < minAuditKey:
			return nil, fmt.Errorf("audit key %s: the secret must be at least %d characters (openssl rand -hex 32)", id, minAuditKey)
		case k.keys[id] != nil:
			return nil, fmt.Errorf("audit key %s is given twice", id)
		}
		k.ids = append(k.ids, id)
		k.keys[id] = []byte(secret)
	}
	if len(k.ids) == 0 {
		return nil, fmt.Errorf("no audit key given")
	}
	return k, nil
}

// Current is the id of the key that keys new entries ("" without keys).
func (k *AuditKeys) Current() string {
	if k == nil {
		return ""
	}
	return k.ids[0]
}

// IDs are the ids of the keys, the current one first.
func (k *AuditKeys) IDs() []string {
	if k == nil {
		return nil
	}
	return k.ids
}

// entryHash is the hash of an entry written by this release: over the
// previous entry's hash, the entry's id, its key id and every column,
// HMAC-SHA-256 with the key the entry names, or plain SHA-256 for
// plainKeyID. ok is false when the entry names a key that is not given.
func (k *AuditKeys) entryHash(r *auditRow, prev string) (string, bool) {
	b, _ := r.chainContent(prev, true)
	if *r.KeyID == plainKeyID {
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:]), true
	}
	if k == nil || k.keys[*r.KeyID] == nil {
		return "", false
	}
	m := hmac.New(sha256.New, k.keys[*r.KeyID])
	m.Write(b)
	return hex.EncodeToString(m.Sum(nil)), true
}

// AuditAnchor is a point of the trail noted outside the database: the id
// and hash of the newest entry at some moment ("1234:9f86d0…"). The trail
// contains it for as long as nothing at or before it was removed or
// rewritten.
type AuditAnchor struct {
	ID   int64
	Hash string
}

func (a AuditAnchor) String() string { return strconv.FormatInt(a.ID, 10) + ":" + a.Hash }

// ParseAuditAnchor reads an anchor written by AuditAnchor.String.
func ParseAuditAnchor(s string) (AuditAnchor, error) {
	id, h, ok := strings.Cut(strings.TrimSpace(s), ":")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n < 1 || len(h) != 64 {
		return AuditAnchor{}, fmt.Errorf("an anchor is written ID:HASH, as `audit verify` and the server's log print it (not %q)", s)
	}
	if _, err := hex.DecodeString(h); err != nil {
		return AuditAnchor{}, fmt.Errorf("an anchor's hash is 64 hexadecimal digits (not %q)", h)
	}
	return AuditAnchor{ID: n, Hash: strings.ToLower(h)}, nil
}
