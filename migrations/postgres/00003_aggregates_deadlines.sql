-- Totals kept up to date per unit, period and scope, and deadlines.
--
-- aggregates holds, for every unit (each commune too) and period, the totals
-- that rollups are computed from (models.Totals): the number of reports; per
-- measure its sum (s_) and how many communes reported it (n_); per ratio or
-- weighted mean the sums of numerator (pn_) and denominator (pd_) over the
-- communes that reported both, and their number (pc_). Scope 0 counts
-- submitted and accepted reports, scope 1 accepted ones only. Each submission
-- and review adds its change to the rows of its commune and of every unit
-- above it, in the same transaction: a rollup reads one row.
-- BIGINT: an addition that overflows 64 bits is an error, never a wrong total.

-- +goose Up
CREATE TABLE aggregates (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    period  TEXT    NOT NULL,
    scope   INTEGER NOT NULL CHECK (scope IN (0, 1)),
    reports                                  BIGINT NOT NULL DEFAULT 0,
    s_delegations_out                        BIGINT NOT NULL DEFAULT 0,
    n_delegations_out                        BIGINT NOT NULL DEFAULT 0,
    s_delegations_out_people                 BIGINT NOT NULL DEFAULT 0,
    n_delegations_out_people                 BIGINT NOT NULL DEFAULT 0,
    s_delegations_in_domestic                BIGINT NOT NULL DEFAULT 0,
    n_delegations_in_domestic                BIGINT NOT NULL DEFAULT 0,
    s_delegations_in_foreign                 BIGINT NOT NULL DEFAULT 0,
    n_delegations_in_foreign                 BIGINT NOT NULL DEFAULT 0,
    s_delegations_in_foreign_people          BIGINT NOT NULL DEFAULT 0,
    n_delegations_in_foreign_people          BIGINT NOT NULL DEFAULT 0,
    s_international_agreements               BIGINT NOT NULL DEFAULT 0,
    n_international_agreements               BIGINT NOT NULL DEFAULT 0,
    s_international_conferences              BIGINT NOT NULL DEFAULT 0,
    n_international_conferences              BIGINT NOT NULL DEFAULT 0,
    s_ngo_projects                           BIGINT NOT NULL DEFAULT 0,
    n_ngo_projects                           BIGINT NOT NULL DEFAULT 0,
    s_ngo_aid_committed_vnd                  BIGINT NOT NULL DEFAULT 0,
    n_ngo_aid_committed_vnd                  BIGINT NOT NULL DEFAULT 0,
    s_ngo_aid_disbursed_vnd                  BIGINT NOT NULL DEFAULT 0,
    n_ngo_aid_disbursed_vnd                  BIGINT NOT NULL DEFAULT 0,
    s_foreign_residents                      BIGINT NOT NULL DEFAULT 0,
    n_foreign_residents                      BIGINT NOT NULL DEFAULT 0,
    s_foreigner_incidents                    BIGINT NOT NULL DEFAULT 0,
    n_foreigner_incidents                    BIGINT NOT NULL DEFAULT 0,
    s_citizens_exited                        BIGINT NOT NULL DEFAULT 0,
    n_citizens_exited                        BIGINT NOT NULL DEFAULT 0,
    s_labor_export_workers                   BIGINT NOT NULL DEFAULT 0,
    n_labor_export_workers                   BIGINT NOT NULL DEFAULT 0,
    s_officials_trained                      BIGINT NOT NULL DEFAULT 0,
    n_officials_trained                      BIGINT NOT NULL DEFAULT 0,
    s_foreign_awards_received                BIGINT NOT NULL DEFAULT 0,
    n_foreign_awards_received                BIGINT NOT NULL DEFAULT 0,
    s_award_nominations                      BIGINT NOT NULL DEFAULT 0,
    n_award_nominations                      BIGINT NOT NULL DEFAULT 0,
    s_population                             BIGINT NOT NULL DEFAULT 0,
    n_population                             BIGINT NOT NULL DEFAULT 0,
    s_households                             BIGINT NOT NULL DEFAULT 0,
    n_households                             BIGINT NOT NULL DEFAULT 0,
    s_poor_households                        BIGINT NOT NULL DEFAULT 0,
    n_poor_households                        BIGINT NOT NULL DEFAULT 0,
    s_near_poor_households                   BIGINT NOT NULL DEFAULT 0,
    n_near_poor_households                   BIGINT NOT NULL DEFAULT 0,
    s_income_per_capita_vnd                  BIGINT NOT NULL DEFAULT 0,
    n_income_per_capita_vnd                  BIGINT NOT NULL DEFAULT 0,
    s_ethnic_minority_share_pct              BIGINT NOT NULL DEFAULT 0,
    n_ethnic_minority_share_pct              BIGINT NOT NULL DEFAULT 0,
    s_area_ha                                BIGINT NOT NULL DEFAULT 0,
    n_area_ha                                BIGINT NOT NULL DEFAULT 0,
    s_party_members                          BIGINT NOT NULL DEFAULT 0,
    n_party_members                          BIGINT NOT NULL DEFAULT 0,
    pn_poverty_rate_pct                      BIGINT NOT NULL DEFAULT 0,
    pd_poverty_rate_pct                      BIGINT NOT NULL DEFAULT 0,
    pc_poverty_rate_pct                      BIGINT NOT NULL DEFAULT 0,
    pn_near_poverty_rate_pct                 BIGINT NOT NULL DEFAULT 0,
    pd_near_poverty_rate_pct                 BIGINT NOT NULL DEFAULT 0,
    pc_near_poverty_rate_pct                 BIGINT NOT NULL DEFAULT 0,
    pn_income_per_capita_vnd                 BIGINT NOT NULL DEFAULT 0,
    pd_income_per_capita_vnd                 BIGINT NOT NULL DEFAULT 0,
    pc_income_per_capita_vnd                 BIGINT NOT NULL DEFAULT 0,
    pn_ethnic_minority_share_pct             BIGINT NOT NULL DEFAULT 0,
    pd_ethnic_minority_share_pct             BIGINT NOT NULL DEFAULT 0,
    pc_ethnic_minority_share_pct             BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, period, scope)
);

-- The due date of a period set on a unit (a district's request letter); it
-- applies to every commune below the unit unless one nearer sets another.
CREATE TABLE deadlines (
    unit_id   BIGINT NOT NULL REFERENCES units (id),
    period    TEXT    NOT NULL,
    due_date  TEXT    NOT NULL,
    reference TEXT    NOT NULL DEFAULT '',
    set_by    TEXT    NOT NULL,
    set_at    BIGINT NOT NULL,
    PRIMARY KEY (unit_id, period)
);
CREATE INDEX deadlines_period ON deadlines (period);

-- +goose Down
DROP TABLE deadlines;
DROP TABLE aggregates;
