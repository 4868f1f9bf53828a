-- Version 17: assets carried at the nominal amount of 1.00 (名义金额, 财会〔2023〕14号): received for
-- nothing and of no reliably measurable value, never depreciated. asset.added records `nominal` as an
-- optional key (true only); the register keeps it here. Core's rule, mirrored: such an asset costs
-- 1.00, has no residual value and no useful life (so no depreciation or expense account).
ALTER TABLE assets ADD COLUMN nominal INTEGER NOT NULL DEFAULT 0
    CHECK (nominal = 0 OR (nominal = 1 AND cost_fen = 100 AND residual_fen = 0 AND life_months = 0));
