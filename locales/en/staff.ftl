# Staff pages of resettle, English. Every message here exists in nl and fr too (a test
# compares the three files). Domain codes are worded by messages named <kind>-<code>.

## Page frame

nav-skip = Skip to content
nav-main = Main
nav-language = Language
nav-programme = Programme
nav-fair-share = Fair share
nav-cases = Cases
nav-placement = Placement
nav-audit = Audit trail
sign-in = Sign in
sign-out = Sign out
footer = resettle · open-source software for refugee resettlement programmes
filter = Filter
yes = yes
no = no
# A day written out; $month is 1 to 12.
date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

## Error page

error-title = { $status ->
        [401] Not signed in
        [403] Not allowed
        [404] Not found
        [409] Changed in the meantime
        [422] Cannot be done
        [503] Too busy just now
       *[other] Something went wrong
    }
error-next = Go back, or start again from
error-home = the programme page
error-busy = The server is handling as many requests as it can. Nothing was changed: try again in a moment.

## Sign-in

login-username = Username
login-password = Password
login-accounts = Accounts are made by an administrator
login-demo = The demo has one user per role; see the README.
code-title = Second factor
code-lead = Signed in as { $username } with a password. Your role requires a one-time code from your authenticator app.
code-label = Six-digit code
code-continue = Continue

## Case list

cases-title = Cases
cases-no-access = Your roles ({ $roles }) do not give access to case content.
cases-see-audit = See the audit trail.
cases-see-programme = Programme figures
cases-see-fair-share = Fair-share plan
cases-filter-q = Name or number
cases-filter-state = State
cases-filter-any = any state
cases-count = { $total ->
        [one] One case you may see
       *[other] { $total } cases you may see
    }; page { $page }.
cases-count-scoped = { $total ->
        [one] One case you may see
       *[other] { $total } cases you may see
    } (scope: { $scope }); page { $page }.
cases-count-more = More than { $total } cases you may see; page { $page }.
cases-count-more-scoped = More than { $total } cases you may see (scope: { $scope }); page { $page }.
cases-col-case = Case
cases-col-state = State
cases-col-priority = Priority
cases-col-nationality = Nationality
cases-col-persons = Persons
cases-col-days = Days in state
cases-filter-priority = Priority
cases-filter-any-priority = any priority
cases-filter-category = Category
cases-filter-any-category = any category
cases-filter-overdue = overdue only, most overdue first
cases-col-overdue = Days overdue
cases-pages = Pages of the list
cases-previous = ← previous page
cases-next = next page →
cases-page-of = page { $page } of { $pages }
cases-first = ← first page
cases-page = page { $page }

## One case

case-title = Case { $number }
case-lead = What your role may see of this case; fields outside it are not shown. Every view is recorded in the audit trail.
case-family = Family
case-care-needs = Care needs
case-member = member { $number }
case-medical = Medical record
case-promises = Dates promised to the family
case-slipped = slipped: { $reason } — { $words }
promised-title = Record a promised date
promised-kind = Date for
promised-date = Date promised
promised-reason-code = If it replaces a date: why it moved
promised-reason = In words
promised-notified-on = Family told on
promised-record = Record the date
promised-done = The { $kind } date was recorded.
promised-refused = Not recorded, nothing was saved:
case-outcomes = Integration follow-up
case-outcome = member { $number } at { $months } months (recorded { $date }): { $employed ->
    [yes] in work
   *[no] not in work
}
case-overdue = Overdue
case-overdue-by = due { $due }, { $days ->
        [one] one day over
       *[other] { $days } days over
    }
case-placement = Placement proposal
case-placement-proposed = Proposed: { $place } (score { $score }, rank { $rank }). Status: { placement-status }.
case-placement-review = Review on the placement page
case-export = Subject-access export
case-export-lead = Everything held on this family:
case-export-audited = The export is recorded in the audit trail.
case-export-family-language = in the family’s language
case-export-pdf-in = The PDF in another language:
medical-member = Member
medical-condition = Condition
medical-care-needs = Care needs
medical-consent = Consent to share
medical-fit-to-travel = Fit to travel
medical-fit-unknown = not yet assessed
medical-fit-yes = fit to travel
medical-fit-no = not fit to travel
medical-none = no record yet
medical-edit = Edit
medical-edit-for = Edit the medical record of { $name }
medical-add = Record
medical-add-for = Record the medical record of { $name }
medical-saved = Medical record of { $name } saved.
medical-title = Medical record of { $name } ({ $number })
medical-back = Back to case { $number }
medical-lead = Only medical officers read the condition; case officers, reception officers and the municipality see the care needs. Every view and every save is recorded in the audit trail.
medical-condition-hint = In words, at most { $max } characters.
medical-care-needs-hint = What reception needs to choose a suitable place, without the diagnosis.
medical-consent-given = The family consents to share the condition with the receiving municipality
medical-audited = Saving replaces this member's record; the save is recorded in the audit trail.
medical-save = Save the medical record
medical-refused = Not saved, nothing changed:
step-title = Next step
step-to = Move to
step-reason = Reason, in words
step-reason-code = Reason from the list
reason-none = (none)
reasons-slip = Why the date moved
reasons-deferral = Why the decision is deferred
reasons-withdrawal = Why the case is withdrawn
reasons-breakdown = Why the sponsorship broke down
step-data = Step data (what the chosen step needs)
step-grounds = Refusal grounds
step-members = Members (accepted; on arrival, who travelled)
step-mission = Mission
step-reception-place = Reception place
step-sponsor-group = Sponsor group
step-municipality = Municipality of the new home
step-address = Home address
step-provider = Support provider
step-departure-date = Departure date
step-family-notified-on = Family told on
step-arrived-on = Arrived on
step-checks = Checks done
step-take = Take the step
step-done = Step taken: the case is now { $state }.
step-refused = Not done, nothing changed:

## Programme page

dashboard-empty-title = No programme yet
dashboard-empty-lead = This database holds no programme. Load the demo caseload, or start the server with the demo:
dashboard-policy-profile = Policy profile
dashboard-cases = cases
dashboard-persons = persons
dashboard-pledges-title = Pledges against arrivals
dashboard-key-pledged = pledged
dashboard-key-arrived = arrived
dashboard-key-gap = the figure above a pair is the number of persons pledged who did not arrive.
dashboard-partial-note = A year marked “so far” is not over yet: its arrivals are those up to today, and its gap is not final.
dashboard-year-partial = so far
dashboard-year-ahead = to come
dashboard-ahead-note = A year marked “to come” has not begun: its pledge is made ahead.
dashboard-col-year = Year
dashboard-col-pledged = Pledged
dashboard-col-arrived = Arrived
dashboard-col-gap = Gap
dashboard-col-source = Source
dashboard-states-title = Cases by lifecycle state
dashboard-col-stage = Stage
dashboard-col-state = State
dashboard-col-cases = Cases
dashboard-col-persons = Persons
dashboard-small-cells = This page is published without sign-in, so counts from 1 to { $below } are shown as { $shown }, and where a total would reveal such a count, the next smallest count is withheld too.
dashboard-cohorts-title = What the programme learns after arrival
dashboard-cohorts-lead = From the families' wellbeing check-ins, per year of arrival: how many of those answered said yes. A share whose yes or no count is small is withheld.
dashboard-cohorts-none = A dash means no family of that year has answered yet.
dashboard-cohort-year = Arrived in
dashboard-cohort-housing = Own housing by month 6
dashboard-cohort-language = In a language course
dashboard-cohort-school = Children in school
dashboard-cohort-employed-12 = In work at 12 months
dashboard-cohort-match-12 = Work matching qualifications at 12 months
dashboard-cohort-employed-18 = In work at 18 months
dashboard-cohort-match-18 = Work matching qualifications at 18 months
dashboard-cohort-reunification = Still waiting for a relative
dashboard-cohort-share = { $yes } of { $of }

## Audit trail

audit-chain = Hash chain:
audit-chain-intact = intact: { $entries } entries verified
audit-chain-broken = BROKEN at entry { $seq }: { $reason }
audit-chain-full = Whole chain last verified at { $at }; this view checked the entries written since and the newest anchor (`resettle audit verify` checks it all again).
audit-actor = Actor
audit-action = Action
audit-entity = Entity
audit-any-action = any action
audit-any-entity = anything
audit-id = Id
audit-from = From
audit-to = To
audit-csv = Export these entries as CSV
export-cases = Export every case the filters match (all pages, not only this one), with the fields you see:
export-events = Export this history:
export-csv = CSV
export-xlsx = spreadsheet (XLSX)
audit-xlsx = Export the latest entries as a spreadsheet (XLSX)
audit-pages = Pages of the trail
audit-older = older entries →
audit-newest = ← newest entries
audit-col-when = When
audit-col-who = Who
audit-col-source = From
audit-col-action = Action
audit-col-what = What
audit-col-fields = Special fields
audit-col-outcome = Outcome
# The outcome of an audited act, as the audit page shows it.
outcome-ok = done
outcome-refused = refused
outcome-failed = failed
audit-col-detail = Detail

## Placement

placement-lead = Families awaiting their next stay (accepted and on their way, or in a reception centre) matched to the places that come next under the programme's reception model (local reception initiatives in Belgium, municipalities in the Netherlands) with free room, by the optimiser. Each proposal says why; confirm it, confirm at another place (the explanation shows what that costs), or reject it. Confirming a family in a centre moves it there today.
placement-propose = Propose places for the waiting families
placement-run = Last run: { $status }, { $families } families over { $places } places; total score { $objective }, bound { $bound }, gap { $gap }%, { $seconds } s.
placement-scores = Scores: { $model }.
placement-distribution = Distribution plan: { $plan }.
placement-no-distribution = No distribution plan in the policy profile.
placement-unassigned = Not placed: { $count ->
        [one] one family
       *[other] { $count } families
    }
placement-more = and { $count } more
placement-none = No proposals yet.
placement-col-place = Place
placement-col-score = Score
placement-col-rank = Rank
placement-col-why = Why
placement-col-status = Status
placement-col-decide = Decide
placement-rank = { $rank } of { $of }
placement-instead = instead { $place }:
placement-impossible = not possible without moving others
placement-no-loss = no loss to the plan
placement-costs = costs the plan { $cost }
placement-status = { $status ->
        [proposed] proposed
        [confirmed] confirmed
        [rejected] rejected
        [lapsed] lapsed: the case changed since; propose again
       *[other] { $status }
    }
placement-decided = { placement-status } by { $by }
placement-confirm = Confirm
placement-reject = Reject
decision-confirm = confirm
decision-reject = reject
action-read = read
action-write = written
action-export = exported
action-report = reported
action-login = signed in
action-logout = signed out
action-refused = refused
action-throttled = throttled
action-notify = notified
action-backup = backed up
action-restore = restored
action-verify = verified
entity-case = case
entity-case_list = list of cases
entity-case_events = case history
entity-medical_record = medical record
entity-stay = stay
entity-support = integration support
entity-placement = placement
entity-reception = reception places
entity-families = families
entity-families_to_inform = families to inform
entity-family_code = family sign-in code
entity-family_contact = family contact
entity-import_cases = case import
entity-user = user
entity-api_token = API token
entity-organisation = organisation
entity-data_key = data key
entity-audit_log = audit trail
entity-database = database
entity-retention = retention
entity-programme = programme
entity-programme_hold = programme hold
entity-policy_profile = policy profile
entity-mission = mission
entity-missions = list of missions
entity-sponsor_group = sponsor group
entity-pledge = pledge
entity-quota = quota
entity-quota_decision = quota decision
entity-scenario = fair-share scenario
entity-forecast = forecast
entity-annual_report = annual report
entity-funding_claim = funding claim
entity-funding_claims = funding claims
entity-client = client address
placement-over-capacity = over capacity: { $reason }
placement-over-capacity-reason = Over capacity, because
placement-refused = Not confirmed:

## Fair-share plan and scenarios

plan-title = Fair-share plan
plan-lead = How many people should this state resettle over the next plan, and how should that grow year by year? Change any input: the plan, its chart and every state's share follow at once. The form opens on the inputs of the Belgian NGO report (2021), section 3.3. Methods and sources:
plan-need-legend = 1. Global need (UNHCR)
plan-need-year = UNHCR projection for year
plan-rounded = rounded
plan-need-given = or a figure
plan-growth-given = growth per further year
plan-growth-average = or the average of the last
plan-growth-average-years = years of projections
plan-plan-legend = 2. Plan
plan-start-year = first year
plan-rounding = Rounding
plan-rounding-floor = down (floor)
plan-rounding-nearest = nearest
plan-share-legend = 3. The state's share
plan-share-given = share
plan-share-key = or by key
plan-key = { $key ->
        [ec2015] European Commission key 2015
        [ec2015-capped] European Commission key 2015, capped
        [dublin2016] Dublin reform key 2016
        [population] population
        [gdp] gross domestic product
       *[other] { $key }
    }
plan-path-legend = 4. Growth path
plan-path-given = first years
plan-path-given-rest = (the last year takes the rest)
plan-path-even = even
plan-path-linear = linear ramp
plan-compute = Compute
plan-compute-live = (the plan also follows every change as you type)
plan-save-as = Save as scenario
plan-save-name = name
plan-save = Save
plan-sign-in-to-save = sign in as a planner to save this plan as a scenario.
plan-compare = Compare the { $count ->
        [one] saved scenario
       *[other] { $count } saved scenarios side by side
    }
plan-heading = The plan
plan-global-need = Global need
plan-regional-target = Regional target
plan-state-total = { $state } over the plan
plan-provenance = Where the inputs come from
plan-distribution-heading = The regional target over all states ({ plan-key })
plan-distribution-lead = { $total } persons by the largest-remainder method on { $indicators }.
plan-distribution-given-share = { $state } takes the plan's { $persons } at its given share; the other states share the rest in proportion to the key.
plan-exact-quota = Exact quota
scenarios-title = Saved scenarios
scenarios-none = No scenario saved yet. Give a plan a name and save it on the page
scenarios-state = State
scenarios-first-year-need = First-year need
scenarios-yearly-growth = Yearly growth
scenarios-years = Years
scenarios-regional-share = Regional share
scenarios-state-share = State share
scenarios-state-total = State total
scenarios-path = Path
scenarios-saved = Saved
scenarios-delete = Delete
scenarios-delete-named = Delete “{ $name }”

## Lifecycle states (crates/domain/src/case/lifecycle.rs)

state-submitted = submitted
state-scheduled_for_mission = scheduled for a selection mission
state-dossier_review = dossier review
state-interviewed = interviewed
state-accepted = accepted
state-accepted_in_part = accepted in part
state-refused = refused
state-deferred = deferred
state-pre_departure = preparing departure
state-departure_scheduled = departure scheduled
state-arrived = arrived
state-in_reception = in reception
state-housed = housed
state-integration_support = integration support
state-closed = closed
state-withdrawn = withdrawn
state-deceased = deceased

## Stages

stage-assessment = assessment
stage-pre_departure = before departure
stage-travel = travel
stage-reception = reception
stage-integration = integration
stage-ended = ended

## UNHCR submission categories

category-legal_physical_protection = legal and/or physical protection needs
category-survivor_of_violence_torture = survivor of violence and/or torture
category-medical_needs = medical needs
category-women_and_girls_at_risk = women and girls at risk
category-family_reunification = family reunification
category-children_at_risk = children and adolescents at risk
category-no_alternative_durable_solution = lack of foreseeable alternative durable solutions

## Priorities, channels, promises

priority-emergency = emergency
priority-urgent = urgent
priority-normal = normal
channel-mission = selection mission
channel-dossier = dossier submission
channel-emergency = emergency places
promise-interview = interview
promise-departure = departure

## Family

relationship-principal_applicant = principal applicant
relationship-spouse = spouse
relationship-child = child
relationship-parent = parent
relationship-sibling = brother or sister
relationship-grandchild = grandchild
relationship-other_dependant = other dependant
sex-female = female
sex-male = male
sex-other = other
care_need-wheelchair_access = wheelchair access
care_need-specialised_hospital_care = specialised hospital care
care_need-mental_health_support = mental health support
care_need-regular_treatment = regular treatment

## Roles (crates/domain/src/access.rs)

role-admin = administrator
role-planner = planner
role-unhcr-liaison = UNHCR liaison
role-case-officer = case officer
role-medical-officer = medical officer
role-reception-officer = reception officer
role-municipality = municipality
role-sponsor = sponsor
role-support-provider = support provider
role-auditor = auditor

## Case fields as labels (crates/app/src/access/visibility.rs)

field-case_number = case number
field-programme = programme
field-state = state
field-stage = stage
field-version = version
field-policy_profile = policy profile
field-country_of_asylum = country of asylum
field-nationality = nationality
field-categories = categories
field-priority = priority
field-channel = channel
field-submitted_on = submitted on
field-members = family
field-members-member_no = no.
field-members-full_name = full name
field-members-date_of_birth = date of birth
field-members-age = age
field-members-sex = sex
field-members-relationship = relationship
field-members-languages = languages
field-members-education = education
field-members-occupation = occupation
field-care_needs = care needs
field-linked_cases = linked cases
field-mission = selection mission
field-arrived_on = arrived on
field-reception_place = reception place
field-stays = stays
field-sponsor_group = sponsor group
field-address = home address
field-support = integration support
field-promises = promised dates
field-slipped_promises = promised dates not kept
field-held_promises = promised dates a programme hold breaks
field-reunification = family reunification
field-pre_departure = pre-departure checks
field-after_arrival = steps after arrival
field-waiting = time in each state
field-overdue = overdue
field-outcomes = integration follow-up
field-allowed_transitions = may move to
field-warnings = warnings

## Languages spoken (ISO 639-1)

language-ar = Arabic
language-bfa = Bari
language-din = Dinka
language-nus = Nuer
language-en = English
language-fa = Persian
language-fr = French
language-ku = Kurdish
language-ln = Lingala
language-ps = Pashto
language-rn = Kirundi
language-rw = Kinyarwanda
language-sw = Swahili
language-ti = Tigrinya
language-tr = Turkish
language-ur = Urdu

## Countries (ISO 3166-1 alpha-2; UK as the data files write it)

country-AF = Afghanistan
country-BI = Burundi
country-CD = DR Congo
country-EG = Egypt
country-ER = Eritrea
country-ET = Ethiopia
country-IQ = Iraq
country-IR = Iran
country-JO = Jordan
country-LB = Lebanon
country-LY = Libya
country-NE = Niger
country-PK = Pakistan
country-RW = Rwanda
country-SD = Sudan
country-SO = Somalia
country-SS = South Sudan
country-SY = Syria
country-TR = Türkiye
country-TZ = Tanzania
country-UG = Uganda
country-YE = Yemen
country-AT = Austria
country-BE = Belgium
country-BG = Bulgaria
country-CH = Switzerland
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DK = Denmark
country-EE = Estonia
country-ES = Spain
country-FI = Finland
country-FR = France
country-GB = United Kingdom
country-GR = Greece
country-HR = Croatia
country-HU = Hungary
country-IE = Ireland
country-IS = Iceland
country-IT = Italy
country-LI = Liechtenstein
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-MT = Malta
country-NL = Netherlands
country-NO = Norway
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-SE = Sweden
country-SI = Slovenia
country-SK = Slovakia
country-UK = United Kingdom

## Administration

nav-admin = Administration
admin-title = Administration
admin-users = Users
admin-organisations = Organisations
admin-policy = Policy in force
admin-users-lead = Open a user to disable or re-enable them, change their roles, reset their password or second factor, or revoke their API tokens.
admin-account = Account
admin-enabled = active
admin-disabled = disabled
admin-no-organisation = no organisation
admin-add-user = Add user
admin-password-again = Password again
admin-new-password = New password
admin-password-rule = At least 12 characters; not a commonly used password. A phrase of several words is best.
admin-cut-off = Every session and API token of the user ends at once.
admin-disable = Disable
admin-disable-lead = The user can no longer sign in; every session and API token ends at once.
admin-enable = Re-enable
admin-enable-lead = The user can sign in again. Sessions and tokens from before stay ended.
admin-change-roles = Change roles
admin-change-roles-lead = At least one role. Every session and API token of the user ends, since they carry the old roles.
admin-reset-password = Reset password
admin-reset-second-factor = Reset second factor
admin-reset-second-factor-lead = A new secret replaces the old one; the authenticator app the user had stops working. The secret is shown once.
admin-revoke-tokens = Revoke API tokens
admin-revoke-tokens-lead = Every API token of the user stops working; the user keeps their sessions.
admin-second-factor-title = New second factor for { $user }
admin-second-factor-done = The second factor of { $user } has been replaced.
admin-second-factor-secret = Secret (base32)
admin-second-factor-uri = Authenticator link
admin-second-factor-once = This secret is shown only now and cannot be shown again. Hand it to { $user } in person or over a channel only they can read, never by ordinary email; do not keep a copy.
admin-back = Back to the users
admin-add-organisation = Add organisation
admin-error = Not done.
admin-error-field = Not done. { $field }:
admin-passwords-differ = The two passwords differ; type the same password twice.
admin-field-username = Username
admin-field-password = Password
admin-field-roles = Roles
admin-field-organisation = Organisation
admin-field-kind = Kind
admin-done-user-added = User { $user } added.
admin-done-user-disabled = User { $user } disabled; their sessions and tokens have ended.
admin-done-user-enabled = User { $user } re-enabled; they can sign in again.
admin-done-roles-changed = Roles of { $user } changed; their sessions and tokens have ended.
admin-done-password-reset = Password of { $user } reset; their sessions and tokens have ended.
admin-done-tokens-revoked = { $n ->
        [0] { $user } had no API token to revoke.
        [one] One API token of { $user } revoked.
       *[other] { $n } API tokens of { $user } revoked.
    }
admin-done-organisation-added = Organisation { $name } added.
admin-policy-lead = The policy profile each programme runs under, as the rules apply it. Profiles are files; change them with resettle policy on the command line.
kind-agency = state agency
kind-unhcr = UNHCR office
kind-municipality = municipality
kind-loi = local reception initiative
kind-sponsor = community sponsor group
kind-ngo = non-governmental organisation
policy-profile = Profile
policy-version = version
policy-country = Resettlement state
policy-authority = Deciding authority
policy-steps-off = Steps switched off
policy-none = none
policy-reception-model = Reception model
policy-reception-phases = Reception
policy-typical-days = usually { $days } days
policy-max-days = at most { $days } days
policy-sponsorship-skips-centre = Sponsored families skip the centre
policy-support-months = Integration support
policy-months = { $months } months
policy-allowance = Allowance
policy-per-adult-minor = € { $adult } per adult, € { $minor } per minor
policy-eu-funding = EU funding per person
policy-retention = Case files kept
policy-years = { $years } years
policy-small-cells = Counts published only from
policy-checks = Assessment
policy-check = Check
policy-refusal-ground = Ground for refusal
policy-basis = Basis
policy-pre-departure = Before departure
policy-required = Required
policy-by = By
policy-post-arrival = After arrival
policy-reunification = A request for family reunification is decided within { $days } days.
policy-reunification-none = The profile sets no time limit for requests for family reunification.
policy-time-limits = Time limits
policy-reasons = Reasons staff choose from
policy-reason-list = List
policy-reason-labels = Reasons
policy-from = From
policy-to = To
policy-priority = Priority
policy-within = Within
policy-days = { $days } days
policy-no-programmes = No programme has been set up yet.
reception-centre_then_local = reception centre, then local reception, then own home
reception-direct_municipality = directly into a municipality, with a home ready
place-centre = reception centre
place-loi = local reception initiative
place-municipality = municipality
policy-euros = € { $amount }

## The timeline of a case

timeline-title = History
timeline-opened = opened as { $to }
timeline-moved = from { $from } to { $to }
timeline-by = by { $actor }
timeline-why = Why:
timeline-member = member { $number }
step_data-checks = checks done
step_data-departure_date = departure date
step_data-promised_date = new date promised
step_data-grounds = grounds
step_data-members_accepted = members accepted
step_data-members_not_accepted = members not accepted
step_data-mission_cancelled = mission cancelled
step_data-reception_place = reception place
step_data-place = reception place
step_data-from_place = from
step_data-municipality = municipality
step_data-sponsor_group = sponsor group
step_data-address = home address

## The reception officer's day

nav-reception = Reception
reception-summary = { $families ->
        [one] One family
       *[other] { $families } families
    } ({ $persons } persons) with a departure date; { $free } free places in the reception network now.
reception-arrivals = Expected arrivals, soonest first
reception-no-arrivals = No family has a departure date.
reception-col-date = Arrives
reception-no-date = date not recorded
reception-places = Reception places now, fullest first
reception-col-place = Place
reception-col-kind = Kind
reception-col-municipality = Municipality
reception-col-occupied = Persons now
reception-col-capacity = Capacity
reception-over = over capacity

## The UNHCR liaison's day: submitting a case, and the office's submissions

nav-submit = Submit a case
nav-ours = Our submissions
submit-title = Submit a case
submit-lead = A case as UNHCR registered it, with its family. Nothing is saved until you submit; adding or removing a member keeps everything typed.
submit-case = The case
submit-case-number = UNHCR case number
submit-programme = Programme
submit-country-of-asylum = Country of asylum
submit-nationality = Nationality
submit-priority = Priority
submit-channel = Channel
submit-submitted-on = Submitted on
submit-choose = choose…
submit-categories = Submission categories
submit-primary-category = Primary category
submit-further-categories = Further categories
submit-family = Family members
submit-member = Member { $number }
submit-full-name = Full name
submit-date-of-birth = Date of birth
submit-sex = Sex
submit-relationship = Relationship to the principal applicant
submit-languages = Languages spoken
submit-remove = Remove member { $number }
submit-add = Add a member
submit-send = Submit the case
submit-done = Case { $number } submitted. It waits for assessment by the case officers.
submit-refused = Not submitted, nothing was saved:
ours-title = Our submissions
ours-lead = The cases { $office } submitted, newest first, with where each stands now.
cases-col-submitted = Submitted on

nav-families = Our families
families-title = Our families
families-lead = The families you support: who they are, where they live, their support plan and follow-ups, and whom to contact. Expected arrivals come first.
families-lead-all = The families living in a municipality, as its staff see them: who they are, where they live, their support plan and follow-ups, and whom to contact.
families-municipality = Municipality
families-show = Show
families-choose = Choose a municipality to see the families living there, as its staff see them.
families-expected = Expected arrivals, soonest first
families-no-expected = No family is on its way yet: none has a departure date.
families-expected-more = The first { $shown } of { $total } are listed.
families-col-departure = Departs
families-members = Members
families-age = { $age ->
    [one] { $age } year
   *[other] { $age } years
}
families-arrived = { $total ->
    [one] { $total } family arrived
   *[other] { $total } families arrived
}, latest arrival first
families-none = No family has arrived yet.
families-family-of = Family of { $name }
families-no-address = not recorded yet
families-no-care-needs = none recorded or shared with you
families-support = { $provider }, from { $from } to { $to }
families-no-support = no support plan yet
families-follow-ups = Follow-ups
families-follow-up = { $months } months after arrival, due { $due }
families-recorded = recorded
families-overdue = overdue, not recorded
families-not-yet-due = not yet due
families-contacts = Contacts
families-contact-case = Last step recorded by { $name }
families-contact-support = Support: { $provider }
families-contact-sponsor = Sponsor group { $group }, contact person { $contact }
families-no-contact-details = resettle holds no telephone numbers or e-mail addresses: reach these people through their organisation.
families-by-municipality = Families by municipality
reception-families = where each family lives, its support plan and follow-ups, as the municipality sees them.

## A refused role: what its roles do not allow, in words

not-allowed = Your roles ({ $roles }) do not allow { $what }.
permission-manage_users = managing users and organisations
permission-manage_settings = changing the programme's settings
permission-plan_quotas = planning quotas and pledges
permission-read_audit = reading the audit trail
permission-submit_case = submitting cases for UNHCR
permission-read_cases = reading cases
permission-move_case = moving a case to “{ $state }”
permission-record_promises = recording promised dates and reunification requests
permission-read_medical = reading medical records
permission-write_medical = writing medical records
permission-manage_missions = planning missions and recording sponsor groups
permission-place = proposing and confirming placements
permission-record_outcomes = recording integration follow-ups
permission-export_subject = exporting everything held on a person
permission-build_reports = building the report to Parliament
permission-file_claims = filing funding claims

## The planner's pledges

nav-pledges = Pledges
pledges-title = Pledges
pledges-lead = Each programme's pledges by year against the persons who arrived. Record next year's pledge when it is decided, or correct a year; every change is recorded in the audit trail.
pledges-col-change = Change
pledges-change = Change
pledges-set = Record or correct a year's pledge
pledges-field-pledged = Persons pledged
pledges-field-arrived = Arrivals published before resettle (optional)
pledges-source-hint = The source says where the pledge is published: a government decision, a press release, a report.
pledges-save = Save pledge
pledges-saved = Saved. { $programme }: { $pledged ->
        [one] { $pledged } person
       *[other] { $pledged } persons
    } pledged for { $year }.
pledges-refused = Not saved, nothing changed:
dashboard-change-pledges = Record or correct the pledges

## The placement page: each row's family and controls named for it

placement-persons = { $count ->
    [one] 1 person
   *[other] { $count } persons
}
placement-place-for = Place for { $case }
placement-over-capacity-for = Over capacity, because (for { $case })
placement-confirm-for = Confirm { $case }
placement-reject-for = Reject { $case }

## Programme holds (the planner's) and families informed (case page)

nav-holds = Holds
holds-title = Programme holds
holds-lead = A hold stops a programme's departures from one day to another. Every date promised to a family inside it is broken: it is flagged on the case page, and the family reads the hold and its reason on its status page, in its language. Every hold recorded is in the audit trail.
holds-recorded = Hold recorded from { $from } to { $until }: { $families ->
        [0] no family's promised date falls inside it.
        [one] { $families } family's promised date falls inside it.
       *[other] { $families } families' promised dates fall inside it.
    }
holds-programme = Programme { $programme }
holds-col-from = From
holds-col-until = Until
holds-col-reason = Reason
holds-col-families = Families whose date falls inside
holds-col-note = Note for staff
holds-col-recorded = Recorded
holds-none = No hold recorded.
holds-record = Record a hold
holds-refused = The hold was not recorded:
holds-note-hint = Families read the reason in their language; the note stays with staff.
holds-save = Record hold
case-held = Promised dates a programme hold breaks
case-held-promise = The { $kind } date { $date } falls in the hold from { $from } to { $until } ({ $reason }): it cannot be kept; give the family a new date.
case-family-page = Family status page
case-family-page-lead = The family follows its case at /family, in its language, with its case number and an access code. Issuing a new code prints a letter with it; the previous code and its sessions stop working at once.
case-family-letter-language = Language of the letter
case-family-issue = Issue a new code and print the letter
letter-note-once = A new access code was issued for case { $number }. It is shown only on this letter: print it now. The previous code no longer works.
letter-note-print = Print this page (Ctrl+P): only the letter is printed.
letter-note-back = Back to the case

# Families informed: notices, contact details, dates told, the work list.
nav-inform = Families to inform
permission-inform_families = keeping families' contact details and informing families
permission-read_support = following families' integration support
permission-manage_support = setting support plans, logging contacts and closing tasks
permission-record_checkins = recording wellbeing check-ins
permission-read_checkin_health = reading the health answers of check-ins
field-contact = how to reach the family
field-notices = notices to the family
news-mission_scheduled = put on a selection mission
news-accepted = accepted
news-accepted_in_part = accepted in part
news-refused = refused
news-deferred = decision deferred
news-preparing = preparations for travel begun
news-departure_called_off = departure called off
news-departure_date = departure date set
news-departure_date_slipped = departure date moved
news-interview_date = interview date set
news-interview_date_slipped = interview date moved
news-withdrawn = withdrawn
notice_state-queued = waiting to be sent
notice_state-sent = sent
notice_state-failed = failed
notice_channel-email = e-mail
notice_channel-sms = SMS
contact-title = How to reach the family
contact-lead = The principal applicant's e-mail address and mobile number, for notices. Notices say only that there is news, with the case number and the family page's address.
contact-email = E-mail address
contact-phone = Mobile number
contact-save = Save the contact details
contact-refused = The contact details were not saved:
contact-saved = The contact details are saved.
contact-none = none
notices-title = Notices to the family
notices-lead = Each step or date the family should know of queues a notice; it goes by e-mail, SMS or both, as this server is configured, and is tried again if it fails.
notices-not-configured = No e-mail or SMS delivery is configured on this server: notices wait until it is.
notices-no-contact = No e-mail address or mobile number for the channels configured: notices wait until one is recorded.
notices-col-news = What happened
notices-col-queued = Queued
notices-col-state = Where it stands
notices-none = No notice yet.
notice-sent = sent on { $date } by { $by }
notice-failed-retry = { $attempts ->
        [one] first attempt failed
       *[other] { $attempts } attempts failed
    } ({ $error }); next attempt on { $date } at { $time } UTC
notice-failed-final = given up after { $attempts } attempts ({ $error }): tell the family another way
reception-inform = promised dates passed without a departure, and dates moved without the family told.
inform-title = Families to inform
inform-lead = Promised dates that passed while the case still waits for them, and dates that changed without the family being told since (no notice sent, no day of telling recorded). Passed dates first, the longest passed first.
inform-count = { $total ->
        [one] One family to inform
       *[other] { $total } families to inform
    }; page { $page }.
inform-col-date = Date promised
inform-col-why = Why
inform-col-notice = Last notice
inform-passed = { $days ->
        [one] passed yesterday
       *[other] passed { $days } days ago
    }, not kept
inform-slip-untold = changed on { $date }, family not told
inform-no-notice = none
inform-unreachable = no contact details
inform-none = No family to inform: every promised date is still ahead or was kept, and every change was told.
## Capacity forecast (planners)
nav-forecast = Forecast
forecast-title = Capacity forecast
forecast-lead = Will the reception network hold the pledges, and how many buffer places does it take? Choose a shipped scenario or a programme as it stands today; the forecast simulates it many times, family by family and week by week, and gives the chance each pledge is met, when places run short and the fewest buffer places that make every pledge hold.
forecast-live = { $programme } as it stands today
forecast-live-description = Programme { $programme }'s cases where they stand on { $today }, its places and its pledges; durations from its own history where it holds enough, else from the shipped growth-path scenario; submissions go on at the last twelve months' pace.
forecast-what = What to forecast
forecast-field-runs = Runs (at most { $max })
forecast-field-seed = Seed
forecast-field-target = Target probability for every pledge
forecast-hint = 1,000 runs give each probability within about 3 percentage points; the same runs and seed give the same forecast. The buffer search repeats the runs for each buffer it tries, so a forecast takes a few seconds.
forecast-run = Run forecast
forecast-refused = Not run.
forecast-rule-runs = Runs: a whole number from { $min } to { $max }.
forecast-rule-seed = Seed: a whole number, 0 or more.
forecast-rule-target = Target probability: a whole percentage from { $min } to { $max }.
forecast-runs = { $runs } runs, seed { $seed }.
forecast-pledges = Will each pledge be met?
forecast-no-pledges = This scenario has no pledge to meet.
forecast-col-pledge = Pledge
forecast-col-pledged = Persons pledged
forecast-col-p-met = Chance it is met
forecast-col-median = Median
forecast-col-band50 = 50 % of runs
forecast-col-band80 = 80 % of runs
forecast-col-band95 = 95 % of runs
forecast-col-stage = Stage
forecast-col-median-week = Median week
forecast-col-never = Never short
forecast-col-week = Week of
forecast-col-places = Places
forecast-col-p-over = Chance places are short
forecast-col-shock = Shock
forecast-col-p-with = Chance met with it
forecast-col-p-without = without it
forecast-col-median-with = Median arrivals with it
forecast-col-median-without = without it
forecast-buffer = Buffer places
forecast-buffer-none = The network holds as it is: every pledge is met with a chance of { $probability } (target { $target }).
forecast-buffer-places = { $places } buffer places ({ $split }) bring every pledge to a chance of { $probability } (target { $target }).
forecast-buffer-unreached = No buffer of up to { $limit } places per stage brings every pledge to { $target } (at most { $probability }): the submissions or a halt, not the places, limit the arrivals.
forecast-buffer-not-monotone = In the search more places sometimes gave a lower chance: families then arrive in the year they are ready rather than the next.
forecast-buffer-consistent = The answer is still the fewest: every smaller buffer tried missed the target.
forecast-buffer-inconsistent = The answer may not be the fewest.
forecast-short = When places first run short
forecast-any-stage = Any stage
forecast-never = never
forecast-chart-arrivals = Persons arrived towards each pledge
forecast-chart-arrivals-desc = For each pledge, the persons arrived within its years by each week: the median inside the bands of 50, 80 and 95 % of runs, with the pledge as a dotted line.
forecast-chart-stage = Occupancy: { $stage }
forecast-chart-stage-desc = Persons in { $stage } at the end of each week: the median inside the bands of 50, 80 and 95 % of runs, against the places (dashed line).
forecast-chart-stage-unlimited-desc = Persons in { $stage } at the end of each week, with no limit on places: the median inside the bands of 50, 80 and 95 % of runs.
forecast-chart-waiting = Accepted and waiting for a place
forecast-chart-waiting-desc = Persons accepted and ready to travel but waiting for a free place (or for a halt to end) at the end of each week: the median inside the bands of 50, 80 and 95 % of runs.
forecast-key-median = median
forecast-key-bands = 50, 80 and 95 % of runs
forecast-key-places = places
forecast-key-pledge = pledge
forecast-table-of = Table: { $chart }
forecast-shocks = Shocks and what they cost
forecast-happens = happens
forecast-what-if = what if
forecast-shock-halt = Nobody travels from { $from } for { $months ->
        [one] one month
       *[other] { $months } months
    }
forecast-shock-mission = Mission { $mission } cancelled
forecast-shock-closed = { $places } places closed in { $stage } from { $from }
forecast-shock-closed-for = { $places } places closed in { $stage } from { $from } for { $months ->
        [one] one month
       *[other] { $months } months
    }
forecast-inputs = Inputs and their sources
forecast-input-family-sizes = Family sizes
forecast-input-acceptance-rate = Acceptance rate
forecast-input-decision-weeks = Weeks to the decision
forecast-input-pre-departure-weeks = Weeks from acceptance to departure
forecast-input-stage = Stage: { $about }
forecast-input-submissions = Submissions ahead
forecast-input-pledge = Pledge { $about }
forecast-stage-centre = reception centre
forecast-stage-loi = local reception initiative
forecast-stage-municipality = municipality
forecast-stage-integration_support = integration support
## Reception in stages: each stay dated, moves between places

stay-centre = reception centre
stay-loi = local reception initiative
stay-municipality = municipality
stay-sponsor = sponsor group's home
stay-home = own home
timeline-stay = moved into { $kind } { $place } ({ $persons ->
        [one] 1 person
       *[other] { $persons } persons
    })
timeline-stay-sponsor = moved into the home found by sponsor group { $place } ({ $persons ->
        [one] 1 person
       *[other] { $persons } persons
    })
timeline-stay-home = moved into a home of its own ({ $persons ->
        [one] 1 person
       *[other] { $persons } persons
    })
timeline-stay-until = stayed until { $until } ({ $days } days)
timeline-stay-due = { $days } days so far; the stay ends by { $due }
timeline-stay-over = over capacity: { $reason }
step-over-capacity-reason = Over capacity, because
step_data-members_travelled = members who travelled
step_data-over_capacity_reason = over capacity, because
move-title = Move to another place
move-lead = The family's current stay ends and the next one begins on the day of the move. A move back (from an LOI to a centre) says why.
move-place = Place
move-on = Day of the move (if not today)
move-reason = Reason
move-over-capacity-reason = Over capacity, because
move-take = Record the move
move-done = The move was recorded: the family stays at its new place from that day.
move-refused = Not moved, nothing changed:
placement-in-stay = in { $kind } { $place } since { $from }
placement-stay-ends = ends by { $due }
placement-due-home = Due to move into a home
placement-due-home-lead = Families whose next stay is a home of their own: { $total } in all, those there longest first. The profile's limit says by when.
placement-due-home-none = No family is due to move into a home.
placement-col-since = Since
placement-col-ends = Stay ends by
placement-past-limit = past its limit
reception-pages = Pages of the expected arrivals
## Refusals: why a form or a step was refused, one message per kind of reason; the page names
## the field (by its label) before the reason.

refusal-colon = :
refusal-field-of-member = member { $number }, { $field }
refusal-missing = this is to be filled in.
refusal-none_chosen = choose one of: { $allowed }.
refusal-not_in_list = “{ $given }” is not one of the choices: { $allowed }.
refusal-not_a_day = “{ $given }” is not a date.
refusal-not_a_number = “{ $given }” is not a whole number.
refusal-not_name_and_day = “{ $given }” is not a check with its date (check=YYYY-MM-DD).
refusal-too_long = at most { $max } characters; this has { $got }.
refusal-too_many = at most { $max }; there are { $got }.
refusal-over_capacity = { $place } holds { $present } of its { $capacity } places; { $persons } more would make { $after }: choose a place with room, or say why the family goes there anyway.
refusal-out_of_range = from { $min } to { $max }; { $got } is outside that.
refusal-in_future = { $day } is after today ({ $today }).
refusal-before_last_step = { $day } is before the case's last step, on { $last }.
refusal-before = { $day } is before { $anchor } ({ $other }).
refusal-after = { $day } is after { $anchor } ({ $other }).
refusal-too_old = { $day } would make the person { $age } years old; check the year.
refusal-not_a_country = “{ $given }” is not a country.
refusal-not_a_language = “{ $given }” is not a language we know.
refusal-not_a_case_number = a UNHCR case number has 5 to 24 letters, digits or dashes (not at either end); “{ $given }” is not one.
refusal-principal_applicants = exactly one member is the principal applicant; this family has { $found ->
        [0] none
       *[other] { $found }
    }.
refusal-step_not_allowed = a case that is { $from } cannot move to { $to }; it may move to: { $allowed }.
refusal-decision_without_reason = moving to { $to } is a decision or an ending: say why.
refusal-call_off_without_reason = this calls off the departure date told to the family: say why.
refusal-step_back_without_reason = this ends the sponsorship and takes the family back into reception: say why the sponsorship broke down.
refusal-slip_without_reason = a { $promise } date was told to the family before: say why it changed.
refusal-other_without_words = “{ $reason }” was chosen: say what it is, in words.
refusal-no_reason_list = moving from { $from } to { $to } takes no reason from the list; leave it empty.
refusal-no_slip = a first date replaces none; leave the reason from the list empty.
refusal-nothing_to_claim = every eligible person is claimed already and no amount claimed changed: there is nothing to file.
refusal-unreadable = the file cannot be read ({ $detail }).
refusal-differs_in_case = differs from row { $row } of the same case (“{ $first }”): a case’s columns are the same on each member’s row.
refusal-members_not_numbered = the members of case { $case } are to be numbered 1 to { $count }, without a gap.
refusal-member_twice = member { $given } is given twice in the case.
refusal-split_decision = a decision in part accepts some but not all of the { $members } members.
refusal-reception_first = an arrived family goes to a reception place first{ $sponsor ->
        [yes] , unless a sponsor group receives it.
       *[no] .
    }
refusal-checks_outstanding = required before a departure is scheduled: { $missing }.
refusal-not_defined = “{ $given }” is not one of this programme's.
refusal-duplicate = “{ $given }” is already registered.
refusal-no_such_case = there is no case { $number } that you may see.
refusal-changed_since = the case was changed since you loaded it (it is now at version { $version }, you saw { $seen }); reload the page and try again.
refusal-channel_refuses = the programme's policy does not take { $priority } cases by { $channel }.
refusal-no_target = { $year } has no quota decision and no pledge to split.
refusal-no_needs = there are no resettlement needs figures for { $year } or a year before it.
refusal-not_state_reception = a { $kind } is not state reception; a family placed there takes the housed step.
refusal-no_home = a { $kind } is not a home: a family that is housed goes to its own home, a sponsor group's home or a municipality that houses it directly.
refusal-request_not_allowed = { $final ->
    [yes] a request that is { $from } is final and cannot become { $to }.
   *[no] a request that is { $from } cannot become { $to }; it may become: { $allowed }.
}
refusal-resolved_while_requested = { $day } is given, but the request is still waiting for a decision; leave the day empty.
refusal-hold_too_long = a hold lasts at most { $max } days; this one lasts { $days }.
refusal-listed_twice = “{ $given }” is listed twice.
refusal-none_beside_others = “none” cannot be chosen beside a dependency.
reunification-status-requested = requested
reunification-status-approved = approved
reunification-status-refused = refused
reunification-status-reunited = reunited
after-arrival-title = Steps after arrival
after-arrival-lead = What the programme still asks of the family once it has arrived, each with the day it was done and the days it took from arrival.
after-arrival-col-step = Step
after-arrival-col-by = By
after-arrival-col-done = Done on
after-arrival-col-days = Time from arrival
after-arrival-not-done = not yet
after-arrival-days = { $days ->
        [one] one day
       *[other] { $days } days
    }
after-arrival-form-title = Record a step after arrival
after-arrival-record = Record the step
after-arrival-saved = Recorded: { $step }.
after-arrival-refused = Not recorded:
refusal-not_arrived = the family has not arrived yet.
refusal-no_step_back = only a family received by a sponsor group steps back into reception, when the sponsorship breaks down.
refusal-home_is_no_place = the family's own home is not a reception place: give its address instead.
refusal-already_there = { $home ->
    [yes] the family already lives in its own home.
   *[other] the family already stays at { $place }.
}
refusal-move_back_without_reason = a move back from a { $from } to a { $to } is a step back: say why.
refusal-no_stay_yet = the family is in no stay yet: take it into reception with the step “in reception”.
refusal-move_changes_state = a move from a { $from } to a { $to } changes where the case stands: { $back ->
    [yes] take the step back to “in reception”.
   *[no] take the step “housed”.
}
refusal-open_before_last = only the last stay may be open: the family moved on from this one.
refusal-not_continuous = { $day } is not the day the stay before it ended ({ $ended }).
refusal-too_few = at least { $min }; { $got } is too few.
refusal-not_in_family = the family has no member { $member } (members 1 to { $members }).
refusal-age_outside = member { $member } is { $age } on { $on }; this is for ages { $min } to { $max }.
refusal-schooling_unanswered = member { $member } is of school age: say whether the child goes to school.
refusal-no_work_to_match = without work, there is no work to match a qualification.
refusal-not_where_staying = the stored place “{ $given }” is not the place of the current stay (“{ $current }”).
refusal-not_stored_as_code = “{ $given }” is stored as its code “{ $code }”.
reunification-title = Family reunification
reunification-lead = Relatives left behind whom the family asks to join them. A split decision and an arrival without an accepted member open a request; a request waiting for a decision past its due day is overdue.
reunification-col-no = No.
reunification-col-relative = Relative
reunification-col-status = Status
reunification-col-requested = Requested
reunification-col-due = Decision due
reunification-no-limit = no limit
reunification-overdue = { $days ->
        [one] one day over
       *[other] { $days } days over
    }
reunification-overdue-line = reunification of { $name }
ties-title = Request { $number }: { $name }
ties-dependency = Dependency
ties-evidence = Proof of family ties
ties-not-recorded = not recorded
ties-save = Save dependency and proof
ties-saved = The dependency and proof of request { $number } were saved.
ties-refused = Not saved:
dependency-none = none
dependency-financial = financial
dependency-emotional = emotional
dependency-medical = medical
evidence-documents = civil documents
evidence-dna = DNA test
evidence-testimony = testimony
evidence-photographs = photographs
evidence-unhcr_records = UNHCR registration records
refusal-characters = “{ $given }” may hold only letters, digits and { $others }.
refusal-too_short = at least { $min } characters are required, not counting spaces at either end; this has { $got }.
refusal-one_character_repeated = it is one character repeated; choose a phrase of several words.
refusal-common_password = it is on the list of passwords most used, from breaches; choose another.
refusal-role_not_held = the user does not hold the role “{ $role }”.
refusal-no_organisation = you belong to no organisation that submits cases.
refusal-not_a_list_position = “{ $given }” is not a place in this list: follow the list’s own “next page” link, or start again from the first page.
refusal-not_a_web_address = “{ $given }” is not an http:// or https:// address without a query.
refusal-not_an_email = “{ $given }” is not an e-mail address (name@domain).
refusal-not_a_phone = “{ $given }” is not a mobile number in international form (+ and 8 to 15 digits, e.g. +961 3 123 456).
refusal-no_rate = the programme’s policy profile has no rate for { $instrument }.
refusal-several = there are several ({ $found }); name one.
refusal-one_of = give one of { $fields }, not both.
refusal-no_longer = it is no longer { $was }: it was changed since you loaded it; reload and try again.
refusal-place_not_of_kind = { $place } is a { $is }, not a { $wanted }.
refusal-at_most_one = give at most one of { $fields }.
refusal-not_combined = cannot be combined with { $with }.
refusal-figures = the figures cannot be used ({ $detail }).
refusal-no_scenario_for = no scenario shipped with resettle gives defaults for the reception model “{ $model }”; forecast a scenario file of your own.
refusal-newer_schema = the copy is at schema version { $version }, newer than this version’s { $latest }; restore it with the version of resettle that wrote it.
refusal-untrustworthy = the copy cannot be trusted ({ $detail }).
refusal-own_tools = a PostgreSQL database is backed up and restored with its own tools, not by resettle.
refusal-storage = it could not be saved; the fault has been logged.
anchor-submitted = the day the case was submitted
anchor-step_before = the step before it
anchor-step_recorded = the day the step was recorded
anchor-promised = the day it was promised
anchor-day_set = the day it was set
anchor-request_filed = the day the request was filed
anchor-arrived = the day the family arrived
anchor-current_stay_began = the day the family's current stay began
anchor-stay_began = the day the stay began
anchor-support_starts = the day the support starts
anchor-support_ends = the day the support ends
anchor-hold_starts = the hold starts
anchor-starts = the day it starts
anchor-follow_up_due = the day the { $months }-month follow-up is due
## The report to Parliament (/report)
nav-report = Report to Parliament
report-page-title = Report to Parliament
report-page-lead = The year's report on the programme: pledges against arrivals, who arrived, selection missions, time taken, delays and their reasons, decisions by group, reunification, reception and money.
report-page-year = Year
report-page-language = Language of the report
report-page-format = Format
report-page-format-html = web page (HTML)
report-page-format-pdf = PDF document
report-page-format-xlsx = spreadsheet (XLSX)
report-page-format-csv = figures as CSV
report-page-round = Round every count to the nearest 5 (Eurostat's practice)
report-page-suppression = Counts too small to publish are withheld, as the programme's data protection settings say.
report-page-build = Build the report
report-page-refused-year = The report was not built: give a year from { $min } to { $max } that has begun.
claim-page-title = Funding claim
claim-page-lead = Every person accepted for resettlement who arrived in the year, once, with the amount claimed for them under the programme's policy profile, and the total.
claim-page-instrument = Instrument
claim-page-instrument-amif = EU funding (AMIF), per person
claim-page-instrument-allowance = allowance to the receiving municipality
claim-page-language = Language of the claim
claim-page-build = Build the claim
claim-page-refused-instrument = The claim was not built: the programme's policy profile has no such funding. Choose the other instrument.
claims-page-title = Funding claims filed
claims-page-lead = A claim once filed never changes. A later claim of the same instrument and year names only the persons no claim named yet, and corrects, with the reason, the amount of anyone claimed before whose amount changed: nobody is claimed twice.
claims-page-file-title = File a claim
claims-page-file-lead = Files the year's claim as it stands today. While the year is not over, a later claim adds those who arrive after.
claims-page-file = File the claim
claims-page-refused = The claim was not filed:
claims-page-filed = The claim was filed.
claims-page-filed-title = Claims filed
claims-page-none = No claim has been filed yet.
claims-page-claim = { $instrument }, { $year }, claim { $number }
claims-page-claim-filed = Filed on { $day } by { $by }, arrivals counted to { $as_of }; total € { $total }.
claims-page-lines = { $count ->
    [one] one line
   *[other] { $count } lines
}
claims-page-person = Person (case/member)
claims-page-kind = Line
claims-page-amount = Amount
claims-page-kind-claim = claimed
claims-page-kind-correction = correction
claims-page-reason-amount_changed = the amount changed
claims-page-reason-no_longer_eligible = no longer among the year's arrivals
report-page-claims-link = Funding claims filed

## The quota page: the plan split over situations and channels, tracked to arrival.
nav-quota = Quota
quota-title = Quota by situation and channel
quota-lead = Each year's places split over refugee situations in proportion to UNHCR's projected resettlement needs, with the programme's floors, and over selection missions, dossier submissions and emergency places; the missions that implies; and each year followed to arrival.
quota-programme = Programme
quota-from = From
quota-to = To
quota-emergency = Emergency places a year
quota-allocate = Split the plan
quota-allocation-title = The plan by situation and channel
quota-floors = Floors:
quota-floors-none = none
quota-chart-title = Places per year by refugee situation
quota-situation-africa = African situations
quota-situation-syria = Syrian refugees
quota-situation-other = Other situations
quota-year-on-top = { $places } places: the target of { $target } plus { $emergency } emergency places on top.
quota-year-within = { $places } places, { $emergency } emergency places among them.
quota-target-decision = The target is the quota decision's.
quota-target-pledge = The target is the year's pledge.
quota-needs-of = Needs of { $year }.
quota-col-situation = Situation
quota-col-total = Total
quota-missions-title = Selection missions implied in { $year }
quota-col-country = Country of asylum
quota-col-mission-persons = Persons by mission
quota-col-missions = Missions
quota-col-planned = Already planned
quota-col-to-plan = Still to plan
quota-country-none = no country of asylum known
quota-needs-title = The needs figures and their sources
quota-needs-note = A year without its own figures uses the latest earlier year's. No source gives the single African situations (Great Lakes, South Sudan, Sudan, Somalia, Central African Republic) apart.
quota-track-title = A year tracked to arrival
quota-track-year = Year
quota-track-show = Show the year
quota-sponsored-left-out = Sponsored families come on top of the quota here, so they are not counted against it.
quota-col-channel = Channel
quota-col-target = Target
quota-col-submitted = Submitted
quota-col-accepted = Accepted
quota-col-departed = Departure set
quota-col-arrived = Arrived
quota-col-gap = Gap
quota-delays-title = Delays behind the gap, by reason
quota-delays-none = No date told to a family slipped that year.
quota-col-reason = Reason
quota-col-cases = Cases
quota-col-persons = Persons
quota-decisions-title = Quota decisions
quota-decisions-none = No quota decision is on record yet.
quota-decision-line = Decision { $id }, published { $published }: proposed by { $proposed }, after consulting { $consulted }.
quota-decide-title = Record a quota decision
quota-field-proposed_by = Proposed by
quota-field-consulted = Consulted
quota-field-motivation = Motivation
quota-field-published_on = Published on
quota-field-years = Persons per year
quota-field-years-hint = A year and its persons per entry, separated by commas: 2022=2000, 2023=3000, 2024=3821.
quota-field-emergency = Emergency places each of those years
quota-decide-save = Record the decision
quota-saved = Decision { $id } recorded.
quota-refused = Not done:
quota-rule-from = the first year must be a year from 1950 to 2100 with a quota decision or a pledge, and needs figures at or before it.
quota-rule-to = the last year must not be before the first, and a plan runs at most 50 years.
quota-rule-years = give each year once as YEAR=PERSONS, from 1950 to 2100, with at most 10,000,000 persons.
quota-rule-emergency = emergency places are a whole number from 0 to 10,000,000.
quota-rule-proposed_by = say who proposed the quota (at most 4,000 characters).
quota-rule-consulted = say whom they consulted (at most 4,000 characters).
quota-rule-motivation = give the motivation: a quota nobody motivated cannot be held to account (at most 4,000 characters).
quota-rule-published_on = give the day it was published.
quota-rule-year = the year to track must be a year from 1950 to 2100 with a quota decision or a pledge.

# Integration support: the work list and a family's support (issue 25).
nav-support = Support
support-title = Support work list
support-lead = The families you support after arrival: the tasks their check-ins opened, the check-ins overdue, and each family's support plan.
support-tasks = Open tasks
support-no-tasks = No open tasks.
support-col-opened = Opened
support-col-task = Task
support-col-from = From
support-checkin-at = { $months }-month check-in
support-overdue = Check-ins overdue
support-no-overdue = No check-in is overdue.
support-col-due = Due since
support-col-checkin = Check-in
support-col-provider = Support provider
support-families = Families in support ({ $n })
support-no-families = No family in support.
support-col-next = Next check-in
support-checkin-due = { $months }-month check-in due { $due }
support-nothing-due = none due
support-family-title = Support of { $case }
support-back = Back to the work list
support-done-contact = The contact is logged.
support-done-checkin = The check-in is recorded.
support-done-goal = The goal is marked reached.
support-done-task = The task is closed.
support-plan = Support plan
support-starts = Starts
support-ends = Planned end
support-months = { $n } months
support-no-plan = No support plan yet: reception or the support provider sets one.
support-goals = Goals
support-goal = Goal
support-col-target = Target date
support-col-state = State
support-goal-reached = reached on { $on }
support-goal-late = past its target
support-goal-open = open
support-goal-refused = The goal was not marked reached:
support-goal-reached-on = Reached on
support-goal-mark = Mark reached
support-task-opened = opened { $on } by the { $months }-month check-in
support-task-closed = Closed { $on }
support-task-refused = The task was not closed:
support-task-note = What was done
support-task-close = Close the task
support-task = Task
support-checkins = Wellbeing check-ins
support-no-checkins = No check-in answered yet.
support-col-answered = Answered
support-col-home = Own home
support-checkin-language = Language course
support-checkin-school = Children in school
support-checkin-work = Work or training
support-checkin-health = Health care
support-checkin-relatives = Family members still abroad
support-checkin-feeling = How the family feels things are going
support-yes = yes
support-no = no
support-home-facts = own kitchen { $kitchen }, own shower { $shower }, { $rooms } rooms
support-of = { $n } of { $of }
support-work-facts = { $working } of { $of } working, { $matching } matching their qualifications
support-health-facts = registered with a doctor { $doctor }, care when needed { $care }
support-not-answered = not answered
feeling-1 = very badly
feeling-2 = badly
feeling-3 = so-so
feeling-4 = well
feeling-5 = very well
support-checkin-record = Record a check-in
support-checkin-lead = Ask the family the questions together. A problem the answers show (no home of its own, a child not in school, a relative still abroad) opens a task for the support provider.
support-checkin-refused = The check-in was not recorded:
support-checkin-months = Check-in
support-checkin-answered-on = Answered on
support-checkin-housing = Housing
support-checkin-own-home = The family lives in a home of its own
support-checkin-own-kitchen = It has its own kitchen
support-checkin-own-shower = It has its own shower
support-checkin-rooms = Rooms (without kitchen and bathroom)
support-checkin-language-course = An adult follows a language course
support-checkin-child-in-school = Member { $member } ({ $age } years old) goes to school
support-checkin-adult-works = Member { $member } ({ $age } years old) has work
support-checkin-adult-trains = Member { $member } follows a training towards work
support-checkin-adult-match = The work of member { $member } matches their qualifications
support-checkin-health-hint = Special-category data: sealed, and read only by the medical officer and the support provider.
support-checkin-doctor = Every member is registered with a doctor
support-checkin-care = The family gets care when it needs it
support-checkin-health-skip = The family prefers not to answer these questions
support-checkin-save = Record the check-in
support-contacts = Contacts logged
support-no-contacts = No contact logged yet.
support-contact-log = Log a contact
support-contact-refused = The contact was not logged:
support-contact-on = Day
support-contact-kind = How
support-contact-note = What it was about
support-contact-hint = No health details here: they belong in a check-in's sealed answers.
support-contact-save = Log the contact
task-no_own_housing = no home of its own
task-child_not_in_school = child not in school
task-relative_abroad = family member still abroad
goal-own_housing = a home of its own
goal-language_course = language course
goal-school_enrolment = school enrolment
goal-doctor_registration = registration with a doctor
goal-work_or_training = work or training
goal-family_abroad = family members abroad joined
contact_kind-visit = home visit
contact_kind-office = at the office
contact_kind-call = call
contact_kind-message = message
provider_kind-ngo = NGO
provider_kind-municipality = municipality
provider_kind-sponsor_group = sponsor group
answered_by-staff = by a supporter
answered_by-family = by the family

## The import page (/import)
submit-import = Many cases at once? Import a spreadsheet
import-page-title = Import submissions
import-too-large = The file is larger than { $mib } MiB: split it into smaller files and import each.
import-page-lead = Register UNHCR's submissions from a spreadsheet (CSV or XLSX), one row per person. The file is checked first and nothing is written until you import it; a file with any bad row imports nothing and every bad row is listed. Cases already registered are left as they are.
import-page-columns = The columns, in this order
import-page-columns-lead = Lists are separated by semicolons; education, occupation and linked cases may be empty. Another layout is read from the command line with a mapping file.
import-page-check-title = Check a file
import-page-file = File (CSV or XLSX)
import-page-check = Check the file
import-page-refused = Nothing was imported:
import-page-problems = Nothing was imported: { $name } has { $count ->
        [one] one problem
       *[other] { $count } problems
    }. Correct the file and check it again.
import-page-problems-title = The problems, by row
import-page-row = Row
import-page-column = Column
import-page-value = Value
import-page-reason = Why
import-page-whole-file = the file
import-page-preview-title = What { $name } would register
import-page-preview = { $cases ->
        [one] one case
       *[other] { $cases } cases
    }, { $persons ->
        [one] one person
       *[other] { $persons } persons
    }: { $added } would be registered, { $unchanged } { $unchanged ->
        [one] is
       *[other] are
    } registered already.
import-page-import = Import { $added ->
        [one] the case
       *[other] the { $added } cases
    }
import-page-done = Imported: { $added } registered, { $unchanged } registered already, of { $cases ->
        [one] one case
       *[other] { $cases } cases
    } and { $persons ->
        [one] one person
       *[other] { $persons } persons
    } in the file.