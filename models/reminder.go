package models

import (
	"strings"
	"time"
)

// MaxReminderMessage is the most characters of a reminder's message.
const MaxReminderMessage = 2000

// ReminderInput is the body of POST /reminders: remind the communes below
// a unit that have not sent a period's report, or whose report was
// returned.
type ReminderInput struct {
	UnitCode string `json:"unit_code" example:"167" validate:"required"` // a district or province (or the country), or one commune
	Period   string `json:"period" example:"2024" validate:"required"`
	// Words of the officer added to the reminder (optional).
	Message string `json:"message" example:"Đề nghị UBND xã gửi báo cáo trước ngày 25/11/2024." maxLength:"2000"`
}

// Validate checks a reminder's body.
func (in *ReminderInput) Validate(p *Problems) {
	in.Message = NFC(in.Message)
	if in.UnitCode == "" {
		p.AddCode("unit_code", FRequired, "is required")
	}
	if in.Period == "" {
		p.AddCode("period", FRequired, "is required")
	} else if _, err := ParsePeriod(in.Period); err != nil {
		p.AddCode("period", FBadFormat, err.Error())
	}
	CheckText(p, "message", in.Message, MaxReminderMessage)
}

// Email outcomes of a reminder, per account that has an address.
const (
	EmailPending = "pending" // handed to the sender, no answer yet
	EmailSent    = "sent"    // the SMTP server accepted it
	EmailFailed  = "failed"  // the SMTP server refused it or could not be reached
)

// ReminderEmail is the email of a reminder to one account of the commune.
type ReminderEmail struct {
	Login   string `json:"login" example:"xa05596" validate:"required"`
	Address string `json:"address" example:"vanphong.bocnhieu@thainguyen.gov.vn" validate:"required"`
	Status  string `json:"status" enums:"pending,sent,failed" example:"sent" validate:"required"`
	// Why it failed, in the SMTP server's (or the network's) words.
	Error string `json:"error,omitempty" example:"dial tcp 127.0.0.1:25: connect: connection refused"`
}

// Reminder tells a commune that its report of a period is awaited.
type Reminder struct {
	ID         int64     `json:"id" example:"12" validate:"required"`
	UnitCode   string    `json:"unit_code" example:"05596" validate:"required"`
	UnitName   string    `json:"unit_name" example:"Xã Bộc Nhiêu" validate:"required"`
	Period     string    `json:"period" example:"2024" validate:"required"`
	FromCode   string    `json:"from_unit_code" example:"167" validate:"required"` // the unit the officer reminded from
	Message    string    `json:"message" example:"Đề nghị UBND xã gửi báo cáo trước ngày 25/11/2024." validate:"required"`
	RemindedBy string    `json:"reminded_by" example:"Nguyễn Văn An (huyen167)" validate:"required"`
	RemindedAt time.Time `json:"reminded_at" format:"date-time" example:"2024-11-20T08:04:05Z" validate:"required"`
	// The commune's report status when reminded: missing, draft or returned.
	Status string `json:"status" enums:"missing,draft,returned" example:"missing" validate:"required"`
	// One per account of the commune that has an email address, when the
	// service sends email (SMTP_URL); empty otherwise.
	Emails []ReminderEmail `json:"emails" validate:"required"`
}

// EmailFailures counts the emails of the reminder that failed.
func (r Reminder) EmailFailures() int {
	n := 0
	for _, e := range r.Emails {
		if e.Status == EmailFailed {
			n++
		}
	}
	return n
}

// ReminderList is the answer of GET and POST /reminders, newest first.
type ReminderList struct {
	Items []Reminder `json:"items" validate:"required"`
	Total int        `json:"total" example:"3" validate:"required"`
}

// Office is the people's committee of a unit as documents name it:
// "UBND xã Trung Hội", the kind in lower case after UBND.
func Office(name string) string {
	for _, kind := range UnitNamePrefixes {
		if rest, ok := strings.CutPrefix(name, kind); ok {
			return "UBND " + strings.ToLower(kind) + rest
		}
	}
	return "UBND " + name
}
