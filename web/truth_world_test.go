package web_test

// The generated worlds of TestPagesSayWhatTheAPISays: a province with
// districts and communes, a reorganisation on 1 July 2025 (whole mergers,
// a commune divided between two new ones, codes reused by the new units),
// and a reporting year over three periods — drafts, submissions, returns
// with a comment, resubmissions, acceptances, and due dates, some passed.

import (
	"fmt"
	"maps"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"time"

	"doingoai/models"
)

// The province of every world; its code names no real province.
const (
	worldProvince     = "77"
	worldProvinceName = "Tỉnh Thử Nghiệm"
)

// worldNames are the names communes are drawn from (with diacritics, so
// that search without them is tried).
var worldNames = []string{"An Khánh", "Bình Thuận", "Cẩm Lý", "Đồng Tâm", "Hòa Bình", "Hợp Tiến", "Kim Sơn",
	"Lạc Hồng", "Minh Đức", "Nghĩa Phương", "Phú Xuân", "Quảng Lợi", "Sơn Hà", "Tân Lập", "Thanh Lương",
	"Trường Xuân", "Vĩnh Hưng", "Xuân Trường", "Yên Ninh", "Ôn Lương", "Điềm Mặc", "Bảo Linh"}

// worldPeriods are the periods a world reports for, in order; the new tree
// begins between the second and the third.
var worldPeriods = []string{"2024", "2025S1", "2025"}

// worldNow is when the pages are read: after every period's due date but
// one (2025's may still be ahead).
var worldNow = time.Date(2025, 12, 22, 10, 0, 0, 0, models.Vietnam)

type wUnit struct {
	Code, Name string
	Kind       models.UnitKind
}

type wDistrict struct {
	wUnit
	Communes []wUnit
}

// wMerge is a new unit of 1 July 2025: the old communes that went whole
// into it, and the code it takes (one of theirs).
type wMerge struct {
	wUnit
	Olds []string
}

// event is one thing a person does, at a time: a report saved as a draft
// or sent (with its figures), reviewed, or a due date set.
type event struct {
	At       time.Time
	Action   string // draft, submit, accept, return, deadline
	Unit     string
	Period   string
	Figures  map[string]any // draft, submit: the counted figures (nil is JSON null)
	Comment  string         // return
	Due      models.Date    // deadline
	Revision int            // accept, return: the revision reviewed (for the log)
}

// world is one generated reporting year.
type world struct {
	Seed      int64
	Districts []wDistrict
	Kept      []wUnit  // communes that go on after the reform, moved under the province
	Merges    []wMerge // new units that took whole communes
	Divided   wUnit    // the commune divided between Merges[0] and Merges[1]
	Events    []event
}

// Generate makes a world (testing/quick's hook).
func (world) Generate(r *rand.Rand, _ int) reflect.Value {
	w := world{Seed: r.Int63()}
	names := slices.Clone(worldNames)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	next := 0
	var old []wUnit
	nd := 2 + r.Intn(2)
	for d := 0; d < nd; d++ {
		dist := wDistrict{wUnit: wUnit{Code: fmt.Sprintf("%s%d", worldProvince, d+1), Name: "Huyện " + names[next], Kind: models.KindDistrict}}
		next++
		nc := 2 + r.Intn(3)
		for c := 0; c < nc; c++ {
			kind, word := models.KindCommune, "Xã "
			switch r.Intn(6) {
			case 0:
				kind, word = models.KindTown, "Thị trấn "
			case 1:
				kind, word = models.KindWard, "Phường "
			}
			u := wUnit{Code: fmt.Sprintf("%s%d%02d", worldProvince, d+1, c+1), Name: word + names[next], Kind: kind}
			next++
			dist.Communes = append(dist.Communes, u)
			old = append(old, u)
		}
		w.Districts = append(w.Districts, dist)
	}
	// The reform: one commune divided, two mergers that share it, the rest
	// merged in twos or threes or kept.
	r.Shuffle(len(old), func(i, j int) { old[i], old[j] = old[j], old[i] })
	w.Divided, old = old[0], old[1:]
	for len(old) > 0 {
		n := 1 + r.Intn(3)
		if len(w.Merges) < 2 {
			n = 2
		}
		n = min(n, len(old))
		group := old[:n]
		old = old[n:]
		if n == 1 && len(w.Merges) >= 2 {
			k := group[0]
			if k.Kind == models.KindTown {
				k.Kind, k.Name = models.KindCommune, "Xã "+strings.TrimPrefix(k.Name, "Thị trấn ")
			}
			w.Kept = append(w.Kept, k)
			continue
		}
		kind, word := models.KindCommune, "Xã "
		if r.Intn(3) == 0 {
			kind, word = models.KindWard, "Phường "
		}
		m := wMerge{wUnit: wUnit{Code: group[0].Code, Name: word + names[next%len(names)] + " Mới", Kind: kind}}
		next++
		for _, g := range group {
			m.Olds = append(m.Olds, g.Code)
		}
		w.Merges = append(w.Merges, m)
	}
	w.Events = w.generateEvents(r)
	return reflect.ValueOf(w)
}

// oldCommunes are the commune-level units until 30 June 2025.
func (w world) oldCommunes() []wUnit {
	var out []wUnit
	for _, d := range w.Districts {
		out = append(out, d.Communes...)
	}
	return out
}

// newCommunes are the commune-level units from 1 July 2025.
func (w world) newCommunes() []wUnit {
	out := slices.Clone(w.Kept)
	for _, m := range w.Merges {
		out = append(out, m.wUnit)
	}
	return out
}

// communesOf are the units that report for a period.
func (w world) communesOf(period string) []wUnit {
	if period == "2025" {
		return w.newCommunes()
	}
	return w.oldCommunes()
}

// window is when a period's reports are sent: [from, from+days).
func window(period string) (time.Time, int) {
	switch period {
	case "2024":
		return time.Date(2024, 12, 2, 8, 0, 0, 0, models.Vietnam), 20
	case "2025S1":
		return time.Date(2025, 7, 2, 8, 0, 0, 0, models.Vietnam), 16
	}
	return time.Date(2025, 12, 1, 8, 0, 0, 0, models.Vietnam), 20
}

func (w world) generateEvents(r *rand.Rand) []event {
	var evs []event
	at := func(period string, afterDays int) time.Time {
		from, days := window(period)
		d := afterDays + r.Intn(max(1, days-afterDays))
		return from.Add(time.Duration(d)*24*time.Hour + time.Duration(r.Intn(9*3600))*time.Second)
	}
	for _, period := range worldPeriods {
		from, days := window(period)
		// A due date: on the province, or on a district (old tree only), or
		// none; somewhere in the window (so some are late), or after it.
		if k := r.Intn(4); k > 0 {
			due := models.DateOf(from.Add(time.Duration(r.Intn(days+12)) * 24 * time.Hour))
			unit := worldProvince
			if k == 2 && period != "2025" {
				unit = w.Districts[r.Intn(len(w.Districts))].Code
			}
			evs = append(evs, event{At: from.Add(-24 * time.Hour), Action: "deadline", Unit: unit, Period: period, Due: due})
		}
		for _, c := range w.communesOf(period) {
			switch k := r.Intn(10); {
			case k < 2: // nothing
			case k < 3: // a draft only
				evs = append(evs, event{At: at(period, 0), Action: "draft", Unit: c.Code, Period: period, Figures: figures(r)})
			default:
				t := at(period, 0)
				if r.Intn(3) == 0 {
					evs = append(evs, event{At: t, Action: "draft", Unit: c.Code, Period: period, Figures: figures(r)})
					t = t.Add(time.Hour)
				}
				evs = append(evs, event{At: t, Action: "submit", Unit: c.Code, Period: period, Figures: figures(r)})
				t = t.Add(time.Duration(1+r.Intn(48)) * time.Hour)
				switch r.Intn(4) {
				case 0: // waits
				case 1:
					evs = append(evs, event{At: t, Action: "accept", Unit: c.Code, Period: period})
				default:
					evs = append(evs, event{At: t, Action: "return", Unit: c.Code, Period: period, Comment: "Đề nghị xã kiểm tra lại số liệu mục " + fmt.Sprint(1+r.Intn(13))})
					if r.Intn(3) > 0 {
						t = t.Add(time.Duration(1+r.Intn(48)) * time.Hour)
						evs = append(evs, event{At: t, Action: "submit", Unit: c.Code, Period: period, Figures: figures(r)})
						if r.Intn(2) == 0 {
							evs = append(evs, event{At: t.Add(2 * time.Hour), Action: "accept", Unit: c.Code, Period: period})
						}
					}
				}
			}
		}
	}
	// A commune that ended tries to send 2025 all the same.
	for _, code := range slices.Sorted(maps.Keys(w.endedCommunes())) {
		if r.Intn(2) == 0 {
			evs = append(evs, event{At: at("2025", 0), Action: "ended", Unit: code, Period: "2025", Figures: figures(r)})
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.At.Compare(b.At) })
	return evs
}

// count is a generated count: unreported (null), "none" (0), or a number.
func count(r *rand.Rand, most int) any {
	switch k := r.Intn(10); {
	case k < 2:
		return nil
	case k < 4:
		return 0
	}
	return 1 + r.Intn(most)
}

// figures are a report's counted figures, by path.
func figures(r *rand.Rand) map[string]any {
	f := map[string]any{}
	for _, p := range []string{"delegations.outbound.count", "delegations.outbound.people", "delegations.inbound_domestic.count",
		"delegations.inbound_foreign.count", "delegations.inbound_foreign.people", "international_agreements.count",
		"international_conferences.count", "consular.foreign_residents", "consular.foreigner_incidents",
		"consular.citizens_exited", "overseas_vietnamese.labor_export_workers", "training.officials_trained",
		"foreign_awards_received.count", "award_nominations.count"} {
		f[p] = count(r, 40)
	}
	if r.Intn(5) == 0 {
		f["profile.population"], f["profile.households"], f["profile.poor_households"], f["profile.near_poor_households"] = nil, nil, nil, nil
	} else {
		pop := 800 + r.Intn(15000)
		hh := pop / (3 + r.Intn(3))
		f["profile.population"], f["profile.households"] = pop, hh
		f["profile.poor_households"], f["profile.near_poor_households"] = count(r, hh/4), count(r, hh/4)
	}
	if r.Intn(4) == 0 {
		f["profile.income_per_capita_vnd"] = nil
	} else {
		f["profile.income_per_capita_vnd"] = (20 + r.Intn(60)) * 1_000_000
	}
	f["profile.ethnic_minority_share_pct"] = []any{nil, 0, float64(r.Intn(10001)) / 100}[r.Intn(3)]
	f["profile.area_ha"] = []any{nil, float64(500+r.Intn(500000)) / 100}[r.Intn(2)]
	f["profile.party_members"] = count(r, 500)
	return f
}

// String is the world as a person would describe it, for a failure.
func (w world) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "world %d: province %s\n", w.Seed, worldProvince)
	for _, d := range w.Districts {
		fmt.Fprintf(&b, "  %s %s:", d.Code, d.Name)
		for _, c := range d.Communes {
			fmt.Fprintf(&b, " %s %s;", c.Code, c.Name)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "  on 2025-07-01: %s divided between %s and %s\n", w.Divided.Code, w.Merges[0].Code, w.Merges[1].Code)
	for _, m := range w.Merges {
		fmt.Fprintf(&b, "  %s %s = %v (whole)\n", m.Code, m.Name, m.Olds)
	}
	for _, k := range w.Kept {
		fmt.Fprintf(&b, "  %s %s goes on\n", k.Code, k.Name)
	}
	for _, e := range w.Events {
		fmt.Fprintf(&b, "  %s %s %s/%s", e.At.Format("2006-01-02 15:04"), e.Action, e.Unit, e.Period)
		if e.Action == "deadline" {
			fmt.Fprintf(&b, " due %s", e.Due)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }
