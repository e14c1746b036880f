package store

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"doingoai/models"
)

// Warnings stored by releases before message codes had params (a code and
// an English message, no "params") show in English on the pages, for the
// catalogue's words name figures they do not have. giveWarningsParams
// gives them their params, in the data, once: an upgrade step
// (upgrade_steps.go).

// legacyWarningsPage is how many revisions are read at a time.
const legacyWarningsPage = 200

// legacyOutlier is the English message of WarnOutlier as the releases
// before params wrote it: indicator, value, previous, period
// ("delegations_in_domestic is 1,200, more than ten times the 6 reported
// for 2023"). A fixed old format, read here once per stored warning.
var legacyOutlier = regexp.MustCompile(`^([a-z0-9_]+) is ([0-9,]+), more than ten times the ([0-9,]+) reported for ([0-9]{4}(?:S[12])?)$`)

// giveWarningsParams gives every stored warning that lacks the params its
// Vietnamese words name (a revision's, and its report's when that
// revision is current) those params: a validator's warning takes them
// from the validator run again on the revision's stored body as of its
// submission (models.CheckReport, what the submission ran), the warning of
// the same code and field; an outlier warning reads them from its own
// English message. A warning given none stays as it is (it shows in
// English). An upgrade step (once per database, in tx); it reads the
// revisions a page at a time, and writes a row only if its warnings are
// still those read, so submissions of servers already serving may go on
// meanwhile.
func (s *Store) giveWarningsParams(tx *gorm.DB) (func(), error) {
	var last int64
	given, left := 0, 0
	for {
		var rows []struct {
			ID          int64
			ReportID    int64
			Revision    int
			Status      string
			Body        string
			Warnings    string
			SubmittedAt int64
		}
		err := tx.Raw(`SELECT id, report_id, revision, status, body, warnings, submitted_at FROM revisions
			WHERE id > ? AND warnings <> '[]' AND warnings NOT LIKE ? ORDER BY id LIMIT ?`, last, `%"params"%`, legacyWarningsPage).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("find warnings stored without params: %w", err)
		}
		if len(rows) == 0 {
			break
		}
		last = rows[len(rows)-1].ID
		for _, r := range rows {
			ws, err := decodeWarnings(r.Warnings)
			if err != nil {
				return nil, fmt.Errorf("revision %d: %w", r.ID, err)
			}
			g, l := giveParams(ws, r.Body, r.Status, fromMicros(r.SubmittedAt))
			left += l
			if g == 0 {
				continue
			}
			to, err := json.Marshal(ws)
			if err != nil {
				return nil, err
			}
			res := tx.Exec("UPDATE revisions SET warnings = ? WHERE id = ? AND warnings = ?", string(to), r.ID, r.Warnings)
			if res.Error != nil {
				return nil, fmt.Errorf("give stored warnings their params: %w", res.Error)
			}
			if res.RowsAffected == 0 {
				continue
			}
			given += g
			if err := tx.Exec("UPDATE reports SET warnings = ? WHERE id = ? AND revision = ? AND warnings = ?",
				string(to), r.ReportID, r.Revision, r.Warnings).Error; err != nil {
				return nil, fmt.Errorf("give stored warnings their params: %w", err)
			}
		}
	}
	if given == 0 && left == 0 {
		return nil, nil
	}
	return func() {
		s.log.Info("stored warnings given the figures of their Vietnamese words", "given", given, "left_in_english", left)
	}, nil
}

// giveParams gives each of ws that lacks params its Vietnamese words name
// its params, in place: how many it gave, and how many it could not. body
// and status are the revision's, submitted when it was stored.
func giveParams(ws []models.Warning, body, status string, submitted time.Time) (given, left int) {
	var rerun []models.Warning
	ran := false
	for i := range ws {
		w := &ws[i]
		if !models.HasVietnamese(w.Code) || models.Filled(w.Code, w.Params) {
			continue
		}
		var p models.Params
		if w.Code == models.WarnOutlier {
			p = legacyOutlierParams(w.Message)
		} else {
			if !ran {
				rerun, ran = checkStored(body, status, submitted), true
			}
			for _, c := range rerun {
				if c.Code == w.Code && c.Field == w.Field {
					p = c.Params
					break
				}
			}
		}
		if p == nil || !models.Filled(w.Code, p) {
			left++
			continue
		}
		w.Params = p
		given++
	}
	return given, left
}

// checkStored runs the validator again on a stored revision's body as of
// when it was submitted, for its warnings; none if the body does not read.
func checkStored(body, status string, submitted time.Time) []models.Warning {
	var rep models.Report
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		return nil
	}
	rep.Status = status
	var p models.Problems
	return models.CheckReport(&rep, submitted, &p)
}

// legacyOutlierParams reads an outlier warning's params from its English
// message as the releases before params wrote it (legacyOutlier); nil if
// the message is not of that form.
func legacyOutlierParams(msg string) models.Params {
	m := legacyOutlier.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	value, err1 := strconv.ParseInt(strings.ReplaceAll(m[2], ",", ""), 10, 64)
	previous, err2 := strconv.ParseInt(strings.ReplaceAll(m[3], ",", ""), 10, 64)
	if _, err := models.ParsePeriod(m[4]); err != nil || err1 != nil || err2 != nil {
		return nil
	}
	return models.Params{"indicator": m[1], "value": value, "previous": previous, "period": m[4]}
}
