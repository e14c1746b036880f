package docimport

import "testing"

// TestDistrictPoliceCases: the cases the police of the district (or of the
// province) found are the district's, not the commune's — "Công an huyện
// đã phát hiện, xử lý 09 vụ …" was read as the commune's incidents. The
// commune's own figure after it is still read; a case the commune's police
// handled with the district's stays the commune's.
func TestDistrictPoliceCases(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n\n1. Lãnh sự, bảo hộ công dân\n\n"
	res := readText(t, head+"Công an tỉnh đã kiểm tra, phát hiện 14 vụ người nước ngoài lưu trú không khai báo. Trên địa bàn xã có 03 người nước ngoài tạm trú.\n")
	got := foundValues(res)
	if v, ok := got["consular.foreigner_incidents"]; ok {
		t.Errorf("consular.foreigner_incidents = %q, want none (the province police's cases)", v)
	}
	wantFound(t, res, map[string]string{"consular.foreign_residents": "3"})

	res = readText(t, head+"Công an xã phối hợp với Công an huyện xử lý 02 vụ việc liên quan đến người nước ngoài.\n")
	wantFound(t, res, map[string]string{"consular.foreigner_incidents": "2"})
}
