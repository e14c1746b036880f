package web

// The commune's report form: its outline, and the conversion between the
// form's inputs and the report's JSON.
//
// Every input is named by the JSON path of the field it fills, exactly as
// the API names a field in errors[].field and warnings[].field
// ("profile.households", "ngo_aid.projects[2].committed_vnd"), so that a
// message of the API lands at its input without any table. The form holds
// no rule of the report: it only reads numbers the Vietnamese way and
// builds the JSON the API takes; the API's own validator judges it.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"doingoai/models"
)

// fieldKind says how an input is read and shown.
type fieldKind int

const (
	kindText     fieldKind = iota // one line of text
	kindLongText                  // a paragraph (narratives, recommendations)
	kindInt                       // a whole number: 1.169
	kindDecimal                   // a number with decimals: 2.690,67
	kindPercent                   // a percentage: 5,03
	kindMoney                     // whole đồng: 1,2 tỷ
	kindDate                      // a calendar date (yyyy-mm-dd from the date picker)
	kindSelect                    // one of Options
)

// formField is one input. Key is its JSON member name inside its group or
// list item.
type formField struct {
	Key     string
	Label   string
	Unit    string // hộ, người, đoàn, đồng, ha, % …
	Kind    fieldKind
	Hint    string
	Options [][2]string // value, label (kindSelect)
	// NeverNone: a count that cannot be 0 in a commune (households,
	// population), so the form offers no "Không có" beside it.
	NeverNone bool
}

// formList is a list of entries the person adds to and removes from:
// objects with Item fields, or lines of text when Item is nil.
type formList struct {
	Key      string
	Label    string
	Item     []formField
	AddLabel string
	Counted  bool // beside a count: an empty list means "not itemised"
}

// formGroup is an object of the report at Path: a fieldset of inputs and
// lists.
type formGroup struct {
	Path   string
	Legend string
	Fields []formField
	Lists  []formList
}

// formSection is one heading of the document's outline.
type formSection struct {
	ID     string // the anchor in the page
	Number string // I, 1 … 13, III, IV, V
	Title  string
	Groups []formGroup
}

var narrativeField = formField{Key: "narrative", Label: "Nội dung (diễn giải)", Kind: kindLongText}

func narrativeOnly(path string) formGroup {
	return formGroup{Path: path, Fields: []formField{narrativeField}}
}

var documentItem = []formField{
	{Key: "number", Label: "Số, ký hiệu", Kind: kindText, Hint: "ví dụ 47/KH-UBND"},
	{Key: "issued_on", Label: "Ngày ban hành", Kind: kindDate},
	{Key: "issuer", Label: "Cơ quan ban hành", Kind: kindText},
	{Key: "title", Label: "Trích yếu", Kind: kindText},
}

func delegationGroup(path, legend string) formGroup {
	return formGroup{Path: path, Legend: legend,
		Fields: []formField{
			{Key: "count", Label: "Số đoàn", Unit: "đoàn", Kind: kindInt},
			{Key: "people", Label: "Số lượt người", Unit: "người", Kind: kindInt},
		},
		Lists: []formList{{Key: "items", Label: "Từng đoàn", AddLabel: "Thêm đoàn", Counted: true, Item: []formField{
			{Key: "name", Label: "Tên đoàn", Kind: kindText},
			{Key: "country", Label: "Quốc gia", Kind: kindText},
			{Key: "purpose", Label: "Mục đích", Kind: kindText},
			{Key: "start_on", Label: "Từ ngày", Kind: kindDate},
			{Key: "end_on", Label: "Đến ngày", Kind: kindDate},
			{Key: "people", Label: "Số người", Unit: "người", Kind: kindInt},
		}}},
	}
}

// countedGroup is a part of the report that counts things and may list
// them: the count, the narrative, and the entries one by one.
func countedGroup(path, countLabel, unit, itemsLabel, addLabel string, item ...formField) formGroup {
	return formGroup{Path: path,
		Fields: []formField{{Key: "count", Label: countLabel, Unit: unit, Kind: kindInt}, narrativeField},
		Lists:  []formList{{Key: "items", Label: itemsLabel, AddLabel: addLabel, Counted: true, Item: item}},
	}
}

// reportOutline is the form: the outline of the report, in its order.
var reportOutline = []formSection{
	{ID: "phan-dau", Number: "", Title: "Thông tin văn bản", Groups: []formGroup{{
		Path: "document",
		Fields: []formField{
			{Key: "number", Label: "Số văn bản", Kind: kindText, Hint: "ví dụ 15/BC-UBND; để trống khi còn là dự thảo"},
			{Key: "issued_on", Label: "Ngày ban hành", Kind: kindDate},
			{Key: "place", Label: "Địa danh", Kind: kindText},
			{Key: "issued_text", Label: "Dòng địa danh, ngày tháng như trong văn bản", Kind: kindText},
			{Key: "in_response_to", Label: "Căn cứ (công văn yêu cầu báo cáo)", Kind: kindText},
			{Key: "signer_name", Label: "Người ký", Kind: kindText},
			{Key: "signer_title", Label: "Chức vụ người ký", Kind: kindText},
		},
		Lists: []formList{{Key: "recipients", Label: "Nơi nhận", AddLabel: "Thêm nơi nhận"}},
	}}},
	{ID: "dac-diem", Number: "I", Title: "Đặc điểm tình hình", Groups: []formGroup{
		{Path: "profile", Fields: []formField{
			{Key: "area_ha", Label: "Diện tích tự nhiên", Unit: "ha", Kind: kindDecimal},
			{Key: "hamlets", Label: "Số xóm, thôn, bản", Unit: "xóm", Kind: kindInt},
			{Key: "households", Label: "Số hộ", Unit: "hộ", Kind: kindInt, NeverNone: true},
			{Key: "population", Label: "Dân số", Unit: "người", Kind: kindInt, NeverNone: true},
			{Key: "ethnic_minority_share_pct", Label: "Tỷ lệ người dân tộc thiểu số", Unit: "%", Kind: kindPercent},
			{Key: "party_cells", Label: "Số chi bộ", Unit: "chi bộ", Kind: kindInt},
			{Key: "party_members", Label: "Số đảng viên", Unit: "người", Kind: kindInt},
			{Key: "poor_households", Label: "Số hộ nghèo", Unit: "hộ", Kind: kindInt},
			{Key: "poor_households_rate_pct", Label: "Tỷ lệ hộ nghèo", Unit: "%", Kind: kindPercent},
			{Key: "near_poor_households", Label: "Số hộ cận nghèo", Unit: "hộ", Kind: kindInt},
			{Key: "near_poor_households_rate_pct", Label: "Tỷ lệ hộ cận nghèo", Unit: "%", Kind: kindPercent},
			{Key: "income_per_capita_vnd", Label: "Thu nhập bình quân đầu người", Unit: "đồng/người/năm", Kind: kindMoney},
		}, Lists: []formList{{Key: "ethnic_groups", Label: "Thành phần dân tộc", AddLabel: "Thêm dân tộc", Item: []formField{
			{Key: "name", Label: "Dân tộc", Kind: kindText},
			{Key: "share_pct", Label: "Tỷ lệ", Unit: "%", Kind: kindPercent},
		}}}},
		{Path: "profile.economy_structure_pct", Legend: "Cơ cấu kinh tế", Fields: []formField{
			{Key: "agriculture_forestry", Label: "Nông – lâm nghiệp", Unit: "%", Kind: kindPercent},
			{Key: "industry_services_tourism", Label: "Tiểu thủ công nghiệp, dịch vụ, du lịch", Unit: "%", Kind: kindPercent},
			{Key: "other", Label: "Ngành nghề khác", Unit: "%", Kind: kindPercent},
		}},
		{Path: "profile", Fields: []formField{narrativeField}},
	}},
	{ID: "doan-ra-doan-vao", Number: "1", Title: "Quản lý đoàn ra, đoàn vào", Groups: []formGroup{
		delegationGroup("delegations.outbound", "Đoàn ra (đi nước ngoài)"),
		delegationGroup("delegations.inbound_domestic", "Đoàn trong nước đến làm việc"),
		delegationGroup("delegations.inbound_foreign", "Đoàn nước ngoài vào"),
		narrativeOnly("delegations"),
	}},
	{ID: "thoa-thuan", Number: "2", Title: "Thỏa thuận hợp tác quốc tế", Groups: []formGroup{
		countedGroup("international_agreements", "Số thỏa thuận ký kết", "thỏa thuận", "Từng thỏa thuận", "Thêm thỏa thuận",
			formField{Key: "title", Label: "Tên thỏa thuận", Kind: kindText},
			formField{Key: "partner", Label: "Đối tác", Kind: kindText},
			formField{Key: "country", Label: "Quốc gia", Kind: kindText},
			formField{Key: "signed_on", Label: "Ngày ký", Kind: kindDate},
		),
	}},
	{ID: "hoi-nghi", Number: "3", Title: "Hội thảo, hội nghị quốc tế", Groups: []formGroup{
		countedGroup("international_conferences", "Số hội nghị, hội thảo", "hội nghị", "Từng hội nghị", "Thêm hội nghị",
			formField{Key: "title", Label: "Tên hội nghị, hội thảo", Kind: kindText},
			formField{Key: "held_on", Label: "Ngày tổ chức", Kind: kindDate},
			formField{Key: "participants", Label: "Số đại biểu", Unit: "người", Kind: kindInt},
		),
	}},
	{ID: "ngoai-giao-kinh-te", Number: "4", Title: "Ngoại giao kinh tế", Groups: []formGroup{{
		Path:   "economic_diplomacy",
		Fields: []formField{narrativeField},
		Lists:  []formList{{Key: "documents", Label: "Văn bản đã triển khai", AddLabel: "Thêm văn bản", Item: documentItem}},
	}}},
	{ID: "doi-ngoai-nhan-dan", Number: "5", Title: "Đối ngoại nhân dân; viện trợ phi chính phủ nước ngoài", Groups: []formGroup{
		{Path: "people_diplomacy", Legend: "Đối ngoại nhân dân", Fields: []formField{narrativeField}},
		{Path: "ngo_aid", Legend: "Viện trợ phi chính phủ nước ngoài", Fields: []formField{narrativeField},
			Lists: []formList{{Key: "projects", Label: "Các dự án viện trợ", AddLabel: "Thêm dự án", Item: []formField{
				{Key: "name", Label: "Tên dự án", Kind: kindText},
				{Key: "donor", Label: "Nhà tài trợ", Kind: kindText},
				{Key: "country", Label: "Quốc gia", Kind: kindText},
				{Key: "sector", Label: "Lĩnh vực", Kind: kindText},
				{Key: "committed_vnd", Label: "Giá trị cam kết", Unit: "đồng", Kind: kindMoney},
				{Key: "disbursed_vnd", Label: "Giá trị giải ngân", Unit: "đồng", Kind: kindMoney},
				{Key: "start_on", Label: "Từ ngày", Kind: kindDate},
				{Key: "end_on", Label: "Đến ngày", Kind: kindDate},
			}}}},
	}},
	{ID: "van-hoa-doi-ngoai", Number: "6", Title: "Văn hóa đối ngoại", Groups: []formGroup{{
		Path:   "cultural_diplomacy",
		Fields: []formField{narrativeField},
		Lists: []formList{
			{Key: "documents", Label: "Văn bản đã triển khai", AddLabel: "Thêm văn bản", Item: documentItem},
			{Key: "partners", Label: "Cơ quan, tổ chức phối hợp", AddLabel: "Thêm cơ quan, tổ chức", Item: []formField{{Key: "name", Label: "Tên cơ quan, tổ chức", Kind: kindText}}},
		},
	}}},
	{ID: "thong-tin", Number: "7", Title: "Thông tin, tuyên truyền đối ngoại", Groups: []formGroup{narrativeOnly("information")}},
	{ID: "lanh-su", Number: "8", Title: "Lãnh sự, bảo hộ công dân", Groups: []formGroup{{
		Path: "consular",
		Fields: []formField{
			{Key: "foreign_residents", Label: "Số người nước ngoài tạm trú", Unit: "người", Kind: kindInt},
			{Key: "foreigner_incidents", Label: "Số vụ việc liên quan người nước ngoài", Unit: "vụ việc", Kind: kindInt},
			{Key: "citizens_exited", Label: "Số công dân xuất cảnh", Unit: "người", Kind: kindInt},
			narrativeField,
		},
	}}},
	{ID: "nguoi-viet-o-nuoc-ngoai", Number: "9", Title: "Người Việt Nam ở nước ngoài", Groups: []formGroup{{
		Path: "overseas_vietnamese",
		Fields: []formField{
			{Key: "labor_export_workers", Label: "Số người đi lao động ở nước ngoài", Unit: "người", Kind: kindInt},
			narrativeField,
		},
	}}},
	{ID: "dao-tao", Number: "10", Title: "Đào tạo, bồi dưỡng kiến thức đối ngoại", Groups: []formGroup{{
		Path: "training",
		Fields: []formField{
			{Key: "officials_trained", Label: "Số cán bộ được bồi dưỡng", Unit: "người", Kind: kindInt},
			{Key: "courses", Label: "Số lớp bồi dưỡng", Unit: "lớp", Kind: kindInt},
			narrativeField,
		},
	}}},
	{ID: "khen-thuong-nuoc-ngoai", Number: "11", Title: "Khen thưởng của nước ngoài nhận được", Groups: []formGroup{
		countedGroup("foreign_awards_received", "Số hình thức khen thưởng", "hình thức", "Từng khen thưởng", "Thêm khen thưởng",
			formField{Key: "title", Label: "Hình thức khen thưởng", Kind: kindText},
			formField{Key: "awarded_by", Label: "Cơ quan trao tặng", Kind: kindText},
			formField{Key: "recipient", Label: "Tập thể, cá nhân nhận", Kind: kindText},
			formField{Key: "received_on", Label: "Ngày nhận", Kind: kindDate},
		),
	}},
	{ID: "kien-nghi-khen-thuong", Number: "12", Title: "Kiến nghị khen thưởng cấp nhà nước, cấp tỉnh", Groups: []formGroup{
		countedGroup("award_nominations", "Số kiến nghị khen thưởng", "hình thức", "Từng kiến nghị", "Thêm kiến nghị",
			formField{Key: "title", Label: "Hình thức khen thưởng", Kind: kindText},
			formField{Key: "nominee", Label: "Tập thể, cá nhân được đề nghị", Kind: kindText},
			formField{Key: "level", Label: "Cấp khen thưởng", Kind: kindSelect, Options: [][2]string{{"", "—"}, {"state", "Nhà nước"}, {"province", "Tỉnh"}}},
		),
	}},
	{ID: "che-do-bao-cao", Number: "13", Title: "Chế độ thông tin, báo cáo", Groups: []formGroup{narrativeOnly("reporting_compliance")}},
	{ID: "kho-khan", Number: "III", Title: "Khó khăn, nguyên nhân", Groups: []formGroup{{
		Lists: []formList{
			{Key: "difficulties", Label: "Khó khăn", AddLabel: "Thêm khó khăn"},
			{Key: "causes", Label: "Nguyên nhân", AddLabel: "Thêm nguyên nhân"},
		},
	}}},
	{ID: "ke-hoach", Number: "IV", Title: "Kế hoạch năm sau", Groups: []formGroup{{
		Lists: []formList{{Key: "plan", Label: "Nhiệm vụ", AddLabel: "Thêm nhiệm vụ"}},
	}}},
	{ID: "kien-nghi", Number: "V", Title: "Kiến nghị", Groups: []formGroup{{
		Lists: []formList{{Key: "recommendations", Label: "Kiến nghị", AddLabel: "Thêm kiến nghị", Item: []formField{
			{Key: "addressee", Label: "Kính gửi", Kind: kindText},
			{Key: "text", Label: "Nội dung kiến nghị", Kind: kindLongText},
		}}},
	}}},
}

// formValues are the inputs of the form as the browser sends them, by
// name (a JSON path).
type formValues map[string]string

// listPath is the path of a list in a group.
func listPath(g formGroup, l formList) string { return models.Path(g.Path, l.Key) }

// formToReport builds the report's JSON from the form's inputs. Numbers are
// read the Vietnamese way; an input that cannot be read is a problem at its
// path (with a message in Vietnamese) and is left out, so the rest can
// still be checked. Empty inputs are left out (not reported, null), never
// 0; a group with nothing filled in is left out; list entries with nothing
// filled in are dropped and the rest renumbered in their order, so that the
// API's paths match the inputs as the page shows them after a reload.
//
// shown holds, for every number read, the way the page shows it back;
// inputs maps the path of a list entry in the JSON to its inputs' path where
// they differ (an empty entry before it was dropped): see inputPath.
func formToReport(v formValues, unitCode, period, status string) (body []byte, problems []models.FieldError, shown, inputs formValues) {
	root := map[string]any{"unit_code": unitCode, "period": period, "status": status}
	shown, inputs = formValues{}, formValues{}
	for _, sec := range reportOutline {
		for _, g := range sec.Groups {
			obj := map[string]any{}
			for _, f := range g.Fields {
				name := models.Path(g.Path, f.Key)
				val, ok, err := readInput(f, v[name])
				if err != nil {
					problems = append(problems, models.FieldError{Field: name, Message: err.Error()})
					continue
				}
				if ok {
					obj[f.Key] = val
					if s := showValue(f, val); s != "" {
						shown[name] = s
					}
				}
			}
			for _, l := range g.Lists {
				items, listProblems := readList(v, listPath(g, l), l, shown, inputs)
				problems = append(problems, listProblems...)
				if len(items) > 0 {
					obj[l.Key] = items
				}
			}
			if len(obj) > 0 {
				mergeAt(root, g.Path, obj)
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		// Every value above is a string, a number or a map of them.
		panic(fmt.Sprintf("web: encoding a report built from a form: %v", err))
	}
	return buf.Bytes(), problems, shown, inputs
}

// readList reads the entries of the list at lp: a line of text, or an
// object of the inputs of l.Item, each without its empty entries, the rest
// renumbered in their order (inputs records where an entry moved). An
// entry with an input that cannot be read is kept, without that input,
// and the input is a problem at the entry's new path.
func readList(v formValues, lp string, l formList, shown, inputs formValues) (items []any, problems []models.FieldError) {
	for _, i := range listIndices(v, lp) {
		at := models.Index(lp, i)
		newAt := models.Index(lp, len(items))
		if l.Item == nil {
			if s := strings.TrimSpace(v[at]); s != "" {
				items = append(items, s)
				if at != newAt {
					inputs[newAt] = at
				}
			}
			continue
		}
		item := map[string]any{}
		var itemProblems []models.FieldError
		for _, f := range l.Item {
			val, ok, err := readInput(f, v[models.Path(at, f.Key)])
			if err != nil {
				itemProblems = append(itemProblems, models.FieldError{Field: models.Path(newAt, f.Key), Message: err.Error()})
				item[f.Key] = nil // filled in, but unreadable: the entry is kept
				continue
			}
			if ok {
				item[f.Key] = val
				if s := showValue(f, val); s != "" {
					shown[models.Path(at, f.Key)] = s // the input's own name
				}
			}
		}
		if len(item) == 0 {
			continue
		}
		for k, x := range item {
			if x == nil {
				delete(item, k)
			}
		}
		problems = append(problems, itemProblems...)
		items = append(items, item)
		if at != newAt {
			inputs[newAt] = at
		}
	}
	return items, problems
}

// inputPath returns the name of the input that a field path of the report
// (from the API's errors or warnings) refers to.
func (inputs formValues) inputPath(field string) string {
	if len(inputs) == 0 {
		return field
	}
	// A list entry is "path[i]" followed by nothing or ".member".
	for i := strings.Index(field, "]"); i >= 0; {
		if old, ok := inputs[field[:i+1]]; ok {
			return old + field[i+1:]
		}
		j := strings.Index(field[i+1:], "]")
		if j < 0 {
			break
		}
		i += j + 1
	}
	return field
}

// mergeAt puts the members of obj at the dotted path in root.
func mergeAt(root map[string]any, path string, obj map[string]any) {
	m := root
	if path != "" {
		for _, k := range strings.Split(path, ".") {
			next, ok := m[k].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[k] = next
			}
			m = next
		}
	}
	for k, x := range obj {
		m[k] = x
	}
}

// listIndices returns the indices of the entries of the list at lp that
// the form holds, in order.
func listIndices(v formValues, lp string) []int {
	seen := map[int]bool{}
	prefix := lp + "["
	for name := range v {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		num, _, ok := strings.Cut(rest, "]")
		if !ok {
			continue
		}
		if i, err := strconv.Atoi(num); err == nil && i >= 0 && i < 10*models.MaxItems {
			seen[i] = true
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

// readInput reads one input. ok is false when it is empty (not reported).
func readInput(f formField, raw string) (val any, ok bool, err error) {
	s := strings.TrimSpace(raw)
	switch f.Kind {
	case kindInt:
		n, err := models.ParseVNInt(s)
		if err != nil || n == nil {
			return nil, false, err
		}
		return *n, true, nil
	case kindMoney:
		n, err := models.ParseVNMoney(s)
		if err != nil || n == nil {
			return nil, false, err
		}
		return *n, true, nil
	case kindDecimal, kindPercent:
		d, err := models.ParseVNDecimal(s)
		if err != nil || d == nil {
			return nil, false, err
		}
		return json.Number(d.String()), true, nil
	case kindLongText:
		// Keep the lines of a paragraph; trim only its ends.
		if s == "" {
			return nil, false, nil
		}
		return strings.ReplaceAll(s, "\r\n", "\n"), true, nil
	default:
		if s == "" {
			return nil, false, nil
		}
		return s, true, nil
	}
}

// showValue writes a number read from an input the way the page shows it.
func showValue(f formField, val any) string {
	switch x := val.(type) {
	case int64:
		return models.FormatVNInt(x)
	case json.Number:
		d, err := models.ParseDecimal(string(x))
		if err != nil {
			return ""
		}
		return models.FormatVNDecimal(d)
	}
	return ""
}

// reportToForm fills the form's inputs from a report's JSON (a stored
// revision, as the API returns it). Numbers are written the Vietnamese way.
func reportToForm(body []byte) (formValues, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	v := formValues{}
	for _, sec := range reportOutline {
		for _, g := range sec.Groups {
			obj := lookupPath(root, g.Path)
			if obj == nil {
				continue
			}
			for _, f := range g.Fields {
				if s, ok := formatInput(f, obj[f.Key]); ok {
					v[models.Path(g.Path, f.Key)] = s
				}
			}
			for _, l := range g.Lists {
				list, _ := obj[l.Key].([]any)
				lp := listPath(g, l)
				for i, e := range list {
					at := models.Index(lp, i)
					if l.Item == nil {
						if s, ok := e.(string); ok {
							v[at] = s
						}
						continue
					}
					item, _ := e.(map[string]any)
					for _, f := range l.Item {
						if s, ok := formatInput(f, item[f.Key]); ok {
							v[models.Path(at, f.Key)] = s
						}
					}
				}
			}
		}
	}
	return v, nil
}

func lookupPath(root map[string]any, path string) map[string]any {
	m := root
	if path == "" {
		return m
	}
	for _, k := range strings.Split(path, ".") {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil
		}
		m = next
	}
	return m
}

// formatInput writes a JSON value into an input the Vietnamese way.
func formatInput(f formField, x any) (string, bool) {
	switch x := x.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case json.Number:
		switch f.Kind {
		case kindInt, kindMoney:
			n, err := x.Int64()
			if err != nil {
				return string(x), true
			}
			return models.FormatVNInt(n), true
		default:
			d, err := models.ParseDecimal(string(x))
			if err != nil {
				return string(x), true
			}
			return models.FormatVNDecimal(d), true
		}
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// listLen is the number of entries of the list at lp in v (the highest
// index plus one), for rendering.
func listLen(v formValues, lp string) int {
	idx := listIndices(v, lp)
	if len(idx) == 0 {
		return 0
	}
	return idx[len(idx)-1] + 1
}
