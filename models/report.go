package models

import (
	"crypto/sha256"
	"encoding/json"
	"strings"
	"time"
)

// Report is a commune's foreign-affairs report (báo cáo kết quả công tác đối
// ngoại) for a period, as the commune submits it: the sections of the
// district's outline, in its order. It is made by the commune (or by its
// district on its behalf), saved as a draft or submitted, and reviewed by the
// district, which accepts it or returns it for amendment. Every submission is
// kept as a numbered revision.
//
// Numbers that a commune may leave unreported are nullable: 0 means "none"
// (the report's "Không có"), null means "not reported". Money is whole đồng;
// percentages and areas are exact decimals. Text is stored in Unicode NFC.
type Report struct {
	UnitCode string `json:"unit_code" example:"05596"` // the commune's official code
	Period   string `json:"period" example:"2024"`     // 2024, 2024S1 or 2024S2
	// draft or submitted (the default). A client never sets accepted or
	// returned: those come from the district's review.
	Status string `json:"status,omitempty" enums:"draft,submitted" example:"submitted"`

	Document *Document `json:"document"` // header: number, place and date, signer, recipients
	Profile  *Profile  `json:"profile"`  // I. Đặc điểm tình hình

	Delegations              *Delegations      `json:"delegations"`               // 1. Đoàn ra, đoàn vào
	InternationalAgreements  *Agreements       `json:"international_agreements"`  // 2. Thỏa thuận hợp tác quốc tế
	InternationalConferences *Conferences      `json:"international_conferences"` // 3. Hội thảo, hội nghị quốc tế
	EconomicDiplomacy        *DocumentsSection `json:"economic_diplomacy"`        // 4. Ngoại giao kinh tế
	PeopleDiplomacy          *Narrative        `json:"people_diplomacy"`          // 5. Đối ngoại nhân dân
	NgoAid                   *NgoAid           `json:"ngo_aid"`                   // 5. Viện trợ phi chính phủ nước ngoài
	CulturalDiplomacy        *CulturalSection  `json:"cultural_diplomacy"`        // 6. Văn hóa đối ngoại
	Information              *Narrative        `json:"information"`               // 7. Thông tin, tuyên truyền đối ngoại
	Consular                 *Consular         `json:"consular"`                  // 8. Lãnh sự, bảo hộ công dân
	OverseasVietnamese       *Overseas         `json:"overseas_vietnamese"`       // 9. Người Việt Nam ở nước ngoài
	Training                 *Training         `json:"training"`                  // 10. Đào tạo, bồi dưỡng kiến thức đối ngoại
	ForeignAwardsReceived    *Awards           `json:"foreign_awards_received"`   // 11. Khen thưởng của nước ngoài
	AwardNominations         *Nominations      `json:"award_nominations"`         // 12. Kiến nghị khen thưởng
	ReportingCompliance      *Narrative        `json:"reporting_compliance"`      // 13. Chế độ thông tin, báo cáo

	Difficulties    []string         `json:"difficulties,omitzero" example:"Nguồn kinh phí cho công tác đối ngoại hạn chế"` // III. Khó khăn
	Causes          []string         `json:"causes,omitzero" example:"Chưa được đào tạo, bồi dưỡng kiến thức chuyên về công tác đối ngoại"`
	Plan            []string         `json:"plan,omitzero" example:"Tham gia đầy đủ, có chất lượng các lớp bồi dưỡng nghiệp vụ đối ngoại"` // IV. Kế hoạch năm sau
	Recommendations []Recommendation `json:"recommendations,omitzero"`                                                                     // V. Kiến nghị
}

// Document is the report's header: "Số: 15/BC-UBND", "Bộc Nhiêu, ngày 20
// tháng 11 năm 2024", the request it answers, who signs, who receives it.
type Document struct {
	Number       *string  `json:"number" example:"15/BC-UBND" extensions:"x-nullable"` // blank in a draft
	IssuedOn     *Date    `json:"issued_on" swaggertype:"string" format:"date" example:"2024-11-20" extensions:"x-nullable"`
	Place        string   `json:"place,omitempty" example:"Bộc Nhiêu"`
	InResponseTo string   `json:"in_response_to,omitempty" example:"Công văn số 7253/UBND-VP ngày 8/11/2024 của UBND huyện Định Hoá"`
	SignerName   string   `json:"signer_name,omitempty" example:"Lê Đình Ngà"`
	SignerTitle  string   `json:"signer_title,omitempty" example:"Chủ tịch"`
	Recipients   []string `json:"recipients,omitzero" example:"UBND huyện,Lưu: VP"`
	IssuedText   string   `json:"issued_text,omitempty" example:"Bộc Nhiêu, ngày    tháng 11 năm 2024"` // the place-and-date line as written
}

// Profile is section I, the commune's situation (đặc điểm tình hình).
type Profile struct {
	AreaHa                    *Decimal          `json:"area_ha" swaggertype:"number" example:"2690.67" extensions:"x-nullable"` // diện tích tự nhiên, hectares
	Hamlets                   *int64            `json:"hamlets" example:"11" extensions:"x-nullable"`                           // số xóm, thôn, bản
	Households                *int64            `json:"households" example:"1169" extensions:"x-nullable"`                      // số hộ
	Population                *int64            `json:"population" example:"4456" extensions:"x-nullable"`                      // dân số, nhân khẩu
	EthnicMinoritySharePct    *Decimal          `json:"ethnic_minority_share_pct" swaggertype:"number" example:"65" extensions:"x-nullable"`
	EthnicGroups              []EthnicGroup     `json:"ethnic_groups,omitzero"`
	PartyCells                *int64            `json:"party_cells" example:"17" extensions:"x-nullable"`    // chi bộ
	PartyMembers              *int64            `json:"party_members" example:"338" extensions:"x-nullable"` // đảng viên
	EconomyStructurePct       *EconomyStructure `json:"economy_structure_pct"`
	PoorHouseholds            *int64            `json:"poor_households" example:"60" extensions:"x-nullable"`                                     // hộ nghèo
	PoorHouseholdsRatePct     *Decimal          `json:"poor_households_rate_pct" swaggertype:"number" example:"5.03" extensions:"x-nullable"`     // as stated; rollups recompute it
	NearPoorHouseholds        *int64            `json:"near_poor_households" example:"43" extensions:"x-nullable"`                                // hộ cận nghèo
	NearPoorHouseholdsRatePct *Decimal          `json:"near_poor_households_rate_pct" swaggertype:"number" example:"3.6" extensions:"x-nullable"` // as stated
	IncomePerCapitaVND        *int64            `json:"income_per_capita_vnd" example:"46000000" extensions:"x-nullable"`                         // đồng per person per year
	Narrative                 string            `json:"narrative,omitempty"`
}

// EthnicGroup is one people (dân tộc) and its share of the population.
type EthnicGroup struct {
	Name     string   `json:"name" example:"Tày"`
	SharePct *Decimal `json:"share_pct" swaggertype:"number" example:"61.31" extensions:"x-nullable"`
}

// EconomyStructure is the economy's make-up (cơ cấu kinh tế), in percent.
type EconomyStructure struct {
	AgricultureForestry     *Decimal `json:"agriculture_forestry" swaggertype:"number" example:"65" extensions:"x-nullable"`      // nông – lâm nghiệp
	IndustryServicesTourism *Decimal `json:"industry_services_tourism" swaggertype:"number" example:"15" extensions:"x-nullable"` // tiểu thủ công nghiệp, dịch vụ, du lịch
	Other                   *Decimal `json:"other" swaggertype:"number" example:"20" extensions:"x-nullable"`                     // ngành nghề khác
}

// Narrative is a section that is text only.
type Narrative struct {
	Narrative string `json:"narrative,omitempty" example:"Công tác đối ngoại nhân dân được quan tâm thực hiện."`
}

// Delegations is section 1: delegations abroad (đoàn ra) and visiting
// delegations (đoàn vào), domestic and foreign.
type Delegations struct {
	Outbound        *DelegationGroup `json:"outbound"`         // đoàn ra: officials going abroad
	InboundDomestic *DelegationGroup `json:"inbound_domestic"` // đoàn trong nước đến làm việc
	InboundForeign  *DelegationGroup `json:"inbound_foreign"`  // đoàn nước ngoài vào
	Narrative       string           `json:"narrative,omitempty" example:"Đoàn vào: đoàn trong nước 6 đoàn; đoàn nước ngoài: không có."`
}

// DelegationGroup counts one kind of delegation. When items are listed and
// count is given they must agree; an empty list means "not itemised".
type DelegationGroup struct {
	Count  *int64       `json:"count" example:"6" extensions:"x-nullable"`
	People *int64       `json:"people" example:"0" extensions:"x-nullable"` // lượt người
	Items  []Delegation `json:"items,omitzero"`
}

// Delegation is one delegation.
type Delegation struct {
	Name    string `json:"name" example:"Đoàn công tác tỉnh Xiêng Khoảng (Lào)"`
	Country string `json:"country,omitempty" example:"Lào"`
	Purpose string `json:"purpose,omitempty" example:"Trao đổi kinh nghiệm phát triển nông nghiệp"`
	StartOn *Date  `json:"start_on,omitempty" swaggertype:"string" format:"date"`
	EndOn   *Date  `json:"end_on,omitempty" swaggertype:"string" format:"date"`
	People  *int64 `json:"people,omitempty" example:"5"`
}

// Agreements is section 2: international cooperation agreements signed by
// the locality (thỏa thuận hợp tác quốc tế).
type Agreements struct {
	Count     *int64      `json:"count" example:"0" extensions:"x-nullable"`
	Items     []Agreement `json:"items,omitzero"`
	Narrative string      `json:"narrative,omitempty"`
}

// Agreement is one agreement.
type Agreement struct {
	Title    string `json:"title" example:"Biên bản ghi nhớ hợp tác giáo dục"`
	Partner  string `json:"partner,omitempty" example:"Huyện Mường Khoa"`
	Country  string `json:"country,omitempty" example:"Lào"`
	SignedOn *Date  `json:"signed_on,omitempty" swaggertype:"string" format:"date"`
}

// Conferences is section 3: international conferences and seminars held
// (hội nghị, hội thảo quốc tế).
type Conferences struct {
	Count     *int64       `json:"count" example:"0" extensions:"x-nullable"`
	Items     []Conference `json:"items,omitzero"`
	Narrative string       `json:"narrative,omitempty"`
}

// Conference is one conference.
type Conference struct {
	Title        string `json:"title" example:"Hội thảo du lịch cộng đồng"`
	HeldOn       *Date  `json:"held_on,omitempty" swaggertype:"string" format:"date"`
	Participants *int64 `json:"participants,omitempty" example:"80"`
}

// DocumentsSection is a section that lists the documents implemented
// (section 4, economic diplomacy).
type DocumentsSection struct {
	Documents []DocumentRef `json:"documents,omitzero"`
	Narrative string        `json:"narrative,omitempty"`
}

// DocumentRef cites a document: "Kế hoạch số 47/KH-UBND ngày 22/02/2023 của
// UBND huyện Định Hóa".
type DocumentRef struct {
	Number   string `json:"number,omitempty" example:"47/KH-UBND"`
	IssuedOn *Date  `json:"issued_on,omitempty" swaggertype:"string" format:"date" example:"2023-02-22"`
	Issuer   string `json:"issuer,omitempty" example:"UBND huyện Định Hóa"`
	Title    string `json:"title" example:"Kế hoạch thực hiện Đề án “Phát triển quan hệ giữa Việt Nam và các nước khu vực Mỹ La tinh giai đoạn 2022 - 2026”"`
}

// NgoAid is the second half of section 5: foreign non-governmental aid
// (viện trợ phi chính phủ nước ngoài), project by project.
type NgoAid struct {
	Projects  []NgoProject `json:"projects,omitzero"`
	Narrative string       `json:"narrative,omitempty" example:"Công tác vận động quản lý viện trợ phi chính phủ nước ngoài: Không có."`
}

// NgoProject is one aid project, its values in whole đồng.
type NgoProject struct {
	Name         string `json:"name" example:"Xây dựng nhà văn hóa xóm"`
	Donor        string `json:"donor,omitempty" example:"World Vision"`
	Country      string `json:"country,omitempty" example:"Hoa Kỳ"`
	Sector       string `json:"sector,omitempty" example:"Giáo dục"`
	CommittedVND *int64 `json:"committed_vnd" example:"1500000000" extensions:"x-nullable"` // giá trị cam kết
	DisbursedVND *int64 `json:"disbursed_vnd" example:"900000000" extensions:"x-nullable"`  // giá trị giải ngân
	StartOn      *Date  `json:"start_on,omitempty" swaggertype:"string" format:"date"`
	EndOn        *Date  `json:"end_on,omitempty" swaggertype:"string" format:"date"`
}

// CulturalSection is section 6, cultural diplomacy: documents implemented
// and the organisations worked with.
type CulturalSection struct {
	Documents []DocumentRef `json:"documents,omitzero"`
	Partners  []Partner     `json:"partners,omitzero"`
	Narrative string        `json:"narrative,omitempty"`
}

// Partner is an organisation the commune works with.
type Partner struct {
	Name string `json:"name" example:"Tổng công ty May 10"`
}

// Consular is section 8: foreigners residing, incidents, citizens leaving.
type Consular struct {
	ForeignResidents   *int64 `json:"foreign_residents" example:"0" extensions:"x-nullable"`   // người nước ngoài tạm trú
	ForeignerIncidents *int64 `json:"foreigner_incidents" example:"0" extensions:"x-nullable"` // vụ việc liên quan người nước ngoài
	CitizensExited     *int64 `json:"citizens_exited" example:"12" extensions:"x-nullable"`    // công dân xuất cảnh
	Narrative          string `json:"narrative,omitempty"`
}

// Overseas is section 9: Vietnamese abroad.
type Overseas struct {
	LaborExportWorkers *int64 `json:"labor_export_workers" example:"25" extensions:"x-nullable"` // người đi lao động ở nước ngoài
	Narrative          string `json:"narrative,omitempty"`
}

// Training is section 10: officials trained in foreign affairs.
type Training struct {
	OfficialsTrained *int64 `json:"officials_trained" example:"0" extensions:"x-nullable"`
	Courses          *int64 `json:"courses" example:"0" extensions:"x-nullable"`
	Narrative        string `json:"narrative,omitempty"`
}

// Awards is section 11: awards received from foreign states, organisations
// and people.
type Awards struct {
	Count     *int64  `json:"count" example:"0" extensions:"x-nullable"`
	Items     []Award `json:"items,omitzero"`
	Narrative string  `json:"narrative,omitempty"`
}

// Award is one award received.
type Award struct {
	Title      string `json:"title" example:"Huân chương Hữu nghị"`
	AwardedBy  string `json:"awarded_by,omitempty" example:"Nhà nước Cộng hòa Dân chủ Nhân dân Lào"`
	Recipient  string `json:"recipient,omitempty" example:"UBND xã"`
	ReceivedOn *Date  `json:"received_on,omitempty" swaggertype:"string" format:"date"`
}

// Nominations is section 12: nominations for state or provincial awards.
type Nominations struct {
	Count     *int64       `json:"count" example:"0" extensions:"x-nullable"`
	Items     []Nomination `json:"items,omitzero"`
	Narrative string       `json:"narrative,omitempty"`
}

// Nomination is one nomination.
type Nomination struct {
	Title   string `json:"title" example:"Bằng khen của Chủ tịch UBND tỉnh"`
	Nominee string `json:"nominee,omitempty" example:"Ông Nguyễn Văn A"`
	Level   string `json:"level,omitempty" enums:"state,province" example:"province"`
}

// Recommendation is one proposal of section V and to whom it is addressed.
type Recommendation struct {
	Addressee string `json:"addressee,omitempty" example:"UBND huyện"`
	Text      string `json:"text" example:"Quan tâm, giúp đỡ, là cầu nối giúp địa phương gắn kết các mối quan hệ công tác với các cơ quan, tổ chức nước ngoài."`
}

// Report statuses. A client submits draft or submitted; the district's
// review makes it accepted or returned.
const (
	StatusDraft     = "draft"
	StatusSubmitted = "submitted"
	StatusAccepted  = "accepted"
	StatusReturned  = "returned"
)

// Warning is a doubt about a report that did not stop it from being stored:
// the field, a stable code for programs, and a message for people.
type Warning struct {
	Field   string `json:"field" example:"profile.poor_households_rate_pct"`
	Code    string `json:"code" example:"poor_rate_mismatch"`
	Message string `json:"message" example:"the stated rate 5.03% differs from 60 / 1169 households = 5.13%"`
}

// SubmitResult is the answer to a submission.
type SubmitResult struct {
	UnitCode    string    `json:"unit_code" example:"05596"`
	Period      string    `json:"period" example:"2024"`
	Revision    int       `json:"revision" example:"1"`
	Status      string    `json:"status" enums:"draft,submitted" example:"submitted"`
	SubmittedAt time.Time `json:"submitted_at"`
	Warnings    []Warning `json:"warnings"`
	DryRun      bool      `json:"dry_run,omitempty"` // true when ?dry_run=true: nothing was stored
}

// Review is the district's decision on a report.
type Review struct {
	Decision   string    `json:"decision" enums:"accept,return" example:"return"`
	Comment    string    `json:"comment" example:"Đề nghị bổ sung số và ngày ban hành báo cáo."`
	ReviewedAt time.Time `json:"reviewed_at"`
	ReviewedBy string    `json:"reviewed_by" example:"Phòng Nội vụ huyện Định Hóa"`
	Revision   int       `json:"revision" example:"1"` // the revision reviewed
}

// ReportView is a stored report as the API returns it: the submitted body
// plus what the service knows of it.
type ReportView struct {
	Report
	Status           string     `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted"`
	Revision         int        `json:"revision" example:"1"`
	SubmittedAt      time.Time  `json:"submitted_at"`
	SubmittedBy      string     `json:"submitted_by" example:"UBND xã Bộc Nhiêu"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" extensions:"x-nullable"` // the first submission that was not a draft
	Warnings         []Warning  `json:"warnings"`
	Review           *Review    `json:"review,omitempty"`
}

// RevisionSummary is one line of a report's history.
type RevisionSummary struct {
	Revision    int       `json:"revision" example:"1"`
	Status      string    `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted"`
	SubmittedAt time.Time `json:"submitted_at"`
	SubmittedBy string    `json:"submitted_by" example:"UBND xã Bộc Nhiêu"`
	Role        Role      `json:"role" enums:"admin,district,commune,system" example:"commune"` // a district role means submitted on the commune's behalf
	Warnings    int       `json:"warnings" example:"5"`
}

// RevisionList is a report's history, oldest first.
type RevisionList struct {
	Items []RevisionSummary `json:"items"`
}

// ReportSummary is one line of the report listing.
type ReportSummary struct {
	UnitCode         string     `json:"unit_code" example:"05596"`
	UnitName         string     `json:"unit_name" example:"Xã Bộc Nhiêu"`
	Period           string     `json:"period" example:"2024"`
	Revision         int        `json:"revision" example:"1"`
	Status           string     `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted"`
	SubmittedAt      time.Time  `json:"submitted_at"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" extensions:"x-nullable"`
	Warnings         int        `json:"warnings" example:"5"`
}

// ReportList is a page of report summaries.
type ReportList struct {
	Items []ReportSummary `json:"items"`
	Total int64           `json:"total" example:"18"`
}

// ReportFilter selects reports.
type ReportFilter struct {
	Period string
	Status string
	Page   Page
}

// Canonical returns the report as it is stored — compact JSON of the
// normalised report, without its status, which belongs to the revision —
// and the content hash that tells an identical resubmission: SHA-256 of
// that JSON and the status.
func (r *Report) Canonical() (body, hash []byte, err error) {
	c := *r
	c.Status = ""
	body, err = json.Marshal(&c)
	if err != nil {
		return nil, nil, err
	}
	h := sha256.New()
	h.Write(body)
	h.Write([]byte{0})
	h.Write([]byte(r.Status))
	return body, h.Sum(nil), nil
}

// Review decisions.
const (
	DecisionAccept = "accept"
	DecisionReturn = "return"
)

// MaxReviewComment bounds a review's comment.
const MaxReviewComment = 5_000

// ReviewInput is the body of POST …/review: the district's decision.
type ReviewInput struct {
	Decision string `json:"decision" enums:"accept,return" example:"return"`
	Comment  string `json:"comment" example:"Đề nghị bổ sung số và ngày ban hành báo cáo."` // required to return a report: the commune must know what to amend
}

// Validate checks a review.
func (in *ReviewInput) Validate(p *Problems) {
	in.Comment = NFC(strings.TrimSpace(in.Comment))
	switch in.Decision {
	case DecisionAccept:
	case DecisionReturn:
		if in.Comment == "" {
			p.Add("comment", "is required to return a report: say what the commune must amend")
		}
	case "":
		p.Add("decision", "is required: accept or return")
	default:
		p.Add("decision", "must be accept or return")
	}
	CheckText(p, "comment", in.Comment, MaxReviewComment)
}

// StatusAfter is the status a decision gives a report.
func (in *ReviewInput) StatusAfter() string {
	if in.Decision == DecisionAccept {
		return StatusAccepted
	}
	return StatusReturned
}
