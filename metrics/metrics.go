// Package metrics holds the Prometheus metrics of the service: HTTP
// requests by route and status with their latency, submissions by outcome,
// the sizes of the committed batches, and the database pools. GET /metrics
// serves them in the Prometheus text format.
package metrics

import (
	"database/sql"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	// Requests counts HTTP requests by route pattern, method and status.
	Requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "doingoai_http_requests_total",
		Help: "HTTP requests by route pattern, method and status.",
	}, []string{"route", "method", "status"})

	// Duration is the latency of HTTP requests by route pattern and method.
	Duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "doingoai_http_request_duration_seconds",
		Help:    "Latency of HTTP requests by route pattern and method.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
	}, []string{"route", "method"})

	// Submissions counts report submissions by outcome: created (a new
	// revision), unchanged (identical to the current one), replayed (an
	// idempotent retry), dry_run, invalid, forbidden, conflict,
	// precondition_failed, error.
	Submissions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "doingoai_submissions_total",
		Help: "Report submissions by outcome.",
	}, []string{"outcome"})

	// BatchSize is the number of submissions committed per transaction.
	BatchSize = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "doingoai_submission_batch_size",
		Help:    "Submissions committed in one transaction (group commit).",
		Buckets: []float64{1, 2, 4, 8, 16, 32, 64, 128, 256},
	})

	// BatchDuration is how long the writer took to commit one batch: its
	// sum over time is how busy the single writer is.
	BatchDuration = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "doingoai_submission_batch_seconds",
		Help:    "Time to apply and commit one batch of submissions (group commit).",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
	})

	// BatchStep is the writer's time per step of a batch's transaction,
	// summed over batches: tree (reading the unit tree), idempotency_claim,
	// lock_reports (create and read the reports touched), prepare (Go work:
	// the next state of each report, audit entries), revisions (the bodies),
	// save_reports (state and figures), totals (the maintained totals of
	// every ancestor), audit (the hash-chained entries), idempotency_record
	// (the answers kept with keys) and commit (begin, commit and the fsync).
	// Its sum equals doingoai_submission_batch_seconds_sum.
	BatchStep = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "doingoai_submission_batch_step_seconds_total",
		Help: "The single writer's time per step of the submission batches' transactions.",
	}, []string{"step"})

	// AuditEntries is the number of entries of the audit trail, and
	// AuditHead its newest entry (value: its id; label anchor: ID:HASH), as
	// the server last read them (serve, every AUDIT_ANCHOR_EVERY): an anchor
	// kept outside the database, for `audit verify --since`.
	AuditEntries = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "doingoai_audit_entries",
		Help: "Entries of the audit trail, as last read.",
	})
	AuditHead = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "doingoai_audit_head",
		Help: "The audit trail's newest entry: its id, and as the label anchor ID:HASH to note for audit verify --since.",
	}, []string{"anchor"})
)

// Handler serves the metrics, with those of the Go runtime, the process,
// and each named database pool.
func Handler(pools map[string]*sql.DB) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(Requests, Duration, Submissions, BatchSize, BatchDuration, BatchStep, AuditEntries, AuditHead,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for name, db := range pools {
		reg.MustRegister(collectors.NewDBStatsCollector(db, name))
	}
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}

// SetAuditHead records the audit trail's newest entry and its size.
func SetAuditHead(anchor string, id, entries int64) {
	AuditHead.Reset()
	AuditHead.WithLabelValues(anchor).Set(float64(id))
	AuditEntries.Set(float64(entries))
}
