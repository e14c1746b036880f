// Command doingoai serves the foreign-affairs reports of communes (báo cáo
// công tác đối ngoại cấp xã) and their rollups by district and province, and
// administers its database from the command line.
//
//	@title						doingoai API
//	@version					1.0
//	@description				Commune foreign-affairs reports (báo cáo công tác đối ngoại cấp xã): communes submit structured reports; districts and provinces review them and read totals per indicator, per commune and over the years.
//	@description				Errors are RFC 9457 application/problem+json with every problem of a request named by its field path.
//	@tag.name			reports
//	@tag.description	Báo cáo công tác đối ngoại — a commune's report for a period: submit (POST, or PUT at its path), read it and its revisions, list reports, and the district's review (accept, or return for amendment).
//	@tag.name			units
//	@tag.description	Đơn vị hành chính — the national list of administrative units (province, district, commune, ward, town, special zone), searchable without diacritics.
//	@tag.name			indicators
//	@tag.description	Danh mục chỉ tiêu — the indicators a rollup computes, with Vietnamese and English names, unit and aggregation.
//	@tag.name			rollups
//	@tag.description	Tổng hợp — totals per indicator over every commune below a unit, per child unit and over the years; JSON, CSV or Excel.
//	@tag.name			completeness
//	@tag.description	Tình hình báo cáo — who has reported, on time, late, or not at all.
//	@tag.name			deadlines
//	@tag.description	Hạn nộp báo cáo — the due date of a period, set by the district's request letter.
//	@tag.name			audit
//	@tag.description	Nhật ký — the append-only audit trail.
//	@tag.name			tokens
//	@tag.description	Mã truy cập — API tokens (admin only): create one for a commune's or a district's system (the secret is shown once), list them, revoke one.
//	@tag.name			operations
//	@tag.description	Liveness, readiness, metrics and this document; open without a token.
//	@BasePath					/
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				"Bearer " followed by a token made with `doingoai token create`, e.g. "Bearer dgo_3q2…".
package main

// The OpenAPI document in docs/: swag's, completed with what swag cannot
// write from Go types (internal/apidoc). `go generate .` runs both.
//go:generate go tool swag init -g main.go -o docs --outputTypes go,json,yaml --quiet
//go:generate go run ./internal/apidoc/cmd/complete docs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/handlers"
	"doingoai/models"
	"doingoai/store"
)

const usage = `doingoai: commune foreign-affairs reports and their rollups.

Usage:
  doingoai serve [--addr :8080] [--demo]   serve the HTTP API (applies pending migrations first)
  doingoai migrate                         apply pending schema migrations and exit
  doingoai token create --role admin|district|commune [--unit CODE] [--name TEXT] [--expires 90d]
  doingoai token list                      list tokens (never their secrets)
  doingoai token revoke ID                 revoke a token
  doingoai user create --login NAME --role admin|district|commune [--unit CODE] [--name TEXT] [--password-stdin]
  doingoai user list                       list the web app's accounts (never a password)
  doingoai user disable LOGIN              disable an account and end its sessions
  doingoai user reset-password LOGIN       print a new password for an account
  doingoai units import FILE.csv           add or update units from code,name,kind,parent_code
  doingoai units reform --on DATE --units FILE.csv --map MAP.csv [--scope CODES] [--dry-run]
                                           apply a reorganisation (the 2025 reform) with its lineage
  doingoai backup FILE                     copy a live SQLite database consistently
  doingoai audit verify                    check the audit trail's hash chain (exit 1 at the first entry that does not match)
  doingoai import FILE [--unit CODE] [--period P] [--save]
                                           read a Word (.docx) or text report into a draft; print it as JSON

Every command takes --db (default: $DATABASE_URL, else data/doingoai.db) and --help.
DATABASE_URL is a file path, sqlite:PATH, or postgres://user@host:5432/db.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "serve":
		err = cmdServe(ctx, args)
	case "migrate":
		err = cmdMigrate(ctx, args)
	case "token":
		err = cmdToken(ctx, args)
	case "user":
		err = cmdUser(ctx, args)
	case "units":
		err = cmdUnits(ctx, args)
	case "backup":
		err = cmdBackup(ctx, args)
	case "audit":
		err = cmdAudit(ctx, args)
	case "import":
		err = cmdImport(ctx, args)
	case "help", "-h", "-help", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "doingoai: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		printError(os.Stderr, err)
		os.Exit(1)
	}
}

// printError writes an error for a person at a terminal: a domain error
// with each of its problems on a line.
func printError(w io.Writer, err error) {
	var de *models.Error
	if errors.As(err, &de) {
		fmt.Fprintf(w, "doingoai: %s\n", de.Message)
		for _, f := range de.Fields {
			fmt.Fprintf(w, "  %s: %s\n", f.Field, f.Message)
		}
		return
	}
	fmt.Fprintf(w, "doingoai: %v\n", err)
}

// flags returns a flag set for a command with the --db flag every command
// takes.
func flags(name, synopsis string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	db := fs.String("db", "", "database: a file path, sqlite:PATH or postgres://… (default $DATABASE_URL, else "+store.DefaultURL+")")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: doingoai %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs, db
}

// parse reads flags wherever they stand among the arguments ("units import
// FILE --db X" as well as "units import --db X FILE") and returns the
// positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func newLogger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(env("LOG_LEVEL", "info"))); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if env("LOG_FORMAT", "json") == "text" {
		return slog.New(slog.NewTextHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, opts))
}

// openStore opens the database named by --db or DATABASE_URL and applies
// pending migrations, so that every command works on a fresh database.
func openStore(ctx context.Context, dbFlag string, log *slog.Logger) (*store.Store, error) {
	url := dbFlag
	if url == "" {
		url = os.Getenv("DATABASE_URL")
	}
	maxConns := 0
	if v := os.Getenv("DB_MAX_CONNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("DB_MAX_CONNS=%q: must be a whole number of at least 1", v)
		}
		maxConns = n
	}
	s, err := store.Open(ctx, url, store.Options{Logger: log, MaxConns: maxConns, Synchronous: os.Getenv("SQLITE_SYNCHRONOUS")})
	if err != nil {
		return nil, err
	}
	res, err := s.Migrate(ctx)
	if err != nil {
		s.Close()
		return nil, err
	}
	if len(res.Applied) > 0 {
		log.Info("applied migrations", "versions", res.Applied, "schema_version", res.Version)
	}
	return s, nil
}

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
	go purgeIdempotencyKeys(ctx, s, log)
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
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, t := range res.Tokens {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.Role, t.Unit, t.Secret)
	}
	tw.Flush()
	if len(res.People) > 0 {
		fmt.Fprintf(w, "Web app: http://%s/ — sign in with (new passwords are issued at each start with --demo):\n", host)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
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

func cmdMigrate(ctx context.Context, args []string) error {
	fs, db := flags("migrate", "migrate [--db URL]")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	log := newLogger()
	url := *db
	if url == "" {
		url = os.Getenv("DATABASE_URL")
	}
	s, err := store.Open(ctx, url, store.Options{Logger: log})
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(res.Applied) == 0 {
		fmt.Printf("schema is up to date (version %d)\n", res.Version)
	} else {
		fmt.Printf("applied migrations %v; schema version %d\n", res.Applied, res.Version)
	}
	return nil
}

func cmdToken(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(os.Stderr, "Usage:\n  doingoai token create --role admin|district|commune [--unit CODE] [--name TEXT] [--expires 90d]\n  doingoai token list\n  doingoai token revoke ID\n")
		if len(args) == 0 {
			return errors.New("token needs a subcommand")
		}
		return nil
	}
	log := newLogger()
	switch args[0] {
	case "create":
		fs, db := flags("token create", "token create --role admin|district|commune [--unit CODE] [--name TEXT] [--expires 90d]")
		role := fs.String("role", "", "admin, district or commune")
		unit := fs.String("unit", "", "code of the unit a district or commune token is bound to")
		name := fs.String("name", "", "who or what uses the token (shown in the audit trail)")
		expires := fs.String("expires", "", "lifetime such as 90d, 12h or 30m (default: no expiry)")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		ttl, err := parseTTL(*expires)
		if err != nil {
			return err
		}
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		secret, _, err := s.CreateToken(ctx, models.CommandLine, models.TokenInput{Role: models.Role(*role), UnitCode: *unit, Name: *name, TTL: ttl})
		if err != nil {
			return err
		}
		fmt.Println(secret)
		return nil
	case "list":
		fs, db := flags("token list", "token list [--db URL]")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		toks, err := s.ListTokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tROLE\tUNIT\tNAME\tCREATED\tEXPIRES\tLAST USED\tSTATE")
		for _, t := range toks {
			state := "active"
			switch {
			case t.RevokedAt != nil:
				state = "revoked " + t.RevokedAt.Format(time.DateOnly)
			case t.ExpiresAt != nil && !time.Now().Before(*t.ExpiresAt):
				state = "expired"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, dash(t.UnitCode), dash(t.Name),
				t.CreatedAt.Format(time.RFC3339), timeOrDash(t.ExpiresAt), timeOrDash(t.LastUsedAt), state)
		}
		return tw.Flush()
	case "revoke":
		fs, db := flags("token revoke", "token revoke ID [--db URL]")
		pos, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return errors.New("token revoke takes one token id (the first column of `token list`)")
		}
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a token id", pos[0])
		}
		s, err := openStore(ctx, *db, log)
		if err != nil {
			return err
		}
		defer s.Close()
		if err := s.RevokeToken(ctx, models.CommandLine, id); err != nil {
			return err
		}
		fmt.Printf("token %d revoked\n", id)
		return nil
	}
	return fmt.Errorf("unknown token subcommand %q: use create, list or revoke", args[0])
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

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func cmdUnits(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "reform" {
		return cmdUnitsReform(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(os.Stderr, "Usage: doingoai units import FILE.csv [--db URL]\n       doingoai units reform --on DATE --units FILE.csv --map MAP.csv [--scope CODES] [--dry-run] [--db URL]\n")
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			return nil
		}
		return errors.New("units needs the subcommand import or reform")
	}
	fs, db := flags("units import", "units import FILE.csv [--db URL]")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("units import takes one CSV file (code,name,kind,parent_code)")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	rows, parsed, err := models.ParseUnitsCSVAll(bufio.NewReader(f))
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db, newLogger())
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.ImportUnitsChecked(ctx, models.CommandLine, rows, parsed)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d units added, %d updated, %d unchanged\n", pos[0], res.Added, res.Updated, res.Unchanged)
	return nil
}

func cmdBackup(ctx context.Context, args []string) error {
	fs, db := flags("backup", "backup FILE [--db URL]")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("backup takes the path of the copy to write")
	}
	s, err := openStore(ctx, *db, newLogger())
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Backup(ctx, pos[0])
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d bytes)\n", pos[0], n)
	return nil
}

// cmdImport reads an existing report into a draft, as POST
// /api/v1/reports/import does, and prints the answer as JSON; --save also
// stores it as a draft revision.
func cmdImport(ctx context.Context, args []string) error {
	fs, db := flags("import", "import FILE [--unit CODE] [--period P] [--save] [--db URL]")
	unit := fs.String("unit", "", "the commune's code (default: the commune the document names)")
	period := fs.String("period", "", "2024, 2024S1 or 2024S2 (default: the period in the document's title)")
	save := fs.Bool("save", false, "also store the result as a draft revision (refused if the report is already submitted)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("import takes one file: a .docx or a text file")
	}
	data, err := readLimited(pos[0], api.MaxBody)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db, newLogger())
	if err != nil {
		return err
	}
	defer s.Close()
	h := &handlers.Handler{Store: s, Log: newLogger()}
	out, _, err := h.Import(models.WithPrincipal(ctx, models.CommandLine), data, *unit, *period, *save)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// readLimited reads a file of at most limit bytes, the API's body limit.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, models.Errorf(models.ETOOLARGE, "%s is over %d bytes, the limit of an import", name, limit)
	}
	return data, nil
}
