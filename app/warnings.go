package app

import (
	"context"

	"doingoai/models"
	"doingoai/store"
)

// warnings is the one pipeline of a report's warnings: checked, the
// doubts of the validator (models.CheckReport, which also finds the
// report's problems), then the figures far from the same commune's report
// for the period before (models.OutlierWarnings). It is what a submission
// stores and answers (its dry run, and so the commune form's check while
// typing, too) and what an import shows; never nil.
func warnings(ctx context.Context, st *store.Store, rep *models.Report, unit *models.TreeUnit, per models.Period, checked []models.Warning) ([]models.Warning, error) {
	prev, err := st.PreviousFigures(ctx, unit, per)
	if err != nil {
		return nil, err
	}
	if prev != nil {
		figs := models.FiguresOf(rep)
		checked = append(checked, models.OutlierWarnings(&figs, prev, per.Previous().String())...)
	}
	if checked == nil {
		checked = []models.Warning{}
	}
	return checked, nil
}
