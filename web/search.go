package web

import (
	"net/http"
	"strings"

	"doingoai/models"
	"doingoai/web/urls"
)

type searchData struct {
	Query   string
	Period  string
	Results []searchResult
	More    bool
}

type searchResult struct {
	Name, Code, Kind, Parent, Href string
	Retired                        bool
}

const maxSearchResults = 100

// search finds units by name or code within the person's scope, ignoring
// diacritics and case the way GET /units?q= does (models.Fold on both
// sides, the name containing the query, or the code equal to it).
func (a *App) search(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if models.TextLen(q) > 200 {
		q = string([]rune(q)[:200])
	}
	period, err := a.latestPeriod(r)
	if err != nil {
		return err
	}
	if per := r.URL.Query().Get("ky"); per != "" {
		if _, err := models.ParsePeriod(per); err == nil {
			period = per
		}
	}
	t, err := a.Store.Tree(r.Context())
	if err != nil {
		return err
	}
	d := searchData{Query: q, Period: period}
	if q != "" {
		root := t.Root
		if p.Role != models.RoleAdmin {
			root = t.Unit(p.UnitID)
		}
		folded := models.Fold(q)
		var walk func(u *models.TreeUnit)
		walk = func(u *models.TreeUnit) {
			if len(d.Results) > maxSearchResults {
				return
			}
			if u.Code == q || strings.Contains(models.Fold(u.Name), folded) {
				res := searchResult{Name: u.Name, Code: u.Code, Kind: kindName(u.Kind), Retired: !u.ValidTo.IsZero(),
					Href: urls.Unit(u.Code, period, u.Kind.CommuneLevel())}
				if u.Parent != nil {
					res.Parent = u.Parent.Name
				}
				d.Results = append(d.Results, res)
			}
			for _, c := range u.Children {
				walk(c)
			}
		}
		if root != nil {
			walk(root)
		}
		if len(d.Results) > maxSearchResults {
			d.Results, d.More = d.Results[:maxSearchResults], true
		}
	}
	a.render(w, r, http.StatusOK, "search.html", pageData{Title: "Tìm đơn vị", Data: d})
	return nil
}
