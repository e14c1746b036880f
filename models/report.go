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
	UnitCode string `json:"unit_code" example:"05596" validate:"required" minLength:"1"` // mã đơn vị hành chính của xã — the commune's official code (a string: leading zeros matter)
	Period   string `json:"period" example:"2024" validate:"required" minLength:"1"`     // kỳ báo cáo — the period: 2024 (the year), 2024S1 or 2024S2 (a half)
	// draft or submitted (the default). A client never sets accepted or
	// returned: those come from the district's review.
	Status string `json:"status,omitempty" enums:"draft,submitted" example:"submitted" extensions:"x-nullable"`

	Document *Document `json:"document" extensions:"x-nullable"` // phần đầu văn bản — header: number, place and date, signer, recipients
	Profile  *Profile  `json:"profile" extensions:"x-nullable"`  // I. Đặc điểm tình hình — the commune's situation

	Delegations              *Delegations      `json:"delegations" extensions:"x-nullable"`               // 1. Đoàn ra, đoàn vào — delegations abroad and visiting
	InternationalAgreements  *Agreements       `json:"international_agreements" extensions:"x-nullable"`  // 2. Thỏa thuận hợp tác quốc tế — international cooperation agreements
	InternationalConferences *Conferences      `json:"international_conferences" extensions:"x-nullable"` // 3. Hội thảo, hội nghị quốc tế — international conferences and seminars
	EconomicDiplomacy        *DocumentsSection `json:"economic_diplomacy" extensions:"x-nullable"`        // 4. Ngoại giao kinh tế — economic diplomacy
	PeopleDiplomacy          *Narrative        `json:"people_diplomacy" extensions:"x-nullable"`          // 5. Đối ngoại nhân dân — people-to-people diplomacy
	NgoAid                   *NgoAid           `json:"ngo_aid" extensions:"x-nullable"`                   // 5. Viện trợ phi chính phủ nước ngoài — foreign non-governmental aid
	CulturalDiplomacy        *CulturalSection  `json:"cultural_diplomacy" extensions:"x-nullable"`        // 6. Văn hóa đối ngoại — cultural diplomacy
	Information              *Narrative        `json:"information" extensions:"x-nullable"`               // 7. Thông tin, tuyên truyền đối ngoại — external information and communication
	Consular                 *Consular         `json:"consular" extensions:"x-nullable"`                  // 8. Lãnh sự, bảo hộ công dân — consular affairs and protection of citizens
	OverseasVietnamese       *Overseas         `json:"overseas_vietnamese" extensions:"x-nullable"`       // 9. Người Việt Nam ở nước ngoài — Vietnamese abroad
	Training                 *Training         `json:"training" extensions:"x-nullable"`                  // 10. Đào tạo, bồi dưỡng kiến thức đối ngoại — training in foreign affairs
	ForeignAwardsReceived    *Awards           `json:"foreign_awards_received" extensions:"x-nullable"`   // 11. Khen thưởng của nước ngoài — awards received from abroad
	AwardNominations         *Nominations      `json:"award_nominations" extensions:"x-nullable"`         // 12. Kiến nghị khen thưởng — nominations for state and provincial awards
	ReportingCompliance      *Narrative        `json:"reporting_compliance" extensions:"x-nullable"`      // 13. Chế độ thông tin, báo cáo — reporting compliance

	// swag cuts an example list at its commas, so the examples of causes
	// and plan are the report's items up to their first comma.

	Difficulties    []string         `json:"difficulties,omitzero" example:"Nguồn kinh phí cho công tác đối ngoại hạn chế" validate:"max=100" minLength:"1" maxLength:"5000" extensions:"x-nullable"` // III. Khó khăn — difficulties
	Causes          []string         `json:"causes,omitzero" example:"Chưa được đào tạo" validate:"max=100" minLength:"1" maxLength:"5000" extensions:"x-nullable"`                                   // III. Nguyên nhân — their causes
	Plan            []string         `json:"plan,omitzero" example:"Tham gia đầy đủ" validate:"max=100" minLength:"1" maxLength:"5000" extensions:"x-nullable"`                                       // IV. Kế hoạch năm sau — plans for next year
	Recommendations []Recommendation `json:"recommendations,omitzero" validate:"max=100" extensions:"x-nullable"`                                                                                     // V. Kiến nghị — recommendations
}

// Document is the report's header: "Số: 15/BC-UBND", "Bộc Nhiêu, ngày 20
// tháng 11 năm 2024", the request it answers, who signs, who receives it.
type Document struct {
	Number       *string  `json:"number" example:"15/BC-UBND" extensions:"x-nullable" maxLength:"100"`                                                                        // số văn bản — the document number; null in a draft
	IssuedOn     *Date    `json:"issued_on" swaggertype:"string" format:"date" example:"2024-11-20" extensions:"x-nullable"`                                                  // ngày ban hành — the date of issue; null in a draft
	Place        string   `json:"place,omitempty" example:"Bộc Nhiêu" maxLength:"500" extensions:"x-nullable"`                                                                // địa danh — the place written in the header
	InResponseTo string   `json:"in_response_to,omitempty" example:"Công văn số 7253/UBND-VP ngày 8/11/2024 của UBND huyện Định Hoá" maxLength:"500" extensions:"x-nullable"` // căn cứ — the request (công văn) this report answers
	SignerName   string   `json:"signer_name,omitempty" example:"Lê Đình Ngà" maxLength:"500" extensions:"x-nullable"`                                                        // người ký — who signs
	SignerTitle  string   `json:"signer_title,omitempty" example:"Chủ tịch" maxLength:"500" extensions:"x-nullable"`                                                          // chức vụ người ký — the signer's title
	Recipients   []string `json:"recipients,omitzero" example:"UBND huyện,Lưu: VP" validate:"max=100" minLength:"1" maxLength:"500" extensions:"x-nullable"`                  // nơi nhận — the recipients
	IssuedText   string   `json:"issued_text,omitempty" example:"Bộc Nhiêu, ngày    tháng 11 năm 2024" maxLength:"500" extensions:"x-nullable"`                               // the place-and-date line as written (địa danh, ngày tháng năm)
}

// Profile is section I, the commune's situation (đặc điểm tình hình).
type Profile struct {
	AreaHa                    *Decimal          `json:"area_ha" swaggertype:"number" format:"double" example:"2690.67" extensions:"x-nullable" minimum:"0" maximum:"10000000"`              // diện tích tự nhiên (ha) — natural area in hectares
	Hamlets                   *int64            `json:"hamlets" example:"11" extensions:"x-nullable" minimum:"0" maximum:"10000"`                                                           // số xóm, thôn, bản — hamlets
	Households                *int64            `json:"households" example:"1169" extensions:"x-nullable" minimum:"0" maximum:"2000000"`                                                    // số hộ — households
	Population                *int64            `json:"population" example:"4456" extensions:"x-nullable" minimum:"0" maximum:"5000000"`                                                    // dân số, nhân khẩu — population
	EthnicMinoritySharePct    *Decimal          `json:"ethnic_minority_share_pct" swaggertype:"number" format:"double" example:"65" extensions:"x-nullable" minimum:"0" maximum:"100"`      // tỷ lệ người dân tộc thiểu số (%) — ethnic minority share of the population, as stated
	EthnicGroups              []EthnicGroup     `json:"ethnic_groups,omitzero" validate:"max=100" extensions:"x-nullable"`                                                                  // thành phần dân tộc — the peoples (dân tộc) and their shares; they should add up to 100
	PartyCells                *int64            `json:"party_cells" example:"17" extensions:"x-nullable" minimum:"0" maximum:"10000"`                                                       // số chi bộ — party cells
	PartyMembers              *int64            `json:"party_members" example:"338" extensions:"x-nullable" minimum:"0" maximum:"5000000"`                                                  // số đảng viên — party members
	EconomyStructurePct       *EconomyStructure `json:"economy_structure_pct" extensions:"x-nullable"`                                                                                      // cơ cấu kinh tế (%) — economic structure; the three shares should add up to 100
	PoorHouseholds            *int64            `json:"poor_households" example:"60" extensions:"x-nullable" minimum:"0" maximum:"2000000"`                                                 // số hộ nghèo — poor households
	PoorHouseholdsRatePct     *Decimal          `json:"poor_households_rate_pct" swaggertype:"number" format:"double" example:"5.03" extensions:"x-nullable" minimum:"0" maximum:"100"`     // tỷ lệ hộ nghèo (%) — poor household rate as stated; rollups recompute it from the counts
	NearPoorHouseholds        *int64            `json:"near_poor_households" example:"43" extensions:"x-nullable" minimum:"0" maximum:"2000000"`                                            // số hộ cận nghèo — near-poor households
	NearPoorHouseholdsRatePct *Decimal          `json:"near_poor_households_rate_pct" swaggertype:"number" format:"double" example:"3.6" extensions:"x-nullable" minimum:"0" maximum:"100"` // tỷ lệ hộ cận nghèo (%) — near-poor household rate as stated
	IncomePerCapitaVND        *int64            `json:"income_per_capita_vnd" example:"46000000" extensions:"x-nullable" minimum:"0" maximum:"10000000000"`                                 // thu nhập bình quân đầu người (đồng/người/năm) — income per head, whole đồng per person per year
	Narrative                 string            `json:"narrative,omitempty" maxLength:"20000"`                                                                                              // nội dung — free text
}

// EthnicGroup is one people (dân tộc) and its share of the population.
type EthnicGroup struct {
	Name     string   `json:"name" example:"Tày" validate:"required" minLength:"1" maxLength:"500"`                                             // tên dân tộc — the people
	SharePct *Decimal `json:"share_pct" swaggertype:"number" format:"double" example:"61.31" extensions:"x-nullable" minimum:"0" maximum:"100"` // tỷ lệ (%) — share of the population
}

// EconomyStructure is the economy's make-up (cơ cấu kinh tế), in percent.
type EconomyStructure struct {
	AgricultureForestry     *Decimal `json:"agriculture_forestry" swaggertype:"number" format:"double" example:"65" extensions:"x-nullable" minimum:"0" maximum:"100"`      // nông – lâm nghiệp — agriculture and forestry
	IndustryServicesTourism *Decimal `json:"industry_services_tourism" swaggertype:"number" format:"double" example:"15" extensions:"x-nullable" minimum:"0" maximum:"100"` // tiểu thủ công nghiệp, dịch vụ, du lịch — crafts, services and tourism
	Other                   *Decimal `json:"other" swaggertype:"number" format:"double" example:"20" extensions:"x-nullable" minimum:"0" maximum:"100"`                     // ngành nghề khác — other trades
}

// Narrative is a section that is text only.
type Narrative struct {
	Narrative string `json:"narrative,omitempty" example:"Công tác đối ngoại nhân dân được quan tâm thực hiện, thường xuyên nắm bắt tâm tư, nguyện vọng của nhân dân để kịp thời giải quyết." maxLength:"20000" extensions:"x-nullable"`
}

// Delegations is section 1: delegations abroad (đoàn ra) and visiting
// delegations (đoàn vào), domestic and foreign.
type Delegations struct {
	Outbound        *DelegationGroup `json:"outbound" extensions:"x-nullable"`         // đoàn ra — officials going abroad
	InboundDomestic *DelegationGroup `json:"inbound_domestic" extensions:"x-nullable"` // đoàn trong nước đến làm việc — domestic delegations received
	InboundForeign  *DelegationGroup `json:"inbound_foreign" extensions:"x-nullable"`  // đoàn nước ngoài vào — foreign delegations received
	Narrative       string           `json:"narrative,omitempty" example:"Đoàn vào: đoàn trong nước 6 đoàn; đoàn nước ngoài: không có." maxLength:"20000" extensions:"x-nullable"`
}

// DelegationGroup counts one kind of delegation. When items are listed and
// count is given they must agree; an empty list means "not itemised".
type DelegationGroup struct {
	Count  *int64       `json:"count" example:"6" extensions:"x-nullable" minimum:"0" maximum:"1000000"`   // số đoàn — delegations; 0 is none, null is not reported
	People *int64       `json:"people" example:"0" extensions:"x-nullable" minimum:"0" maximum:"10000000"` // số lượt người — people (visits)
	Items  []Delegation `json:"items,omitzero" validate:"max=1000" extensions:"x-nullable"`                // từng đoàn — each delegation; when given with count they must agree
}

// Delegation is one delegation.
type Delegation struct {
	Name    string `json:"name" example:"Đoàn công tác tỉnh Xiêng Khoảng (Lào)" validate:"required" minLength:"1" maxLength:"500"`
	Country string `json:"country,omitempty" example:"Lào" maxLength:"500" extensions:"x-nullable"`
	Purpose string `json:"purpose,omitempty" example:"Trao đổi kinh nghiệm phát triển nông nghiệp" maxLength:"500" extensions:"x-nullable"`
	StartOn *Date  `json:"start_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
	EndOn   *Date  `json:"end_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
	People  *int64 `json:"people,omitempty" example:"5" minimum:"0" maximum:"10000000" extensions:"x-nullable"`
}

// Agreements is section 2: international cooperation agreements signed by
// the locality (thỏa thuận hợp tác quốc tế).
type Agreements struct {
	Count     *int64      `json:"count" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"` // số thỏa thuận — agreements signed; 0 is none, null is not reported
	Items     []Agreement `json:"items,omitzero" validate:"max=1000" extensions:"x-nullable"`
	Narrative string      `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Agreement is one agreement.
type Agreement struct {
	Title    string `json:"title" example:"Biên bản ghi nhớ hợp tác giáo dục" validate:"required" minLength:"1" maxLength:"500"`
	Partner  string `json:"partner,omitempty" example:"Huyện Mường Khoa" maxLength:"500" extensions:"x-nullable"`
	Country  string `json:"country,omitempty" example:"Lào" maxLength:"500" extensions:"x-nullable"`
	SignedOn *Date  `json:"signed_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
}

// Conferences is section 3: international conferences and seminars held
// (hội nghị, hội thảo quốc tế).
type Conferences struct {
	Count     *int64       `json:"count" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"` // số hội nghị, hội thảo — conferences held; 0 is none, null is not reported
	Items     []Conference `json:"items,omitzero" validate:"max=1000" extensions:"x-nullable"`
	Narrative string       `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Conference is one conference.
type Conference struct {
	Title        string `json:"title" example:"Hội thảo du lịch cộng đồng" validate:"required" minLength:"1" maxLength:"500"`
	HeldOn       *Date  `json:"held_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
	Participants *int64 `json:"participants,omitempty" example:"80" minimum:"0" maximum:"10000000" extensions:"x-nullable"`
}

// DocumentsSection is a section that lists the documents implemented
// (section 4, economic diplomacy).
type DocumentsSection struct {
	Documents []DocumentRef `json:"documents,omitzero" validate:"max=200" extensions:"x-nullable"`
	Narrative string        `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// DocumentRef cites a document: "Kế hoạch số 47/KH-UBND ngày 22/02/2023 của
// UBND huyện Định Hóa".
type DocumentRef struct {
	Number   string `json:"number,omitempty" example:"47/KH-UBND" maxLength:"100" extensions:"x-nullable"`
	IssuedOn *Date  `json:"issued_on,omitempty" swaggertype:"string" format:"date" example:"2023-02-22" extensions:"x-nullable"`
	Issuer   string `json:"issuer,omitempty" example:"UBND huyện Định Hóa" maxLength:"500" extensions:"x-nullable"`
	Title    string `json:"title" example:"Kế hoạch thực hiện Đề án “Phát triển quan hệ giữa Việt Nam và các nước khu vực Mỹ La tinh giai đoạn 2022 - 2026”" validate:"required" minLength:"1" maxLength:"1000"`
}

// NgoAid is the second half of section 5: foreign non-governmental aid
// (viện trợ phi chính phủ nước ngoài), project by project.
type NgoAid struct {
	Projects  []NgoProject `json:"projects,omitzero" validate:"max=1000" extensions:"x-nullable"` // các dự án — aid projects; their number is the ngo_projects indicator
	Narrative string       `json:"narrative,omitempty" example:"Công tác vận động quản lý viện trợ phi chính phủ nước ngoài: Không có." maxLength:"20000" extensions:"x-nullable"`
}

// NgoProject is one aid project, its values in whole đồng.
type NgoProject struct {
	Name         string `json:"name" example:"Xây dựng nhà văn hóa xóm" validate:"required" minLength:"1" maxLength:"500"`
	Donor        string `json:"donor,omitempty" example:"World Vision" maxLength:"500" extensions:"x-nullable"`
	Country      string `json:"country,omitempty" example:"Hoa Kỳ" maxLength:"500" extensions:"x-nullable"`
	Sector       string `json:"sector,omitempty" example:"Giáo dục" maxLength:"500" extensions:"x-nullable"`
	CommittedVND *int64 `json:"committed_vnd" example:"1500000000" extensions:"x-nullable" minimum:"0" maximum:"100000000000000"` // giá trị cam kết (đồng) — value committed, whole đồng
	DisbursedVND *int64 `json:"disbursed_vnd" example:"900000000" extensions:"x-nullable" minimum:"0" maximum:"100000000000000"`  // giá trị giải ngân (đồng) — value disbursed, whole đồng
	StartOn      *Date  `json:"start_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
	EndOn        *Date  `json:"end_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
}

// CulturalSection is section 6, cultural diplomacy: documents implemented
// and the organisations worked with.
type CulturalSection struct {
	Documents []DocumentRef `json:"documents,omitzero" validate:"max=200" extensions:"x-nullable"`
	Partners  []Partner     `json:"partners,omitzero" validate:"max=1000" extensions:"x-nullable"` // cơ quan, tổ chức phối hợp — partner organisations
	Narrative string        `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Partner is an organisation the commune works with.
type Partner struct {
	Name string `json:"name" example:"Tổng công ty May 10" validate:"required" minLength:"1" maxLength:"500"`
}

// Consular is section 8: foreigners residing, incidents, citizens leaving.
type Consular struct {
	ForeignResidents   *int64 `json:"foreign_residents" example:"0" extensions:"x-nullable" minimum:"0" maximum:"10000000"`  // số người nước ngoài tạm trú — foreigners residing temporarily
	ForeignerIncidents *int64 `json:"foreigner_incidents" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"` // số vụ việc liên quan người nước ngoài — incidents involving foreigners
	CitizensExited     *int64 `json:"citizens_exited" example:"12" extensions:"x-nullable" minimum:"0" maximum:"10000000"`   // số công dân xuất cảnh — citizens who went abroad; null when not reported
	Narrative          string `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Overseas is section 9: Vietnamese abroad.
type Overseas struct {
	LaborExportWorkers *int64 `json:"labor_export_workers" example:"25" extensions:"x-nullable" minimum:"0" maximum:"10000000"` // số người đi lao động ở nước ngoài — workers abroad on labour contracts; null when not reported
	Narrative          string `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Training is section 10: officials trained in foreign affairs.
type Training struct {
	OfficialsTrained *int64 `json:"officials_trained" example:"0" extensions:"x-nullable" minimum:"0" maximum:"10000000"` // số cán bộ được bồi dưỡng — officials trained in foreign affairs
	Courses          *int64 `json:"courses" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"`            // số lớp bồi dưỡng — courses
	Narrative        string `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Awards is section 11: awards received from foreign states, organisations
// and people.
type Awards struct {
	Count     *int64  `json:"count" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"` // số hình thức khen thưởng — awards received; 0 is none, null is not reported
	Items     []Award `json:"items,omitzero" validate:"max=1000" extensions:"x-nullable"`
	Narrative string  `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Award is one award received.
type Award struct {
	Title      string `json:"title" example:"Huân chương Hữu nghị" validate:"required" minLength:"1" maxLength:"500"`
	AwardedBy  string `json:"awarded_by,omitempty" example:"Nhà nước Cộng hòa Dân chủ Nhân dân Lào" maxLength:"500" extensions:"x-nullable"`
	Recipient  string `json:"recipient,omitempty" example:"UBND xã" maxLength:"500" extensions:"x-nullable"`
	ReceivedOn *Date  `json:"received_on,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
}

// Nominations is section 12: nominations for state or provincial awards.
type Nominations struct {
	Count     *int64       `json:"count" example:"0" extensions:"x-nullable" minimum:"0" maximum:"1000000"` // số kiến nghị khen thưởng — nominations; 0 is none, null is not reported
	Items     []Nomination `json:"items,omitzero" validate:"max=1000" extensions:"x-nullable"`
	Narrative string       `json:"narrative,omitempty" maxLength:"20000" extensions:"x-nullable"`
}

// Nomination is one nomination.
type Nomination struct {
	Title   string `json:"title" example:"Bằng khen của Chủ tịch UBND tỉnh" validate:"required" minLength:"1" maxLength:"500"`
	Nominee string `json:"nominee,omitempty" example:"Ông Nguyễn Văn A" maxLength:"500" extensions:"x-nullable"`
	Level   string `json:"level,omitempty" enums:"state,province" example:"province" extensions:"x-nullable"` // cấp khen thưởng — state (nhà nước) or province (tỉnh)
}

// Recommendation is one proposal of section V and to whom it is addressed.
type Recommendation struct {
	Addressee string `json:"addressee,omitempty" example:"UBND huyện" maxLength:"500" extensions:"x-nullable"`                                                                                                                                                            // kính gửi — to whom it is addressed
	Text      string `json:"text" example:"Quan tâm, giúp đỡ, là cầu nối giúp địa phương gắn kết các mối quan hệ công tác với các cơ quan, tổ chức nước ngoài và các cơ quan, đơn vị từng đóng quân trên địa bàn xã." validate:"required" minLength:"1" maxLength:"5000"` // nội dung kiến nghị — the recommendation
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
	Field   string `json:"field" example:"profile.poor_households_rate_pct" validate:"required"`
	Code    string `json:"code" enums:"poor_rate_mismatch,near_poor_rate_mismatch,ethnic_shares_total,minority_share_mismatch,economy_structure_total,party_members_exceed_population,document_number_missing,document_date_missing,outlier" example:"poor_rate_mismatch" validate:"required"`
	Message string `json:"message" example:"the stated rate 5.03% differs from 60 poor / 1169 households × 100 = 5.13%" validate:"required"`
	// Params are the values the message names, by name: numbers, dates
	// (YYYY-MM-DD) and periods (2024, 2024S1); with the code they fill in
	// the words of a translation.
	Params Params `json:"params,omitempty" swaggertype:"object"`
}

// SubmitResult is the answer to a submission.
type SubmitResult struct {
	UnitCode    string    `json:"unit_code" example:"05596" validate:"required"`
	Period      string    `json:"period" example:"2024" validate:"required"`
	Revision    int       `json:"revision" example:"1" validate:"required"`
	Status      string    `json:"status" enums:"draft,submitted" example:"submitted" validate:"required"`
	SubmittedAt time.Time `json:"submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" validate:"required"` // when it was stored, in UTC (15:04:05 in Vietnam); on time is judged in Vietnam time
	Warnings    []Warning `json:"warnings" validate:"required"`
	DryRun      bool      `json:"dry_run,omitempty"` // true when ?dry_run=true: nothing was stored
}

// Review is the district's decision on a report.
type Review struct {
	Decision   string    `json:"decision" enums:"accept,return" example:"return" validate:"required"`
	Comment    string    `json:"comment" example:"Đề nghị bổ sung số và ngày ban hành báo cáo." validate:"required"`
	ReviewedAt time.Time `json:"reviewed_at" format:"date-time" example:"2024-11-22T02:30:00Z" validate:"required"`
	ReviewedBy string    `json:"reviewed_by" example:"Phòng Nội vụ huyện Định Hóa" validate:"required"`
	Revision   int       `json:"revision" example:"1" validate:"required"` // the revision reviewed
}

// ReportView is a stored report as the API returns it: the submitted body
// plus what the service knows of it.
type ReportView struct {
	Report
	Status           string     `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted" validate:"required"`
	Revision         int        `json:"revision" example:"1" validate:"required"`
	SubmittedAt      time.Time  `json:"submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" validate:"required"`
	SubmittedBy      string     `json:"submitted_by" example:"UBND xã Bộc Nhiêu" validate:"required"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" extensions:"x-nullable" validate:"required"` // the first submission that was not a draft
	Warnings         []Warning  `json:"warnings" validate:"required"`
	Review           *Review    `json:"review,omitempty"`
}

// RevisionSummary is one line of a report's history.
type RevisionSummary struct {
	Revision    int       `json:"revision" example:"1" validate:"required"`
	Status      string    `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted" validate:"required"`
	SubmittedAt time.Time `json:"submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" validate:"required"`
	SubmittedBy string    `json:"submitted_by" example:"UBND xã Bộc Nhiêu" validate:"required"`
	Role        Role      `json:"role" enums:"admin,district,commune,system" example:"commune" validate:"required"` // a district role means submitted on the commune's behalf
	Warnings    int       `json:"warnings" example:"5" validate:"required"`
}

// RevisionList is a report's history, oldest first.
type RevisionList struct {
	Items []RevisionSummary `json:"items" validate:"required"`
}

// ReportSummary is one line of the report listing.
type ReportSummary struct {
	UnitCode         string     `json:"unit_code" example:"05596" validate:"required"`
	UnitName         string     `json:"unit_name" example:"Xã Bộc Nhiêu" validate:"required"`
	Period           string     `json:"period" example:"2024" validate:"required"`
	Revision         int        `json:"revision" example:"1" validate:"required"`
	Status           string     `json:"status" enums:"draft,submitted,accepted,returned" example:"submitted" validate:"required"`
	SubmittedAt      time.Time  `json:"submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" validate:"required"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" extensions:"x-nullable" validate:"required"`
	Warnings         int        `json:"warnings" example:"5" validate:"required"`
}

// ReportList is a page of report summaries.
type ReportList struct {
	Items []ReportSummary `json:"items" validate:"required"`
	Total int64           `json:"total" example:"18" validate:"required"`
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
	Decision string `json:"decision" enums:"accept,return" example:"return" validate:"required"`
	Comment  string `json:"comment" example:"Đề nghị bổ sung số và ngày ban hành báo cáo." maxLength:"5000"` // required to return a report: the commune must know what to amend
}

// Validate checks a review.
func (in *ReviewInput) Validate(p *Problems) {
	in.Comment = NFC(strings.TrimSpace(in.Comment))
	switch in.Decision {
	case DecisionAccept:
	case DecisionReturn:
		if in.Comment == "" {
			p.AddMsg("comment", FRequired, MReturnNeedsComment, nil, "is required to return a report: say what the commune must amend")
		}
	case "":
		p.AddMsg("decision", FRequired, MDecisionRequired, nil, "is required: accept or return")
	default:
		p.AddMsg("decision", FNotAllowed, MDecisionNotAllowed, Params{"decision": in.Decision}, "must be accept or return")
	}
	CheckText(p, "comment", in.Comment, MaxReviewComment)
}
