package store

import (
	"context"
	"database/sql"
	"encoding/json"
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
	IfMatch   string // the ETag the change is based on, "" if none
	Idem      *IdempotencyKey
	Source    string // SourceImport when read from a document; recorded in the audit trail
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
// the current one unchanged, with the result to tell the client; how it is
// told is the edge's business.
type Submitted struct {
	Created bool
	Result  models.SubmitResult
	ETag    string
	// Replayed: a retried keyed request, given the outcome of the first
	// one (Created, Result and ETag as it got them); nothing changed now.
	Replayed bool
}

// Submit stores a submission as the report's next revision, or finds it
// identical to the current one (models.Next decides). Concurrent
// submissions are committed together, a batch per transaction (group
// commit): on SQLite one transaction — one fsync — for everything waiting,
// instead of one each. The answer comes once the batch is committed. The
// outcome of a keyed submission (Idem set) is kept with its key, in the
// same transaction, and given again, Replayed, to a retry.
//
// Errors: those of models.Next (ECONFLICT, EPRECONDITION); EINVALID if the
// idempotency key was used for another request; EUNAVAILABLE while
// shutting down.
func (s *Store) Submit(ctx context.Context, sub *Submission) (Submitted, error) {
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

// applySubmissions is one batch's transaction, in the steps it takes.
// Locks are taken in one order by every writer — idempotency keys, then
// reports, then totals, each sorted — so that on PostgreSQL two servers'
// batches cannot deadlock.
func (s *Store) applySubmissions(tx *gorm.DB, batch []*pending, clock *stepClock) error {
	// writeTx may run this again after a rolled-back attempt (a PostgreSQL
	// deadlock): every submission is decided afresh.
	for _, p := range batch {
		p.out, p.err, p.follows = Submitted{}, nil, nil
	}
	nowUS := micros(s.Now())
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
	keys := reportKeys(active)
	states, err := s.lockReports(tx, keys, nowUS)
	if err != nil {
		return err
	}
	clock.mark("lock_reports")
	w, err := s.nextRevisions(tx, t, active, states, nowUS)
	if err != nil {
		return err
	}
	changed, deltas := w.changes(t, keys, states)
	clock.mark("prepare")
	if err := s.saveReports(tx, changed); err != nil {
		return err
	}
	clock.mark("save_reports")
	if err := s.insertRevisions(tx, w.revisions); err != nil {
		return err
	}
	clock.mark("revisions")
	if err := s.applyTotals(tx, deltas); err != nil {
		return err
	}
	clock.mark("totals")
	if err := s.appendAudit(tx, w.audits...); err != nil {
		return err
	}
	clock.mark("audit")
	if err := s.recordIdempotentOutcomes(tx, batch); err != nil {
		return err
	}
	clock.mark("idempotency_record")
	return nil
}

// reportKeys lists the reports a batch touches, once each, in lock order.
func reportKeys(active []*pending) []reportKey {
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
	return keys
}

// batchWrites is what a batch's submissions write besides the reports'
// new states: the revisions and the audit entries, and each report's state
// before the batch, for the totals.
type batchWrites struct {
	revisions []revisionInsert
	audits    []auditRow
	before    map[reportKey]reportState
}

// nextRevisions takes each submission in arrival order, against the state
// the ones before it left (models.Next decides, once the unit is known to
// report for the period): a refused one gets its error, an unchanged one its
// current revision, a new one the next revision, written into states. Each
// submission's answer is set.
func (s *Store) nextRevisions(tx *gorm.DB, t *models.Tree, active []*pending, states map[reportKey]*reportState, nowUS int64) (batchWrites, error) {
	w := batchWrites{before: map[reportKey]reportState{}}
	for _, p := range active {
		k := reportKey{p.sub.Unit.ID, p.sub.Period}
		st := states[k]
		if _, ok := w.before[k]; !ok {
			w.before[k] = *st
		}
		sub := p.sub
		if err := s.reportable(tx, t, sub); err != nil {
			if models.ErrorCode(err) == models.EINTERNAL {
				return w, err
			}
			p.err = err
			continue
		}
		tr, err := models.Next(st.lifecycle(sub.Unit.Code), models.Request{Action: models.SubmitAction(sub.Status), Hash: sub.Hash, IfMatch: sub.IfMatch})
		if err != nil {
			p.err = err
			continue
		}
		if tr.Unchanged {
			if p.out, err = submitted(false, sub, st); err != nil {
				return w, err
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
		warnings, err := json.Marshal(sub.Warnings)
		if err != nil {
			return w, fmt.Errorf("encode warnings: %w", err)
		}
		st.Warnings, st.warningList = string(warnings), sub.Warnings
		st.Figures = sub.Figures
		// The revision's report id is read when it is written: a new
		// report on SQLite has none until saveReports.
		w.revisions = append(w.revisions, revisionInsert{report: st, revision: st.Revision, status: tr.Status, body: sub.Body,
			hash: sub.Hash, warnings: st.Warnings, at: nowUS, principal: sub.Principal})
		detail := map[string]any{"status": Change{From: from, To: st.Status}, "warnings": len(sub.Warnings)}
		if sub.Principal.Role != models.RoleCommune {
			detail["on_behalf"] = true
		}
		if sub.Source != "" {
			detail["source"] = sub.Source
		}
		w.audits = append(w.audits, s.newAudit(sub.Principal, models.ActionReportSubmit, sub.Unit, sub.Period, st.Revision, detail))
		if p.out, err = submitted(true, sub, st); err != nil {
			return w, err
		}
	}
	return w, nil
}

// changes lists the reports that have a new revision, in key order, and
// the changes to the totals of the communes and their ancestors.
func (w *batchWrites) changes(t *models.Tree, keys []reportKey, states map[reportKey]*reportState) ([]*reportState, totalsDeltas) {
	var changed []*reportState
	deltas := totalsDeltas{}
	for _, k := range keys {
		st, b := states[k], w.before[k]
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
	return changed, deltas
}

func submitted(created bool, sub *Submission, st *reportState) (Submitted, error) {
	w, err := st.warnings()
	return Submitted{Created: created, ETag: st.ETag(), Result: models.SubmitResult{UnitCode: sub.Unit.Code, Period: sub.Period,
		Revision: st.Revision, Status: st.Status, SubmittedAt: fromMicros(st.SubmittedAt), Warnings: w}}, err
}

// lockReports reads the reports of keys, in key order, and on PostgreSQL
// locks them FOR UPDATE, so that concurrent servers number revisions one
// after the other. A report that has no row yet is given a new state with
// no id. On PostgreSQL an empty revision-0 row is created for it first
// (ON CONFLICT DO NOTHING: a server creating the same report waits for the
// other's commit), so that it is locked too; it stays invisible outside
// the transaction until it has a revision. SQLite's one writer excludes
// every other already: there the row is written once, with its state, by
// saveReports.
func (s *Store) lockReports(tx *gorm.DB, keys []reportKey, nowUS int64) (map[reportKey]*reportState, error) {
	if s.dialect == Postgres {
		err := s.insertRows(tx, "reports", []string{"unit_id", "period", "revision", "status", "content_hash", "version", "submitted_at", "warnings"}, len(keys),
			func(i int, args []any) []any {
				return append(args, keys[i].unitID, keys[i].period, 0, models.StatusDraft, []byte{}, 0, nowUS, "[]")
			}, " ON CONFLICT (unit_id, period) DO NOTHING")
		if err != nil {
			return nil, fmt.Errorf("create reports: %w", err)
		}
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
	if s.dialect == Postgres && len(states) != len(keys) {
		return nil, fmt.Errorf("lock reports: found %d of %d", len(states), len(keys))
	}
	for _, k := range keys {
		if states[k] == nil {
			states[k] = &reportState{UnitID: k.unitID, Period: k.period, Status: models.StatusDraft, Hash: []byte{}, SubmittedAt: nowUS, Warnings: "[]"}
		}
	}
	return states, nil
}

type revisionInsert struct {
	report    *reportState // its ID is read when the revision is written
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
		return append(args, r.report.ID, r.revision, r.status, string(r.body), r.hash, r.warnings, r.at, token, r.principal.Actor(), string(r.principal.Role))
	}, "")
	if err != nil {
		return fmt.Errorf("insert revisions: %w", err)
	}
	return nil
}

// saveReports writes the new state of changed reports, many rows per
// statement: an upsert on the primary key, which both databases accept. A
// new report (no id yet: on SQLite) is inserted by the same statement, and
// its id read back (RETURNING, on both databases).
func (s *Store) saveReports(tx *gorm.DB, states []*reportState) error {
	cols := append([]string{"id", "unit_id", "period", "revision", "status", "content_hash", "version", "submitted_at", "first_submitted_at", "warnings"}, figureColumns...)
	var set strings.Builder
	for i, c := range cols[1:] {
		if i > 0 {
			set.WriteString(", ")
		}
		set.WriteString(c + " = excluded." + c)
	}
	suffix := " ON CONFLICT (id) DO UPDATE SET " + set.String()
	var created map[reportKey]*reportState
	for _, st := range states {
		if st.ID == 0 {
			if created == nil {
				created = map[reportKey]*reportState{}
			}
			created[reportKey{st.UnitID, st.Period}] = st
		}
	}
	var scan func(*sql.Rows) error
	if created != nil {
		suffix += " RETURNING id, unit_id, period"
		scan = func(rows *sql.Rows) error {
			var id int64
			var k reportKey
			if err := rows.Scan(&id, &k.unitID, &k.period); err != nil {
				return err
			}
			if st := created[k]; st != nil {
				st.ID = id
			}
			return nil
		}
	}
	err := s.insertRowsReturning(tx, "reports", cols, len(states), func(i int, args []any) []any {
		st := states[i]
		var id *int64
		if st.ID != 0 {
			id = &st.ID
		}
		args = append(args, id, st.UnitID, st.Period, st.Revision, st.Status, st.Hash, st.Version, st.SubmittedAt, st.FirstSubmittedAt, st.Warnings)
		for m := models.Measure(0); m < models.NumMeasures; m++ {
			args = append(args, st.Figures.Ptr(m))
		}
		return args
	}, suffix, scan)
	if err != nil {
		return fmt.Errorf("save reports: %w", err)
	}
	for _, st := range created {
		if st.ID == 0 {
			return fmt.Errorf("save reports: no id came back for the report of unit %d, %s", st.UnitID, st.Period)
		}
	}
	return nil
}
