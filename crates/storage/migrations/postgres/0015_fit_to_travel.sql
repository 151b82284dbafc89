-- Whether a member may travel, as a medical officer assessed it: sealed like the other
-- health fields ("fit" or "not_fit" under the data key, bound to its row and field), and
-- NULL until assessed, which is every record written before medical officers could.
ALTER TABLE medical_records ADD COLUMN fit_to_travel TEXT;
