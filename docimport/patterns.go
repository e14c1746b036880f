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
// and no clause boundary, except a year ("năm 2024") in between.
func gap(n int) string {
	return `(?:[^;\d]|\bnam \d{4}\b){0,` + itoa(int64(n)) + `}?`
}
