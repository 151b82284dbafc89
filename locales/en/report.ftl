# The report to Parliament (resettle report annual, the report page). English.
# Words for countries, categories, sexes and slip reasons come from staff.ftl.

report-title = Resettlement in { $year }: report to Parliament
report-contents = Contents
report-field-programme = Programme
report-field-made-on = Made on
report-field-profile = Policy profile
report-field-up-to = Figures up to
report-partial = The year is not over: its figures run to { $date } and are not final.
report-withheld = <{ $threshold }
report-percent = { $value }%
report-total = Total
report-none = None in this year.
money-euros = €{ $amount }

report-summary-heading = The year at a glance
report-persons-arrived = Persons arrived
report-families-arrived = Families arrived
report-persons-accepted = Persons accepted
report-persons-refused = Persons refused
report-missions-done = Selection missions completed
report-missions-planned = Selection missions planned

report-pledges-heading = Pledges against arrivals
report-pledges-lead = Each year's pledge against the persons who arrived that year, for every year of the plan so far. The gap is the part of the pledge not kept.
report-pledges-chart = Persons pledged and arrived per year
report-pledges-chart-key = Light bars: persons pledged; dark bars: persons arrived. The figure above a year is the part of its pledge not kept.
report-year-so-far = { $year } (so far)
report-col-year = Year
report-col-pledged = Pledged
report-col-arrived = Arrived
report-col-gap = Gap
report-col-source = Source

report-arrivals-heading = Who arrived
report-arrivals-lead = Persons who arrived in the year, each counted once: of a family accepted in part, only the members accepted.
report-arrivals-by = Persons arrived by { $dimension }
report-col-persons = Persons
report-by-nationality = nationality
report-by-country_of_asylum = country of asylum
report-by-category = submission category
report-by-age_band = age
report-by-sex = sex
report-by-family_size = persons in the family
report-by-medical_needs = medical needs
report-by-ground = ground of refusal
report-by-waiting = time waited
report-category-none = no category recorded
report-age-band = { $band } years
report-medical-yes = submitted with medical needs
report-medical-no = without medical needs

report-missions-heading = Selection missions
report-col-mission = Mission
report-col-country = Country visited
report-col-from = From
report-col-to = To
report-col-status = Status
report-col-cases = Cases
report-mission-planned = planned
report-mission-completed = completed
report-mission-cancelled = cancelled

report-durations-heading = Time taken
report-durations-lead = How long families waited, in days: from UNHCR's submission to the decision (decisions of the year), and from acceptance to arrival (arrivals of the year), against the limit the policy profile sets for normal-priority cases.
report-col-interval = Interval
report-col-families = Families
report-col-median = Median (days)
report-col-p90 = 90th percentile (days)
report-col-limit = Limit (days)
report-col-over-limit = Families over the limit
report-interval-submission_to_decision = Submission to decision
report-interval-acceptance_to_arrival = Acceptance to arrival
report-no-limit = none set
report-limit-source = { $interval }: the limit of { $days } days comes from { $source }.

report-delays-heading = Delays and their reasons
report-delays-lead = Every delay of the year: a departure or interview date replaced by a later one, a departure called off, a decision deferred; grouped by the reason recorded, with the families and persons held up.
report-col-delay = Delay
report-col-reason = Reason
report-col-delays = Delays
report-delay-departure_moved = departure date moved
report-delay-interview_moved = interview date moved
report-delay-departure_called_off = departure called off
report-delay-decision_deferred = decision deferred

report-decisions-heading = Decisions
report-decisions-lead = Persons decided on in the year, accepted and refused, by group, so that Parliament can see whether selection treats every group alike (the NGOs' recommendation 6). The acceptance rate is the share accepted of those decided.
report-decisions-by = Decisions by { $dimension }
report-col-accepted = Accepted
report-col-refused = Refused
report-col-rate = Acceptance rate
report-grounds-caption = Persons refused by the ground cited
report-ground-not_recorded = no ground recorded

report-reunification-heading = Family reunification requests waiting
report-reunification-lead = Requests to bring relatives left behind that were waiting for a decision on { $date }, by how long they had waited.
report-col-requests = Requests
report-waiting-under_6_months = less than 6 months
report-waiting-6_to_12_months = 6 to 12 months
report-waiting-1_to_2_years = 1 to 2 years
report-waiting-2_years_and_more = 2 years or more

report-reception-heading = Reception occupancy
report-reception-lead = Reception places and the persons staying in them on { $date } (occupancy is not kept day by day).
report-col-place = Kind of place
report-col-places = Places
report-col-capacity = Capacity (persons)
report-col-occupied = Persons staying
report-col-occupancy = Occupancy
report-place-centre = reception centres
report-place-loi = local reception initiatives
report-place-municipality = municipal places
report-place-total = all places

report-money-heading = Money
report-money-lead = The EU funding and the allowances that follow the year's arrivals under the policy profile, from the published counts.
report-eu-per-person = EU funding per resettled person
report-eu-persons = Persons accepted and arrived
report-eu-total = EU funding claimable
report-no-funding = the profile names no EU funding
report-allowance-adult = Allowance per adult
report-allowance-minor = Allowance per minor
report-adults = Adults arrived (18 and over)
report-minors = Minors arrived
report-allowances-total = Allowances due
report-allowance-purpose = The allowance pays for
report-no-allowance = the profile pays no allowance

report-method-heading = How the figures were made
report-method-suppression = Counts from 1 to { $below } are withheld and shown as <{ $threshold }, so that no table singles out a family; where one withheld count could be worked out from a total, the next smallest is withheld too. Zeros are shown: they describe no one. A rate or a median is given only for { $threshold } persons or more.
report-method-rounded = Every published count is rounded to the nearest multiple of 5 (Eurostat's practice); totals are rounded on their own, so rows may not add up to them.
report-method-not-rounded = Counts are not rounded.
report-method-persons = A person is counted once in a year however many steps their case took. A family is counted by its case. Ages are counted on the day of arrival for arrivals, on the day of the decision for decisions.
report-method-percentiles = Medians and 90th percentiles use the nearest-rank method: each is a number of days a family really waited.
report-method-pledges = The pledge table counts a year's arrivals as the programme's dashboard does, every member of a family that arrived; the tables of who arrived count only the members accepted, so the two may differ by the members a decision in part left behind.
report-method-not-given = A dash (—) stands for a rate or a number of days not given because too few persons or families lie behind it.

# Funding claims
claim-title-amif = AMIF claim for arrivals in { $year }
claim-title-allowance = Municipal allowances for arrivals in { $year }
claim-instrument-amif = EU Asylum, Migration and Integration Fund (AMIF)
claim-instrument-allowance = Allowance to the receiving municipality
claim-lead-amif = Every person accepted for resettlement who arrived in { $year } is listed once, with the amount the fund pays for them.
claim-lead-allowance = Every person accepted for resettlement who arrived in { $year } is listed once, with the allowance due to the receiving municipality: per adult (18 and over on arrival) and per minor, the first cohort's allowance in place of the ordinary one.
claim-partial = The year is not over: persons arriving after { $date } will be claimed later.
claim-summary-heading = Summary
claim-field-instrument = Instrument
claim-rate-person = Per person
claim-rate-adult = Per adult
claim-rate-minor = Per minor
claim-rate-first_cohort_adult = Per adult of the first cohort
claim-rate-first_cohort_minor = Per minor of the first cohort
claim-field-persons = Persons claimed for
claim-field-total = Total claimed
claim-lines-heading = Persons claimed for
claim-lines-caption = One line per person, by day of arrival
claim-col-person = Person
claim-col-case = Case number
claim-col-member = Member
claim-col-arrived = Arrived on
claim-col-age = Adult or minor
claim-col-cohort = Cohort
claim-col-amount = Amount
claim-adult = adult
claim-minor = minor
claim-cohort-first = first cohort
claim-cohort-ordinary = ordinary
claim-total = Total

## What the programme learns after arrival (issue 25), and the quota against arrivals (issue 24).
report-cohorts-heading = What the programme learns after arrival
report-cohorts-lead = From the families' wellbeing check-ins, per year of arrival: how many of those answered said yes. A share whose yes or no count is below { $threshold } is withheld, as on the public dashboard; a dash means no family of that year has answered yet.
report-cohorts-none = No family has answered a wellbeing check-in yet.
report-col-measure = Measure
report-cohort-arrived-in = Arrived in { $year }
report-cohort-share = { $yes } of { $of } ({ $percent }%)
report-quota-heading = The quota by situation against arrivals
report-quota-lead = The year's quota split over refugee situations and selection channels, against the persons who arrived from each situation by each channel. Targets are the plan's figures; arrivals are counted as elsewhere in this report.
report-quota-none = No quota target is set for this year: neither a quota decision nor a pledge.
report-quota-sponsored = Families received by a sponsor group are left out: the profile puts community sponsorship on top of the quota.
report-col-situation = Refugee situation
report-col-channel = Channel
report-col-target = Target
