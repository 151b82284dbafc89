# Documents a family reads: the subject-access export (GDPR art. 15). English.
# Arabic and Persian hold the same messages and, having no staff pages, the words for the
# codes too; English, Dutch and French take those from staff.ftl.

doc-page = Page
doc-page-of = of
doc-none = None recorded.
doc-since = Held since { $date }.
doc-yes = yes
doc-no = no

sar-title = Your personal data held by the resettlement programme
sar-subtitle = Case { $case }
sar-intro = This document lists everything { $programme } holds on your family: what it holds, why, since when, and who has seen it. You have the right to receive it under Article 15 of the General Data Protection Regulation (GDPR).

sar-about-heading = About this document
sar-field-case = Case number
sar-field-programme = Programme
sar-field-made-on = Made on
sar-field-made-by = Made by

sar-why-heading = Why we hold your data
sar-why-purpose = We hold your data to decide on your resettlement, to prepare your journey, to receive you and to support your family for { $months } months after you arrive.
sar-why-basis = We do this as a task in the public interest (GDPR Article 6(1)(e)). We process health data only to arrange your care and safe travel (Article 9(2)(h)).
sar-why-recipients = UNHCR, the programme's officers, the medical officer (health data only), and the reception centre, municipality and sponsor group that support you each see the part of your data their work needs.
sar-why-retention = We keep your data for { $years } years after your case is closed. Then names, dates of birth, health data and free text are removed.
sar-why-rights = You may ask us to correct data that is wrong, and you may complain to the data protection authority. Ask your case officer.

sar-case-heading = Your case
sar-field-state = Where your case stands
sar-field-stage = Phase
sar-field-submitted = Submitted by UNHCR on
sar-field-asylum = Country of asylum
sar-field-nationality = Nationality
sar-field-categories = Submission categories
sar-field-priority = Priority
sar-field-channel = How your case was submitted
sar-field-mission = Selection mission
sar-field-arrived = Arrived on
sar-field-reception = Reception place
sar-field-sponsor = Sponsor group
sar-field-address = Home address
sar-field-support = Integration support
sar-field-linked = Related cases
sar-support = { $provider }, { $months } months from { $date }

sar-family-heading = Your family
sar-col-no = No.
sar-col-name = Name
sar-col-born = Date of birth
sar-col-sex = Sex
sar-col-relationship = Relationship
sar-col-languages = Languages
sar-col-education = Education
sar-col-occupation = Occupation

sar-promises-heading = Dates we gave you
sar-col-kind = For
sar-col-date = Date
sar-col-given = Given on
sar-col-told = You were told on
sar-col-change = Why the earlier date changed

sar-reunification-heading = Relatives left behind
sar-col-relative = Relative
sar-col-where = Where
sar-col-status = Status
sar-col-requested = Requested on
sar-col-decided = Decided on

sar-health-heading = Your health
sar-health-note = Only the medical officer reads this part. Others see only the care needs you agreed to share.
sar-col-member = Family member
sar-col-condition = Condition
sar-col-needs = Care needs
sar-col-consent = Care needs may be shared
sar-col-fit = Fit to travel
sar-fit-yes = fit to travel
sar-fit-no = not fit to travel
sar-fit-unknown = not yet assessed

sar-steps-heading = The steps of your case
sar-col-when = Date
sar-col-step = Step
sar-col-by = By
sar-col-why = Reason given

sar-outcomes-heading = Follow-up after arrival
sar-col-months = Months after arrival
sar-col-work = Had work

sar-seen-heading = Who has seen or changed your data
sar-seen-lead = Each time someone opened, changed or exported your case, the programme recorded it, newest first.
sar-col-who = Who
sar-col-what = What
sar-action-read = looked at it
sar-action-write = changed it
sar-action-export = exported it
sar-action-refused = was refused access

reunification-requested = waiting for a decision
reunification-approved = approved
reunification-refused = refused
reunification-reunited = reunited
