-- What the conversation established, beside the technical outcome (contract §5 outcome): an agent's disposition.
-- Read by segmentation (refusals, disputes, "already paid" claims, hardship) and by the workbench.
ALTER TABLE contact_attempt ADD COLUMN disposition VARCHAR(20);
ALTER TABLE contact_attempt ADD CONSTRAINT contact_disposition_ck CHECK (disposition IS NULL OR disposition IN (
    'PROMISE', 'REFUSED_TO_PAY', 'DISPUTE', 'CLAIMS_PAID', 'HARDSHIP', 'DECEASED_REPORTED', 'CALLBACK', 'OTHER'));
