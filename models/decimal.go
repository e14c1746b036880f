package models

import (
	"strconv"
	"strings"
)

// Decimal is an exact decimal number with at most four places, such as a
// percentage (61.31) or an area in hectares (2690.67). It is held as an
// integer count of ten-thousandths, so that sums and comparisons are exact
// (61.31 + 35.62 is 96.93, not 96.92999…) and a number comes back as it was
// sent, less any trailing zeros.
type Decimal struct {
	units int64 // value × DecimalScale
}

// DecimalScale is the number of units in one: four decimal places.
const DecimalScale = 10_000

// maxDecimal keeps value × DecimalScale, and sums of thousands of them,
// far from the int64 limit.
const maxDecimal = 100_000_000_000 // 10^11

// DecimalFromUnits returns the decimal of u ten-thousandths.
func DecimalFromUnits(u int64) Decimal { return Decimal{units: u} }

// Units is the value in ten-thousandths.
func (d Decimal) Units() int64 { return d.units }

// Places is the number of decimal places the value needs (0 to 4).
func (d Decimal) Places() int {
	u := d.units
	if u < 0 {
		u = -u
	}
	for p := 4; p > 0; p-- {
		if u%10 != 0 {
			return p
		}
		u /= 10
	}
	return 0
}

func (d Decimal) String() string {
	u := d.units
	sign := ""
	if u < 0 {
		sign, u = "-", -u
	}
	whole, frac := u/DecimalScale, u%DecimalScale
	if frac == 0 {
		return sign + strconv.FormatInt(whole, 10)
	}
	f := strings.TrimRight(strconv.FormatInt(frac+DecimalScale, 10)[1:], "0")
	return sign + strconv.FormatInt(whole, 10) + "." + f
}

func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

func (d *Decimal) UnmarshalJSON(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

var errDecimal = &MessageError{Code: MBadNumber, Text: "must be a number such as 61.31"}

// ParseDecimal reads a JSON number written in plain decimal notation with
// at most four decimal places.
func ParseDecimal(s string) (Decimal, error) {
	if s == "" || s == "null" {
		return Decimal{}, errDecimal
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || (dot && frac == "") || !digits(whole) || !digits(frac) || (len(whole) > 1 && whole[0] == '0') {
		if strings.ContainsAny(s, "eE") {
			return Decimal{}, &MessageError{Code: MNumberExponent, Text: "must be written without an exponent, such as 2690.67"}
		}
		return Decimal{}, errDecimal
	}
	if len(frac) > 4 {
		return Decimal{}, &MessageError{Code: MTooManyDecimals, Params: Params{"places": 4}, Text: "has more than 4 decimal places"}
	}
	if len(whole) > 12 {
		return Decimal{}, &MessageError{Code: MNumberTooLarge, Text: "is too large"}
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	if w > maxDecimal {
		return Decimal{}, &MessageError{Code: MNumberTooLarge, Text: "is too large"}
	}
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt((frac + "000")[:4], 10, 64)
	}
	u := w*DecimalScale + f
	if neg {
		u = -u
	}
	return Decimal{units: u}, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
