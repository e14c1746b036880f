package web

// Test hooks of the commune's form for the tests of package web_test.

// ReportToForm fills the form's inputs from a report's JSON.
func ReportToForm(body []byte) (map[string]string, error) { return reportToForm(body) }

// FieldID is the id of the page's element for a field path.
func FieldID(path string) string { return fieldID(path) }
