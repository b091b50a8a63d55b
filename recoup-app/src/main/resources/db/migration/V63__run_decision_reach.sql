-- How the case of a decision is reached, chosen by the account step from the borrower's party and contact points so
-- that the case step need not read them again: "zone|call|sms|email|address" (contact point ids, empty when none).
ALTER TABLE run_decision ADD COLUMN reach VARCHAR(400);
