package handlers

// MaxIdempotencyKey is the longest Idempotency-Key accepted, in bytes of
// printable ASCII.
const MaxIdempotencyKey = 255

// PageLimit is the page size of a listing: per_page when left out, and the
// largest per_page allowed.
type PageLimit struct {
	Listing      string
	Default, Max int
}

// PageLimits are the listings' page sizes (RULES.md is generated from them).
var PageLimits = []PageLimit{
	{"GET /api/v1/units", unitsPerPage, maxUnitsPerPage},
	{"GET /api/v1/reports", reportsPerPage, maxReportsPerPage},
	{"GET /api/v1/audit", auditPerPage, maxAuditPerPage},
	{"GET /api/v1/completeness (its units)", completenessPerPage, maxCompletenessPerPage},
}
