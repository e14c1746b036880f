package store

// The error classifiers, for the tests of package store_test.
var (
	IsUniqueViolation = isUniqueViolation
	IsRetryable       = isRetryable
	IsOverflow        = isOverflow
	IsOverlap         = isOverlap
)

// Bind is bind for a store of the dialect.
func Bind(d Dialect, query string) string { return (&Store{dialect: d}).bind(query) }
