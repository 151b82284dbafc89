# The family status page (/family) and the letter that carries a family's access code,
# English. Every message here exists in nl, fr, ar and fa too (a test compares the files).
# Plain words for people who may read this on a phone in a camp, not for staff: no codes,
# no jargon. Domain codes are worded by messages named <kind>-<code>.

## Page frame

nav-skip = Skip to content
nav-language = Language
family-brand = Your case
family-title = Your case
family-footer = This page shows what the resettlement programme has recorded about your case. It does not replace a letter from the programme.
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
duration-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
duration-months = { $n ->
        [one] { $n } month
       *[other] { $n } months
    }

## Signing in with the letter's code

family-sign-in-title = Follow your case
family-sign-in-lead = Enter the case number and the access code from the letter you were given.
family-case-number = Case number
family-code = Access code
family-code-hint = Twelve letters and digits, as on your letter; dashes and spaces do not matter.
family-open = Open my case
family-refused = The case number or the access code is wrong. Check them against your letter and try again.
family-too-many = Too many wrong codes. Please wait { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and try again.
family-session-ended = Your session has ended. Enter your case number and code again.
family-sign-out = Sign out
family-signed-out = You have signed out.
family-error = Something went wrong on our side. Please try again later.

## Where the case stands

family-case = Case number
family-now-title = Where your case stands
family-since = Since { $date } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }).
family-next-title = Next step
family-promised = { $kind ->
        [interview] Your interview date: { $date }.
       *[departure] Your departure date: { $date }.
    }
family-promised-passed = { $kind ->
        [interview] The interview date you were given, { $date }, has passed, and no new date has been set yet.
       *[departure] The departure date you were given, { $date }, has passed, and no new date has been set yet.
    }
family-promised-held = It falls in the programme's hold and cannot be kept.

## The estimate

family-estimate-title = Estimate, not a promise
family-estimate-range = Probably in { $low } to { $high }.
family-estimate-half = Probably in { $low } or more.
family-estimate-basis = Of { $cases } families in a situation like yours (same programme, same kind of procedure, same urgency, same country) who had already waited as long as you, half reached the next step within { $low } and nine in ten within { $high }.
family-estimate-basis-half = Of { $cases } families in a situation like yours who had already waited as long as you, half reached the next step within { $low }; too many are still waiting to say more.
family-estimate-unknown = Of { $cases } families in a situation like yours who had already waited as long as you, more than half are still waiting: no estimate can be given yet.
family-estimate-not-ready = The estimate is being prepared; look again in a few minutes.
family-estimate-too-few = Fewer than 20 families in a situation like yours have waited this long: too few for an estimate.
family-estimate-not-a-promise = This is counted from what happened to other families. It is not a date given to you; your own date may come earlier or later.

## Holds and dates that changed

family-holds-title = The programme is on hold
family-hold-current = The programme is on hold from { $from } to { $until }: no family travels in that time.
family-hold-coming = The programme will be on hold from { $from } to { $until }: no family will travel in that time.
family-hold-breaks = { $kind ->
        [interview] Your interview date falls in that time and cannot be kept. You will be given a new date.
       *[departure] Your departure date falls in that time and cannot be kept. You will be given a new date.
    }
family-reason = Reason:
family-reason-not-given = The reason was not recorded in words we can translate; ask the contact below.
family-slips-title = Dates that changed
family-slip = { $kind ->
        [interview] Your interview date moved from { $old } to { $new } (decided on { $on }).
       *[departure] Your departure date moved from { $old } to { $new } (decided on { $on }).
    }

## What the programme tells every family

family-advice-title = What not to do yet
family-contact-title = Whom to contact

## The history (the same list as on the staff's case page, in the family's words)

timeline-title = Your case so far
timeline-opened = { $to }
timeline-moved = { $to }
timeline-by = by { $actor }
timeline-why = Why:
timeline-member = member { $number }
step_data-departure_date = departure date
step_data-promised_date = the date you had been given

## The steps

state-submitted = Submitted by UNHCR
state-scheduled_for_mission = Interview planned with a selection mission
state-dossier_review = Your file is being reviewed
state-interviewed = Interviewed; waiting for the decision
state-accepted = Accepted
state-accepted_in_part = Accepted for part of the family
state-refused = Not accepted
state-deferred = Decision postponed
state-pre_departure = Preparing your journey
state-departure_scheduled = Departure date set
state-arrived = Arrived
state-in_reception = In a reception centre
state-housed = In your own home
state-integration_support = Integration support
state-closed = Case closed
state-withdrawn = Case withdrawn
state-deceased = Case closed after the death of the principal applicant

## What comes next after each step

next-submitted = The programme decides how your case is studied: an interview with a selection mission, or a review of your file.
next-scheduled_for_mission = Your interview with the selection mission.
next-dossier_review = The decision on your case.
next-interviewed = The decision on your case.
next-deferred = Your case is studied again: an interview or a review of your file.
next-accepted = Preparing your journey: travel papers, a health check and orientation sessions.
next-accepted_in_part = Preparing your journey: travel papers, a health check and orientation sessions.
next-pre_departure = A departure date.
next-departure_scheduled = Your journey and arrival.
next-arrived = Your first place to stay: a reception centre or your home.
next-in_reception = Your own home.
next-housed = Integration support.
next-integration_support = The end of your support period.

## The letter with the access code

letter-title = How to follow your case
letter-greeting = Dear family,
letter-body = You can follow your resettlement case on the internet, in your language. The page shows where your case stands, every step so far with its date, the dates you were given and an estimate for the next step. Open the address below and enter your case number and access code.
letter-address = Address
letter-keep = Keep this code to yourself: anyone who has it can see where your case stands. If you lose it, or think someone else knows it, ask for a new one; the old one then stops working.
letter-issued = Issued on { $date }.

## Wellbeing check-in (issue 25)
family-checkin-title = How are things going?
family-checkin-lead = { $months } months after your arrival, we ask how your family is doing. Your answers help those who support you and, counted together with other families' answers and never by name, show the programme what to improve.
family-checkin-housing = Your home
family-checkin-own-home = We live in a home of our own
family-checkin-own-kitchen = We have our own kitchen
family-checkin-own-shower = We have our own shower
family-checkin-rooms = Number of rooms (without kitchen and bathroom)
family-checkin-language = An adult in our family follows a language course
family-checkin-school = School
family-checkin-child-in-school = Child number { $member } ({ $age } years old) goes to school
family-checkin-work = Work
family-checkin-adult-works = Adult number { $member } ({ $age } years old) has work or follows a training
family-checkin-adult-match = The work of adult number { $member } matches their training and experience
family-checkin-health = Health care (only the staff who need it can read these answers)
family-checkin-doctor = We are registered with a doctor
family-checkin-care = We get care when we need it
family-checkin-health-skip = I prefer not to answer the health questions
family-checkin-relatives = Family members still abroad who wait to join you
family-checkin-feeling = How do you feel things are going?
family-checkin-feeling-1 = very badly
family-checkin-feeling-2 = badly
family-checkin-feeling-3 = so-so
family-checkin-feeling-4 = well
family-checkin-feeling-5 = very well
family-checkin-consent = We agree that our answers are kept and read by those who support us
family-checkin-send = Send our answers
family-checkin-thanks = Thank you. Your answers were recorded.
family-checkin-refused = Your answers could not be recorded. Please check them and try again.
family-checkin-refused-rooms = Your answers could not be recorded: give the number of rooms of your home, at least 1.
family-checkin-refused-relatives = Your answers could not be recorded: the number of family members still abroad is too high. Please check it.
family-checkin-refused-feeling = Your answers could not be recorded: choose how you feel things are going.
family-checkin-no-consent = Your answers are kept only with your consent: tick the box at the end of the form.
