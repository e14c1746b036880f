package docimport

import "regexp"

// The patterns match folded text (no diacritics, lower case). num is a
// number token as documents write it, checked afterwards by ParseNumber.
const num = `(\d[\d.,]*\d|\d)`

// cnt is a count: digits or a number word.
const cnt = `(\d[\d.,]*\d|\d|mot|hai|ba|bon|sau|bay|tam|chin|muoi)`

var moneyRe = regexp.MustCompile(num + `\s*(ty|ti|trieu|nghin|ngan)?\b(?:\s*` + num + `\s*(trieu|nghin|ngan)\b)?\s*(dong|vnd|vnđ|d)?\b`)

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

type regexpRE = regexp.Regexp
