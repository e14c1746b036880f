package consolidated

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"doingoai/models"
)

// kindPrefixes are the kind words that open a unit's name, longest first.
var kindPrefixes = models.UnitNamePrefixes

// placeName is a unit's name without its kind: "Định Hóa" for "Huyện Định
// Hóa".
func placeName(name string) string { return models.PlaceName(name) }

// lowerKind writes a unit's name as inside a sentence: "huyện Định Hóa".
func lowerKind(name string) string {
	for _, p := range kindPrefixes {
		if strings.HasPrefix(name, p) {
			return strings.ToLower(p) + strings.TrimPrefix(name, p)
		}
	}
	return name
}

// kindWord is the kind of a unit as its name says it: "huyện".
func kindWord(name string) string {
	for _, p := range kindPrefixes {
		if strings.HasPrefix(name, p) {
			return strings.ToLower(strings.TrimSpace(p))
		}
	}
	return "địa phương"
}

func ubnd(u *models.TreeUnit) string {
	if u.Kind == models.KindCountry {
		return "cơ quan báo cáo"
	}
	return "UBND " + lowerKind(u.Name)
}

func issuer(u *models.TreeUnit) string {
	if u.Kind == models.KindCountry {
		return "[CƠ QUAN BÁO CÁO]"
	}
	return "UBND " + strings.ToUpper(u.Name)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// nextPhrase is the period the plan is for: the second half after the
// first, else the next year.
func nextPhrase(p models.Period) string {
	if p.Half == 1 {
		return models.Period{Year: p.Year, Half: 2}.Phrase()
	}
	return models.Period{Year: p.Year + 1}.Phrase()
}

func summary(p models.Period) string {
	return fmt.Sprintf("Kết quả công tác đối ngoại %s; phương hướng, nhiệm vụ %s", p.Phrase(), nextPhrase(p))
}

// Number formats a value the Vietnamese way: 1.169; 2.690,67; 5,13.
func Number(a *models.Amount) string {
	if a == nil {
		return "–"
	}
	return models.FormatVNNumber(a.String())
}

func int64Amount(v int64) *models.Amount {
	var a models.Amount
	_ = a.UnmarshalJSON([]byte(fmt.Sprint(v)))
	return &a
}

// isZero tells whether an amount is zero.
func isZero(a *models.Amount) bool { return a != nil && a.Float() == 0 }

// names lists communes as a sentence names them, all of them up to a
// limit: "xã Bộc Nhiêu, xã Phú Tiến".
func names(us []models.UnitRef, limit int) string {
	parts := make([]string, 0, min(len(us), limit))
	for i, u := range us {
		if i == limit {
			return strings.Join(parts, ", ") + fmt.Sprintf(" và %d đơn vị khác", len(us)-limit)
		}
		parts = append(parts, lowerKind(u.Name))
	}
	return strings.Join(parts, ", ")
}
