package docimport

import "doingoai/models"

// visibleLines returns the lines without invisible and bidirectional
// control characters (models.Invisible), copying only when there is one.
func visibleLines(raw []string) []string {
	var out []string
	for i, l := range raw {
		v := models.StripInvisible(l)
		if v != l && out == nil {
			out = append(make([]string, 0, len(raw)), raw[:i]...)
		}
		if out != nil {
			out = append(out, v)
		}
	}
	if out == nil {
		return raw
	}
	return out
}
