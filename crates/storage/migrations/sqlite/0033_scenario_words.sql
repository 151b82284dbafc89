-- A saved fair-share scenario's key method, ramp, rounding and needs basis are read as the
-- domain's words since issue #19, exactly (`ec2015`, `even`, `floor`, `last-year`). Before,
-- they were read whatever their case and spacing, so a scenario saved through the API as
-- "EC2015" would no longer load (and with it the list of scenarios). Stored inputs take the
-- words as they are now read.
UPDATE fair_share_scenarios
   SET inputs = json_set(inputs, '$.method', lower(trim(json_extract(inputs, '$.method'))))
 WHERE json_type(inputs, '$.method') = 'text';
UPDATE fair_share_scenarios
   SET inputs = json_set(inputs, '$.ramp', lower(trim(json_extract(inputs, '$.ramp'))))
 WHERE json_type(inputs, '$.ramp') = 'text';
UPDATE fair_share_scenarios
   SET inputs = json_set(inputs, '$.rounding', lower(trim(json_extract(inputs, '$.rounding'))))
 WHERE json_type(inputs, '$.rounding') = 'text';
UPDATE fair_share_scenarios
   SET inputs = json_set(inputs, '$.needs_basis', lower(trim(json_extract(inputs, '$.needs_basis'))))
 WHERE json_type(inputs, '$.needs_basis') = 'text';
