package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"doingoai/metrics"
	"doingoai/models"
)

// Submission is a validated report on its way into the database.
type Submission struct {
	Principal models.Principal
	Unit      *models.TreeUnit
	Period    string
	Status    string // draft or submitted
	Body      []byte // the report as canonical JSON, without its status
	Hash      []byte // SHA-256 of body and status: equal hashes, identical content
	Warnings  []models.Warning
	Figures   models.Figures
	IfMatch   string // the If-Match header, "" if none
	Idem      *IdempotencyKey
	Source    string                          // SourceImport when read from a document; recorded in the audit trail
	Answer    func(Submitted) (Answer, error) // the answer to keep with Idem
}

// SourceImport marks a submission read from an existing document (POST
// /api/v1/reports/import?save=draft, or the import command).
const SourceImport = "import"

// IdempotencyKey is a client's Idempotency-Key and the fingerprint of the
// request that carried it.
type IdempotencyKey struct {
	Key         string
	RequestHash []byte
}

// Submitted is the outcome of a submission: a new revision (Created) or
// the current one unchanged, with the result to tell the client. How it is
// told (status, headers, encoding) is the caller's business.
type Submitted struct {
	Created bool
	Result  models.SubmitResult
	ETag    string
	// Replay, for a retried keyed request, is the answer given to the
	// first one (see Answer); Created and Result are then unset.
	Replay *Answer
}

// Answer is what the caller answered to a keyed request, kept with its
// idempotency key and given back, unread, to a retry of it.
type Answer struct {
	Status   int
	Body     []byte
	Location string
	ETag     string
}

// Submit stores a submission as the report's next revision, or finds it
// identical to the current one (models.Next decides). Concurrent
// submissions are committed together, a batch per transaction (group
// commit): on SQLite one transaction — one fsync — for everything waiting,
// instead of one each. The answer comes once the batch is committed. A
// keyed submission (Idem set) must have Answer: it is called inside the
// transaction, and what it returns is kept with the key.
//
// Errors: those of models.Next (ECONFLICT, EPRECONDITION); EINVALID if the
// idempotency key was used for another request; EUNAVAILABLE while
// shutting down.
func (s *Store) Submit(ctx context.Context, sub *Submission) (Submitted, error) {
	if sub.Idem != nil && sub.Answer == nil {
		return Submitted{}, errors.New("store: a keyed submission needs the answer to keep with its key")
	}
	return s.submit.do(ctx, sub)
}

// maxBatch bounds a batch: about 64 statements' worth of rows.
const maxBatch = 256

type pending struct {
	sub     *Submission
	out     Submitted
	err     error
	follows *pending // an earlier submission of the batch with the same idempotency key
	done    chan struct{}
}

type submitter struct {
	s      *Store
	queue  chan *pending
	mu     sync.RWMutex
	closed bool
	stop   chan struct{}
	done   chan struct{}
}

func newSubmitter(s *Store) *submitter {
	b := &submitter{s: s, queue: make(chan *pending, 4*maxBatch), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

func (b *submitter) do(ctx context.Context, sub *Submission) (Submitted, error) {
	p := &pending{sub: sub, done: make(chan struct{})}
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return Submitted{}, models.Errorf(models.EUNAVAILABLE, "the service is shutting down; submit again in a moment")
	}
	select {
	case b.queue <- p:
	case <-ctx.Done():
		b.mu.RUnlock()
		return Submitted{}, ctx.Err()
	}
	b.mu.RUnlock()
	// Once queued, the submission is committed or fails whether or not the
	// client waits for it.
	select {
	case <-p.done:
		return p.out, p.err
	case <-ctx.Done():
		return Submitted{}, ctx.Err()
	}
}

// close stops taking submissions, commits those already queued, and waits.
func (b *submitter) close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	b.mu.Unlock()
	close(b.stop)
	<-b.done
}

func (b *submitter) loop() {
	defer close(b.done)
	for {
		var first *pending
		select {
		case first = <-b.queue:
		case <-b.stop:
			for {
				select {
				case p := <-b.queue:
					b.run([]*pending{p})
				default:
					return
				}
			}
		}
		batch := []*pending{first}
	fill:
		for len(batch) < maxBatch {
			select {
			case p := <-b.queue:
				batch = append(batch, p)
			default:
				break fill
			}
		}
		b.run(batch)
	}
}

// run commits a batch in one transaction. If the transaction fails, each
// submission is tried again alone, so that one bad submission cannot fail
// the others.
func (b *submitter) run(batch []*pending) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	metrics.BatchSize.Observe(float64(len(batch)))
	t0 := time.Now()
	var steps stepClock
	err := b.s.writeTx(ctx, func(tx *gorm.DB) error {
		steps = stepClock{last: time.Now()}
		return b.s.applySubmissions(tx, batch, &steps)
	})
	total := time.Since(t0)
	metrics.BatchDuration.Observe(total.Seconds())
	steps.flush(total)
	if err != nil && len(batch) > 1 {
		b.s.log.Warn("a batch of submissions failed; retrying them one by one", "size", len(batch), "err", err)
		for _, p := range batch {
			p.out, p.err, p.follows = Submitted{}, nil, nil
			if err := b.s.writeTx(ctx, func(tx *gorm.DB) error { return b.s.applySubmissions(tx, []*pending{p}, nil) }); err != nil {
				p.out, p.err = Submitted{}, err
			}
			close(p.done)
		}
		return
	}
	for _, p := range batch {
		if err != nil {
			p.out, p.err = Submitted{}, err
		}
		close(p.done)
	}
}

// stepClock times the steps of one batch's transaction (see
// metrics.BatchStep); a nil clock times nothing.
type stepClock struct {
	last  time.Time
	steps [10]time.Duration
	names [10]string
	n     int
}

// mark ends the step named: its time is from the previous mark.
func (c *stepClock) mark(step string) {
	if c == nil {
		return
	}
	now := time.Now()
	if c.n < len(c.steps) {
		c.steps[c.n], c.names[c.n] = now.Sub(c.last), step
		c.n++
	}
	c.last = now
}

// flush records the steps of a committed transaction that took total in
// all; what the steps do not cover (begin, commit, retries) is "commit".
func (c *stepClock) flush(total time.Duration) {
	for i := 0; i < c.n; i++ {
		metrics.BatchStep.WithLabelValues(c.names[i]).Add(c.steps[i].Seconds())
		total -= c.steps[i]
	}
	metrics.BatchStep.WithLabelValues("commit").Add(max(total, 0).Seconds())
}

type reportKey struct {
	unitID int64
	period string
}

// applySubmissions is one batch's transaction. Locks are taken in one order
// by every writer — idempotency keys, then reports, then totals, each sorted
// — so that on PostgreSQL two servers' batches cannot deadlock.
func (s *Store) applySubmissions(tx *gorm.DB, batch []*pending, clock *stepClock) error {
	now := s.Now()
	nowUS := micros(now)
	t, err := s.lockTreeShared(tx)
	if err != nil {
		return err
	}
	clock.mark("tree")

	active, err := s.claimIdempotencyKeys(tx, batch)
	if err != nil {
		return err
	}
	clock.mark("idempotency_claim")

	// The reports touched, created empty if new, then read and locked.
	var keys []reportKey
	seen := map[reportKey]bool{}
	for _, p := range active {
		k := reportKey{p.sub.Unit.ID, p.sub.Period}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b reportKey) int {
		if a.unitID != b.unitID {
			return int(a.unitID - b.unitID)
		}
		return strings.Compare(a.period, b.period)
	})
	states, err := s.lockReports(tx, keys, nowUS)
	if err != nil {
		return err
	}
	clock.mark("lock_reports")

	// Each submission in arrival order, against the state the ones before
	// it left.
	var revisions []revisionInsert
	var audits []auditRow
	before := map[reportKey]reportState{}
	for _, p := range active {
		k := reportKey{p.sub.Unit.ID, p.sub.Period}
		st := states[k]
		if _, ok := before[k]; !ok {
			before[k] = *st
		}
		sub := p.sub
		tr, err := models.Next(st.lifecycle(sub.Unit.Code), models.Request{Action: models.SubmitAction(sub.Status), Hash: sub.Hash, IfMatch: sub.IfMatch})
		if err != nil {
			p.err = err
			continue
		}
		if tr.Unchanged {
			if p.out, err = submitted(false, sub, st); err != nil {
				return err
			}
			continue
		}
		from := st.Status
		if st.Revision == 0 {
			from = ""
		}
		st.Revision++
		st.Version++
		st.Status = tr.Status
		st.Hash = sub.Hash
		st.SubmittedAt = nowUS
		if tr.Status == models.StatusSubmitted && st.FirstSubmittedAt == nil {
			t := nowUS
			st.FirstSubmittedAt = &t
		}
		w, err := json.Marshal(sub.Warnings)
		if err != nil {
			return fmt.Errorf("encode warnings: %w", err)
		}
		st.Warnings, st.warningList = string(w), sub.Warnings
		st.Figures = sub.Figures
		revisions = append(revisions, revisionInsert{reportID: st.ID, revision: st.Revision, status: tr.Status, body: sub.Body,
			hash: sub.Hash, warnings: st.Warnings, at: nowUS, principal: sub.Principal})
		detail := map[string]any{"status": Change{From: from, To: st.Status}, "warnings": len(sub.Warnings)}
		if sub.Principal.Role != models.RoleCommune {
			detail["on_behalf"] = true
		}
		if sub.Source != "" {
			detail["source"] = sub.Source
		}
		audits = append(audits, s.newAudit(sub.Principal, models.ActionReportSubmit, sub.Unit, sub.Period, st.Revision, detail))
		if p.out, err = submitted(true, sub, st); err != nil {
			return err
		}
	}

	clock.mark("prepare")
	if err := s.insertRevisions(tx, revisions); err != nil {
		return err
	}
	clock.mark("revisions")
	var changed []*reportState
	deltas := totalsDeltas{}
	for _, k := range keys {
		st, b := states[k], before[k]
		if st.Version == b.Version {
			continue
		}
		changed = append(changed, st)
		oldStatus := b.Status
		if b.Revision == 0 {
			oldStatus = "" // a new report
		}
		deltas.change(t, k.unitID, k.period, oldStatus, &b.Figures, st.Status, &st.Figures)
	}
	if err := s.saveReports(tx, changed); err != nil {
		return err
	}
	clock.mark("save_reports")
	if err := s.applyTotals(tx, deltas); err != nil {
		return err
	}
	clock.mark("totals")
	if err := s.appendAudit(tx, audits...); err != nil {
		return err
	}
	clock.mark("audit")
	if err := s.recordIdempotentOutcomes(tx, batch); err != nil {
		return err
	}
	clock.mark("idempotency_record")
	return nil
}

func submitted(created bool, sub *Submission, st *reportState) (Submitted, error) {
	w, err := st.warnings()
	return Submitted{Created: created, ETag: st.ETag(), Result: models.SubmitResult{UnitCode: sub.Unit.Code, Period: sub.Period,
		Revision: st.Revision, Status: st.Status, SubmittedAt: fromMicros(st.SubmittedAt), Warnings: w}}, err
}

// lockReports makes sure a row exists for every key (an empty revision-0
// row for a new report, invisible outside this transaction until it has a
// revision) and reads them; on PostgreSQL the rows are locked FOR UPDATE,
// so concurrent servers number revisions one after the other.
func (s *Store) lockReports(tx *gorm.DB, keys []reportKey, nowUS int64) (map[reportKey]*reportState, error) {
	err := s.insertRows(tx, "reports", []string{"unit_id", "period", "revision", "status", "content_hash", "version", "submitted_at", "warnings"}, len(keys),
		func(i int, args []any) []any {
			return append(args, keys[i].unitID, keys[i].period, 0, models.StatusDraft, []byte{}, 0, nowUS, "[]")
		}, " ON CONFLICT (unit_id, period) DO NOTHING")
	if err != nil {
		return nil, fmt.Errorf("create reports: %w", err)
	}
	states := make(map[reportKey]*reportState, len(keys))
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		var sb strings.Builder
		args := make([]any, 0, len(chunk)*2)
		sb.WriteString("SELECT " + stateSelect("") + " FROM reports WHERE (unit_id, period) IN (")
		for i, k := range chunk {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?)")
			args = append(args, k.unitID, k.period)
		}
		sb.WriteString(") ORDER BY unit_id, period")
		if s.dialect == Postgres {
			sb.WriteString(" FOR UPDATE")
		}
		rows, err := s.query(tx, sb.String(), args...)
		if err != nil {
			return nil, fmt.Errorf("lock reports: %w", err)
		}
		for rows.Next() {
			st, err := scanState(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			states[reportKey{st.UnitID, st.Period}] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if len(states) != len(keys) {
		return nil, fmt.Errorf("lock reports: found %d of %d", len(states), len(keys))
	}
	return states, nil
}

type revisionInsert struct {
	reportID  int64
	revision  int
	status    string
	body      []byte
	hash      []byte
	warnings  string
	at        int64
	principal models.Principal
}

func (s *Store) insertRevisions(tx *gorm.DB, revs []revisionInsert) error {
	cols := []string{"report_id", "revision", "status", "body", "content_hash", "warnings", "submitted_at", "token_id", "submitted_by", "role"}
	err := s.insertRows(tx, "revisions", cols, len(revs), func(i int, args []any) []any {
		r := revs[i]
		var token *int64
		if r.principal.TokenID != 0 {
			id := r.principal.TokenID
			token = &id
		}
		return append(args, r.reportID, r.revision, r.status, string(r.body), r.hash, r.warnings, r.at, token, r.principal.Actor(), string(r.principal.Role))
	}, "")
	if err != nil {
		return fmt.Errorf("insert revisions: %w", err)
	}
	return nil
}

// saveReports writes the new state of changed reports, many rows per
// statement (an upsert on the primary key, which both databases accept).
func (s *Store) saveReports(tx *gorm.DB, states []*reportState) error {
	cols := append([]string{"id", "unit_id", "period", "revision", "status", "content_hash", "version", "submitted_at", "first_submitted_at", "warnings"}, figureColumns...)
	var set strings.Builder
	for i, c := range cols[1:] {
		if i > 0 {
			set.WriteString(", ")
		}
		set.WriteString(c + " = excluded." + c)
	}
	err := s.insertRows(tx, "reports", cols, len(states), func(i int, args []any) []any {
		st := states[i]
		args = append(args, st.ID, st.UnitID, st.Period, st.Revision, st.Status, st.Hash, st.Version, st.SubmittedAt, st.FirstSubmittedAt, st.Warnings)
		for m := models.Measure(0); m < models.NumMeasures; m++ {
			args = append(args, st.Figures.Ptr(m))
		}
		return args
	}, " ON CONFLICT (id) DO UPDATE SET "+set.String())
	if err != nil {
		return fmt.Errorf("save reports: %w", err)
	}
	return nil
}
