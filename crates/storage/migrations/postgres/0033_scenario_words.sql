-- A saved fair-share scenario's key method, ramp, rounding and needs basis are read as the
-- domain's words since issue #19, exactly (`ec2015`, `even`, `floor`, `last-year`). Before,
-- they were read whatever their case and spacing, so a scenario saved through the API as
-- "EC2015" would no longer load (and with it the list of scenarios). Stored inputs take the
-- words as they are now read.
UPDATE fair_share_scenarios
   SET inputs = jsonb_set(inputs::jsonb, '{method}', to_jsonb(lower(btrim(inputs::jsonb ->> 'method'))))::text
 WHERE jsonb_typeof(inputs::jsonb -> 'method') = 'string';
UPDATE fair_share_scenarios
   SET inputs = jsonb_set(inputs::jsonb, '{ramp}', to_jsonb(lower(btrim(inputs::jsonb ->> 'ramp'))))::text
 WHERE jsonb_typeof(inputs::jsonb -> 'ramp') = 'string';
UPDATE fair_share_scenarios
   SET inputs = jsonb_set(inputs::jsonb, '{rounding}', to_jsonb(lower(btrim(inputs::jsonb ->> 'rounding'))))::text
 WHERE jsonb_typeof(inputs::jsonb -> 'rounding') = 'string';
UPDATE fair_share_scenarios
   SET inputs = jsonb_set(inputs::jsonb, '{needs_basis}', to_jsonb(lower(btrim(inputs::jsonb ->> 'needs_basis'))))::text
 WHERE jsonb_typeof(inputs::jsonb -> 'needs_basis') = 'string';
