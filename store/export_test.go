package store

// The error classifiers, for the tests of package store_test.
var (
	IsUniqueViolation = isUniqueViolation
	IsRetryable       = isRetryable
	IsOverflow        = isOverflow
)
