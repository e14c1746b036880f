package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"doingoai/models"
	"doingoai/store"
)

const unitsUsage = `Usage: doingoai units import FILE.csv [--db URL]
       doingoai units reform --on DATE --units FILE.csv --map MAP.csv [--scope CODES] [--dry-run] [--db URL]
       doingoai units check [--db URL]
`

// cmdUnits manages the national list of units: import adds or updates
// units, reform applies a reorganisation, check lists the reports of units
// that ended before their period's end.
func cmdUnits(ctx context.Context, args []string) error {
	return dispatch(ctx, "units", unitsUsage, []subcommand{
		{"import", cmdUnitsImport},
		{"reform", cmdUnitsReform},
		{"check", cmdUnitsCheck},
	}, args)
}

// errEndedReports makes `units check` exit 1; the reports have been
// printed.
var errEndedReports = errors.New("some stored reports belong to units that ended before their period's last day; they are kept but not counted")

// cmdUnitsCheck is `units check`: it prints every stored report of a unit
// for a period whose last day the unit did not reach (stored before the
// rule that refuses them, or before the reorganisation that ended the unit
// was recorded): kept and readable, never counted. Exit 1 when there is
// any.
func cmdUnitsCheck(ctx context.Context, args []string) error {
	fs, db := flags("units check", "units check [--db URL]")
	if _, err := parseN(fs, args, 0, "units check takes no arguments"); err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		list, err := s.EndedReports(ctx)
		if err != nil {
			return err
		}
		printEndedReports(os.Stdout, list)
		if len(list) > 0 {
			return errEndedReports
		}
		return nil
	})
}

func printEndedReports(w io.Writer, list []store.EndedReport) {
	if len(list) == 0 {
		fmt.Fprintln(w, "every stored report belongs to a unit that existed on its period's last day")
		return
	}
	fmt.Fprintf(w, "%d stored reports of units that ended before their period's last day (kept, not counted in completeness or rollups):\n", len(list))
	for _, r := range list {
		succ := make([]string, len(r.Successors))
		for i, sc := range r.Successors {
			succ[i] = fmt.Sprintf("%s %s (%s)", sc.Code, sc.Name, sc.Share)
		}
		to := "no successor recorded"
		if len(succ) > 0 {
			to = "reported for by " + strings.Join(succ, ", ")
		}
		fmt.Fprintf(w, "  %s %s %s: revision %d, %s; the unit ended on %s, %s\n", r.Unit.Code, r.Unit.Name, r.Period, r.Revision, r.Status, r.ValidTo, to)
	}
}

func cmdUnitsImport(ctx context.Context, args []string) error {
	fs, db := flags("units import", "units import FILE.csv [--db URL]")
	pos, err := parseN(fs, args, 1, "units import takes one CSV file (code,name,kind,parent_code)")
	if err != nil {
		return err
	}
	var rows []models.UnitRow
	var parsed []models.FieldError
	if err := readFile(pos[0], func(r io.Reader) (err error) { rows, parsed, err = models.ParseUnitsCSVAll(r); return }); err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		res, err := s.ImportUnitsChecked(ctx, models.CommandLine, rows, parsed)
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d units added, %d updated, %d unchanged\n", pos[0], res.Added, res.Updated, res.Unchanged)
		return nil
	})
}

// cmdUnitsReform applies a reorganisation of the unit tree:
// units reform --on DATE --units FILE --map FILE [--scope CODES] [--dry-run].
func cmdUnitsReform(ctx context.Context, args []string) error {
	fs, db := flags("units reform", "units reform --on DATE --units FILE.csv --map MAP.csv [--scope CODES] [--dry-run] [--db URL]")
	on := fs.String("on", "", "the first day of the new tree (YYYY-MM-DD); the old units end the day before")
	unitsFile := fs.String("units", "", "the units after the reorganisation: code,name,kind,parent_code")
	mapFile := fs.String("map", "", "old unit → new unit: old_code,new_code,share (full or partial); other columns ignored")
	scope := fs.String("scope", "", "codes, separated by commas, of the units whose subtrees are reorganised (default: the whole country)")
	dry := fs.Bool("dry-run", false, "print what would change and write nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("units reform takes no arguments besides its flags, not %q", strings.Join(pos, " "))
	}
	var in store.ReformInput
	var probs []string
	if *on == "" {
		probs = append(probs, "--on: the date of the reorganisation is required (YYYY-MM-DD)")
	} else if d, err := models.ParseDate(*on); err != nil {
		probs = append(probs, "--on: "+err.Error())
	} else {
		in.On = d
	}
	if *unitsFile == "" {
		probs = append(probs, "--units: the units file is required")
	}
	if *mapFile == "" {
		probs = append(probs, "--map: the map file is required (a header alone if no successions are known)")
	}
	if len(probs) > 0 {
		return errors.New(strings.Join(probs, "\n"))
	}
	for _, c := range strings.Split(*scope, ",") {
		if c = strings.TrimSpace(c); c != "" {
			in.Scope = append(in.Scope, c)
		}
	}
	in.DryRun = *dry
	var errs []error
	if err := readFile(*unitsFile, func(r io.Reader) (err error) { in.Units, err = models.ParseUnitsCSV(r); return }); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", *unitsFile, err))
	}
	if err := readFile(*mapFile, func(r io.Reader) (err error) { in.Map, err = models.ParseSuccessionsCSV(r); return }); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", *mapFile, err))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		res, err := s.Reform(ctx, models.CommandLine, in)
		if err != nil {
			return err
		}
		printReform(os.Stdout, res)
		if res.DryRun {
			return nil
		}
		return printEndedAccounts(ctx, os.Stdout, s, in.On.AddDays(-1))
	})
}

func printReform(w io.Writer, res store.ReformResult) {
	verb := "changed"
	if res.DryRun {
		verb = "would change (dry run: nothing written)"
	}
	if !res.Changed() {
		fmt.Fprintf(w, "reorganisation of %s: nothing to change; the tree on %s is already the units file (%d units)\n", res.On, res.On, res.Unchanged)
	} else {
		fmt.Fprintf(w, "reorganisation of %s %s:\n", res.On, verb)
		fmt.Fprintf(w, "  %d units created (from %s), %d retired (ending the day before; %d of them above commune level), %d kept with changes, %d kept unchanged\n",
			res.Created, res.On, res.Retired, res.RetiredAbove, res.Updated, res.Unchanged)
		fmt.Fprintf(w, "  %d successions recorded (old unit → new unit)\n", res.Successions)
		if n := len(res.CodesReused); n > 0 {
			ex := res.CodesReused
			if n > 10 {
				ex = ex[:10]
			}
			fmt.Fprintf(w, "  %d codes reused by a new unit: %s%s\n", n, strings.Join(ex, ", "), map[bool]string{true: ", …", false: ""}[n > 10])
		}
	}
	if n := len(res.RetiredWithoutSuccessor); n > 0 {
		fmt.Fprintf(w, "warning: %d commune-level units retired without a successor (their reports cannot be placed in the new tree):\n", n)
		for _, u := range res.RetiredWithoutSuccessor {
			fmt.Fprintf(w, "  %s %s\n", u.Code, u.Name)
		}
	}
}
