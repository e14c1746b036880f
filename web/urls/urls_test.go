package urls

import "testing"

// TestFillEscapesEachSegment: a wildcard takes one path segment, escaped,
// whatever the value holds; "{$}" leaves the slash.
func TestFillEscapesEachSegment(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Overview("167", "2024"), "/u/167/2024"},
		{Overview("a b/c?d#e", "2024-Q1"), "/u/a%20b%2Fc%3Fd%23e/2024-Q1"},
		{Report("05596", "2024"), "/r/05596/2024"},
		{Download("167", "2024", "tong-hop.xlsx"), "/u/167/2024/tai-ve/tong-hop.xlsx"},
		{CommuneHome(), "/xa/"},
		{Commune("05596"), "/xa/05596"},
		{CommuneHistory("05596", "2024"), "/xa/05596/2024/lich-su"},
		{Home(), "/"},
		{Account("nguyễn.an", "khoa"), "/quan-tri/tai-khoan/nguy%E1%BB%85n.an/khoa"},
		{TokenRevoke("7"), "/quan-tri/ma-truy-cap/7/thu-hoi"},
		{LoginThen("/u/167/2024?chi-tieu=households"), "/login?next=%2Fu%2F167%2F2024%3Fchi-tieu%3Dhouseholds"},
		{Unit("05596", "2024", true), "/r/05596/2024"},
		{Unit("167", "2024", false), "/u/167/2024"},
	} {
		if c.got != c.want {
			t.Errorf("built %q, want %q", c.got, c.want)
		}
	}
}

// TestFillCountsItsArguments: a pattern filled with too few or too many
// values is a programming error, not a wrong link.
func TestFillCountsItsArguments(t *testing.T) {
	for _, args := range [][]string{{"167"}, {"167", "2024", "x"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Fill(%q) of %s did not panic", args, OverviewPattern)
				}
			}()
			OverviewPattern.Fill(args...)
		}()
	}
}
