// Package urls is the one place that names and builds the web app's paths.
//
// Each page's path is a Pattern (a net/http ServeMux pattern without its
// method): the route table of package web registers these patterns, and
// the functions below build a URL by filling a pattern's wildcards with
// escaped path segments. Handlers (redirects, links in view models) and
// templates (through web's template functions) call these functions; no
// other code of the web app spells a page's path.
//
// Query strings and fragments ("?da=nhap-file", "#bieu-do") are the
// caller's: they say what happened or where to land, not which page.
package urls

import (
	"net/url"
	"strings"
)

// Pattern is a page's path as a net/http ServeMux pattern without its
// method: "/u/{code}/{period}". "{$}" ends a path exactly at its slash.
type Pattern string

// The pages' paths.
const (
	HomePattern         Pattern = "/{$}"
	StaticPattern       Pattern = "/static/"
	LoginPattern        Pattern = "/login"
	LogoutPattern       Pattern = "/logout"
	SessionPattern      Pattern = "/phien"
	SearchPattern       Pattern = "/tim-kiem"
	OverviewPattern     Pattern = "/u/{code}/{period}"
	DownloadPattern     Pattern = "/u/{code}/{period}/tai-ve/{file}"
	DeadlinePattern     Pattern = "/u/{code}/{period}/han-nop"
	RemindersPattern    Pattern = "/u/{code}/{period}/nhac-nho"
	ReportPattern       Pattern = "/r/{code}/{period}"
	ReviewPattern       Pattern = "/r/{code}/{period}/duyet"
	DiffPattern         Pattern = "/r/{code}/{period}/so-sanh"
	CommuneHomePattern  Pattern = "/xa/{$}"
	CommunePattern      Pattern = "/xa/{code}"
	CommuneFormPattern  Pattern = "/xa/{code}/{period}"
	CommuneCheckPattern Pattern = "/xa/{code}/{period}/kiem-tra"
	CommuneHistPattern  Pattern = "/xa/{code}/{period}/lich-su"
	CommuneImpPattern   Pattern = "/xa/{code}/{period}/nhap-tu-file"
	TokensPattern       Pattern = "/quan-tri/ma-truy-cap"
	TokenRevokePattern  Pattern = "/quan-tri/ma-truy-cap/{id}/thu-hoi"
	AccountsPattern     Pattern = "/quan-tri/tai-khoan"
	AccountsImpPattern  Pattern = "/quan-tri/tai-khoan/nhap-tep"
	AccountPattern      Pattern = "/quan-tri/tai-khoan/{login}/{action}"
	AccountOffPattern   Pattern = "/quan-tri/tai-khoan/{login}/khoa"
	AccountResetPattern Pattern = "/quan-tri/tai-khoan/{login}/cap-lai-mat-khau"
	AccountMovePattern  Pattern = "/quan-tri/tai-khoan/{login}/chuyen-don-vi"
)

// Mounts are the prefixes of all the pages' paths, as Echo patterns.
var Mounts = []string{"/", "/login", "/logout", "/phien", "/static/*", "/u/*", "/r/*", "/tim-kiem", "/xa/*", "/quan-tri/*"}

// Fill builds a path from the pattern: each wildcard ("{code}") in turn
// takes the next of args, escaped as one path segment; "{$}" is dropped.
// It panics when the number of args is not the number of wildcards (a
// programming error, caught by the route test).
func (p Pattern) Fill(args ...string) string {
	s := strings.TrimSuffix(string(p), "{$}")
	var b strings.Builder
	n := 0
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if n == len(args) || j < 0 {
			panic("urls: " + string(p) + " needs more arguments")
		}
		b.WriteString(s[:i])
		b.WriteString(url.PathEscape(args[n]))
		n++
		s = s[i+j+1:]
	}
	if n != len(args) {
		panic("urls: " + string(p) + " takes fewer arguments")
	}
	return b.String()
}

// Home is the start page (it sends a person to their unit).
func Home() string { return HomePattern.Fill() }

// Login is the sign-in page.
func Login() string { return LoginPattern.Fill() }

// LoginThen is the sign-in page that goes on to next (a path of this site)
// once signed in.
func LoginThen(next string) string { return Login() + "?next=" + url.QueryEscape(next) }

// Logout signs out (POST).
func Logout() string { return LogoutPattern.Fill() }

// Session is what the pages' script asks whether the session is alive.
func Session() string { return SessionPattern.Fill() }

// Search is the search of units.
func Search() string { return SearchPattern.Fill() }

// Overview is a unit's overview of a period (a district, a province).
func Overview(code, period string) string { return OverviewPattern.Fill(code, period) }

// Download is a file of the overview: file is its name ("tong-hop.xlsx").
func Download(code, period, file string) string { return DownloadPattern.Fill(code, period, file) }

// Deadline is where the overview's deadline form posts.
func Deadline(code, period string) string { return DeadlinePattern.Fill(code, period) }

// Reminders is where the overview's reminders form posts.
func Reminders(code, period string) string { return RemindersPattern.Fill(code, period) }

// Report is a commune's report of a period as the levels above read it.
func Report(code, period string) string { return ReportPattern.Fill(code, period) }

// Review is where the report's review form posts.
func Review(code, period string) string { return ReviewPattern.Fill(code, period) }

// Diff compares two revisions of a report.
func Diff(code, period string) string { return DiffPattern.Fill(code, period) }

// Unit is the page of a unit for a period: a commune's report, any other
// unit's overview.
func Unit(code, period string, communeLevel bool) string {
	if communeLevel {
		return Report(code, period)
	}
	return Overview(code, period)
}

// CommuneHome is the signed-in commune's current report form.
func CommuneHome() string { return CommuneHomePattern.Fill() }

// Commune is a commune's current report form.
func Commune(code string) string { return CommunePattern.Fill(code) }

// CommuneForm is a commune's report form of a period; the form posts here.
func CommuneForm(code, period string) string { return CommuneFormPattern.Fill(code, period) }

// CommuneCheck is the form's check while typing (JSON).
func CommuneCheck(code, period string) string { return CommuneCheckPattern.Fill(code, period) }

// CommuneHistory is the history of a commune's report.
func CommuneHistory(code, period string) string { return CommuneHistPattern.Fill(code, period) }

// CommuneImport is where the form's "Bắt đầu từ file Word" posts.
func CommuneImport(code, period string) string { return CommuneImpPattern.Fill(code, period) }

// Tokens is the admin's page of access tokens.
func Tokens() string { return TokensPattern.Fill() }

// TokenRevoke revokes a token (POST).
func TokenRevoke(id string) string { return TokenRevokePattern.Fill(id) }

// Accounts is the page of people's accounts.
func Accounts() string { return AccountsPattern.Fill() }

// AccountsImport is where a file of accounts is posted.
func AccountsImport() string { return AccountsImpPattern.Fill() }

// Account is an action on one account: GET asks to confirm it, POST does
// it; action is "khoa", "cap-lai-mat-khau" or "chuyen-don-vi".
func Account(login, action string) string { return AccountPattern.Fill(login, action) }
