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
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

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
  doingoai units check                     list stored reports of units that ended before their period's last day (exit 1 if any)
  doingoai backup FILE                     copy a live SQLite database consistently
  doingoai audit verify                    check the audit trail's hash chain (exit 1 at the first entry that does not match)
  doingoai import FILE [--unit CODE] [--period P] [--save]
                                           read a Word (.docx) or text report into a draft; print it as JSON

Every command takes --db (default: $DATABASE_URL, else data/doingoai.db) and --help.
DATABASE_URL is a file path, sqlite:PATH, or postgres://user@host:5432/db.
`

// commands are the commands of the binary, by name; each file *_cmd.go
// holds one with its subcommands.
var commands = map[string]func(ctx context.Context, args []string) error{
	"serve":   cmdServe,
	"migrate": cmdMigrate,
	"token":   cmdToken,
	"user":    cmdUser,
	"units":   cmdUnits,
	"backup":  cmdBackup,
	"audit":   cmdAudit,
	"import":  cmdImport,
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	name, args := os.Args[1], os.Args[2:]
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Print(usage)
		return
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "doingoai: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	err := cmd(ctx, args)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		printError(os.Stderr, err)
		os.Exit(1)
	}
}

// subcommand is one subcommand of a command such as token or user.
type subcommand struct {
	name string
	run  func(ctx context.Context, args []string) error
}

// dispatch runs the subcommand that args name. With none, or with --help,
// it prints the command's usage on stderr (and fails when none was named).
func dispatch(ctx context.Context, cmd, usage string, subs []subcommand, args []string) error {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(os.Stderr, usage)
		if len(args) == 0 {
			return fmt.Errorf("%s needs a subcommand", cmd)
		}
		return nil
	}
	names := make([]string, len(subs))
	for i, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, args[1:])
		}
		names[i] = s.name
	}
	return fmt.Errorf("unknown %s subcommand %q: use %s", cmd, args[0], strings.Join(names, ", "))
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

// parseN is parse for a command that takes n positional arguments; with
// another number it fails with the message wrong.
func parseN(fs *flag.FlagSet, args []string, n int, wrong string) ([]string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != n {
		return nil, errors.New(wrong)
	}
	return pos, nil
}

// readFile opens the file a command names and gives it to read, buffered;
// the file is closed when read returns.
func readFile(name string, read func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(bufio.NewReader(f))
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

// databaseURL is the database that --db names, else $DATABASE_URL (else
// store.Open's default).
func databaseURL(dbFlag string) string {
	if dbFlag != "" {
		return dbFlag
	}
	return os.Getenv("DATABASE_URL")
}

// storeOptions are the store's options read from the environment
// (DB_MAX_CONNS, SQLITE_SYNCHRONOUS): every command opens the database
// with them, through openDB.
func storeOptions(log *slog.Logger) (store.Options, error) {
	opt := store.Options{Logger: log, Synchronous: os.Getenv("SQLITE_SYNCHRONOUS")}
	if v := os.Getenv("DB_MAX_CONNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return opt, fmt.Errorf("DB_MAX_CONNS=%q: must be a whole number of at least 1", v)
		}
		opt.MaxConns = n
	}
	keys, err := auditKeys()
	opt.AuditKeys = keys
	return opt, err
}

// auditKeys reads the audit chain's keys from AUDIT_KEY_FILE (a file
// outside the database, one ID:SECRET a line, the current key first) or
// AUDIT_KEY (the same, separated by commas); nil when neither is set.
func auditKeys() (*store.AuditKeys, error) {
	file, text := os.Getenv("AUDIT_KEY_FILE"), os.Getenv("AUDIT_KEY")
	switch {
	case file != "" && text != "":
		return nil, fmt.Errorf("set AUDIT_KEY_FILE or AUDIT_KEY, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("AUDIT_KEY_FILE: %w", err)
		}
		text = string(b)
	case text == "":
		return nil, nil
	}
	keys, err := store.ParseAuditKeys(text)
	if err != nil {
		return nil, fmt.Errorf("AUDIT_KEY: %w", err)
	}
	return keys, nil
}

// openDB opens the database named by --db or DATABASE_URL with the
// options of the environment, without migrating it.
func openDB(ctx context.Context, dbFlag string, log *slog.Logger) (*store.Store, error) {
	opt, err := storeOptions(log)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, databaseURL(dbFlag), opt)
}

// openStore opens the database (see openDB) and applies pending
// migrations, so that every command works on a fresh database.
func openStore(ctx context.Context, dbFlag string, log *slog.Logger) (*store.Store, error) {
	s, err := openDB(ctx, dbFlag, log)
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

// withStore runs f on the database of --db (see openStore) and closes it.
func withStore(ctx context.Context, dbFlag string, f func(s *store.Store) error) error {
	s, err := openStore(ctx, dbFlag, newLogger())
	if err != nil {
		return err
	}
	defer s.Close()
	return f(s)
}

// cmdMigrate is `migrate`: it applies the pending migrations and says
// what it did.
func cmdMigrate(ctx context.Context, args []string) error {
	fs, db := flags("migrate", "migrate [--db URL]")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	s, err := openDB(ctx, *db, newLogger())
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

// cmdBackup is `backup FILE`: a consistent copy of a live SQLite database.
func cmdBackup(ctx context.Context, args []string) error {
	fs, db := flags("backup", "backup FILE [--db URL]")
	pos, err := parseN(fs, args, 1, "backup takes the path of the copy to write")
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		n, err := s.Backup(ctx, pos[0])
		if err != nil {
			return err
		}
		fmt.Printf("wrote %s (%d bytes)\n", pos[0], n)
		return nil
	})
}

// table writes aligned columns, as every listing of the commands does.
func table(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}

// listing is a list subcommand (token list, user list): on stdout, a line
// of column names and the rows that rows writes, aligned. Nothing is
// printed if rows fails.
func listing(ctx context.Context, name string, args []string, header string, rows func(s *store.Store, w io.Writer) error) error {
	fs, db := flags(name, name+" [--db URL]")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		tw := table(os.Stdout)
		fmt.Fprintln(tw, header)
		if err := rows(s, tw); err != nil {
			return err
		}
		return tw.Flush()
	})
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
