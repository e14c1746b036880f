package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"doingoai/app"
	"doingoai/models"
	"doingoai/web/urls"
)

// vietnam is the time zone every date and time of the pages is shown in.
var vietnam = time.FixedZone("ICT", 7*3600)

// funcs are the template functions of every page, all of them.
var funcs = template.FuncMap{
	"amount":            fmtAmount,
	"int":               fmtInt,
	"intp":              fmtIntPtr,
	"dec":               fmtDecimalPtr,
	"date":              fmtDate,
	"datep":             fmtDatePtr,
	"time":              fmtTime,
	"timep":             fmtTimePtr,
	"status":            statusName,
	"statusCls":         statusClass,
	"kind":              kindName,
	"placeName":         models.PlaceName,
	"asset":             func(m map[string]string, name string) string { return m[name] },
	"role":              roleName,
	"mayManageAccounts": func(p models.Principal) bool { return app.MayManageAny(p) },
	"mayManageTokens":   func(p models.Principal) bool { return (app.Tokens{}).May(p) == nil },
	// The pages' URLs (package urls, the one place that builds them).
	"overviewURL":       urls.Overview,
	"downloadURL":       urls.Download,
	"deadlineURL":       urls.Deadline,
	"reportURL":         urls.Report,
	"reviewURL":         urls.Review,
	"diffURL":           urls.Diff,
	"communeFormURL":    urls.CommuneForm,
	"communeCheckURL":   urls.CommuneCheck,
	"communeHistoryURL": urls.CommuneHistory,
	"communeImportURL":  urls.CommuneImport,
	"homeURL":           urls.Home,
	"searchURL":         urls.Search,
	"loginURL":          urls.Login,
	"logoutURL":         urls.Logout,
	"sessionURL":        urls.Session,
	"tokensURL":         urls.Tokens,
	"tokenRevokeURL":    func(id int64) string { return urls.TokenRevoke(strconv.FormatInt(id, 10)) },
	"accountsURL":       urls.Accounts,
	"accountsImportURL": urls.AccountsImport,
	"accountURL":        urls.Account,
	"add":               func(a, b int) int { return a + b },
	"mul10":             func(n int) int { return n * 10 },
	"list":              func(v ...any) []any { return v },
	"paras":             paragraphs,
	// isTrue reads a yes/no that may be unknown (nil): a pointer is
	// always true to {{if}}, its value is not.
	"isTrue": func(b *bool) bool { return b != nil && *b },
	"office": officeOf,
	"who":    actorName,
	"fig": func(label, value string, warnings map[string][]string, key string) figure {
		return figure{Label: label, Value: value, Warn: warnings[key], Field: key}
	},
	"pct": func(n, of int) int {
		if of <= 0 {
			return 0
		}
		return n * 100 / of
	},
}

// fmtAmount shows a rollup value; "—" where no commune reported it (never
// 0).
func fmtAmount(a *models.Amount) string {
	if a == nil {
		return "—"
	}
	return models.FormatVNNumber(a.String())
}

func fmtInt(n int) string { return models.FormatVNInt(int64(n)) }

func fmtIntPtr(n *int64) string {
	if n == nil {
		return "—"
	}
	return models.FormatVNInt(*n)
}

func fmtDecimalPtr(d *models.Decimal) string {
	if d == nil {
		return "—"
	}
	return models.FormatVNNumber(d.String())
}

func fmtDate(d models.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.DayMonthYear()
}

// shownValue is a stored value as a page shows it: a date (2025-12-15)
// as 15/12/2025, anything else as it is.
func shownValue(s string) string {
	if d, err := models.ParseDate(s); err == nil && len(s) == len("2025-12-15") {
		return fmtDate(d)
	}
	return s
}

// officeOf is the people's committee of a unit as documents name it:
// "UBND xã Trung Hội", the kind in lower case after UBND.
func officeOf(name string) string { return models.Office(name) }

// actorName is who did something, as the pages say it: what was done on
// the server itself is the system administrator's.
func actorName(s string) string {
	if s == models.CommandLine.Name {
		return "Quản trị hệ thống (trên máy chủ)"
	}
	return s
}

func fmtDatePtr(d *models.Date) string {
	if d == nil {
		return "—"
	}
	return fmtDate(*d)
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(vietnam).Format("02/01/2006 15:04")
}

func fmtTimePtr(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return fmtTime(*t)
}

// statusName is a report status as the pages say it.
func statusName(s string) string {
	switch s {
	case models.StatusMissing:
		return "Chưa báo cáo"
	case models.StatusDraft:
		return "Bản nháp"
	case models.StatusSubmitted:
		return "Đã gửi, chờ duyệt"
	case models.StatusAccepted:
		return "Đã duyệt"
	case models.StatusReturned:
		return "Trả lại"
	}
	return s
}

func statusClass(s string) string { return "st-" + s }

func kindName(k models.UnitKind) string {
	switch k {
	case models.KindCountry:
		return "Cả nước"
	case models.KindProvince:
		return "Tỉnh, thành phố"
	case models.KindDistrict:
		return "Huyện"
	case models.KindCommune:
		return "Xã"
	case models.KindWard:
		return "Phường"
	case models.KindTown:
		return "Thị trấn"
	case models.KindSpecialZone:
		return "Đặc khu"
	}
	return string(k)
}

// signedAmount writes a change (models.AmountChange) with its sign ("+3",
// "−1,25", "0"), or "" for none (a figure missing on either side).
func signedAmount(a *models.Amount) string {
	if a == nil {
		return ""
	}
	switch s := a.String(); {
	case s == "0":
		return "0"
	case strings.HasPrefix(s, "-"):
		return "−" + models.FormatVNNumber(s[1:])
	default:
		return "+" + models.FormatVNNumber(s)
	}
}

// daysLeft is the number of days from today (Vietnam time) to due.
func daysLeft(due models.Date, now time.Time) int {
	today := models.DateOf(now.In(vietnam))
	return int(due.StartInVietnam().Sub(today.StartInVietnam()).Hours() / 24)
}

// figure is one labelled figure of a report, with its warnings and its
// field path (a data-field hook that tests read the page by).
type figure struct {
	Label, Value, Field string
	Warn                []string
}

// paragraphs writes text as paragraphs, one per line of it, escaped.
func paragraphs(s string) template.HTML {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("<p>")
			b.WriteString(template.HTMLEscapeString(line))
			b.WriteString("</p>")
		}
	}
	return template.HTML(b.String())
}
