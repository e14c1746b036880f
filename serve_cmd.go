package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/metrics"
	"doingoai/store"
)

// cmdServe is `serve`: the HTTP API and the pages, on a migrated database.
func cmdServe(ctx context.Context, args []string) error {
	fs, db := flags("serve", "serve [--addr ADDR] [--demo] [--db URL]")
	addr := fs.String("addr", env("ADDR", ":8080"), "address to listen on ($ADDR)")
	withDemo := fs.Bool("demo", false, "on an empty database, load the Định Hóa units and the Bộc Nhiêu 2024 report and print a token per role")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	log := newLogger()
	tuneGC()
	s, err := openStore(ctx, *db, log)
	if err != nil {
		return err
	}
	defer s.Close()
	if *withDemo {
		res, err := demo.Load(ctx, s)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		printDemo(os.Stdout, res, *addr)
	}
	grace, err := time.ParseDuration(env("SHUTDOWN_GRACE", "20s"))
	if err != nil {
		return fmt.Errorf("SHUTDOWN_GRACE: %w", err)
	}
	cfg := api.Config{Store: s, Logger: log}
	if cfg.RateLimit, err = strconv.ParseFloat(env("RATE_LIMIT", "50"), 64); err != nil || cfg.RateLimit < 0 {
		return fmt.Errorf("RATE_LIMIT must be a number of requests per second (0 turns limiting off)")
	}
	if cfg.RateBurst, err = strconv.Atoi(env("RATE_BURST", "0")); err != nil || cfg.RateBurst < 0 {
		return fmt.Errorf("RATE_BURST must be a whole number (0: twice RATE_LIMIT)")
	}
	if cfg.ImportRate, err = strconv.ParseFloat(env("IMPORT_RATE", "1"), 64); err != nil || cfg.ImportRate < 0 {
		return fmt.Errorf("IMPORT_RATE must be a number of imports per second (0 turns this limit off)")
	}
	if cfg.ImportBurst, err = strconv.Atoi(env("IMPORT_BURST", "10")); err != nil || cfg.ImportBurst < 1 {
		return fmt.Errorf("IMPORT_BURST must be a whole number of at least 1")
	}
	for _, o := range strings.Split(os.Getenv("CORS_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
	if _, err := api.CORSMatcher(cfg.CORSOrigins); err != nil {
		return fmt.Errorf("CORS_ORIGINS: %w", err)
	}
	if err := hardeningConfig(&cfg); err != nil {
		return err
	}
	anchorEvery, err := time.ParseDuration(env("AUDIT_ANCHOR_EVERY", "1h"))
	if err != nil || anchorEvery <= 0 {
		return fmt.Errorf("AUDIT_ANCHOR_EVERY must be a duration such as 1h or 15m")
	}
	if err := s.CheckAuditKeys(ctx); err != nil {
		return err
	}
	if os.Getenv("AUDIT_KEY_FILE") == "" && os.Getenv("AUDIT_KEY") == "" {
		log.Warn("the audit trail is not keyed: set AUDIT_KEY_FILE (or AUDIT_KEY) so that someone who can write the database cannot recompute its hash chain")
	}
	if err := mailConfig(&cfg, *addr); err != nil {
		return err
	}
	go purgeIdempotencyKeys(ctx, s, log)
	go anchorAudit(ctx, s, log, anchorEvery)
	if addr := os.Getenv("PPROF_ADDR"); addr != "" {
		// Go's profiler, for diagnosing a live server; never on the API's
		// address, and off unless asked for.
		go func() {
			log.Info("profiling on", "addr", addr)
			if err := http.ListenAndServe(addr, pprofMux()); err != nil {
				log.Error("pprof", "err", err)
			}
		}()
	}
	handler := api.New(cfg)
	return api.Serve(ctx, *addr, handler, grace, log)
}

// tuneGC trades memory for CPU unless GOGC or GOMEMLIMIT say otherwise:
// each submission allocates its decoded report, so the collector ran often
// at the default GOGC=100 (a tenth of the CPU under load); at 400 with a
// soft limit of 120 MiB the heap still stays small.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(120 << 20)
	}
}

func pprofMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// purgeIdempotencyKeys deletes expired idempotency keys every hour (each
// server does; the deletes are idempotent).
func purgeIdempotencyKeys(ctx context.Context, s *store.Store, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := s.PurgeIdempotencyKeys(ctx); err != nil && ctx.Err() == nil {
			log.Warn("purge idempotency keys", "err", err)
		} else if n > 0 {
			log.Info("purged expired idempotency keys", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// anchorAudit logs the audit trail's anchor (its newest entry's id and
// hash) and its size, and shows them on /metrics, at start and then every
// period: noted outside the database, `audit verify --since ANCHOR` finds
// entries removed from the end of the trail.
func anchorAudit(ctx context.Context, s *store.Store, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if a, n, _, err := s.AuditHead(ctx); err != nil && ctx.Err() == nil {
			log.Warn("read the audit trail's anchor", "err", err)
		} else if err == nil && a.Hash != "" {
			log.Info("audit anchor", "anchor", a.String(), "entries", n)
			metrics.SetAuditHead(a.String(), a.ID, n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func printDemo(w io.Writer, res demo.Result, addr string) {
	if res.Tokens == nil {
		fmt.Fprintln(w, "--demo: the database already holds data that the demo did not load; nothing was changed. Make tokens with `doingoai token create`.")
		return
	}
	host := addr
	if strings.HasPrefix(host, ":") {
		host = "localhost" + host
	}
	if res.Loaded {
		fmt.Fprintln(w, "Demo data loaded: Tỉnh Thái Nguyên (19) with Huyện Định Hóa (167) and its 23 communes as in 2024, and the 2024 report of Xã Bộc Nhiêu (05596);")
		fmt.Fprintln(w, "then the 2025 reform: from 01/07/2025 no districts, and Xã Trung Hội (05581) = old Bộc Nhiêu + Phú Tiến + Trung Hội, with an EXAMPLE 2025 report (made-up figures).")
	}
	fmt.Fprintln(w, "Demo tokens (new ones are issued at each start with --demo):")
	tw := table(w)
	for _, t := range res.Tokens {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.Role, t.Unit, t.Secret)
	}
	tw.Flush()
	if len(res.People) > 0 {
		fmt.Fprintf(w, "Web app: http://%s/ — sign in with (new passwords are issued at each start with --demo):\n", host)
		tw := table(w)
		for _, p := range res.People {
			fmt.Fprintf(tw, "  login: %s\tpassword: %s\t(%s %s)\n", p.Login, p.Password, p.Role, dash(p.Unit))
		}
		tw.Flush()
	}
	admin, province := res.Tokens[0].Secret, res.Tokens[1].Secret
	fmt.Fprintf(w, "Try (2025 against 2024 for the new Xã Trung Hội, in the tree of 01/07/2025):\n  curl -H 'Authorization: Bearer %s' 'http://%s/api/v1/rollups?unit=05581&periods=2024,2025&tree=2025-07-01&indicators=population,households,poverty_rate_pct'\n", province, host)
	fmt.Fprintf(w, "  curl -H 'Authorization: Bearer %s' 'http://%s/api/v1/units/05581?at=2025-07-01'\n", admin, host)
	fmt.Fprintf(w, "API documentation: http://%s/swagger/index.html\n", host)
}
