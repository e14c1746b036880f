package docimport

import "regexp"

// The patterns match folded text (no diacritics, lower case). num is a
// number token as documents write it, checked afterwards by ParseNumber.
const num = `(\d[\d.,]*\d|\d)`

// cnt is a count: digits or a number word.
const cnt = `(\d[\d.,]*\d|\d|mot|hai|ba|bon|sau|bay|tam|chin|muoi)`

// moneyRe is an amount with its unit: "1,2 tỷ (đồng)", "1 tỷ 200 triệu
// đồng", "2.500.000.000 đồng". A bare number is not money.
var moneyRe = regexp.MustCompile(num + `\s*(?:(ty|ti|trieu|nghin|ngan)\b(?:\s*` + num + `\s*(trieu|nghin|ngan)\b)?\s*(dong|vnd|d)?|(dong|vnd|d))\b`)

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

type regexpRE = regexp.Regexp

// gap matches up to n characters between a word and its number: no digit
// and no clause boundary, except a year ("năm 2024"), a span of years, a
// date or an amount in another currency in between.
func gap(n int) string {
	return `(?:[^;\d]|\bnam \d{4}\b|` + yearRangeRe + `|` + dateRe + `|` + foreignAmountRe + `){0,` + itoa(int64(n)) + `}?`
}

// dateRe is a date ("30/11/2024", "ngày 30 tháng 11 năm 2025"),
// foreignAmountRe an amount in another currency ("60.000 USD"): neither
// is the amount in đồng that may follow them ("… (tương đương 1.524.000.000 đồng)").
const (
	yearRangeRe     = `\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b` // "giai đoạn 2024 - 2025"
	dateRe          = `\bngay \d{1,2} thang \d{1,2}(?: nam \d{4})?\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}/\d{4}\b|\bthang \d{1,2}\b|\b\d{1,2} thang\b|\bquy [i1-4v]+\b`
	foreignAmountRe = `\b\d[\d.,]*\s*(?:usd|do la(?: my| uc| canada| singapore)?|eur|euro|yen|won|aud|cad|gbp|chf|jpy|krw|sgd|bang anh|franc thuy si|nhan dan te)\b`
)
