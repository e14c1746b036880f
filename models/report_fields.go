package models

// The checks of one field of a report, each recording (when asked) its rule
// and its limits, for RULES.md and the OpenAPI document's test, before it
// looks at the value.

func (c *checker) count(at string, v *int64, max int64) {
	if c.recording() {
		c.rule(at, "a whole number from 0 to %s", group(max))
		c.limit(at, "minimum", 0)
		c.limit(at, "maximum", max)
	}
	if v == nil {
		return
	}
	switch {
	case *v < 0:
		c.p.AddMsg(at, FOutOfRange, MNegative, nil, "must not be negative")
	case *v > max:
		c.p.AddMsg(at, FOutOfRange, MAboveMax, Params{"value": *v, "max": max}, "is %d; more than %s cannot be right", *v, group(max))
	}
}

func (c *checker) percent(at string, v *Decimal) {
	c.rule(at, "a percentage from 0 to 100, at most two decimals")
	c.limit(at, "minimum", 0)
	c.limit(at, "maximum", 100)
	if v == nil {
		return
	}
	switch {
	case v.Units() < 0 || v.Units() > 100*DecimalScale:
		c.p.AddMsg(at, FOutOfRange, MPercentRange, Params{"value": *v}, "is %s; a percentage is between 0 and 100", v)
	case v.Places() > 2:
		c.p.AddMsg(at, FTooPrecise, MPercentDecimals, Params{"value": *v}, "is %s; a percentage has at most two decimals", v)
	}
}

func (c *checker) decimal(at string, v *Decimal, max int64, places int) {
	if c.recording() {
		c.rule(at, "a number from 0 to %s, at most %d decimals", group(max), places)
		c.limit(at, "minimum", 0)
		c.limit(at, "maximum", max)
	}
	if v == nil {
		return
	}
	switch {
	case v.Units() < 0:
		c.p.AddMsg(at, FOutOfRange, MNegative, nil, "must not be negative")
	case v.Units() > max*DecimalScale:
		c.p.AddMsg(at, FOutOfRange, MAboveMax, Params{"value": *v, "max": max}, "is %s; more than %s cannot be right", v, group(max))
	case v.Places() > places:
		c.p.AddMsg(at, FTooPrecise, MTooManyDecimals, Params{"places": places}, "has more than %d decimals", places)
	}
}

func (c *checker) required(at, s string) { c.requiredMax(at, s, MaxText) }

// requiredMax checks a text that must be given and is at most max
// characters long.
func (c *checker) requiredMax(at, s string, max int) {
	if c.recording() {
		c.rule(at, "required; at most %s characters", group(int64(max)))
		c.limit(at, "required", 1)
		c.limit(at, "minLength", 1)
		c.limit(at, "maxLength", int64(max))
	}
	if s == "" {
		c.p.AddMsg(at, FRequired, MRequired, nil, "is required")
		return
	}
	CheckText(c.p, at, s, max)
}

func (c *checker) text(at, s string) { c.textMax(at, s, MaxText) }

// textMax checks an optional text of at most max characters.
func (c *checker) textMax(at, s string, max int) {
	if c.recording() {
		c.rule(at, "at most %s characters", group(int64(max)))
		c.limit(at, "maxLength", int64(max))
	}
	CheckText(c.p, at, s, max)
}

func (c *checker) narrative(section, s string) {
	c.textMax(Path(section, "narrative"), s, MaxNarrative)
}

func (c *checker) listLen(at string, n, max int) {
	if c.recording() {
		c.rule(at, "at most %s entries", group(int64(max)))
		c.limit(at, "maxItems", int64(max))
	}
	if n > max {
		c.p.AddMsg(at, FTooMany, MTooManyEntries, Params{"entries": n, "max": max}, "has %d entries; at most %d are allowed", n, max)
	}
}

func (c *checker) dateOrder(at string, start, end *Date) {
	if c.recording() {
		c.rule(Path(at, "end_on"), "not before start_on")
	}
	if start != nil && end != nil && end.Before(*start) {
		c.p.AddMsg(Path(at, "end_on"), FDateOrder, MDateOrder, Params{"end_on": *end, "start_on": *start}, "%s is before start_on %s", end, start)
	}
}
