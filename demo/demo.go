// Package demo loads the demonstration data of `serve --demo`: the country
// as it was and as it is. Thái Nguyên province with district Định Hóa and
// its 23 communes (from the national list of 01/11/2024) and the 2024
// foreign-affairs report of xã Bộc Nhiêu; then the two reorganisations of
// 2025 applied as data — on 01/01/2025 thị trấn Chợ Chu (05536) and xã Bảo
// Cường (05569) became thị trấn Chợ Chu under code 05569; on 01/07/2025
// the districts ended and Thái Nguyên's communes were merged and placed
// straight under the province (xã Trung Hội 05581 = old Bộc Nhiêu 05596 +
// Phú Tiến 05593 + Trung Hội 05581); an EXAMPLE 2025 report of the new xã
// Trung Hội (made-up figures, marked as such in the report itself); and
// one token and one web account per role.
package demo

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"doingoai/app"
	"doingoai/models"
	"doingoai/store"
)

//go:embed units-dinh-hoa-2024-11-01.csv
var UnitsCSV []byte

//go:embed boc-nhieu-2024.json
var BocNhieu2024 []byte

// The reorganisations of 2025 within the demo's units. No public map of
// the January round exists; the demo's is read off the lists (05536 is
// gone in March 2025 and 05569 is then thị trấn Chợ Chu). The July map is
// the rows of the national map for district Định Hóa.
var (
	//go:embed units-dinh-hoa-2025-01-01.csv
	unitsJan2025 []byte
	//go:embed reform-dinh-hoa-2025-01-01.csv
	mapJan2025 []byte
	//go:embed units-thai-nguyen-2025-07-01.csv
	unitsJul2025 []byte
	//go:embed reform-dinh-hoa-2025-07-01.csv
	mapJul2025 []byte
)

// TrungHoi2025 is an EXAMPLE 2025 report of the new xã Trung Hội (05581):
// plausible, made-up figures, so that the demo can compare 2025 with the
// 2024 figures of its three predecessors. It says so in the report.
//
//go:embed trung-hoi-2025-example.json
var TrungHoi2025 []byte

// The units the demo tokens are bound to.
const (
	ProvinceCode = "19"    // Tỉnh Thái Nguyên
	DistrictCode = "167"   // Huyện Định Hóa (until 30/06/2025)
	CommuneCode  = "05596" // Xã Bộc Nhiêu (until 30/06/2025)
)

// tokenPrefix names the demo's tokens (in Vietnamese: the tokens page and
// the history show the names), so that a later `serve --demo` recognises
// the database as the demo's and issues fresh ones; oldTokenPrefix is what
// earlier versions named them.
const (
	tokenPrefix    = "Mã dùng thử: "
	oldTokenPrefix = "demo "
)

// Token is a demo token and what it is for.
type Token struct {
	Role   models.Role
	Unit   string
	Secret string
}

// Person is a demo account of the web app and its password.
type Person struct {
	Login    string
	Role     models.Role
	Unit     string
	Password string
}

// Result tells what Load did.
type Result struct {
	Loaded bool     // the units and the report were loaded now
	Tokens []Token  // nil when the database holds other data
	People []Person // one account per role, with new passwords
}

// NewCommuneCode is the demo's commune after the reform: xã Trung Hội
// (05581) = old Bộc Nhiêu + Phú Tiến + Trung Hội, straight under the province.
const NewCommuneCode = "05581"

// The demo's accounts: one per role and level — the admin; the province's
// officer (Sở Ngoại vụ, who receives the communes' reports since the
// reform); the old district's officer; the clerk of old Bộc Nhiêu (a
// commune that ended on 30/06/2025: it reads its past reports and is told
// where its territory now reports) and the clerk of the new xã Trung Hội.
var demoPeople = []models.UserInput{
	{Login: "admin", Role: models.RoleAdmin, Name: "Quản trị hệ thống"},
	{Login: "tinh19", Role: models.RoleDistrict, UnitCode: ProvinceCode, Name: "Sở Ngoại vụ tỉnh Thái Nguyên"},
	{Login: "huyen167", Role: models.RoleDistrict, UnitCode: DistrictCode, Name: "Phòng Nội vụ huyện Định Hóa"},
	{Login: "xa05596", Role: models.RoleCommune, UnitCode: CommuneCode, Name: "Văn phòng UBND xã Bộc Nhiêu"},
	{Login: "xa05581", Role: models.RoleCommune, UnitCode: NewCommuneCode, Name: "Văn phòng UBND xã Trung Hội"},
}

// Load fills an empty database with the demo data and tokens. On a database
// the demo filled before, it revokes the previous demo tokens and issues new
// ones (their secrets were shown once and are gone). On any other database
// it changes nothing.
func Load(ctx context.Context, s *store.Store) (Result, error) {
	var res Result
	t, err := s.Tree(ctx)
	if err != nil {
		return res, err
	}
	tokens := app.Tokens{Store: s}
	if t.Len() > 1 {
		toks, err := tokens.List(ctx, models.CommandLine)
		if err != nil {
			return res, err
		}
		demo := false
		for _, tok := range toks {
			if (strings.HasPrefix(tok.Name, tokenPrefix) || strings.HasPrefix(tok.Name, oldTokenPrefix)) && tok.RevokedAt == nil {
				demo = true
				if err := tokens.Revoke(ctx, models.CommandLine, tok.ID); err != nil {
					return res, err
				}
			}
		}
		if !demo {
			return res, nil
		}
	} else {
		rows, err := models.ParseUnitsCSV(bytes.NewReader(UnitsCSV))
		if err != nil {
			return res, fmt.Errorf("demo units: %w", err)
		}
		if _, err := s.ImportUnits(ctx, models.CommandLine, rows); err != nil {
			return res, fmt.Errorf("demo units: %w", err)
		}
		if err := loadReport(ctx, s, BocNhieu2024); err != nil {
			return res, fmt.Errorf("demo report: %w", err)
		}
		if err := Reform2025(ctx, s); err != nil {
			return res, err
		}
		// (A clock set before 2025, as some tests set it, gets no 2025 report.)
		if (models.Period{Year: 2025}).Begun(s.Now()) {
			if err := loadReport(ctx, s, TrungHoi2025); err != nil {
				return res, fmt.Errorf("demo report of 2025: %w", err)
			}
		}
		res.Loaded = true
	}
	for _, in := range []models.TokenInput{
		{Role: models.RoleAdmin, Name: tokenPrefix + "quản trị"},
		{Role: models.RoleDistrict, UnitCode: ProvinceCode, Name: tokenPrefix + "tỉnh " + ProvinceCode},
		{Role: models.RoleDistrict, UnitCode: DistrictCode, Name: tokenPrefix + "huyện " + DistrictCode},
		{Role: models.RoleCommune, UnitCode: CommuneCode, Name: tokenPrefix + "xã " + CommuneCode},
	} {
		tok, _, err := tokens.Create(ctx, models.CommandLine, app.NewToken{Input: in})
		if err != nil {
			return res, err
		}
		res.Tokens = append(res.Tokens, Token{Role: tok.Role, Unit: tok.UnitCode, Secret: tok.Token})
	}
	// The accounts: created the first time, given new passwords after (the
	// old ones were printed once and are gone).
	users, err := s.ListUsers(ctx)
	if err != nil {
		return res, err
	}
	for _, in := range demoPeople {
		exists := slices.ContainsFunc(users, func(u models.User) bool { return u.Login == in.Login })
		var pw string
		if exists {
			pw, err = app.Accounts{Store: s}.ResetPassword(ctx, models.CommandLine, in.Login, "")
		} else {
			var u models.CreatedUser
			u, err = app.Accounts{Store: s}.Create(ctx, models.CommandLine, in)
			pw = u.Password
		}
		if err != nil {
			return res, fmt.Errorf("demo account %s: %w", in.Login, err)
		}
		res.People = append(res.People, Person{Login: in.Login, Role: in.Role, Unit: in.UnitCode, Password: pw})
	}
	return res, nil
}

// Reform2025 applies the two reorganisations of 2025 to the demo's units
// (UnitsCSV, imported): on 2025-01-01 within district Định Hóa, on
// 2025-07-01 within the province, after which district 167 and xã Bộc
// Nhiêu 05596 have ended (on 2025-06-30) and xã Trung Hội 05581 is a new
// commune under the province.
func Reform2025(ctx context.Context, s *store.Store) error {
	for _, r := range []struct {
		on       string
		units, m []byte
		scope    string
	}{{"2025-01-01", unitsJan2025, mapJan2025, DistrictCode}, {"2025-07-01", unitsJul2025, mapJul2025, ProvinceCode}} {
		if err := reform(ctx, s, r.on, r.units, r.m, r.scope); err != nil {
			return fmt.Errorf("demo reform of %s: %w", r.on, err)
		}
	}
	return nil
}

func reform(ctx context.Context, s *store.Store, on string, units, m []byte, scope string) error {
	d, err := models.ParseDate(on)
	if err != nil {
		return err
	}
	rows, err := models.ParseUnitsCSV(bytes.NewReader(units))
	if err != nil {
		return err
	}
	links, err := models.ParseSuccessionsCSV(bytes.NewReader(m))
	if err != nil {
		return err
	}
	_, err = s.Reform(ctx, models.CommandLine, store.ReformInput{On: d, Units: rows, Map: links, Scope: []string{scope}})
	return err
}

// loadReport stores a report as the command line, validated as the API
// validates it.
func loadReport(ctx context.Context, s *store.Store, body []byte) error {
	var rep models.Report
	if err := models.DecodeJSON(body, &rep, models.ReportReadOnly); err != nil {
		return err
	}
	var p models.Problems
	warnings := models.CheckReport(&rep, s.Now(), &p)
	if err := p.Err("the report has errors"); err != nil {
		return err
	}
	period, _ := models.ParsePeriod(rep.Period)
	t, err := s.Tree(ctx)
	if err != nil {
		return err
	}
	unit := t.ForPeriod(rep.UnitCode, period)
	if unit == nil {
		return fmt.Errorf("no unit %s", rep.UnitCode)
	}
	canonical, hash, err := rep.Canonical()
	if err != nil {
		return err
	}
	_, err = s.Submit(ctx, &store.Submission{Principal: models.CommandLine, Unit: unit, Period: rep.Period, Status: rep.Status,
		Body: canonical, Hash: hash, Warnings: warnings, Figures: models.FiguresOf(&rep)})
	return err
}

// CommuneAccountsCSV is an accounts file (login,role,unit_code,name,email)
// with one account for each commune-level unit of Thái Nguyên after the
// reform (92), logins prefix+code: what a province's officer uploads.
func CommuneAccountsCSV(prefix string) []byte {
	rows, err := models.ParseUnitsCSV(bytes.NewReader(unitsJul2025))
	if err != nil {
		panic(err) // embedded: a broken file is a build defect
	}
	var b bytes.Buffer
	b.WriteString("login,role,unit_code,name,email\n")
	for _, r := range rows {
		if r.Kind.CommuneLevel() {
			// "Xã Trung Hội" → "Văn phòng UBND xã Trung Hội", as an official writes it.
			kind, place, _ := strings.Cut(r.Name, " ")
			fmt.Fprintf(&b, "%s%s,commune,%s,Văn phòng UBND %s %s,vanphong.%s@thainguyen.gov.vn\n", prefix, r.Code, r.Code, strings.ToLower(kind), place, r.Code)
		}
	}
	return b.Bytes()
}
