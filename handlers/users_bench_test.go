package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// BenchmarkImportProvince92 is the province officer's upload of an account
// for each of Thái Nguyên's 92 communes (after the 2025 reform) through
// POST /api/v1/users/import: parse, check every line against the tree and
// the officer's scope, hash 92 passwords (argon2id, the bound), store all
// in one transaction with their audit entries.
func BenchmarkImportProvince92(b *testing.B) {
	s := testenv.Open(b, testenv.NewClock(time.Now()))
	if _, err := demo.Load(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	env := &apitest.Env{Store: s, Handler: api.New(api.Config{Store: s})}
	tinh := testenv.Token(b, s, models.RoleDistrict, "19", "Sở Ngoại vụ")
	csv := map[string]string{"Content-Type": "text/csv"}
	b.ResetTimer()
	for i := range b.N {
		file := string(demo.CommuneAccountsCSV(fmt.Sprintf("b%d-", i)))
		res := env.Do(b, "POST", "/api/v1/users/import", "Bearer "+tinh, file, csv)
		if res.Status != 201 || !strings.Contains(string(res.Body), `"total":92`) {
			b.Fatalf("%d %.300s", res.Status, res.Body)
		}
	}
}
